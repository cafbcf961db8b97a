/**
 * `client merge` (issue #12): what moves, the pointer left behind, the fill rule, the
 * refusals and their exit codes, nothing changed by a refusal, the audit entries, the
 * timeline entries, --yes without a terminal, the --json shape, and the client counts
 * against the independent oracle (test/reports/oracle.ts, which skips merged clients).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Dumper } from '../hardening/support.js';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';
import { addDaysIso, expectedFigures, jd } from '../reports/oracle.js';
import { TestOffice as ReportOffice } from '../reports/fixture.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

const ENV = { PARVANDE_USER: 'tester' };

/**
 * #1 زهرا احمدی: national code, female, mobile 0912…; one case.
 * #2 زهرا احمدی: no code, birth date, mobile 0935…, county; two cases.
 * #3 مینا کریمی.
 */
async function office(): Promise<TestOffice & { dumper: Dumper; cases: string[] }> {
  const o = await makeOffice();
  await o.json([
    'client',
    'add',
    '--first-name',
    'زهرا',
    '--last-name',
    'احمدی',
    '--national-code',
    '0013542419',
    '--sex',
    'female',
    '--mobile',
    '09121234567',
  ]);
  await o.json([
    'client',
    'add',
    '--first-name',
    'زهرا',
    '--last-name',
    'احمدی',
    '--birth-date',
    '1370/05/12',
    '--mobile',
    '09351112233',
    '--county',
    'کرج',
  ]);
  await o.json(['client', 'add', '--first-name', 'مینا', '--last-name', 'کریمی']);
  const cases: string[] = [];
  for (const client of ['1', '2', '2']) {
    const c = await o.json<{ caseNumber: string }>([
      'case',
      'open',
      '--client',
      client,
      '--channel',
      'hotline',
      '--category',
      'suicide',
      '--risk',
      'high',
    ]);
    cases.push(c.caseNumber);
  }
  const dumper = new Dumper(o.db);
  cleanups.push(o.cleanup, () => dumper.close());
  return { ...o, dumper, cases };
}

/** Runs a command that must be refused with `code`, and checks that the database is unchanged. */
async function refused(o: TestOffice & { dumper: Dumper }, args: string[], code: number): Promise<{ message: string; field?: string }> {
  const before = o.dumper.dump();
  const r = await o.cli([...args, '--json'], ENV);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(o.dumper.dump()).toBe(before);
  return JSON.parse(r.stderr).error;
}

