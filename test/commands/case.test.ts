import { afterEach, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';
import { displayWidth } from '../../src/ui/text-width.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** An office with two workers (#1 مریم رضایی, #2 علی کریمی) and one client (#1). */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'gov']);
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419']);
  return o;
}

const OPEN_HOTLINE = ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'];

/** The names --json gives next to the ids of office(). */
const WORKER_NAMES: Record<number, string> = { 1: 'مریم رضایی', 2: 'علی کریمی' };
const workerName = (over: Record<string, unknown>) => (typeof over.workerId === 'number' ? WORKER_NAMES[over.workerId] : null);

const openCase = (over: Record<string, unknown> = {}) => ({
  id: 1,
  caseNumber: 'TST01-1405-000001',
  clientId: 1,
  clientName: over.clientId === null ? null : 'زهرا احمدی',
  channel: 'hotline',
  primaryCategory: 'suicide',
  risk: 'high',
  centerId: null,
  centerName: null,
  workerId: null,
  workerName: workerName(over),
  openedOn: '2026-11-25',
  status: 'open',
  closedOn: null,
  closeReason: null,
  reopenCount: 0,
  summary: null,
  createdAt: '<ts>',
  updatedAt: '<ts>',
  categories: ['suicide'],
  ...over,
});

const event = (over: Record<string, unknown>) => ({
  caseId: 1,
  onDate: '2026-11-25',
  at: '<ts>',
  actor: 'tester',
  workerId: null,
  workerName: workerName(over),
  reason: null,
  text: null,
  serviceId: null,
  followupId: null,
  ...over,
});

const ENV = { PARVANDE_USER: 'tester' };

