/**
 * The roster's rules at their edges: a night shift crossing midnight, the turn of
 * a Jalali month and of a Jalali year, the rest period (a setting), people who
 * left or have not started, ranges with repeats, swaps and unassigning. Every
 * refusal is exit 4 and leaves the database as it was.
 */
import { format } from 'date-fns-jalali/format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, oneLine, query, type TestOffice } from '../helpers/office.js';

let o: TestOffice;
const p = { morning: 0, evening: 0, night: 0, early: 0, late: 0 };

let seq = 0;
async function person(extra: string[] = []): Promise<number> {
  seq++;
  return (
    await o.json<{ id: number }>([
      'staff',
      'add',
      '--first-name',
      `نفر${seq}`,
      '--last-name',
      'آزمون',
      '--role',
      'intervener',
      '--sector',
      'gov',
      ...extra,
    ])
  ).id;
}

async function pattern(service: string, name: string, start: string, end: string): Promise<number> {
  return (
    await o.json<{ id: number }>([
      'roster',
      'pattern',
      'add',
      '--service',
      service,
      '--name',
      name,
      '--start',
      start,
      '--end',
      end,
      '--from',
      '1404/01/01',
    ])
  ).id;
}

const assign = (who: number, pat: number, date: string, ...more: string[]) =>
  o.cli(['roster', 'assign', '--staff', String(who), '--pattern', String(pat), '--date', date, ...more]);

const countOf = (who: number): number =>
  query<{ n: number }>(o.db, 'SELECT count(*) AS n FROM roster_assignments WHERE staff_id = ?', who)[0]?.n ?? -1;

beforeAll(async () => {
  o = await makeOffice('ROS01');
  p.morning = await pattern('hotline', 'morning', '08:00', '14:00');
  p.evening = await pattern('hotline', 'evening', '14:00', '20:00');
  p.night = await pattern('hotline', 'night', '20:00', '08:00');
  p.early = await pattern('mobile-team', 'early', '06:00', '10:00');
  p.late = await pattern('mobile-team', 'late', '16:00', '23:00');
});
afterAll(() => o.cleanup());

