/**
 * `service correct` and `service void` (issue #12): each option, the exit codes, nothing
 * changed by a refusal, the audit trail (field names only), the case's timeline, `case
 * show` and `service list` with a voided service, and the report counts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dumper } from '../hardening/support.js';
import { makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';
import { unwrapRows } from '../helpers/table-text.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/**
 * Workers #1 (active) and #2 (left); case 1 open (opened 1405/09/01, worker #1);
 * case 2 closed on 1405/08/25 (opened 1405/08/20). Service #1 on case 1 (1405/09/02, crisis
 * intervention, 450 minutes), #2 on case 2 (1405/08/22), #3 a hotline call with no case.
 */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'intervener', '--sector', 'gov']);
  const open = ['--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--worker', '1'];
  await o.json(['case', 'open', ...open, '--opened', '1405/09/01']);
  await o.json(['case', 'open', ...open, '--opened', '1405/08/20']);
  await o.json([
    'service',
    'log',
    '--case',
    '1',
    '--type',
    'crisis-intervention',
    '--date',
    '1405/09/02',
    '--minutes',
    '450',
    '--note',
    'x',
  ]);
  await o.json(['service', 'log', '--case', '2', '--type', 'social-work', '--date', '1405/08/22']);
  await o.json(['service', 'log', '--type', 'hotline-call', '--minutes', '10']);
  await o.json(['case', 'close', '2', '--reason', 'resolved', '--date', '1405/08/25']);
  await o.json(['staff', 'leave', '2', '--date', '1405/09/03']);
  return o;
}

/** Runs a refused command and checks that it changed nothing at all; returns its one-line error. */
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

const audit = (o: TestOffice, action: string) =>
  query<{ record_type: string; record_id: string; detail: string | null }>(
    o.db,
    'SELECT record_type, record_id, detail FROM audit_log WHERE action = ? ORDER BY id',
    action,
  );

