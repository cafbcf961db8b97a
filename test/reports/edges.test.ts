/**
 * Jalali month edges (30 Esfand of leap year 1403, 31 Shahrivar, 30 Mehr, the
 * turn of the year), an empty month, a month in the future, and how --month,
 * --year, --from and --to are read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jd } from './oracle.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;

beforeAll(async () => {
  o = await TestOffice.create('EDG01');
  o.batch(() => {
    // 30 Esfand 1403 (leap year) = 2025-03-20, the day before Nowruz 1404.
    const esfand = o.openCase({ opened: '2025-03-20', category: 'suicide' });
    o.service({ date: '2025-03-20', type: 'crisis-intervention', case: esfand });
    o.service({ date: '2025-03-21', type: 'hotline-call' }); // 1 Farvardin 1404
    o.close(esfand, '2025-03-21');
    // 31 Shahrivar 1404 = 2025-09-22; 1 Mehr = 2025-09-23.
    o.service({ date: '2025-09-22', type: 'hotline-call' });
    o.service({ date: '2025-09-23', type: 'hotline-call' });
    o.service({ date: '2025-09-23', type: 'hotline-call' });
    // 30 Mehr 1404 = 2025-10-22; 1 Aban = 2025-10-23.
    o.service({
      date: '2025-10-22',
      type: 'mobile-team',
      case: o.openCase({ opened: '2025-10-22', category: 'runaway', channel: 'mobile-team' }),
    });
    o.service({ date: '2025-10-23', type: 'hotline-call' });
    // The turn of the year: 29 Esfand 1404 (common year) = 2026-03-20; 1 Farvardin 1405 = 2026-03-21.
    o.service({ date: '2026-03-20', type: 'hotline-call' });
    o.service({ date: '2026-03-20', type: 'hotline-call' });
    o.service({ date: '2026-03-21', type: 'hotline-call' });
  });
});
afterAll(() => o.cleanup());

const total = async (month: string): Promise<number> => (await o.report(['monthly', '--month', month])).services.total;

describe('Jalali month edges', () => {
  it('30 Esfand of leap year 1403 closes the year 1403', async () => {
    const r = await o.report(['monthly', '--month', '1403-12']);
    expect(r.period).toMatchObject({ month: '1403-12', from: jd(1403, 12, 1), to: '2025-03-20' });
    expect(r.services.total).toBe(1);
    expect(r.services.byType['crisis-intervention']).toBe(1);
    expect(r.cases).toMatchObject({ opened: 1, openAtEnd: 1, closed: 0 });
    const f = await o.report(['monthly', '--month', '1404-01']);
    expect(f.period.from).toBe('2025-03-21');
    expect(f.services.total).toBe(1);
    expect(f.cases).toMatchObject({ opened: 0, closed: 1, openAtEnd: 0, medianDaysToClose: 1 });
    expect(f.previousMonth.services.total).toBe(1);
    expect(f.yearToDate.period.from).toBe('2025-03-21');
    expect(f.yearToDate.services.total).toBe(1);
    const y = await o.report(['year', '--year', '1403']);
    expect(y.period.to).toBe('2025-03-20');
    expect(y.months[11].services.total).toBe(1);
  });

  it('31 Shahrivar and 30 Mehr stay in their months', async () => {
    expect((await o.report(['monthly', '--month', '1404-06'])).period.to).toBe('2025-09-22');
    expect(await total('1404-06')).toBe(1);
    expect(await total('1404-07')).toBe(3);
    expect((await o.report(['monthly', '--month', '1404-07'])).period).toMatchObject({ from: '2025-09-23', to: '2025-10-22' });
    expect(await total('1404-08')).toBe(1);
  });

  it('the turn of the year 1404 → 1405 starts a new year to date', async () => {
    const esfand = await o.report(['monthly', '--month', '1404-12']);
    expect(esfand.period).toMatchObject({ from: '2026-02-20', to: '2026-03-20' });
    expect(esfand.services.total).toBe(2);
    expect(esfand.yearToDate.period).toMatchObject({ from: '2025-03-21', to: '2026-03-20' });
    expect(esfand.yearToDate.services.total).toBe(8);
    const farvardin = await o.report(['monthly', '--month', '1405-01']);
    expect(farvardin.period).toMatchObject({ month: '1405-01', from: '2026-03-21', to: jd(1405, 1, 31) });
    expect(farvardin.services.total).toBe(1);
    expect(farvardin.previousMonth.period.month).toBe('1404-12');
    expect(farvardin.previousMonth.services.total).toBe(2);
    expect(farvardin.yearToDate.services.total).toBe(1);
  });

  it('an empty month has every key, all zero', async () => {
    const r = await o.report(['monthly', '--month', '1405-04']);
    expect(r.services.total).toBe(0);
    for (const part of ['byType', 'byChannel', 'byCategory', 'byAnyCategory'] as const) {
      expect(Object.values(r.services[part]).every((n) => n === 0)).toBe(true);
    }
    expect(Object.keys(r.services.byType)).toHaveLength(9);
    expect(Object.keys(r.services.byChannel)).toEqual(['hotline', 'mobile-team', 'center', 'base', 'referral']);
    expect(Object.keys(r.services.byCategory)).toContain('none');
    expect(r.cases).toEqual({
      opened: 0,
      closed: 0,
      closedByReason: { resolved: 0, referred: 0, unreachable: 0, moved: 0, other: 0 },
      reopened: 0,
      openAtEnd: 1,
      medianDaysToClose: null,
      byCenter: [{ id: null, name: null, opened: 0, openAtEnd: 1 }],
      byWorker: [{ id: null, name: null, opened: 0, openAtEnd: 1 }],
    });
    expect(r.followups).toEqual({ due: 0, doneOnTime: 0, doneLate: 0, done: 0, missed: 0, pending: 0, cancelled: 0, overdueAtEnd: 0 });
    expect(r.clients).toEqual({
      registered: 0,
      bySex: { female: 0, male: 0, unknown: 0 },
      byAgeGroup: { child: 0, adult: 0, elderly: 0, unknown: 0 },
      informalSettlement: 0,
      womanHead: 0,
    });
    const table = await o.cli(['report', 'monthly', '--month', '1405-04']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('(no activity)');
  });

  it('a month in the future: nothing happened yet; open cases are those open today', async () => {
    const r = await o.cli(['report', 'monthly', '--month', '1406-01', '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.period).toEqual({ month: '1406-01', from: '2027-03-21', to: jd(1406, 1, 31), asOf: '2026-11-25' });
    expect(j.services.total).toBe(0);
    expect(j.cases.opened).toBe(0);
    expect(j.cases.openAtEnd).toBe(1);
    expect(j.yearToDate.services.total).toBe(0);
  });
});

describe('reading the period options', () => {
  it('--month takes 9, 1405/8 and Persian digits; default is the current month', async () => {
    expect((await o.report(['monthly', '--month', '9'])).period.month).toBe('1405-09');
    expect((await o.report(['monthly', '--month', '۱۴۰۵/۰۸'])).period.month).toBe('1405-08');
    expect((await o.report(['monthly', '--month', 'last'])).period.month).toBe('1405-08');
    expect((await o.report(['monthly'])).period.month).toBe('1405-09');
    expect((await o.report(['year'])).period.year).toBe(1405);
  });

  it('refuses what is not a Jalali month, year or range, with exit 2', async () => {
    for (const args of [
      ['monthly', '--month', '13'],
      ['monthly', '--month', '2026-01'],
      ['year', '--year', 'next'],
      ['year', '--year', '2026'],
      ['range', '--from', '1405/09/10', '--to', '1405/09/01'],
      ['range', '--from', '1405/09/01'],
      ['monthly', '--format', 'pdf'],
      ['monthly', '--format', 'xlsx'],
    ]) {
      const r = await o.cli(['report', ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(JSON.parse(r.stderr).error.code).toMatch(/^(invalid|usage|missing-input)$/);
    }
  });
});
