import { afterEach, describe, expect, it } from 'vitest';
import { dumpDb, makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** Workers #1 and #2; case 1 (high, worker #1, opened 1405/09/01) and case 2 (critical, no worker, opened 1405/08/20). */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'intervener', '--sector', 'gov']);
  await o.json([
    'case',
    'open',
    '--anonymous',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--worker',
    '1',
    '--opened',
    '1405/09/01',
  ]);
  await o.json([
    'case',
    'open',
    '--anonymous',
    '--channel',
    'mobile-team',
    '--category',
    'child-abuse',
    '--risk',
    'critical',
    '--opened',
    '1405/08/20',
  ]);
  return o;
}

/** The names --json gives next to the worker ids of office(). */
const WORKER_NAMES: Record<number, string> = { 1: 'مریم رضایی', 2: 'علی کریمی' };
const workerName = (over: Record<string, unknown>) => {
  const id = 'workerId' in over ? over.workerId : 1;
  return typeof id === 'number' ? WORKER_NAMES[id] : null;
};

const service = (over: Record<string, unknown>) => ({
  id: 1,
  caseId: 1,
  caseNumber: 'TST01-1405-000001',
  serviceDate: '2026-11-25',
  type: 'crisis-intervention',
  channel: 'hotline',
  workerId: 1,
  workerName: workerName(over),
  minutes: null,
  note: null,
  createdAt: '<ts>',
  voidedAt: null,
  voidedBy: null,
  voidReason: null,
  ...over,
});

const followup = (over: Record<string, unknown>) => ({
  id: 1,
  caseId: 1,
  caseNumber: 'TST01-1405-000001',
  dueOn: '2026-12-02',
  workerId: 1,
  workerName: workerName(over),
  status: 'scheduled',
  doneOn: null,
  outcome: null,
  note: null,
  fromPlan: false,
  risk: 'high',
  createdAt: '<ts>',
  updatedAt: '<ts>',
  ...over,
});

