/**
 * The report counts follow `case update`: a primary problem moves its case's services,
 * the further problems their any-category counts, an opening date and a center the case's
 * opened counts, a channel none (a service carries the channel it was logged with). Checked
 * against the oracle's figures, counted from the test's own record, and by `db check`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, comparisonFigures, expectedFigures, jd, seeded } from '../reports/oracle.js';
import { TestOffice, type CaseRecord } from '../reports/fixture.js';

const TODAY = '2026-11-25'; // 1405/09/04
const CATEGORIES = ['family-dispute', 'child-abuse', 'spouse-abuse', 'suicide', 'runaway', 'neglectful-guardian', 'elder-abuse'];
const TYPES = ['crisis-intervention', 'hotline-call', 'social-work', 'psychology'];

let o: TestOffice;
const names = { centers: new Map<number, string>(), workers: new Map<number, string>() };
const cases: CaseRecord[] = [];

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  const rnd = seeded(12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const centers = ['مرکز یک', 'مرکز دو'].map((n) => {
    const id = o.center(n);
    names.centers.set(id, n);
    return id;
  });
  o.batch(() => {
    for (let day = jd(1405, 7, 1); day <= TODAY; day = addDaysIso(day, 1)) {
      if (rnd() < 0.3) {
        const category = pick(CATEGORIES);
        cases.push(
          o.openCase({
            opened: day,
            category,
            categories: rnd() < 0.5 ? [pick(CATEGORIES.filter((c) => c !== category))] : [],
            channel: pick(['hotline', 'referral', 'center']),
            center: pick([...centers, null]),
          }),
        );
      }
      for (const c of cases) {
        if (c.events.length === 0 && c.opened < day && rnd() < 0.15) o.service({ date: day, type: pick(TYPES), case: c });
        if (c.events.length === 0 && c.opened < day && rnd() < 0.02) o.close(c, day, 'resolved');
      }
    }
  });
});
afterAll(() => o.cleanup());

/** Runs `case update` and applies the change to the test's own record, by the documented rule (not from the output). */
async function update(c: CaseRecord, args: string[]): Promise<void> {
  const r = await o.cli(['case', 'update', String(c.id), ...args, '--reason', 'corrected in a test', '--json']);
  if (r.code !== 0) throw new Error(`case update exited ${r.code}: ${r.stderr}`);
  const given = (option: string): string | undefined => {
    const i = args.indexOf(option);
    return i < 0 ? undefined : (args[i + 1] as string);
  };
  const primary = given('--category') ?? c.category;
  const listed = given('--categories');
  const further = listed === undefined ? c.categories.filter((x) => x !== c.category) : listed.split(',').filter((x) => x !== '');
  c.categories = [primary, ...new Set(further.filter((x) => x !== primary))];
  c.category = primary;
  c.opened = given('--opened') ?? c.opened;
  const center = given('--center');
  if (center !== undefined) c.centerId = Number(center);
  const k = r.json<{ primaryCategory: string; categories: string[]; openedOn: string; centerId: number | null }>();
  expect([k.primaryCategory, [...k.categories].sort(), k.openedOn, k.centerId]).toEqual([
    c.category,
    [...c.categories].sort(),
    c.opened,
    c.centerId,
  ]);
}

const served = (c: CaseRecord): string[] => o.services.filter((s) => s.caseId === c.id).map((s) => s.date);

async function expectOracle(): Promise<void> {
  for (const [y, m] of [
    [1405, 8],
    [1405, 9],
  ] as const) {
    const r = await o.report(['monthly', '--month', `${y}-${String(m).padStart(2, '0')}`]);
    const from = jd(y, m, 1);
    const to = addDaysIso(jd(y, m + 1, 1), -1);
    const figures = (x: { services: unknown; cases: unknown }) => ({ services: x.services, cases: x.cases });
    expect(figures(r)).toEqual(figures(expectedFigures(o, from, to, TODAY, names)));
    expect(figures(r.previousMonth)).toEqual(
      figures(comparisonFigures(expectedFigures(o, jd(y, m - 1, 1), addDaysIso(from, -1), TODAY, names))),
    );
    expect(figures(r.yearToDate)).toEqual(figures(comparisonFigures(expectedFigures(o, jd(1405, 1, 1), to, TODAY, names))));
  }
  const check = await o.cli(['db', 'check', '--json']);
  expect(check.json()).toMatchObject({ ok: true, reportCounts: { mismatches: 0 } });
}

describe('report counts after case update', () => {
  it('wrote a history to correct', async () => {
    expect(cases.filter((c) => served(c).length > 1).length).toBeGreaterThan(5);
    await expectOracle();
  });

  it('follow a change of the primary problem and of the further problems', async () => {
    const withServices = cases.filter((c) => served(c).length > 0);
    for (const [i, c] of withServices.slice(0, 6).entries()) {
      const category = CATEGORIES.find((x) => x !== c.category && !c.categories.includes(x)) as string;
      if (i % 3 === 0) await update(c, ['--category', category]);
      else if (i % 3 === 1) await update(c, ['--categories', `${category},${CATEGORIES[0]}`]);
      else await update(c, ['--category', category, '--categories', '']);
    }
    await expectOracle();
  });

  it('follow a change of the opening date (across months), the center and the channel', async () => {
    // Earlier than anything on the case, in the month before its opening.
    const movable = cases.filter((c) => c.opened >= jd(1405, 8, 1)).slice(0, 5);
    for (const c of movable) {
      const month = Number(c.opened.slice(5, 7));
      await update(c, ['--opened', addDaysIso(c.opened, -31 - (month % 3)), '--center', String([...names.centers.keys()][0])]);
    }
    // A later opening date, up to the first service or closing.
    const later = cases.filter((c) => !movable.includes(c) && c.events.length === 0 && served(c).length > 0).slice(0, 3);
    for (const c of later) await update(c, ['--opened', served(c).sort()[0] as string]);
    for (const c of cases.slice(0, 4)) await update(c, ['--channel', 'base']);
    await expectOracle();
  });
});
