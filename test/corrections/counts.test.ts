/**
 * The report counts after corrections, voids and reschedules, against the independent
 * oracle (test/reports/oracle.ts, which skips voided services): this month, the month
 * before and the year to date, and `db check` agrees with the triggers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDaysIso, comparisonFigures, expectedFigures, jd, seeded } from '../reports/oracle.js';
import { TestOffice, type CaseRecord, type FollowupRecord, type ServiceRecord } from '../reports/fixture.js';

const TODAY = '2026-11-25'; // 1405/09/04
const TYPES = ['crisis-intervention', 'mobile-team', 'hotline-call', 'social-work', 'psychology', 'legal', 'referral', 'follow-up'];
const CATEGORIES = ['family-dispute', 'child-abuse', 'spouse-abuse', 'suicide', 'runaway', 'other'];

let o: TestOffice;
const names = { centers: new Map<number, string>(), workers: new Map<number, string>() };

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  const rnd = seeded(12);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const worker = o.worker('سارا', 'کریمی');
  names.workers.set(worker, 'سارا کریمی');
  const cases: CaseRecord[] = [];
  const services: ServiceRecord[] = [];
  const followups: FollowupRecord[] = [];
  o.batch(() => {
    for (let day = jd(1405, 7, 1); day <= TODAY; day = addDaysIso(day, 1)) {
      if (rnd() < 0.3) cases.push(o.openCase({ opened: day, category: pick(CATEGORIES), worker }));
      for (const c of cases) {
        if (rnd() < 0.15) services.push(o.service({ date: day, type: pick(TYPES.filter((t) => t !== 'hotline-call')), case: c }));
      }
      if (rnd() < 0.5) services.push(o.service({ date: day, type: 'hotline-call' }));
      if (rnd() < 0.2 && cases.length > 0) followups.push(o.followup(pick(cases), addDaysIso(day, 7), day));
    }
    // Corrections of the record, made today: voids, changed types, dates moved across months.
    for (const s of services) {
      const r = rnd();
      if (r < 0.1) o.voidService(s, TODAY);
      else if (r < 0.2 && s.caseId !== null)
        o.correctService(s, TODAY, { type: pick(TYPES.filter((t) => t !== 'hotline-call' && t !== s.type)) });
      else if (r < 0.3 && s.caseId === null && s.date >= jd(1405, 7, 21)) o.correctService(s, TODAY, { date: addDaysIso(s.date, -20) });
    }
    for (const f of followups) if (rnd() < 0.3) o.reschedule(f, TODAY, addDaysIso(f.due, rnd() < 0.5 ? 9 : -3));
  });
});
afterAll(() => o.cleanup());

describe('report counts after corrections', () => {
  it('voided some services and corrected others', () => {
    expect(o.services.filter((s) => s.voided === true).length).toBeGreaterThan(5);
  });

  for (const [month, y, m] of [
    ['1405-08', 1405, 8],
    ['1405-09', 1405, 9],
  ] as const) {
    it(`equal the oracle for ${month}, the month before and the year to date`, async () => {
      const r = await o.report(['monthly', '--month', month]);
      const from = jd(y, m, 1);
      const to = addDaysIso(jd(y, m + 1, 1), -1);
      const pick = (x: { services: unknown; cases: unknown; followups: unknown; clients: unknown }) => ({
        services: x.services,
        cases: x.cases,
        followups: x.followups,
        clients: x.clients,
      });
      expect(pick(r)).toEqual(expectedFigures(o, from, to, TODAY, names));
      expect(pick(r.previousMonth)).toEqual(comparisonFigures(expectedFigures(o, jd(y, m - 1, 1), addDaysIso(from, -1), TODAY, names)));
      expect(pick(r.yearToDate)).toEqual(comparisonFigures(expectedFigures(o, jd(1405, 1, 1), to, TODAY, names)));
    });
  }

  it('db check finds the counts kept by the triggers equal to a recount', async () => {
    const r = await o.cli(['db', 'check', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().ok).toBe(true);
  });
});