describe('client merge', () => {
  it('moves the cases, fills the empty fields, names the ones that differ, and leaves a pointer', async () => {
    const o = await office();
    const r = await o.json(['client', 'merge', '2', '0013542419', '--yes'], ENV);
    expect(r).toMatchObject({
      client: { id: 2, nationalCode: '0013542419', sex: 'female', mobile: '+989351112233', birthDate: '1991-08-03', county: 'کرج' },
      merged: { id: 1, mergedInto: 2 },
      movedCases: [o.cases[0]],
      movedEnrolments: 0,
      enrolmentsLeft: 0,
      filled: ['national-code', 'sex'],
      differed: ['mobile'],
    });
    expect(Object.keys(r).sort()).toEqual(['client', 'differed', 'enrolmentsLeft', 'filled', 'merged', 'movedCases', 'movedEnrolments']);

    const pointer = await o.json(['client', 'show', '1']);
    expect(pointer).toMatchObject({ id: 1, mergedInto: 2, nationalCode: null, caseCount: 0 });
    expect(await o.json(['client', 'show', '2'])).toMatchObject({ id: 2, mergedInto: null, caseCount: 3 });
    expect((await o.json(['client', 'show', '0013542419'])).id).toBe(2);
    const human = await o.cli(['client', 'show', '1']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('merged into client #2');

    for (const c of o.cases) expect((await o.json(['case', 'show', c])).clientId).toBe(2);
    expect((await o.json<{ id: number }[]>(['client', 'list'])).map((c) => c.id)).toEqual([3, 2]);
    expect((await o.json<{ id: number }[]>(['client', 'find', 'احمدی'])).map((c) => c.id)).toEqual([2]);
    // A new registration of the same name reports the record kept only.
    const again = await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
    expect(again.possibleDuplicates.map((d: { id: number }) => d.id)).toEqual([2]);
  });

  it('warns on stderr about the fields that differ, by name only', async () => {
    const o = await office();
    const r = await o.cli(['client', 'merge', '2', '1', '--yes'], ENV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('mobile');
    expect(r.stderr).not.toContain('0912');
    expect(r.stderr).not.toContain('0935');
    expect(r.stdout).toContain('client #1 merged into client #2');
  });

  it('adds one timeline entry to each moved case, with ids only', async () => {
    const o = await office();
    await o.json(['client', 'merge', '1', '2', '--yes'], ENV);
    for (const c of [o.cases[1], o.cases[2]] as string[]) {
      const shown = await o.json<{ clientId: number; events: { kind: string; reason: string | null; actor: string }[] }>([
        'case',
        'show',
        c,
      ]);
      expect(shown.clientId).toBe(1);
      expect(shown.events.filter((e) => e.kind === 'client-merged')).toEqual([
        expect.objectContaining({ kind: 'client-merged', reason: 'client merged: #2 → #1', actor: 'tester' }),
      ]);
    }
    const first = await o.json<{ events: { kind: string }[] }>(['case', 'show', o.cases[0] as string]);
    expect(first.events.some((e) => e.kind === 'client-merged')).toBe(false);
  });

  it('writes one audit entry on each client, naming fields, never values', async () => {
    const o = await office();
    await o.json(['client', 'merge', '2', '1', '--yes'], ENV);
    expect(
      query(
        o.db,
        `SELECT actor, command, action, record_id AS recordId, detail FROM audit_log WHERE record_type = 'client' AND action LIKE 'merge%' ORDER BY id`,
      ),
    ).toEqual([
      { actor: 'tester', command: 'client merge', action: 'merge', recordId: '2', detail: 'national-code,sex' },
      { actor: 'tester', command: 'client merge', action: 'merged-into', recordId: '1', detail: 'merged-into,national-code' },
    ]);
  });

  it('keeps the values of the record kept when both are given', async () => {
    const o = await office();
    const r = await o.json(['client', 'merge', '1', '2', '--yes'], ENV);
    expect(r.client).toMatchObject({ id: 1, nationalCode: '0013542419', mobile: '+989121234567', birthDate: '1991-08-03', county: 'کرج' });
    expect(r.filled).toEqual(['birth-date', 'county']);
    expect(r.differed).toEqual(['mobile']);
    expect((await o.json(['client', 'show', '2'])).mergedInto).toBe(1);
  });

  it('moves training enrolments, except in a course the record kept is enrolled in already', async () => {
    const o = await office();
    const course = async (title: string) =>
      (await o.json(['training', 'course', 'add', '--title', title, '--hours', '4', '--from', '1405/09/15', '--audience', 'community']))
        .id as number;
    const both = await course('مهارت زندگی');
    const one = await course('پیشگیری از خودکشی');
    await o.json(['training', 'enrol', '--course', String(both), '--client', '1']);
    await o.json(['training', 'enrol', '--course', String(both), '--client', '2']);
    await o.json(['training', 'enrol', '--course', String(one), '--client', '2']);
    const r = await o.json(['client', 'merge', '1', '2', '--yes'], ENV);
    expect(r).toMatchObject({ movedEnrolments: 1, enrolmentsLeft: 1 });
    expect(query(o.db, `SELECT course_id AS course, client_id AS client FROM enrolments ORDER BY course_id, client_id`)).toEqual([
      { course: both, client: 1 },
      { course: both, client: 2 },
      { course: one, client: 1 },
    ]);
    await refused(o, ['training', 'enrol', '--course', String(one), '--client', '2'], 4);
  });

  it('refuses a merge into itself, of a merged client and into a merged client (exit 4), changing nothing', async () => {
    const o = await office();
    expect((await refused(o, ['client', 'merge', '1', '1', '--yes'], 4)).message).toMatch(/itself/);
    expect((await refused(o, ['client', 'merge', '1', '0013542419', '--yes'], 4)).message).toMatch(/itself/);
    await o.json(['client', 'merge', '2', '1', '--yes'], ENV);
    expect(await refused(o, ['client', 'merge', '2', '1', '--yes'], 4)).toMatchObject({ field: 'other' });
    expect(await refused(o, ['client', 'merge', '3', '1', '--yes'], 4)).toMatchObject({ field: 'other' });
    expect(await refused(o, ['client', 'merge', '1', '3', '--yes'], 4)).toMatchObject({ field: 'keep' });
  });

  it('refuses to update a merged client or give it a case (exit 4), naming the record kept', async () => {
    const o = await office();
    await o.json(['client', 'merge', '2', '1', '--yes'], ENV);
    expect((await refused(o, ['client', 'update', '1', '--notes', 'x'], 4)).message).toMatch(/merged into client #2/);
    await refused(o, ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'], 4);
    const anon = await o.json(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    await refused(o, ['case', 'update', anon.caseNumber, '--client', '1'], 4);
  });

  it('an import refuses a row that gives a merged client a case, and takes the record kept', async () => {
    const o = await office();
    await o.json(['client', 'merge', '2', '1', '--yes'], ENV);
    const file = join(o.dir, 'cases.csv');
    const rows = [
      ['مددجو', 'مسیر دریافت', 'نوع مسئله', 'خطر', 'تاریخ تشکیل'],
      ['1', 'hotline', 'suicide', 'high', '1405/08/01'],
      ['2', 'hotline', 'suicide', 'high', '1405/08/01'],
    ];
    writeFileSync(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
    const r = await o.cli(['import', 'cases', file, '--json']);
    expect(r.code).toBe(2);
    const report = r.json();
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 2, reason: 'client #1 was merged into client #2: use #2' })]);
    expect(query(o.db, 'SELECT client_id AS client FROM cases ORDER BY id')).toEqual([
      { client: 2 },
      { client: 2 },
      { client: 2 },
      { client: 2 },
    ]);
  });

  it('an import of clients leaves a merged record as it is: a row changing it is refused', async () => {
    const o = await office();
    await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '4432187654']);
    expect((await o.json(['client', 'merge', '1', '4', '--yes'], ENV)).differed).toEqual(['national-code']);
    const sheet = (name: string, rows: string[][]): string => {
      const file = join(o.dir, name);
      writeFileSync(file, rows.map((r) => r.join(',')).join('\r\n') + '\r\n');
      return file;
    };
    const same = sheet('same.csv', [
      ['first-name', 'last-name', 'national-code'],
      ['زهرا', 'احمدی', '4432187654'],
    ]);
    expect(await o.json(['import', 'clients', same])).toMatchObject({ rejected: 0 });
    const changing = sheet('changing.csv', [
      ['first-name', 'last-name', 'national-code', 'county'],
      ['زهرا', 'احمدی', '4432187654', 'تهران'],
    ]);
    const r = await o.cli(['import', 'clients', changing, '--json']);
    expect(r.code).toBe(2);
    expect(r.json().errors).toEqual([expect.objectContaining({ row: 2, reason: 'client #4 was merged into client #1: use #1' })]);
    expect(query(o.db, 'SELECT county FROM clients WHERE id = 4')).toEqual([{ county: null }]);
  });

  it('refuses unknown and malformed references (exit 3, 2), changing nothing', async () => {
    const o = await office();
    expect(await refused(o, ['client', 'merge', '1', '99', '--yes'], 3)).toMatchObject({ field: 'other' });
    expect(await refused(o, ['client', 'merge', '99', '1', '--yes'], 3)).toMatchObject({ field: 'keep' });
    expect(await refused(o, ['client', 'merge', '1', 'زهرا', '--yes'], 2)).toMatchObject({ field: 'other' });
  });

  it('without a terminal, needs --yes (exit 2) and changes nothing', async () => {
    const o = await office();
    const e = await refused(o, ['client', 'merge', '2', '1'], 2);
    expect(e).toMatchObject({ field: 'yes' });
    expect(e.message).toMatch(/--yes/);
  });

  it('has help with examples', async () => {
    const o = await office();
    const r = await o.cli(['client', 'merge', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('parvande client merge 12 57');
  });
});

describe('client counts after merges', () => {
  const TODAY = '2026-11-25'; // 1405/09/04
  let r: ReportOffice;
  beforeAll(async () => {
    r = await ReportOffice.create('KRJ01');
    const days = [jd(1405, 7, 3), jd(1405, 7, 20), jd(1405, 8, 5), jd(1405, 8, 28), jd(1405, 9, 1), jd(1405, 9, 3)];
    for (const [i, day] of days.entries()) {
      r.client({ registered: day, sex: i % 2 === 0 ? 'female' : null, birth: i % 3 === 0 ? null : '2015-01-01', womanHead: i === 4 });
      r.client({ registered: day, sex: 'male', birth: i % 2 === 0 ? '1950-03-03' : null, informal: true });
    }
    // Merge across months and within one: the kept record (registered earlier or later) takes the other's empty fields.
    for (const [keep, other] of [
      [0, 3],
      [5, 2],
      [6, 7],
      [11, 8],
    ] as const) {
      const k = r.clients[keep] as (typeof r.clients)[number];
      const x = r.clients[other] as (typeof r.clients)[number];
      const res = await r.cli(['client', 'merge', String(k.id), String(x.id), '--yes', '--json']);
      expect(res.code, res.stderr).toBe(0);
      x.mergedInto = k.id;
      k.sex ??= x.sex;
      if (k.birth === null && x.birth !== null && x.birth <= k.registered) k.birth = x.birth;
    }
  });
  afterAll(() => r.cleanup());

  for (const [y, m] of [
    [1405, 7],
    [1405, 8],
    [1405, 9],
  ] as const) {
    it(`equal the oracle for 1405-0${m} and the year to date`, async () => {
      const rep = await r.report(['monthly', '--month', `${y}-0${m}`]);
      const from = jd(y, m, 1);
      const to = addDaysIso(jd(y, m + 1, 1), -1);
      const names = { centers: new Map<number, string>(), workers: new Map<number, string>() };
      expect(rep.clients).toEqual(expectedFigures(r, from, to, TODAY, names).clients);
      expect(rep.yearToDate.clients).toEqual(expectedFigures(r, jd(1405, 1, 1), to, TODAY, names).clients);
    });
  }

  it('counts each person once: four registered per month, less those merged away', async () => {
    const registered: number[] = [];
    for (const m of ['1405-07', '1405-08', '1405-09']) registered.push((await r.report(['monthly', '--month', m])).clients.registered);
    expect(registered).toEqual([2, 3, 3]);
  });

  it('db check finds the counts kept by the triggers equal to a recount', async () => {
    const res = await r.cli(['db', 'check', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(res.json().ok).toBe(true);
  });
});
