/**
 * `followup reschedule` (issue #12): only a scheduled follow-up moves, its due date in the
 * record-date range; the timeline keeps the date it was due before; the overdue figures follow.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dumper } from '../hardening/support.js';
import { makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';
import { unwrapRows } from '../helpers/table-text.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** Case 1 opened 1405/08/20 (worker #1); follow-ups #1 due 1405/09/01 (overdue today, 1405/09/04), #2 due 1405/09/10, #3 done. */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
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
    '1405/08/20',
  ]);
  await o.json(['followup', 'schedule', '--case', '1', '--due', '1405/09/01']);
  await o.json(['followup', 'schedule', '--case', '1', '--due', '1405/09/10']);
  await o.json(['followup', 'schedule', '--case', '1', '--due', '1405/09/02']);
  await o.json(['followup', 'done', '3', '--outcome', 'خوب']);
  return o;
}

async function refused(o: TestOffice, args: string[], code: number): Promise<string> {
  const d = new Dumper(o.db);
  try {
    const before = d.dump();
    const r = await o.cli(args);
    expect(r.code, r.stderr).toBe(code);
    expect(d.dump()).toBe(before);
    return oneLine(r);
  } finally {
    d.close();
  }
}

describe('followup reschedule', () => {
  it('moves the due date, keeps the old one on the timeline, audits the field names, and the overdue figures follow', async () => {
    const o = await office();
    expect((await o.json(['followup', 'list', '--overdue'])).map((f: { id: number }) => f.id)).toEqual([1]);
    const f = await o.json(['followup', 'reschedule', '1', '--due', '+3d', '--reason', 'خانواده در سفر است']);
    expect(stamp(f)).toEqual({
      id: 1,
      caseId: 1,
      caseNumber: 'TST01-1405-000001',
      dueOn: '2026-11-28',
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
    });
    expect(await o.json(['followup', 'list', '--overdue'])).toEqual([]);
    const monthly = await o.json(['report', 'monthly', '--month', '1405-09']);
    expect(monthly.followups.overdueAtEnd).toBe(0);

    const events = query(o.db, `SELECT kind, on_date, followup_id, reason, text FROM case_events WHERE kind = 'follow-up-rescheduled'`);
    expect(events).toEqual([
      { kind: 'follow-up-rescheduled', on_date: '2026-11-25', followup_id: 1, reason: '2026-11-22', text: 'خانواده در سفر است' },
    ]);
    expect(query(o.db, `SELECT record_type, record_id, detail FROM audit_log WHERE action = 'reschedule'`)).toEqual([
      { record_type: 'followup', record_id: '1', detail: 'dueOn,reason' },
    ]);
    // Without a reason; into the past, it is overdue again.
    await o.json(['followup', 'reschedule', '2', '--due', '1405/09/03']);
    expect((await o.json(['followup', 'list', '--overdue'])).map((x: { id: number }) => x.id)).toEqual([2]);
    expect(query(o.db, `SELECT detail FROM audit_log WHERE action = 'reschedule' ORDER BY id`)).toEqual([
      { detail: 'dueOn,reason' },
      { detail: 'dueOn' },
    ]);
    const show = await o.cli(['case', 'show', '1']);
    expect(unwrapRows(show.stdout)).toContain('Follow-up rescheduled (#1 was due 1405/09/01)');
    expect((await o.json(['db', 'check'])).ok).toBe(true);
  });

  it('refuses, changing nothing: bad or missing input (2), an unknown follow-up (3), one no longer scheduled (4)', async () => {
    const o = await office();
    expect(await refused(o, ['followup', 'reschedule', '1'], 2)).toContain('--due');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', 'soon'], 2)).toContain('due');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', '1299/01/01'], 2)).toContain('due');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', '1407/01/01'], 2)).toContain('due');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', '1405/08/19'], 2)).toContain('before the case was opened');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', '1405/09/01'], 2)).toContain('already due');
    expect(await refused(o, ['followup', 'reschedule', '1', '--due', '+3d', '--reason', 'a\u001bb'], 2)).toContain('reason');
    expect(await refused(o, ['followup', 'reschedule', '99', '--due', '+3d'], 3)).toContain('no follow-up');
    expect(await refused(o, ['followup', 'reschedule', '3', '--due', '+3d'], 4)).toContain('only a scheduled one');
    await o.json(['followup', 'cancel', '2', '--reason', 'r']);
    expect(await refused(o, ['followup', 'reschedule', '2', '--due', '+3d'], 4)).toContain('cancelled');
  });
});
