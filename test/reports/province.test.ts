/**
 * The province's year from DOMAIN.md, reproduced exactly: 4,982 specialist
 * services = 740 crisis interventions + 1,116 mobile-team operations + 3,126
 * calls on line 123; by problem 696 family disputes, 417 child abuse, 309
 * suicide, the rest spouse abuse, running away, neglectful guardianship and
 * elder abuse. The rows go in through the store functions in one transaction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCase } from '../../src/store/cases.js';
import { insertService } from '../../src/store/services.js';
import { addDaysIso, jalaliOf, jd } from './oracle.js';
import { TestOffice } from './fixture.js';
import { displayWidth } from '../../src/ui/text-width.js';

const TYPES: [string, string, number][] = [
  ['crisis-intervention', 'center', 740],
  ['mobile-team', 'mobile-team', 1116],
  ['hotline-call', 'hotline', 3126],
];
const CATEGORIES: [string, number][] = [
  ['family-dispute', 696],
  ['child-abuse', 417],
  ['suicide', 309],
  ['spouse-abuse', 1210],
  ['runaway', 930],
  ['neglectful-guardian', 760],
  ['elder-abuse', 660],
];

let o: TestOffice;
const perMonth = new Array<number>(12).fill(0);
/** "type category" → services, as the fixture wrote them. */
const written = new Map<string, number>();

beforeAll(async () => {
  o = await TestOffice.create('PRV01');
  const yearStart = jd(1404, 1, 1);
  // Each service's type and category, interleaved so that every month holds a mix.
  const types = TYPES.flatMap(([t, ch, n]) => Array.from({ length: n }, () => [t, ch] as const));
  const cats = CATEGORIES.flatMap(([c, n]) => Array.from({ length: n }, () => c));
  expect(types).toHaveLength(4982);
  expect(cats).toHaveLength(4982);
  o.db.write((w) => {
    const caseOf = new Map<string, number[]>();
    let seq = 0;
    for (const [cat] of CATEGORIES) {
      const ids: number[] = [];
      for (let k = 0; k < 12; k++) {
        seq++;
        const opened = addDaysIso(yearStart, k * 30);
        ids.push(
          insertCase(
            w,
            {
              caseNumber: `PRV01-1404-${String(seq).padStart(6, '0')}`,
              year: 1404,
              seq,
              clientId: null,
              channel: 'hotline',
              primaryCategory: cat,
              risk: 'medium',
              centerId: null,
              workerId: null,
              openedOn: opened,
              summary: null,
            },
            [cat],
            `${opened}T08:00:00.000Z`,
          ),
        );
      }
      caseOf.set(cat, ids);
    }
    for (let i = 0; i < 4982; i++) {
      const [type, channel] = types[(i * 7919) % 4982] as readonly [string, string];
      const cat = cats[i] as string;
      written.set(`${type} ${cat}`, (written.get(`${type} ${cat}`) ?? 0) + 1);
      const month = i % 12;
      const date = addDaysIso(yearStart, month * 30 + (i % 29));
      perMonth[jalaliOf(date).m - 1]!++;
      // The case of that category opened in the service's month.
      const caseId = (caseOf.get(cat) as number[])[month] as number;
      insertService(w, { caseId, serviceDate: date, type, channel, workerId: null, minutes: null, note: null }, `${date}T09:00:00.000Z`);
    }
  });
});
afterAll(() => o.cleanup());

