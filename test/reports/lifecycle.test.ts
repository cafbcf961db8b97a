/**
 * The definitions behind the figures, one case at a time: follow-ups due, done
 * on time or late, missed, cancelled and overdue at a month's end; cases closed,
 * reopened and closed again; the median; age groups at Jalali birthdays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ageOn, addDays } from '../../src/lang/dates.js';
import { ageCutoffs, yearsBefore } from '../../src/domain/reports/period.js';
import { medianOf } from '../../src/domain/reports/figures.js';
import { daysBetween, jalaliAge, jd } from './oracle.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;
// Mehr 1405 = 2026-09-23..2026-10-22, Aban = 2026-10-23..2026-11-21, Azar from 2026-11-22; today 2026-11-25.
const A = { opened: '2026-09-27', closed1: '2026-10-12', reopened: '2026-11-01', closed2: '2026-11-16' };
const B = { opened: '2026-10-02', closed: '2026-10-27', reopened: '2026-11-24' };

beforeAll(async () => {
  o = await TestOffice.create('LIF01');
  const worker = o.worker('سارا', 'کریمی');
  o.batch(() => {
    const a = o.openCase({ opened: A.opened, category: 'spouse-abuse', worker });
    const b = o.openCase({ opened: B.opened, category: 'child-abuse', categories: ['family-dispute'] });
    const c = o.openCase({ opened: '2026-11-19', category: 'suicide', worker });
    o.close(a, A.closed1, 'resolved');
    o.close(b, B.closed, 'unreachable');
    o.reopen(a, A.reopened);
    o.close(a, A.closed2, 'referred');
    o.reopen(b, B.reopened);
    const f = (due: string) => o.followup(c.opened <= due ? c : b, due, '2026-10-02');
    o.finish(f('2026-10-25'), 'done', '2026-10-25'); // on time
    o.finish(f('2026-10-26'), 'done', '2026-10-28'); // late
    o.finish(f('2026-11-21'), 'done', '2026-11-22'); // late, and still open at the end of Aban
    o.finish(f('2026-11-10'), 'missed', '2026-11-15');
    f('2026-11-01'); // never done: pending in Aban, overdue ever since
    o.finish(f('2026-11-05'), 'cancelled', '2026-11-06');
    o.finish(f('2026-10-20'), 'done', '2026-11-02'); // due in Mehr, done late in Aban
    f('2026-11-25'); // due today: not overdue yet
    f('2026-11-24'); // due yesterday: overdue
    // Clients registered today (1405/09/04): 18 and 60 exactly on the day, or a day short.
    for (const birth of ['2008-11-24', '2008-11-25', '1966-11-25', '1966-11-26', null])
      o.client({ registered: '2026-11-25', birth, sex: 'female' });
    o.client({ registered: '2026-11-25', sex: null, informal: true, womanHead: true });
  });
});
afterAll(() => o.cleanup());

describe('follow-ups', () => {
  it('classifies those due in Aban and counts those overdue at its end', async () => {
    const r = await o.report(['monthly', '--month', '1405-08']);
    expect(r.followups).toEqual({ due: 5, doneOnTime: 1, doneLate: 2, done: 3, missed: 1, pending: 1, cancelled: 1, overdueAtEnd: 2 });
    expect(r.previousMonth.followups).toEqual({
      due: 1,
      doneOnTime: 0,
      doneLate: 1,
      done: 1,
      missed: 0,
      pending: 0,
      cancelled: 0,
      overdueAtEnd: 1,
    });
  });

  it('in the running month, overdue means due before today (as followup list --overdue)', async () => {
    const r = await o.report(['monthly', '--month', '1405-09']);
    expect(r.followups).toMatchObject({ due: 2, pending: 2, overdueAtEnd: 2 });
    const list = await o.cli(['followup', 'list', '--overdue', '--json']);
    expect(list.json()).toHaveLength(2);
  });
});

describe('cases', () => {
  it('a case closed, reopened and closed again counts each closing in its month, and is closed at both ends', async () => {
    const mehr = await o.report(['monthly', '--month', '1405-07']);
    expect(mehr.cases).toMatchObject({ opened: 2, closed: 1, reopened: 0, openAtEnd: 1 });
    expect(mehr.cases.closedByReason.resolved).toBe(1);
    expect(mehr.cases.medianDaysToClose).toBe(daysBetween(A.opened, A.closed1));
    const aban = await o.report(['monthly', '--month', '1405-08']);
    expect(aban.cases).toMatchObject({ opened: 1, closed: 2, reopened: 1, openAtEnd: 1 });
    expect(aban.cases.closedByReason).toEqual({ resolved: 0, referred: 1, unreachable: 1, moved: 0, other: 0 });
    expect(aban.cases.medianDaysToClose).toBe((daysBetween(A.opened, A.closed2) + daysBetween(B.opened, B.closed)) / 2);
    const azar = await o.report(['monthly', '--month', '1405-09']);
    expect(azar.cases).toMatchObject({ opened: 0, closed: 0, reopened: 1, openAtEnd: 2 });
    expect(azar.yearToDate.cases).toMatchObject({ opened: 3, closed: 3, reopened: 2, openAtEnd: 2 });
  });

  it('caseload by worker and by center', async () => {
    const aban = await o.report(['monthly', '--month', '1405-08']);
    expect(aban.cases.byWorker).toEqual([{ id: 1, name: 'سارا کریمی', opened: 1, openAtEnd: 1 }]);
    const azar = await o.report(['monthly', '--month', '1405-09']);
    expect(azar.cases.byWorker).toEqual([
      { id: 1, name: 'سارا کریمی', opened: 0, openAtEnd: 1 },
      { id: null, name: null, opened: 0, openAtEnd: 1 },
    ]);
    expect(azar.cases.byCenter).toEqual([{ id: null, name: null, opened: 0, openAtEnd: 2 }]);
  });
});

describe('clients', () => {
  it('age at registration by Jalali birthdays; unknown birth date; sex not recorded', async () => {
    const r = await o.report(['monthly', '--month', '1405-09']);
    expect(r.clients).toEqual({
      registered: 6,
      bySex: { female: 5, male: 0, unknown: 1 },
      byAgeGroup: { child: 1, adult: 2, elderly: 1, unknown: 2 },
      informalSettlement: 1,
      womanHead: 1,
    });
  });

  it('the per-day age cut-offs agree with ageOn and with date-fns-jalali', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 80 * 366 }), (dayNo, ageDays) => {
        const day = addDays('1950-01-01', dayNo);
        const birth = addDays(day, -ageDays);
        const [cut] = ageCutoffs(day, day);
        expect(cut?.day).toBe(day);
        expect(birth <= (cut?.adultBornBy ?? '')).toBe(ageOn(birth, day) >= 18);
        expect(birth <= (cut?.elderlyBornBy ?? '')).toBe(ageOn(birth, day) >= 60);
        expect(ageOn(birth, day)).toBe(jalaliAge(birth, day));
      }),
      { numRuns: 2000 },
    );
    // 30 Esfand 1399 (leap) comes back as 29 Esfand in a common year.
    expect(yearsBefore(jd(1417, 12, 29), 18)).toBe(jd(1399, 12, 29));
    expect(yearsBefore(jd(1403, 12, 30), 1)).toBe(jd(1402, 12, 29));
  });

  it('the median of a histogram', () => {
    expect(medianOf(new Map())).toBeNull();
    expect(medianOf(new Map([[5, 1]]))).toBe(5);
    expect(
      medianOf(
        new Map([
          [1, 1],
          [10, 1],
        ]),
      ),
    ).toBe(5.5);
    expect(
      medianOf(
        new Map([
          [1, 2],
          [3, 1],
          [9, 1],
        ]),
      ),
    ).toBe(2);
    expect(
      medianOf(
        new Map([
          [0, 3],
          [7, 2],
        ]),
      ),
    ).toBe(0);
  });
});