describe('a night shift crossing midnight', () => {
  let a: number;
  beforeAll(async () => {
    a = await person();
  });

  it('ends on the next day', async () => {
    const r = await o.json([
      'roster',
      'assign',
      '--staff',
      String(a),
      '--pattern',
      'night',
      '--service',
      'hotline',
      '--date',
      '1405/09/10',
    ]);
    expect(r.assigned).toHaveLength(1);
    expect(r.assigned[0]).toMatchObject({
      shiftDate: '2026-12-01',
      startsAt: '2026-12-01T20:00',
      endsAt: '2026-12-02T08:00',
      staffId: a,
      patternId: p.night,
    });
    expect(r.skipped).toEqual([]);
  });

  it('overlaps a shift that starts before it ends, on the next day (exit 4, nothing stored)', async () => {
    const before = dumpDb(o.db);
    const r = await assign(a, p.early, '1405/09/11');
    expect(r.code).toBe(4);
    expect(oneLine(r)).toMatch(
      /^error: staff member #\d+ is already on hotline "night" \(assignment #\d+, 1405\/09\/10 20:00–1405\/09\/11 08:00\), which overlaps 1405\/09\/11 06:00–1405\/09\/11 10:00$/,
    );
    expect(dumpDb(o.db)).toBe(before);
  });

  it('the same shift twice is refused', async () => {
    const r = await assign(a, p.night, '1405/09/10');
    expect(r.code).toBe(4);
    expect(oneLine(r)).toMatch(/already on this shift \(assignment #\d+\)$/);
  });

  it('rest: less than 8 h after the night ends is refused, exactly 8 h is allowed', async () => {
    const morning = await assign(a, p.morning, '1405/09/11');
    expect(morning.code).toBe(4);
    expect(oneLine(morning)).toMatch(
      /needs 8 h of rest after the night shift hotline "night" .*: the next shift may start at 1405\/09\/11 16:00 or later$/,
    );
    expect((await assign(a, p.evening, '1405/09/11')).code).toBe(4);
    expect((await assign(a, p.late, '1405/09/11')).code).toBe(0);
    expect(countOf(a)).toBe(2);
  });

  it('rest looks forward too: a night ending too close before a planned shift is refused', async () => {
    const b = await person();
    expect((await assign(b, p.morning, '1405/09/13')).code).toBe(0);
    const night = await assign(b, p.night, '1405/09/12');
    expect(night.code).toBe(4);
    expect(oneLine(night)).toMatch(
      /this night shift ends at 1405\/09\/13 08:00 and staff member #\d+ is on hotline "morning" .* less than 8 h later/,
    );
    // A day shift before a day shift needs no rest: evening 14-20 then the next morning is fine.
    expect((await assign(b, p.evening, '1405/09/12')).code).toBe(0);
  });

  it('the rest period is a setting', async () => {
    const c = await person();
    expect((await assign(c, p.night, '1405/09/15')).code).toBe(0);
    expect((await assign(c, p.evening, '1405/09/16')).code).toBe(4);
    expect((await o.json(['roster', 'settings'])).restHours).toBe(8);
    expect((await o.json(['roster', 'settings', '--rest-hours', '۶'])).restHours).toBe(6);
    expect((await assign(c, p.evening, '1405/09/16')).code).toBe(0);
    expect((await o.json(['roster', 'settings', '--rest-hours', '8'])).restHours).toBe(8);
    expect((await o.cli(['roster', 'settings', '--rest-hours', '100'])).code).toBe(2);
  });
});

describe('the turn of a Jalali month and of a Jalali year', () => {
  it('a night on the last day of Aban runs into 1 Azar', async () => {
    const c = await person();
    const r = await o.json(['roster', 'assign', '--staff', String(c), '--pattern', String(p.night), '--date', '1405/08/30']);
    expect(r.assigned[0]).toMatchObject({ startsAt: '2026-11-21T20:00', endsAt: '2026-11-22T08:00' });
    const morning = await assign(c, p.morning, '1405/09/01');
    expect(morning.code).toBe(4);
    expect(morning.stderr).toMatch(/may start at 1405\/09\/01 16:00/);
    const duty = await o.json(['roster', 'on-duty', '--at', '1405/09/01 02:00', '--service', 'hotline']);
    expect(duty.at).toBe('2026-11-22T02:00');
    expect(duty.services.map((s: any) => s.people.map((x: any) => x.staffId))).toEqual([[c]]);
    // The Azar grid starts on 1 Azar: the night began in Aban, so it shows in Aban's grid, not Azar's.
    const azar = await o.json(['roster', 'show', '--month', '1405-09', '--staff', String(c)]);
    expect(azar.from).toBe('2026-11-22');
    expect(azar.days.flatMap((d: any) => d.shifts)).toEqual([]);
    const aban = await o.json(['roster', 'show', '--month', '1405-08', '--staff', String(c)]);
    expect(aban.days.flatMap((d: any) => d.shifts.map((s: any) => s.date))).toEqual(['2026-11-21']);
  });

  it('a night on the last day of 1404 runs into 1 Farvardin 1405', async () => {
    const lastDay = format(new Date(2026, 2, 20), 'yyyy/MM/dd'); // the oracle's Jalali spelling of 2026-03-20
    expect(lastDay.startsWith('1404/12/')).toBe(true);
    const b = await person();
    const r = await o.json(['roster', 'assign', '--staff', String(b), '--pattern', String(p.night), '--date', lastDay]);
    expect(r.assigned[0]).toMatchObject({ shiftDate: '2026-03-20', startsAt: '2026-03-20T20:00', endsAt: '2026-03-21T08:00' });
    expect((await assign(b, p.early, '1405/01/01')).code).toBe(4); // overlap 06:00-08:00
    expect((await assign(b, p.morning, '1405/01/01')).code).toBe(4); // rest
    expect((await assign(b, p.late, '1405/01/01')).code).toBe(0); // 16:00: 8 h later
    for (const at of ['1405/01/01 03:00', '2026-03-20T21:00', '2026-03-21T07:59:00+03:30', '2026-03-21T00:30:00Z']) {
      const duty = await o.json(['roster', 'on-duty', '--at', at, '--service', 'hotline']);
      expect(
        duty.services[0].people.map((x: any) => x.staffId),
        at,
      ).toEqual([b]);
    }
    const after = await o.json(['roster', 'on-duty', '--at', '1405/01/01 08:00', '--service', 'hotline']);
    expect(after.services[0].people).toEqual([]);
  });
});

describe('who may be rostered', () => {
  it('a person who left: refused on and after the leaving date; their later shifts are removed when they leave', async () => {
    const d = await person();
    expect((await assign(d, p.morning, '1405/09/02')).code).toBe(0);
    expect((await assign(d, p.morning, '1405/08/20')).code).toBe(0);
    const left = await o.json(['staff', 'leave', String(d), '--date', '1405/09/01']);
    expect(left).toMatchObject({ active: false, leftOn: '2026-11-22', removedAssignments: 1 });
    const on = await assign(d, p.evening, '1405/09/01');
    expect(on.code).toBe(4);
    expect(oneLine(on)).toBe(`error: staff member #${d} left on 1405/09/01: no shifts from that day`);
    expect((await assign(d, p.evening, '1405/08/25')).code).toBe(0);
    expect(countOf(d)).toBe(2);
  });

  it('a person who has not started yet', async () => {
    const e = await person(['--start-date', '1405/10/01']);
    const r = await assign(e, p.morning, '1405/09/20');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/starts work on 1405\/10\/01/);
    expect((await assign(e, p.morning, '1405/10/01')).code).toBe(0);
  });

  it('a pattern not yet in force, or retired', async () => {
    const q = (
      await o.json([
        'roster',
        'pattern',
        'add',
        '--service',
        'center',
        '--name',
        'day',
        '--start',
        '8',
        '--end',
        '16',
        '--from',
        '1405/09/10',
      ])
    ).id;
    const e = await person();
    expect((await assign(e, q, '1405/09/09')).code).toBe(4);
    expect((await assign(e, q, '1405/09/12')).code).toBe(0);
    const retire = await o.cli(['roster', 'pattern', 'retire', String(q), '--date', '1405/09/11']);
    expect(retire.code).toBe(4); // someone is assigned on the 12th
    expect((await o.json(['roster', 'pattern', 'retire', String(q), '--date', '1405/09/13'])).retiredOn).toBe('2026-12-04');
    expect((await assign(e, q, '1405/09/13')).code).toBe(4);
    // Hours of a pattern in use cannot change.
    expect((await o.cli(['roster', 'pattern', 'update', String(p.morning), '--start', '07:00'])).code).toBe(4);
  });
});

describe('ranges and repeats', () => {
  const jsDay = (iso: string): number => new Date(`${iso}T12:00:00Z`).getUTCDay(); // 6 = Saturday

  it('weekdays are Saturday to Wednesday', async () => {
    const e = await person();
    const r = await o.json([
      'roster',
      'assign',
      '--staff',
      String(e),
      '--pattern',
      String(p.morning),
      '--from',
      '1405/09/15',
      '--to',
      '1405/09/28',
      '--repeat',
      'weekdays',
    ]);
    const days = r.assigned.map((x: any) => x.shiftDate);
    const expected: string[] = [];
    for (let t = Date.UTC(2026, 11, 6); t <= Date.UTC(2026, 11, 19); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (![4, 5].includes(jsDay(iso))) expected.push(iso);
    }
    expect(days).toEqual(expected);
    expect(days).toHaveLength(10);
  });

  it('every other day, and named weekdays (English or Persian)', async () => {
    const f = await person();
    const r = await o.json([
      'roster',
      'assign',
      '--staff',
      String(f),
      '--pattern',
      String(p.late),
      '--from',
      '1405/09/15',
      '--to',
      '1405/09/21',
      '--repeat',
      'every-other-day',
    ]);
    expect(r.assigned.map((x: any) => x.shiftDate)).toEqual(['2026-12-06', '2026-12-08', '2026-12-10', '2026-12-12']);
    const g = await person();
    const sat = await o.json([
      'roster',
      'assign',
      '--staff',
      String(g),
      '--pattern',
      String(p.late),
      '--from',
      '1405/09/01',
      '--to',
      '1405/09/30',
      '--repeat',
      'شنبه',
    ]);
    expect(sat.assigned.map((x: any) => jsDay(x.shiftDate))).toEqual([6, 6, 6, 6]);
    const g2 = await person(); // g's Saturday late shifts reach into night hours: their rest would clash with Sunday 06:00
    const two = await o.json([
      'roster',
      'assign',
      '--staff',
      String(g2),
      '--pattern',
      String(p.early),
      '--from',
      '1405/09/01',
      '--to',
      '1405/09/14',
      '--repeat',
      'sunday,tuesday',
    ]);
    expect(two.assigned.map((x: any) => jsDay(x.shiftDate))).toEqual([0, 2, 0, 2]);
    expect(
      (
        await o.cli([
          'roster',
          'assign',
          '--staff',
          String(g),
          '--pattern',
          String(p.early),
          '--from',
          '1405/09/01',
          '--to',
          '1405/09/03',
          '--repeat',
          'fortnightly',
        ])
      ).code,
    ).toBe(2);
  });

  it('one refused date refuses the whole range unless --skip-conflicts', async () => {
    const h = await person();
    expect((await assign(h, p.morning, '1405/09/23')).code).toBe(0);
    const before = dumpDb(o.db);
    const r = await o.cli([
      'roster',
      'assign',
      '--staff',
      String(h),
      '--pattern',
      String(p.night),
      '--from',
      '1405/09/20',
      '--to',
      '1405/09/25',
    ]);
    expect(r.code).toBe(4);
    expect(oneLine(r)).toMatch(
      /^error: 1405\/09\/22: this night shift ends .*; nothing was assigned \(add --skip-conflicts to assign the other dates\)$/,
    );
    expect(dumpDb(o.db)).toBe(before);
    const s = await o.json([
      'roster',
      'assign',
      '--staff',
      String(h),
      '--pattern',
      String(p.night),
      '--from',
      '1405/09/20',
      '--to',
      '1405/09/25',
      '--skip-conflicts',
    ]);
    expect(s.assigned.map((x: any) => x.shiftDate)).toEqual(['2026-12-11', '2026-12-12', '2026-12-14', '2026-12-15', '2026-12-16']);
    expect(s.skipped.map((x: any) => x.date)).toEqual(['2026-12-13']);
    expect(countOf(h)).toBe(6);
  });
});

describe('swap and unassign', () => {
  it('a valid swap exchanges the people of two assignments', async () => {
    const h = await person();
    const i = await person();
    const m = (await o.json(['roster', 'assign', '--staff', String(h), '--pattern', String(p.morning), '--date', '1405/10/18'])).assigned[0]
      .id;
    const n = (await o.json(['roster', 'assign', '--staff', String(i), '--pattern', String(p.night), '--date', '1405/10/17'])).assigned[0]
      .id;
    const r = await o.json(['roster', 'swap', String(m), String(n)]);
    expect(r.map((x: any) => [x.id, x.staffId])).toEqual([
      [m, i],
      [n, h],
    ]);
  });

  it('a swap that breaks a rule changes neither assignment', async () => {
    const j = await person();
    const k = await person();
    const night = (await o.json(['roster', 'assign', '--staff', String(j), '--pattern', String(p.night), '--date', '1405/10/19']))
      .assigned[0].id;
    const morning = (await o.json(['roster', 'assign', '--staff', String(k), '--pattern', String(p.morning), '--date', '1405/10/21']))
      .assigned[0].id;
    expect((await assign(k, p.morning, '1405/10/20')).code).toBe(0);
    const before = dumpDb(o.db);
    const r = await o.cli(['roster', 'swap', String(night), String(morning)]);
    expect(r.code).toBe(4);
    expect(oneLine(r)).toMatch(
      new RegExp(`^error: cannot give assignment #${night} to staff member #${k}: this night shift ends at 1405/10/20 08:00`),
    );
    expect(dumpDb(o.db)).toBe(before);
    expect((await o.cli(['roster', 'swap', String(night), '99999'])).code).toBe(3);
  });

  it('unassign by id or by person and range', async () => {
    const l = await person();
    const r = await o.json([
      'roster',
      'assign',
      '--staff',
      String(l),
      '--pattern',
      String(p.morning),
      '--from',
      '1405/11/01',
      '--to',
      '1405/11/05',
    ]);
    const removed = await o.json(['roster', 'unassign', String(r.assigned[0].id)]);
    expect(removed.map((x: any) => x.id)).toEqual([r.assigned[0].id]);
    const range = await o.json(['roster', 'unassign', '--staff', String(l), '--from', '1405/11/03', '--to', '1405/11/30']);
    expect(range).toHaveLength(3);
    expect(countOf(l)).toBe(1);
    expect((await o.cli(['roster', 'unassign', '--staff', String(l), '--date', '1405/11/20'])).code).toBe(3);
  });
});