describe("the province's year table", () => {
  it('report year --json gives exactly the figures of the sources', async () => {
    const r = await o.report(['year', '--year', '1404']);
    const s = r.total.services;
    expect(s.total).toBe(4982);
    expect([s.byType['crisis-intervention'], s.byType['mobile-team'], s.byType['hotline-call']]).toEqual([740, 1116, 3126]);
    expect(s.byType['crisis-intervention'] + s.byType['mobile-team'] + s.byType['hotline-call']).toBe(s.total);
    expect([s.byCategory['family-dispute'], s.byCategory['child-abuse'], s.byCategory.suicide]).toEqual([696, 417, 309]);
    expect(s.byCategory['spouse-abuse'] + s.byCategory.runaway + s.byCategory['neglectful-guardian'] + s.byCategory['elder-abuse']).toBe(
      4982 - 696 - 417 - 309,
    );
    expect(s.byCategory.none).toBe(0);
    expect(Object.values(s.byCategory as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(4982);
    expect(r.months.map((m: { services: { total: number } }) => m.services.total)).toEqual(perMonth);
  });

  it("services by type and problem: the pairs as written, adding up to the province's figures both ways", async () => {
    const r = await o.report(['year', '--year', '1404']);
    const cross = r.total.services.byTypeAndCategory as Record<string, Record<string, number>>;
    for (const [type, , n] of TYPES) {
      expect(Object.values(cross[type] as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(n);
      for (const [cat] of CATEGORIES) expect(cross[type]?.[cat]).toBe(written.get(`${type} ${cat}`) ?? 0);
      expect(cross[type]?.none).toBe(0);
    }
    for (const [cat, n] of CATEGORIES) expect(TYPES.reduce((a, [type]) => a + (cross[type]?.[cat] ?? 0), 0)).toBe(n);
    // "How many mobile-team operations were for child abuse": one figure, in the JSON and in the table.
    const mobileChildAbuse = written.get('mobile-team child-abuse') as number;
    expect(mobileChildAbuse).toBeGreaterThan(0);
    expect(cross['mobile-team']?.['child-abuse']).toBe(mobileChildAbuse);
    const t = await o.cli(['report', 'year', '--year', '1404']);
    const lines = t.stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('Services by problem and type'));
    expect(at).toBeGreaterThan(0);
    const row = lines.slice(at).find((l) => l.startsWith('│ Child abuse ')) ?? '';
    const cells = row
      .split('│')
      .map((c) => c.trim())
      .filter((c) => c !== '');
    const fmt = (n: number): string => n.toLocaleString('en-US');
    const child = (type: string): number => written.get(`${type} child-abuse`) ?? 0;
    expect(cells).toEqual([
      'Child abuse',
      fmt(child('crisis-intervention')),
      fmt(mobileChildAbuse),
      fmt(child('hotline-call')),
      '0',
      '417',
    ]);
    const total = lines.slice(at).find((l) => l.startsWith('│ Total ')) ?? '';
    expect(
      total
        .split('│')
        .map((c) => c.trim())
        .filter((c) => c !== ''),
    ).toEqual(['Total', '740', '1,116', '3,126', '0', '4,982']);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    // The same table in csv and html (one document, four renderers).
    const csv = await o.cli(['report', 'year', '--year', '1404', '--format', 'csv']);
    expect(csv.stdout).toContain(
      `services.byTypeAndCategory.child-abuse,Child abuse,${child('crisis-intervention')},${mobileChildAbuse},${child('hotline-call')},0,417\r\n`,
    );
    expect(csv.stdout).toContain('services.byTypeAndCategory.total,Total,740,1116,3126,0,4982\r\n');
    const html = await o.cli(['report', 'year', '--year', '1404', '--format', 'html']);
    expect(html.stdout).toContain('Services by problem and type');
  });

  it('the terminal table prints the rows of the sources', async () => {
    const r = await o.cli(['report', 'year', '--year', '1404']);
    expect(r.code).toBe(0);
    const row = (label: string): string => r.stdout.split('\n').find((l) => l.includes(`│ ${label} `)) ?? '';
    expect(row('Total')).toMatch(/│\s+4,982 │$/);
    expect(row('Crisis intervention')).toMatch(/│\s+740 │$/);
    expect(row('Mobile-team operation')).toMatch(/│\s+1,116 │$/);
    expect(row('Hotline call')).toMatch(/│\s+3,126 │$/);
    expect(row('Acute family dispute')).toMatch(/│\s+696 │$/);
    expect(row('Child abuse')).toMatch(/│\s+417 │$/);
    expect(row('Suicidal thoughts or attempt')).toMatch(/│\s+309 │$/);
    for (const line of r.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('in Persian, with Persian digits', async () => {
    const r = await o.cli(['--lang', 'fa', 'report', 'year', '--year', '۱۴۰۴']);
    expect(r.code).toBe(0);
    const row = (label: string): string => r.stdout.split('\n').find((l) => l.includes(` ${label} │`)) ?? '';
    expect(row('جمع کل')).toMatch(/^│\s+۴٬۹۸۲ │/);
    expect(row('مداخله در بحران')).toMatch(/^│\s+۷۴۰ │/);
    expect(row('عملیات تیم سیار')).toMatch(/^│\s+۱٬۱۱۶ │/);
    expect(row('تماس تلفنی ۱۲۳')).toMatch(/^│\s+۳٬۱۲۶ │/);
    expect(row('کودک‌آزاری')).toMatch(/^│\s+۴۱۷ │/);
    // Every figure in Persian digits (the office code, PRV01, is the only Latin text).
    expect(r.stdout.replaceAll('PRV01', '')).not.toMatch(/[0-9]/);
  });
});