describe('service log', () => {
  it('logs on a case, taking the channel and (when not given) the worker from the case', async () => {
    const o = await office();
    const r = await o.cli([
      'service',
      'log',
      '--case',
      'TST01-1405-000001',
      '--type',
      'مداخله در بحران',
      '--minutes',
      '۹۰',
      '--note',
      'at home',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(stamp(r.json())).toEqual({ ...service({ minutes: 90, note: 'at home' }), workerDefaultedFrom: 'case' });
    expect(r.stderr).toBe('');
    const human = await o.cli(['service', 'log', '--case', '2', '--type', 'mobile-team', '--worker', '2', '--date', 'yesterday']);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(
      [
        'ID       #2',
        'Case     TST01-1405-000002',
        'Date     1405/09/03',
        'Type     Mobile-team operation',
        'Channel  Mobile team',
        'Worker   علی کریمی (#2)',
        '',
      ].join('\n'),
    );
    expect(
      query(o.db, `SELECT case_id AS c, kind, reason, service_id AS s, worker_id AS w FROM case_events WHERE kind = 'service' ORDER BY id`),
    ).toEqual([
      { c: 1, kind: 'service', reason: 'crisis-intervention', s: 1, w: 1 },
      { c: 2, kind: 'service', reason: 'mobile-team', s: 2, w: 2 },
    ]);
  });

  it('a hotline call may have no case; other services need one', async () => {
    const o = await office();
    const call = await o.json(['service', 'log', '--type', 'hotline-call', '--minutes', '15']);
    expect(stamp(call)).toEqual({
      ...service({ caseId: null, caseNumber: null, type: 'hotline-call', workerId: null, minutes: 15 }),
      workerDefaultedFrom: null,
    });
    const before = dumpDb(o.db);
    const r = await o.cli(['service', 'log', '--type', 'legal', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'invalid', message: 'a legal service needs --case; only a hotline-call may be logged without a case', field: 'case' },
    });
    expect(dumpDb(o.db)).toBe(before);
  });

  it('refuses a closed case (4), a date before the opening or in the future (2), a missing type (2), bad minutes (2)', async () => {
    const o = await office();
    await o.json(['case', 'close', '2', '--reason', 'resolved']);
    const before = dumpDb(o.db);
    const closed = await o.cli(['service', 'log', '--case', '2', '--type', 'social-work']);
    expect(closed.code).toBe(4);
    expect(oneLine(closed)).toBe('error: case TST01-1405-000002 is closed: reopen it before logging a service');
    const early = await o.cli(['service', 'log', '--case', '1', '--type', 'social-work', '--date', '1405/08/30']);
    expect(early.code).toBe(2);
    expect(oneLine(early)).toBe('error: date is before the case was opened (1405/09/01)');
    const future = await o.cli(['service', 'log', '--case', '1', '--type', 'social-work', '--date', '+2d']);
    expect(future.code).toBe(2);
    const missing = await o.cli(['service', 'log', '--case', '1']);
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toBe('error: missing required option: --type');
    const minutes = await o.cli(['service', 'log', '--case', '1', '--type', 'psychology', '--minutes', '-5', '--json']);
    expect(minutes.code).toBe(2);
    expect(JSON.parse(minutes.stderr).error.field).toBe('minutes');
    expect(dumpDb(o.db)).toBe(before);
    // Reopened, the case takes services again.
    await o.json(['case', 'reopen', '2']);
    expect((await o.cli(['service', 'log', '--case', '2', '--type', 'social-work'])).code).toBe(0);
  });
});

describe('service list', () => {
  it('newest first, with filters and a row limit', async () => {
    const o = await office();
    await o.json(['service', 'log', '--case', '1', '--type', 'hotline-call', '--date', '1405/09/01']);
    await o.json(['service', 'log', '--case', '2', '--type', 'mobile-team', '--date', '1405/09/03', '--worker', '2']);
    await o.json(['service', 'log', '--case', '1', '--type', 'psychology', '--date', '1405/09/02']);
    await o.json(['service', 'log', '--type', 'hotline-call', '--date', '1405/09/03']);
    const ids = async (args: string[]) => (await o.json<{ id: number }[]>(['service', 'list', ...args])).map((s) => s.id);
    expect(await ids([])).toEqual([4, 2, 3, 1]);
    expect(await ids(['--limit', '2'])).toEqual([4, 2]);
    expect(await ids(['--case', '1405-1'])).toEqual([3, 1]);
    expect(await ids(['--type', 'hotline-call'])).toEqual([4, 1]);
    expect(await ids(['--channel', 'mobile-team'])).toEqual([2]);
    expect(await ids(['--worker', '2'])).toEqual([2]);
    expect(await ids(['--from', '1405/09/02', '--to', '1405/09/02'])).toEqual([3]);
    const human = await o.cli(['service', 'list', '--type', 'psychology']);
    expect(human.stdout).toContain('│ #3 │ 1405/09/02 │ Psychological counselling │ TST01-1405-000001 │ مریم رضایی │');
    expect(human.stdout).not.toContain('│ #1');
  });
});

describe('service list and followup list name the worker (issue #12)', () => {
  it('the name in the table, the id and the name side by side in --json, the same name with --lang fa', async () => {
    const o = await office();
    await o.json(['service', 'log', '--case', '1', '--type', 'psychology', '--worker', '2', '--date', '1405/09/02']);
    await o.json(['followup', 'schedule', '--case', '2', '--due', '1405/09/20', '--worker', '2']);
    expect(await o.json(['service', 'list'])).toMatchObject([{ id: 1, workerId: 2, workerName: 'علی کریمی' }]);
    expect(await o.json(['followup', 'list'])).toMatchObject([{ id: 1, workerId: 2, workerName: 'علی کریمی' }]);
    expect((await o.cli(['service', 'list'])).stdout).toContain(
      '│ #1 │ 1405/09/02 │ Psychological counselling │ TST01-1405-000001 │ علی کریمی │',
    );
    expect((await o.cli(['followup', 'list'])).stdout).toContain(
      '│ #1 │ 1405/09/20 │ Scheduled │ TST01-1405-000002 │ Critical │ علی کریمی │',
    );
    expect((await o.cli(['--lang', 'fa', 'followup', 'list'])).stdout).toContain('│ علی کریمی │ بحرانی │');
    expect((await o.cli(['followup', 'schedule', '--case', '1', '--due', '1405/09/21'])).stdout).toContain('Worker  مریم رضایی (#1)');
  });
});

describe('followup schedule, done, missed, cancel', () => {
  it('schedule: due date in any form, the case worker by default', async () => {
    const o = await office();
    const f = await o.json(['followup', 'schedule', '--case', '1', '--due', '+7d', '--note', 'call the mother']);
    expect(stamp(f)).toEqual(followup({ note: 'call the mother' }));
    const g = await o.json(['followup', 'schedule', '--case', '1405-2', '--due', '۱۴۰۵/۰۹/۲۰', '--worker', '2']);
    expect(stamp(g)).toEqual(
      followup({ id: 2, caseId: 2, caseNumber: 'TST01-1405-000002', dueOn: '2026-12-11', workerId: 2, risk: 'critical' }),
    );
    const human = await o.cli(['followup', 'schedule', '--case', '2', '--due', '2026-12-01']);
    expect(human.stdout).toBe(['ID      #3', 'Case    TST01-1405-000002', 'Due     1405/09/10', 'Status  Scheduled', ''].join('\n'));
    const before = dumpDb(o.db);
    const missing = await o.cli(['followup', 'schedule']);
    expect(missing.code).toBe(2);
    expect(oneLine(missing)).toBe('error: missing required options: --case, --due');
    const impossible = await o.cli(['followup', 'schedule', '--case', '1', '--due', '1405/07/31', '--json']);
    expect(impossible.code).toBe(2);
    expect(JSON.parse(impossible.stderr).error.field).toBe('due');
    const early = await o.cli(['followup', 'schedule', '--case', '1', '--due', '1405/08/01']);
    expect(early.code).toBe(2);
    expect(oneLine(early)).toBe('error: due date is before the case was opened (1405/09/01)');
    expect(dumpDb(o.db)).toBe(before);
  });

  it('done needs an outcome; a follow-up ends once only (4)', async () => {
    const o = await office();
    await o.json(['followup', 'schedule', '--case', '1', '--due', '+7d']);
    await o.json(['followup', 'schedule', '--case', '1', '--due', '+14d']);
    await o.json(['followup', 'schedule', '--case', '2', '--due', '+1d']);
    const before = dumpDb(o.db);
    const noOutcome = await o.cli(['followup', 'done', '1']);
    expect(noOutcome.code).toBe(2);
    expect(oneLine(noOutcome)).toBe('error: missing required option: --outcome');
    expect(dumpDb(o.db)).toBe(before);
    const done = await o.json(['followup', 'done', '1', '--outcome', 'no recurrence', '--date', 'yesterday']);
    expect(stamp(done)).toEqual(followup({ status: 'done', doneOn: '2026-11-24', outcome: 'no recurrence' }));
    const missed = await o.json(['followup', 'missed', '2', '--reason', 'no answer']);
    expect(stamp(missed)).toEqual(followup({ id: 2, dueOn: '2026-12-09', status: 'missed', doneOn: '2026-11-25', outcome: 'no answer' }));
    const cancelled = await o.json(['followup', 'cancel', '3']);
    expect(cancelled).toMatchObject({ id: 3, status: 'cancelled', doneOn: null, outcome: null });
    const after = dumpDb(o.db);
    for (const args of [
      ['done', '1', '--outcome', 'again'],
      ['missed', '1'],
      ['cancel', '2'],
      ['done', '3', '--outcome', 'x'],
    ]) {
      const r = await o.cli(['followup', ...args, '--json']);
      expect(r.code).toBe(4);
      expect(JSON.parse(r.stderr).error).toEqual({
        code: 'conflict',
        message: expect.stringMatching(/^follow-up #\d is already (done|missed|cancelled)$/),
        field: 'id',
      });
    }
    const unknown = await o.cli(['followup', 'done', '99', '--outcome', 'x']);
    expect(unknown.code).toBe(3);
    expect(oneLine(unknown)).toBe('error: no follow-up has the id given for --id');
    expect(dumpDb(o.db)).toBe(after);
    expect(
      query(o.db, `SELECT followup_id AS f, reason, on_date AS d, text FROM case_events WHERE kind = 'follow-up' ORDER BY id`),
    ).toEqual([
      { f: 1, reason: 'scheduled', d: '2026-11-25', text: null },
      { f: 2, reason: 'scheduled', d: '2026-11-25', text: null },
      { f: 3, reason: 'scheduled', d: '2026-11-25', text: null },
      { f: 1, reason: 'done', d: '2026-11-24', text: 'no recurrence' },
      { f: 2, reason: 'missed', d: '2026-11-25', text: 'no answer' },
      { f: 3, reason: 'cancelled', d: '2026-11-25', text: null },
    ]);
  });
});

describe('followup list', () => {
  /**
   * f1 case 1 (high, #1) due 1405/09/01 — overdue
   * f2 case 2 (critical, #2) due 1405/09/01 — overdue, riskier
   * f3 case 1 due 1405/09/10
   * f4 case 2 due 1405/09/04 (today: not overdue)
   * f5 case 1 due 1405/08/25, done
   */
  async function five(): Promise<TestOffice> {
    const o = await office();
    const s = (c: string, due: string, ...more: string[]) => o.json(['followup', 'schedule', '--case', c, '--due', due, ...more]);
    await s('1', '1405/09/01');
    await s('2', '1405/09/01', '--worker', '2');
    await s('1', '1405/09/10');
    await s('2', '1405/09/04', '--worker', '2');
    await s('2', '1405/08/25', '--worker', '1');
    await o.json(['followup', 'done', '5', '--outcome', 'ok']);
    return o;
  }
  const ids = async (o: TestOffice, args: string[]) => (await o.json<{ id: number }[]>(['followup', 'list', ...args])).map((f) => f.id);

  it('scheduled ones, earliest due first, the riskier case first on the same day', async () => {
    const o = await five();
    expect(await ids(o, [])).toEqual([2, 1, 4, 3]);
    expect(await ids(o, ['--status', 'all'])).toEqual([2, 1, 4, 3, 5]);
    expect(await ids(o, ['--status', 'done'])).toEqual([5]);
    expect(await ids(o, ['--limit', '1'])).toEqual([2]);
  });

  it('--overdue, --worker, --due-before, --case', async () => {
    const o = await five();
    expect(await ids(o, ['--overdue'])).toEqual([2, 1]);
    expect(await ids(o, ['--overdue', '--status', 'all'])).toEqual([2, 1]);
    expect(await ids(o, ['--worker', '2'])).toEqual([2, 4]);
    expect(await ids(o, ['--worker', 'مريم رضايي', '--status', 'all'])).toEqual([1, 3, 5]);
    expect(await ids(o, ['--due-before', '1405/09/05'])).toEqual([2, 1, 4]);
    expect(await ids(o, ['--due-before', '+10d', '--worker', '1'])).toEqual([1, 3]);
    expect(await ids(o, ['--case', 'TST01-1405-000002'])).toEqual([2, 4]);
    const human = await o.cli(['followup', 'list', '--overdue']);
    // Overdue ones are marked.
    expect(human.stdout).toContain('│ #2 │ 1405/09/01 ! │ Scheduled │ TST01-1405-000002 │ Critical │ علی کریمی  │');
    const bad = await o.cli(['followup', 'list', '--due-before', '1402/12/30']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toMatch(/^error: invalid date for --due-before: /);
    const badStatus = await o.cli(['followup', 'list', '--status', 'late']);
    expect(badStatus.code).toBe(2);
  });
});
