/**
 * A simulated office (four months of clients, cases, services and follow-ups
 * written day by day through the domain) and its monthly, previous-month,
 * year-to-date, year and range figures checked against counts the test makes
 * itself from what it wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, expectedFigures, jd, seeded } from './oracle.js';
import { TestOffice, type CaseRecord, type FollowupRecord } from './fixture.js';

const TODAY = '2026-11-25'; // 1405/09/04
const TYPES = [
  'crisis-intervention',
  'mobile-team',
  'hotline-call',
  'social-work',
  'psychology',
  'legal',
  'referral',
  'follow-up',
  'workshop',
];
const CATEGORIES = [
  'family-dispute',
  'child-abuse',
  'spouse-abuse',
  'suicide',
  'runaway',
  'neglectful-guardian',
  'elder-abuse',
  'divorce',
  'social-harm',
  'other',
];
const CHANNELS = ['hotline', 'mobile-team', 'center', 'base', 'referral'];
const REASONS = ['resolved', 'referred', 'unreachable', 'moved', 'other'];

let o: TestOffice;
const names = { centers: new Map<number, string>(), workers: new Map<number, string>() };

function simulate(): void {
  const rnd = seeded(1405);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const centers = [o.center('مرکز مداخله در بحران کرج'), o.center('پایگاه خدمات اجتماعی مهرشهر')];
  names.centers.set(centers[0] as number, 'مرکز مداخله در بحران کرج');
  names.centers.set(centers[1] as number, 'پایگاه خدمات اجتماعی مهرشهر');
  const workers = [
    ['سارا', 'کریمی'],
    ['علی', 'رضایی'],
    ['نرگس', 'محمدی'],
  ].map(([f, l]) => {
    const id = o.worker(f as string, l as string);
    names.workers.set(id, `${f} ${l}`);
    return id;
  });
  const open: CaseRecord[] = [];
  const closed: CaseRecord[] = [];
  const scheduled: FollowupRecord[] = [];
  o.batch(() => {
    for (let day = jd(1405, 5, 1); day <= TODAY; day = addDaysIso(day, 1)) {
      if (rnd() < 0.35) {
        const r = rnd();
        // Ages near every boundary: 17, 18, 59, 60 and far from them; some unknown.
        const birth = r < 0.15 ? null : addDaysIso(day, -Math.floor((pick([5, 17.99, 18.01, 30, 59.98, 60.02, 75]) as number) * 365.25));
        o.client({ registered: day, sex: pick(['female', 'male', null]), birth, informal: rnd() < 0.3, womanHead: rnd() < 0.2 });
      }
      if (rnd() < 0.55) {
        const category = pick(CATEGORIES);
        const extra = rnd() < 0.4 ? [pick(CATEGORIES.filter((c) => c !== category))] : [];
        const c = o.openCase({
          opened: day,
          category,
          categories: extra,
          channel: pick(CHANNELS),
          center: pick([...centers, null]),
          worker: pick([...workers, null]),
        });
        open.push(c);
        for (let k = rnd() < 0.5 ? 1 : 2; k > 0; k--) scheduled.push(o.followup(c, addDaysIso(day, 3 + Math.floor(rnd() * 40))));
      }
      for (const c of [...open]) {
        if (rnd() < 0.2) o.service({ date: day, type: pick(TYPES), case: c });
        if (rnd() < 0.05) {
          o.close(c, day, pick(REASONS));
          open.splice(open.indexOf(c), 1);
          closed.push(c);
        }
      }
      for (const c of [...closed]) {
        if (rnd() < 0.02) {
          o.reopen(c, day);
          closed.splice(closed.indexOf(c), 1);
          open.push(c);
        }
      }
      if (rnd() < 0.4) o.service({ date: day, type: 'hotline-call' });
      for (const f of [...scheduled]) {
        if (f.due > addDaysIso(day, 5)) continue;
        const r = rnd();
        if (r < 0.15) o.finish(f, 'done', day);
        else if (r < 0.2) o.finish(f, 'missed', day);
        else if (r < 0.22) o.finish(f, 'cancelled', day);
        else continue;
        scheduled.splice(scheduled.indexOf(f), 1);
      }
    }
  });
}

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  simulate();
});
afterAll(() => o.cleanup());

describe('report monthly over a simulated office', () => {
  it('wrote enough history to test anything', () => {
    expect(o.services.length).toBeGreaterThan(300);
    expect(o.cases.filter((c) => c.events.some((e) => e.kind === 'reopened')).length).toBeGreaterThan(0);
    expect(o.followups.filter((f) => f.status === 'done').length).toBeGreaterThan(5);
    expect(o.followups.filter((f) => f.status === 'missed').length).toBeGreaterThan(0);
    expect(o.followups.filter((f) => f.status === 'cancelled').length).toBeGreaterThan(0);
  });

  for (const [month, y, m] of [
    ['1405-07', 1405, 7],
    ['1405-08', 1405, 8],
    ['1405-09', 1405, 9],
  ] as const) {
    it(`matches the test's own counts for ${month}, the month before it and the year to date`, async () => {
      const r = await o.report(['monthly', '--month', month]);
      const from = jd(y, m, 1);
      const to = addDaysIso(jd(y, m + 1, 1), -1);
      const prevFrom = jd(y, m - 1, 1);
      expect(r.period).toEqual({ month, from, to, asOf: to < TODAY ? to : TODAY });
      const { services, cases, followups, clients } = r;
      expect({ services, cases, followups, clients }).toEqual(expectedFigures(o, from, to, TODAY, names));
      const p = r.previousMonth;
      expect(p.period.month).toBe(`1405-${String(m - 1).padStart(2, '0')}`);
      expect({ services: p.services, cases: p.cases, followups: p.followups, clients: p.clients }).toEqual(
        expectedFigures(o, prevFrom, addDaysIso(from, -1), TODAY, names),
      );
      const ytd = r.yearToDate;
      expect(ytd.period).toEqual({ month: null, from: jd(1405, 1, 1), to, asOf: to < TODAY ? to : TODAY });
      expect({ services: ytd.services, cases: ytd.cases, followups: ytd.followups, clients: ytd.clients }).toEqual(
        expectedFigures(o, jd(1405, 1, 1), to, TODAY, names),
      );
    });
  }

  it('services by primary category add up to the total, "none" holding the calls without a case', async () => {
    const r = await o.report(['monthly', '--month', '1405-08']);
    const sum = Object.values(r.services.byCategory as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(sum).toBe(r.services.total);
    expect(r.services.byCategory.none).toBe(
      o.services.filter((s) => s.caseId === null && s.date >= jd(1405, 8, 1) && s.date <= jd(1405, 8, 30)).length,
    );
    expect(r.services.byCategory.none).toBeGreaterThan(0);
  });

  it('the year report has the monthly figures as its months and the whole year as its total', async () => {
    const year = await o.report(['year', '--year', '1405']);
    expect(year.months).toHaveLength(12);
    const aban = await o.report(['monthly', '--month', '1405-08']);
    const { office: _o, previousMonth: _p, yearToDate: _y, people: _people, ...abanFigures } = aban;
    expect(year.months[7]).toEqual(abanFigures);
    const range = await o.report(['range', '--from', '1405/01/01', '--to', '1405/12/29']);
    const { office: _r, ...rangeFigures } = range;
    expect(year.total).toEqual(rangeFigures);
    expect(year.total.services.total).toBe(o.services.length);
  });

  it('a range report counts exactly the days given', async () => {
    const from = jd(1405, 7, 10);
    const to = jd(1405, 8, 20);
    const r = await o.report(['range', '--from', '1405/07/10', '--to', '1405-08-20']);
    expect(r.period).toEqual({ month: null, from, to, asOf: to });
    const { services, cases, followups, clients } = r;
    expect({ services, cases, followups, clients }).toEqual(expectedFigures(o, from, to, TODAY, names));
  });
});