describe('service correct', () => {
  it('changes each option given, says which on the timeline and in the audit trail, and prints the service', async () => {
    const o = await office();
    const r = await o.json(['service', 'correct', '1', '--minutes', '45', '--type', 'psychology', '--reason', 'اشتباه تایپی']);
    expect(stamp(r)).toEqual({
      id: 1,
      caseId: 1,
      caseNumber: 'TST01-1405-000001',
      serviceDate: '2026-11-23',
      type: 'psychology',
      channel: 'hotline',
      workerId: 1,
      workerName: 'مریم رضایی',
      minutes: 45,
      note: 'x',
      createdAt: '<ts>',
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
      changed: ['type', 'minutes'],
    });
    const r2 = await o.json(['service', 'correct', '#1', '--date', '1405/09/03', '--worker', '2', '--note', 'یادداشت', '--reason', 'r']);
    expect(r2).toMatchObject({
      serviceDate: '2026-11-24',
      workerId: 2,
      workerName: 'علی کریمی',
      note: 'یادداشت',
      changed: ['date', 'worker', 'note'],
    });
    // An empty note or duration clears it.
    const r3 = await o.json(['service', 'correct', '1', '--note', '', '--minutes', '', '--reason', 'written on the wrong case']);
    expect(r3).toMatchObject({ note: null, minutes: null, changed: ['minutes', 'note'] });

    const events = query<{ kind: string; service_id: number; reason: string; text: string }>(
      o.db,
      `SELECT kind, service_id, reason, text FROM case_events WHERE kind = 'service-corrected' ORDER BY id`,
    );
    expect(events).toEqual([
      { kind: 'service-corrected', service_id: 1, reason: 'type,minutes', text: 'اشتباه تایپی' },
      { kind: 'service-corrected', service_id: 1, reason: 'date,worker,note', text: 'r' },
      { kind: 'service-corrected', service_id: 1, reason: 'minutes,note', text: 'written on the wrong case' },
    ]);
    // Field names only, never a value.
    expect(audit(o, 'correct')).toEqual([
      { record_type: 'service', record_id: '1', detail: 'type,minutes,reason' },
      { record_type: 'service', record_id: '1', detail: 'date,worker,note,reason' },
      { record_type: 'service', record_id: '1', detail: 'minutes,note,reason' },
    ]);
    const show = await o.cli(['case', 'show', '1']);
    expect(unwrapRows(show.stdout)).toMatch(/Service corrected \(#1, Type, Minutes\)\s+│ اشتباه تایپی/);
  });

  it('corrects a hotline call with no case (audit only) and a service of a closed case within its dates', async () => {
    const o = await office();
    expect(await o.json(['service', 'correct', '3', '--minutes', '12', '--reason', 'r'])).toMatchObject({ caseId: null, minutes: 12 });
    expect(await o.json(['service', 'correct', '2', '--date', '1405/08/25', '--reason', 'r'])).toMatchObject({ serviceDate: '2026-11-16' });
    expect(audit(o, 'correct').map((a) => a.record_id)).toEqual(['3', '2']);
  });

  it('refuses, changing nothing: exit 2 for bad or missing input, 3 for an unknown service, 4 for a conflict with the record', async () => {
    const o = await office();
    expect(await refused(o, ['service', 'correct', '1', '--reason', 'r'], 2)).toContain('nothing to correct');
    expect(await refused(o, ['service', 'correct', '1', '--minutes', '45'], 2)).toContain('--reason');
    expect(await refused(o, ['service', 'correct', '1', '--minutes', '45', '--reason', ' '], 2)).toContain('--reason');
    expect(await refused(o, ['service', 'correct', '1', '--type', 'nap', '--reason', 'r'], 2)).toContain('invalid type');
    expect(await refused(o, ['service', 'correct', '1', '--minutes', '2000', '--reason', 'r'], 2)).toContain('minutes');
    expect(await refused(o, ['service', 'correct', '1', '--date', '+3d', '--reason', 'r'], 2)).toContain('future');
    expect(await refused(o, ['service', 'correct', '1', '--date', '', '--reason', 'r'], 2)).toContain('date');
    expect(await refused(o, ['service', 'correct', '1', '--note', 'a\u0007b', '--reason', 'r'], 2)).toContain('note');
    expect(await refused(o, ['service', 'correct', '1', '--minutes', '450', '--reason', 'r'], 2)).toContain('already has these values');
    expect(await refused(o, ['service', 'correct', '99', '--minutes', '45', '--reason', 'r'], 3)).toContain('no service');
    expect(await refused(o, ['service', 'correct', '1', '--worker', '9', '--reason', 'r'], 3)).toBeTruthy();
    // A closed case: its services may be corrected, but their dates stay between its opening and closing.
    expect(await refused(o, ['service', 'correct', '2', '--date', '1405/08/26', '--reason', 'r'], 4)).toContain('after case');
    expect(await refused(o, ['service', 'correct', '2', '--date', '1405/08/19', '--reason', 'r'], 4)).toContain('before case');
    expect(await refused(o, ['service', 'correct', '1', '--date', '1405/08/30', '--reason', 'r'], 4)).toContain('before case');
    await o.json(['service', 'void', '1', '--reason', 'logged twice']);
    expect(await refused(o, ['service', 'correct', '1', '--minutes', '45', '--reason', 'r'], 4)).toContain('is void');
  });
});

describe('service void', () => {
  it('marks the service with who, when and why; it stays in case show and leaves service list unless --void or --all', async () => {
    const o = await office();
    const v = await o.json(['service', 'void', '1', '--reason', 'دو بار ثبت شد'], { PARVANDE_USER: 'clerk' });
    expect(stamp(v)).toMatchObject({ id: 1, voidedAt: '<ts>', voidedBy: 'clerk', voidReason: 'دو بار ثبت شد' });
    expect(v.voidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect((await o.json(['service', 'list'])).map((s: { id: number }) => s.id)).toEqual([3, 2]);
    expect((await o.json(['service', 'list', '--void'])).map((s: { id: number }) => s.id)).toEqual([1]);
    expect((await o.json(['service', 'list', '--all'])).map((s: { id: number }) => s.id)).toEqual([3, 1, 2]);
    expect((await o.cli(['service', 'list', '--void', '--all'])).code).toBe(2);

    const show = await o.json(['case', 'show', '1']);
    expect(show.services).toHaveLength(1);
    expect(show.services[0]).toMatchObject({ id: 1, voidedBy: 'clerk', voidReason: 'دو بار ثبت شد' });
    expect(show.events.filter((e: { kind: string }) => e.kind === 'service-voided')).toMatchObject([
      { kind: 'service-voided', serviceId: 1, text: 'دو بار ثبت شد', actor: 'clerk' },
    ]);
    const text = await o.cli(['case', 'show', '1']);
    expect(text.stdout).toContain('Crisis intervention (VOID)');
    expect(text.stdout).toMatch(/Service voided \(#1\)\s+│ دو بار ثبت شد/);
    expect(audit(o, 'void')).toEqual([{ record_type: 'service', record_id: '1', detail: 'voidedAt,voidedBy,voidReason' }]);
  });

  it('refuses, changing nothing: no reason (2), an unknown service (3), voiding twice (4)', async () => {
    const o = await office();
    expect(await refused(o, ['service', 'void', '1'], 2)).toContain('--reason');
    expect(await refused(o, ['service', 'void', '1', '--reason', ''], 2)).toContain('--reason');
    expect(await refused(o, ['service', 'void', 'x', '--reason', 'r'], 2)).toBeTruthy();
    expect(await refused(o, ['service', 'void', '99', '--reason', 'r'], 3)).toContain('no service');
    await o.json(['service', 'void', '3', '--reason', 'r']);
    expect(await refused(o, ['service', 'void', '3', '--reason', 'again'], 4)).toContain('already void');
  });

  it('takes the service out of its day, month and year counts; db check agrees', async () => {
    const o = await office();
    const before = await o.json(['report', 'monthly', '--month', '1405-09']);
    expect(before.services.total).toBe(2);
    await o.json(['service', 'void', '1', '--reason', 'r']);
    await o.json(['service', 'correct', '3', '--type', 'hotline-call', '--date', '1405/08/29', '--reason', 'r']);
    const after = await o.json(['report', 'monthly', '--month', '1405-09']);
    expect(after.services.total).toBe(0);
    expect(after.previousMonth.services.total).toBe(2);
    expect(after.yearToDate.services.total).toBe(2);
    const check = await o.json(['db', 'check']);
    expect(check.ok).toBe(true);
  });
});
