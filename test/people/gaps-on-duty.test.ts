/**
 * Gaps (partly covered shifts included), the week grid, who is on duty, and the
 * worker a hotline call or mobile-team operation takes from the duty roster when
 * `service log` is given none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';

let o: TestOffice;
const s: number[] = [];
const p = { day: 0, night: 0, team: 0 };

beforeAll(async () => {
  o = await makeOffice('GAP01');
  for (let i = 0; i < 6; i++) {
    s.push(
      (await o.json(['staff', 'add', '--first-name', `کارشناس${i + 1}`, '--last-name', 'نوبتی', '--role', 'intervener', '--sector', 'gov']))
        .id,
    );
  }
  const add = async (service: string, name: string, start: string, end: string, needed: number) =>
    (
      await o.json([
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
        '--needed',
        String(needed),
        '--from',
        '1405/09/01',
      ])
    ).id as number;
  p.day = await add('hotline', 'day', '08:00', '20:00', 2);
  p.night = await add('hotline', 'night', '20:00', '08:00', 1);
  p.team = await add('mobile-team', 'round', '08:00', '08:00', 1); // 24 hours
});
afterAll(() => o.cleanup());

const assign = (who: number, pat: number, date: string) =>
  o.json(['roster', 'assign', '--staff', String(who), '--pattern', String(pat), '--date', date]);

describe('roster gaps', () => {
  it('lists every shift short of people, partly covered ones with who is there', async () => {
    // 1405/09/01..03 = 2026-11-22..24. Day needs 2: full on the 22nd, one on the 23rd, none on the 24th.
    await assign(s[0]!, p.day, '1405/09/01');
    await assign(s[1]!, p.day, '1405/09/01');
    await assign(s[0]!, p.day, '1405/09/02');
    await assign(s[2]!, p.night, '1405/09/01');
    await assign(s[3]!, p.night, '1405/09/03');
    await assign(s[4]!, p.team, '1405/09/01');
    await assign(s[5]!, p.team, '1405/09/02');
    await assign(s[4]!, p.team, '1405/09/03');
    const r = await o.json(['roster', 'gaps', '--from', '1405/09/01', '--to', '1405/09/03']);
    expect(r.from).toBe('2026-11-22');
    expect(r.to).toBe('2026-11-24');
    const short = r.gaps.map((g: any) => [g.date, g.service, g.name, g.needed, g.assigned, g.missing, g.people.map((x: any) => x.staffId)]);
    expect(short).toEqual([
      ['2026-11-23', 'hotline', 'day', 2, 1, 1, [s[0]]],
      ['2026-11-23', 'hotline', 'night', 1, 0, 1, []],
      ['2026-11-24', 'hotline', 'day', 2, 0, 2, []],
    ]);
    // The test's own count: shifts per day × days, minus those with enough people.
    const counts = query<{ pattern_id: number; shift_date: string; n: number }>(
      o.db,
      `SELECT pattern_id, shift_date, count(*) AS n FROM roster_assignments WHERE shift_date BETWEEN '2026-11-22' AND '2026-11-24' GROUP BY 1, 2`,
    );
    const needed: Record<number, number> = { [p.day]: 2, [p.night]: 1, [p.team]: 1 };
    let expectedGaps = 0;
    for (const d of ['2026-11-22', '2026-11-23', '2026-11-24']) {
      for (const id of [p.day, p.night, p.team]) {
        const n = counts.find((c) => c.pattern_id === id && c.shift_date === d)?.n ?? 0;
        if (n < needed[id]!) expectedGaps++;
      }
    }
    expect(r.gaps).toHaveLength(expectedGaps);
    const team = await o.json(['roster', 'gaps', '--from', '1405/09/01', '--to', '1405/09/03', '--service', 'mobile-team']);
    expect(team.gaps).toEqual([]);
    const human = await o.cli(['roster', 'gaps', '--from', '1405/09/01', '--to', '1405/09/03']);
    expect(human.stdout).toContain('کارشناس1 نوبتی');
  });

  it('the week grid starts on Saturday and marks what is short', async () => {
    const v = await o.json(['roster', 'show', '--week', '1405/09/02', '--service', 'hotline']);
    expect(v.from).toBe('2026-11-21'); // Saturday 1405/08/30
    expect(v.to).toBe('2026-11-27');
    expect(v.days.map((d: any) => d.weekday)).toEqual(['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday']);
    expect(v.days[0].shifts).toEqual([]); // the patterns start on 1 Azar
    expect(v.days[1].shifts.map((x: any) => [x.name, x.people.length])).toEqual([
      ['day', 2],
      ['night', 1],
    ]);
    const grid = await o.cli(['roster', 'show', '--week', '1405/09/02', '--service', 'hotline']);
    expect(grid.code).toBe(0);
    expect(grid.stdout).toContain('! 1 short');
    expect(grid.stdout).toContain('! nobody');
    const fa = await o.cli(['--lang', 'fa', 'roster', 'show', '--week', '1405/09/02', '--staff', String(s[4])]);
    expect(fa.stdout).toContain('شنبه');
    // Seven days in 80 columns: each cell shows its month and day, the title the year.
    expect(fa.stdout).toContain('۱۴۰۵/۰۸/۳۰ – ۱۴۰۵/۰۹/۰۶');
    expect(fa.stdout).toContain('۰۹/۰۱');
  });
});

describe('on duty and service log defaulting', () => {
  it('on-duty lists each service, empty when nobody is on', async () => {
    const v = await o.json(['roster', 'on-duty', '--at', '1405/09/02 21:00']);
    expect(v.services.map((x: any) => [x.service, x.people.map((q: any) => q.staffId)])).toEqual([
      ['hotline', []],
      ['mobile-team', [s[5]]],
    ]);
    const noon = await o.json(['roster', 'on-duty', '--at', '1405/09/01 12:00']);
    expect(noon.services[0].people.map((q: any) => q.staffId)).toEqual([s[0], s[1]]);
    expect((await o.cli(['roster', 'on-duty', '--at', '25:00'])).code).toBe(2);
  });

  it('a past hotline call takes the person on duty at noon that day; with two, the earliest start then the lowest id, and says so', async () => {
    const r = await o.cli(['service', 'log', '--type', 'hotline-call', '--date', '1405/09/01', '--json']);
    expect(r.code).toBe(0);
    const svc = r.json();
    expect(svc.workerId).toBe(s[0]);
    expect(svc.workerDefaultedFrom).toBe(
      `hotline duty roster (on duty at 2026-11-22 12:00, noon of the service date; also on duty: #${s[1]}; took the earliest shift start)`,
    );
    const human = await o.cli(['service', 'log', '--type', 'hotline-call', '--date', '1405/09/02']);
    expect(human.stderr).toContain(`worker #${s[0]} taken from the hotline duty roster`);
  });

  it('nobody on duty: no worker (a hotline call without a case), or the case worker', async () => {
    const r = await o.json(['service', 'log', '--type', 'hotline-call', '--date', '1405/09/03']);
    expect(r.workerId).toBeNull();
    expect(r.workerDefaultedFrom).toBeNull();
  });

  it("a mobile-team operation logged today takes the team's person on duty now, before the case worker", async () => {
    // A 24-hour shift from 08:00: whoever holds today's (a new person) or yesterday's (s[4]) covers "now",
    // whatever the clock says.
    const today = (
      await o.json(['staff', 'add', '--first-name', 'امروز', '--last-name', 'نوبتی', '--role', 'intervener', '--sector', 'gov'])
    ).id as number;
    await assign(today, p.team, '1405/09/04');
    const yesterday = s[4]!;
    const client = await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
    const c = await o.json([
      'case',
      'open',
      '--client',
      String(client.id),
      '--channel',
      'mobile-team',
      '--category',
      'child-abuse',
      '--risk',
      'high',
      '--worker',
      String(s[2]),
    ]);
    const early = (): boolean => new Date().getHours() < 8;
    const before = early();
    const r = await o.json(['service', 'log', '--case', c.caseNumber, '--type', 'mobile-team']);
    // Only a run that straddles 08:00 itself may see either shift.
    const expected = before === early() ? [before ? yesterday : today] : [yesterday, today];
    expect(expected).toContain(r.workerId);
    expect(r.workerDefaultedFrom).toMatch(/^mobile-team duty roster \(on duty at 2026-11-25 \d\d:\d\d\)$/);
    const social = await o.json(['service', 'log', '--case', c.caseNumber, '--type', 'social-work']);
    expect(social.workerId).toBe(s[2]);
    expect(social.workerDefaultedFrom).toBe('case');
    const given = await o.json(['service', 'log', '--case', c.caseNumber, '--type', 'mobile-team', '--worker', String(s[1])]);
    expect(given.workerId).toBe(s[1]);
    expect(given.workerDefaultedFrom).toBeNull();
  });
});