describe('case open', () => {
  it('opens a case with a number made of office code, Jalali year and sequence', async () => {
    const o = await office();
    const r = await o.cli([...OPEN_HOTLINE, '--json'], ENV);
    expect(r.code).toBe(0);
    expect(stamp(r.json())).toEqual(openCase());
    expect(r.stderr).toBe('');
    const second = await o.json([
      'case',
      'open',
      '--client',
      '۰۰۱۳۵۴۲۴۱۹',
      '--channel',
      'تیم سیار',
      '--category',
      'child-abuse',
      '--categories',
      'family-dispute،child-abuse,suicide',
      '--risk',
      'critical',
      '--worker',
      '2',
      '--opened',
      '1405/09/01',
      '--summary',
      'call from school',
    ]);
    expect(stamp(second)).toEqual(
      openCase({
        id: 2,
        caseNumber: 'TST01-1405-000002',
        channel: 'mobile-team',
        primaryCategory: 'child-abuse',
        risk: 'critical',
        workerId: 2,
        openedOn: '2026-11-22',
        summary: 'call from school',
        categories: ['child-abuse', 'family-dispute', 'suicide'],
      }),
    );
    expect(query(o.db, 'SELECT case_id AS c, category, is_primary AS p FROM case_categories ORDER BY case_id, category')).toEqual([
      { c: 1, category: 'suicide', p: 1 },
      { c: 2, category: 'child-abuse', p: 1 },
      { c: 2, category: 'family-dispute', p: 0 },
      { c: 2, category: 'suicide', p: 0 },
    ]);
  });

  it('anonymous cases have no client; the human view says so', async () => {
    const o = await office();
    const r = await o.cli(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'runaway', '--risk', 'medium']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('opened case TST01-1405-000001\n');
    expect(r.stdout).toBe(
      [
        'Case        TST01-1405-000001',
        'ID          #1',
        'Client      (anonymous)',
        'Channel     Hotline 123',
        'Categories  Running away from home',
        'Risk        Medium',
        'Opened      1405/09/04',
        'Status      Open',
        '',
      ].join('\n'),
    );
  });

  it('refuses both --client and --anonymous, a future opening date, an unknown client, a name for a client', async () => {
    const o = await office();
    const before = dumpDb(o.db);
    const both = await o.cli([...OPEN_HOTLINE, '--anonymous', '--json']);
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stderr)).toEqual({
      error: { code: 'invalid', message: 'give either --client or --anonymous, not both', field: 'client' },
    });
    const future = await o.cli([...OPEN_HOTLINE, '--opened', '+1d']);
    expect(future.code).toBe(2);
    expect(oneLine(future)).toBe('error: opened date is in the future');
    const unknown = await o.cli(['case', 'open', '--client', '42', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    expect(unknown.code).toBe(3);
    expect(oneLine(unknown)).toBe('error: no client has the id given for --client');
    const name = await o.cli(['case', 'open', '--client', 'زهرا احمدی', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    expect(name.code).toBe(2);
    expect(name.stderr).not.toContain('زهرا');
    expect(dumpDb(o.db)).toBe(before);
  });
});

describe('case show', () => {
  it('prints the case with client, worker, timeline, services and follow-ups; the view is audited', async () => {
    const o = await office();
    await o.json([...OPEN_HOTLINE, '--worker', '1', '--opened', '1405/09/01', '--summary', 's'], ENV);
    await o.json(['service', 'log', '--case', '1', '--type', 'hotline-call', '--minutes', '15', '--date', '1405/09/02'], ENV);
    await o.json(['followup', 'schedule', '--case', '1', '--due', '+7d'], ENV);
    await o.json(['case', 'note', '1', '--text', 'visit'], ENV);
    const expected = {
      ...openCase({ workerId: 1, openedOn: '2026-11-22', summary: 's' }),
      client: { id: 1, firstName: 'زهرا', lastName: 'احمدی' },
      worker: { id: 1, firstName: 'مریم', lastName: 'رضایی' },
      events: [
        event({ id: 1, kind: 'opened', onDate: '2026-11-22', workerId: 1 }),
        event({ id: 2, kind: 'assigned', onDate: '2026-11-22', workerId: 1 }),
        event({ id: 3, kind: 'service', onDate: '2026-11-23', workerId: 1, reason: 'hotline-call', serviceId: 1 }),
        event({ id: 4, kind: 'follow-up', workerId: 1, reason: 'scheduled', followupId: 1 }),
        event({ id: 5, kind: 'note', text: 'visit' }),
      ],
      services: [
        {
          id: 1,
          caseId: 1,
          caseNumber: 'TST01-1405-000001',
          serviceDate: '2026-11-23',
          type: 'hotline-call',
          channel: 'hotline',
          workerId: 1,
          workerName: 'مریم رضایی',
          minutes: 15,
          note: null,
          createdAt: '<ts>',
          voidedAt: null,
          voidedBy: null,
          voidReason: null,
        },
      ],
      followups: [
        {
          id: 1,
          caseId: 1,
          caseNumber: 'TST01-1405-000001',
          dueOn: '2026-12-02',
          workerId: 1,
          workerName: 'مریم رضایی',
          status: 'scheduled',
          doneOn: null,
          outcome: null,
          note: null,
          fromPlan: false,
          risk: 'high',
          createdAt: '<ts>',
          updatedAt: '<ts>',
        },
      ],
      replacedTexts: [],
      referrals: [],
    };
    // By full number (any case), by year-sequence, by id.
    for (const ref of ['TST01-1405-000001', 'tst01-1405-000001', '1405-1', '۱']) {
      expect(stamp(await o.json(['case', 'show', ref], ENV))).toEqual(expected);
    }
    expect(query(o.db, `SELECT count(*) AS n FROM audit_log WHERE action = 'view' AND record_type = 'case' AND record_id = '1'`)).toEqual([
      { n: 4 },
    ]);
    const human = await o.cli(['case', 'show', '1']);
    expect(human.stdout).toContain('Client      زهرا احمدی (#1)');
    expect(human.stdout).toContain('Worker      مریم رضایی (#1)');
    expect(human.stdout).toMatch(/1405\/09\/02 │ Service \(Hotline call\)/);
    expect(human.stdout).toMatch(/#1 │ 1405\/09\/11 │ Scheduled/);
    const missing = await o.cli(['case', 'show', 'TST01-1405-000099']);
    expect(missing.code).toBe(3);
    expect(oneLine(missing)).toBe('error: no case TST01-1405-000099');
  });
});

describe('case list', () => {
  /** A: low · B: critical · C: high, older · D: high, oldest · E: critical, closed. */
  async function five(): Promise<TestOffice> {
    const o = await office();
    const open = (args: string[]) => o.json(['case', 'open', '--channel', 'hotline', ...args]);
    await open(['--client', '1', '--category', 'family-dispute', '--risk', 'low', '--opened', '1405/09/01', '--worker', '1']);
    await open(['--anonymous', '--category', 'suicide', '--risk', 'critical', '--opened', '1405/09/03']);
    await open([
      '--anonymous',
      '--category',
      'child-abuse',
      '--categories',
      'suicide',
      '--risk',
      'high',
      '--opened',
      '1405/08/01',
      '--worker',
      '1',
    ]);
    await o.json([
      'case',
      'open',
      '--anonymous',
      '--channel',
      'mobile-team',
      '--category',
      'runaway',
      '--risk',
      'high',
      '--opened',
      '1405/07/15',
    ]);
    await open(['--anonymous', '--category', 'elder-abuse', '--risk', 'critical', '--opened', '1405/09/02']);
    await o.json(['case', 'close', '5', '--reason', 'resolved']);
    return o;
  }
  const seqs = (rows: { caseNumber: string }[]) => rows.map((r) => Number(r.caseNumber.slice(-6)));

  it('most urgent first: open before closed, then risk, then the oldest', async () => {
    const o = await five();
    expect(seqs(await o.json(['case', 'list']))).toEqual([2, 4, 3, 1]);
    expect(seqs(await o.json(['case', 'list', '--status', 'all']))).toEqual([2, 4, 3, 1, 5]);
    expect(seqs(await o.json(['case', 'list', '--status', 'closed']))).toEqual([5]);
  });

  it('filters the way a case worker asks, and limits the rows', async () => {
    const o = await five();
    expect(seqs(await o.json(['case', 'list', '--risk', 'high']))).toEqual([4, 3]);
    expect(seqs(await o.json(['case', 'list', '--category', 'suicide']))).toEqual([2, 3]);
    expect(seqs(await o.json(['case', 'list', '--worker', 'مریم رضایي']))).toEqual([3, 1]);
    expect(
      seqs(await o.json(['case', 'list', '--worker', '1', '--category', 'child-abuse', '--risk', 'high', '--status', 'open'])),
    ).toEqual([3]);
    expect(seqs(await o.json(['case', 'list', '--unassigned']))).toEqual([2, 4]);
    expect(seqs(await o.json(['case', 'list', '--channel', 'mobile-team']))).toEqual([4]);
    expect(seqs(await o.json(['case', 'list', '--client', '1']))).toEqual([1]);
    expect(seqs(await o.json(['case', 'list', '--from', '1405/09/01', '--to', '2026-11-24']))).toEqual([2, 1]);
    expect(seqs(await o.json(['case', 'list', '--limit', '2']))).toEqual([2, 4]);
    const human = await o.cli(['case', 'list', '--limit', '2']);
    const lines = human.stdout.split('\n').filter((l) => l.includes('TST01-'));
    expect(lines.map((l) => l.match(/TST01-1405-\d{6}/)?.[0])).toEqual(['TST01-1405-000002', 'TST01-1405-000004']);
    expect(lines[0]).toContain('Critical');
    const bad = await o.cli(['case', 'list', '--status', 'pending']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: invalid status: expected open, closed or all');
    const badLimit = await o.cli(['case', 'list', '--limit', '0']);
    expect(badLimit.code).toBe(2);
    expect(oneLine(badLimit)).toBe('error: invalid limit: must be at least 1');
  });
});

describe('case list and show name the worker, center and client (issue #12)', () => {
  it('a name in the table and the card; the id and the name side by side in --json', async () => {
    const o = await office();
    await o.json(['center', 'add', '--name', 'مرکز فردیس', '--kind', 'social-emergency', '--sector', 'gov']);
    await o.json([...OPEN_HOTLINE, '--worker', '2', '--center', '1']);
    const [row] = await o.json<Record<string, unknown>[]>(['case', 'list']);
    expect(row).toMatchObject({
      clientId: 1,
      clientName: 'زهرا احمدی',
      centerId: 1,
      centerName: 'مرکز فردیس',
      workerId: 2,
      workerName: 'علی کریمی',
    });
    const table = (await o.cli(['case', 'list'])).stdout;
    expect(table).toContain('│ Worker    │');
    expect(table).toContain('│ علی کریمی │');
    expect(table).not.toContain('#2');
    expect((await o.cli(['--lang', 'fa', 'case', 'list'])).stdout).toContain('│ علی کریمی │ افکار یا اقدام… │');
    const card = (await o.cli(['case', 'show', '1'])).stdout;
    expect(card).toContain('Center      مرکز فردیس (#1)');
    expect(card).toContain('Worker      علی کریمی (#2)');
    expect(card).toContain('│ Opened (Worker علی کریمی)   │');
  });

  it('a long name is cut with "…" at the end of a word to what 80 columns leave; the channel is left to case show', async () => {
    const o = await office();
    await o.json([
      'staff',
      'add',
      '--first-name',
      'عبدالحمید',
      '--last-name',
      'شریعتمداری‌نژاد',
      '--role',
      'social-worker',
      '--sector',
      'gov',
    ]);
    await o.json([...OPEN_HOTLINE, '--worker', '3']);
    const lines = (await o.cli(['case', 'list'])).stdout.split('\n').filter((l) => l !== '');
    expect(lines[3]).toBe('│ TST01-1405-000001 │ Open   │ High │ Suicidal… │ عبدالحمید… │ 1405/09/04 │');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});

describe('case assign, note', () => {
  it('assign records the event; the same worker again or a closed case is a conflict', async () => {
    const o = await office();
    await o.json(OPEN_HOTLINE);
    const a = await o.json(['case', 'assign', '1405-1', '--worker', 'علی کریمی'], ENV);
    expect(stamp(a)).toEqual(openCase({ workerId: 2 }));
    expect(query(o.db, `SELECT kind, worker_id AS w FROM case_events WHERE case_id = 1 ORDER BY id`)).toEqual([
      { kind: 'opened', w: null },
      { kind: 'assigned', w: 2 },
    ]);
    const before = dumpDb(o.db);
    const again = await o.cli(['case', 'assign', '1', '--worker', '2']);
    expect(again.code).toBe(4);
    expect(oneLine(again)).toBe('error: case TST01-1405-000001 is already assigned to #2');
    const nobody = await o.cli(['case', 'assign', '1', '--worker', '9']);
    expect(nobody.code).toBe(3);
    const missing = await o.cli(['case', 'assign', '1']);
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toBe('error: missing required option: --worker');
    expect(dumpDb(o.db)).toBe(before);
    await o.json(['case', 'close', '1', '--reason', 'resolved']);
    const closed = await o.cli(['case', 'assign', '1', '--worker', '1']);
    expect(closed.code).toBe(4);
    expect(oneLine(closed)).toBe('error: case TST01-1405-000001 is closed: reopen it before assigning');
  });

  it('note adds a timeline entry and keeps line breaks', async () => {
    const o = await office();
    await o.json(OPEN_HOTLINE);
    const n = await o.json(['case', 'note', '1', '--text', 'line 1\nline 2', '--date', 'today'], ENV);
    expect(stamp(n)).toEqual(event({ id: 2, kind: 'note', text: 'line 1\nline 2' }));
    const human = await o.cli(['case', 'note', '1', '--text', 'again']);
    expect(human.stdout).toBe('note #3 added\n');
    const early = await o.cli(['case', 'note', '1', '--text', 'x', '--date', '1405/09/01']);
    expect(early.code).toBe(2);
    expect(oneLine(early)).toBe('error: date is before the case was opened (1405/09/04)');
  });
});

describe('case close, reopen', () => {
  it('close with a follow-up plan schedules one follow-up per day given, for the case worker', async () => {
    const o = await office();
    await o.json([...OPEN_HOTLINE, '--worker', '1', '--opened', '1405/09/01']);
    const r = await o.cli(
      ['case', 'close', '1', '--reason', 'resolved', '--note', 'safe at home', '--followup-plan', '۹۰,7،30', '--json'],
      ENV,
    );
    expect(r.code).toBe(0);
    expect(stamp(r.json())).toEqual({
      ...openCase({ workerId: 1, openedOn: '2026-11-22', status: 'closed', closedOn: '2026-11-25', closeReason: 'resolved' }),
      plannedFollowups: [
        { id: 1, dueOn: '2026-12-02', afterDays: 7 },
        { id: 2, dueOn: '2026-12-25', afterDays: 30 },
        { id: 3, dueOn: '2027-02-23', afterDays: 90 },
      ],
      stillScheduled: 0,
    });
    expect(query(o.db, 'SELECT id, due_on AS due, worker_id AS w, status, from_plan AS plan FROM followups ORDER BY id')).toEqual([
      { id: 1, due: '2026-12-02', w: 1, status: 'scheduled', plan: 1 },
      { id: 2, due: '2026-12-25', w: 1, status: 'scheduled', plan: 1 },
      { id: 3, due: '2027-02-23', w: 1, status: 'scheduled', plan: 1 },
    ]);
    expect(query(o.db, `SELECT kind, reason, text FROM case_events WHERE kind IN ('closed', 'follow-up') ORDER BY id`)).toEqual([
      { kind: 'closed', reason: 'resolved', text: 'safe at home' },
      { kind: 'follow-up', reason: 'scheduled', text: null },
      { kind: 'follow-up', reason: 'scheduled', text: null },
      { kind: 'follow-up', reason: 'scheduled', text: null },
    ]);
    const human = await o.cli(['followup', 'list', '--case', '1']);
    expect(human.stdout).toMatch(/#1 │ 1405\/09\/11/);
  });

  it('says so when follow-ups are still scheduled; the human view lists the plan', async () => {
    const o = await office();
    await o.json(OPEN_HOTLINE);
    await o.json(['followup', 'schedule', '--case', '1', '--due', '+3d']);
    const r = await o.cli(['case', 'close', '1', '--reason', 'referred', '--followup-plan', '7', '--worker', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('warning: case TST01-1405-000001 still has 1 follow-up(s) scheduled from before closing; they stay due\n');
    expect(r.stdout).toContain('Status        Closed');
    expect(r.stdout).toContain('Close reason  Referred');
    expect(r.stdout).toContain('Follow-ups: #2 1405/09/11');
    expect(query(o.db, 'SELECT worker_id AS w FROM followups WHERE id = 2')).toEqual([{ w: 2 }]);
  });

  it('closing a closed case is a conflict (4) and changes nothing; a bad plan or reason is refused (2)', async () => {
    const o = await office();
    await o.json(OPEN_HOTLINE);
    const before0 = dumpDb(o.db);
    const plan = await o.cli(['case', 'close', '1', '--reason', 'resolved', '--followup-plan', '7,abc']);
    expect(plan.code).toBe(2);
    expect(oneLine(plan)).toBe('error: invalid followup-plan: expected a whole number');
    const reason = await o.cli(['case', 'close', '1', '--reason', 'bored', '--json']);
    expect(reason.code).toBe(2);
    expect(JSON.parse(reason.stderr).error.field).toBe('reason');
    expect(dumpDb(o.db)).toBe(before0);
    await o.json(['case', 'close', '1', '--reason', 'resolved']);
    const before = dumpDb(o.db);
    const again = await o.cli(['case', 'close', '1', '--reason', 'resolved', '--followup-plan', '7', '--json']);
    expect(again.code).toBe(4);
    expect(JSON.parse(again.stderr)).toEqual({
      error: { code: 'conflict', message: 'case TST01-1405-000001 is already closed', field: 'case' },
    });
    expect(dumpDb(o.db)).toBe(before);
  });

  it('reopen makes the case open again and counts it; reopening an open case is a conflict', async () => {
    const o = await office();
    await o.json([...OPEN_HOTLINE, '--opened', '1405/09/01']);
    await o.json(['case', 'close', '1', '--reason', 'unreachable', '--date', '1405/09/02']);
    const early = await o.cli(['case', 'reopen', '1', '--date', '1405/09/01']);
    expect(early.code).toBe(2);
    expect(oneLine(early)).toBe('error: date is before the case was closed (1405/09/02)');
    const r = await o.json(['case', 'reopen', '1', '--note', 'harm recurred'], ENV);
    expect(stamp(r)).toEqual(openCase({ openedOn: '2026-11-22', reopenCount: 1 }));
    const again = await o.cli(['case', 'reopen', '1']);
    expect(again.code).toBe(4);
    expect(oneLine(again)).toBe('error: case TST01-1405-000001 is not closed');
    // Closing again may not be dated before the reopening.
    const before = await o.cli(['case', 'close', '1', '--reason', 'resolved', '--date', '1405/09/03']);
    expect(before.code).toBe(2);
    expect(oneLine(before)).toBe('error: date is before the case was last reopened (1405/09/04)');
    expect(query(o.db, `SELECT kind, on_date AS d, text FROM case_events WHERE case_id = 1 ORDER BY id`)).toEqual([
      { kind: 'opened', d: '2026-11-22', text: null },
      { kind: 'closed', d: '2026-11-23', text: null },
      { kind: 'reopened', d: '2026-11-25', text: 'harm recurred' },
    ]);
  });
});
