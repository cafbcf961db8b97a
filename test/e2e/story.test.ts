/**
 * The whole case story through the built bin/parvande.js, with flags alone and
 * --json, the way a script or a cron job runs it (`npm test` builds first).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, tempDb } from '../helpers/cli.js';

const t = tempDb();
afterAll(() => t.cleanup());
const ENV = { PARVANDE_DB: t.db, PARVANDE_USER: 'clerk' };

async function bin(args: string[]): Promise<any> {
  const r = await runBin([...args, '--json'], { env: ENV });
  if (r.code !== 0) throw new Error(`parvande ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.json();
}

describe('a whole case story, flags and --json only', () => {
  it('register, open, log, follow up, close with a plan, list, reopen', async () => {
    const office = await bin([
      'init',
      '--office-code',
      'KRJ01',
      '--office-name',
      'اورژانس اجتماعی کرج',
      '--county',
      'کرج',
      '--province',
      'البرز',
    ]);
    expect(office).toMatchObject({ code: 'KRJ01', created: true });
    const worker = await bin([
      'staff',
      'add',
      '--first-name',
      'مریم',
      '--last-name',
      'رضایی',
      '--role',
      'social-worker',
      '--sector',
      'gov',
    ]);
    expect(worker).toMatchObject({ id: 1, active: true });

    // Register a client.
    const client = await bin([
      'client',
      'add',
      '--first-name',
      'زهرا',
      '--last-name',
      'احمدی',
      '--national-code',
      '۰۰۱۳۵۴۲۴۱۹',
      '--birth-date',
      '1370/05/12',
      '--sex',
      'female',
      '--mobile',
      '0912 123 4567',
      '--woman-head',
      'yes',
    ]);
    expect(client).toMatchObject({
      id: 1,
      nationalCode: '0013542419',
      birthDate: '1991-08-03',
      mobile: '+989121234567',
      womanHead: true,
      possibleDuplicates: [],
    });

    // Open a hotline case.
    const kase = await bin([
      'case',
      'open',
      '--client',
      '0013542419',
      '--channel',
      'hotline',
      '--category',
      'spouse-abuse',
      '--categories',
      'family-dispute',
      '--risk',
      'high',
      '--worker',
      '1',
      '--opened',
      '1405/09/01',
    ]);
    expect(kase).toMatchObject({
      id: 1,
      caseNumber: 'KRJ01-1405-000001',
      status: 'open',
      openedOn: '2026-11-22',
      categories: ['spouse-abuse', 'family-dispute'],
    });

    // Log services.
    const call = await bin([
      'service',
      'log',
      '--case',
      'KRJ01-1405-000001',
      '--type',
      'hotline-call',
      '--minutes',
      '20',
      '--date',
      '1405/09/01',
    ]);
    expect(call).toMatchObject({ id: 1, caseId: 1, type: 'hotline-call', channel: 'hotline', workerId: 1, workerDefaultedFrom: 'case' });
    const visit = await bin([
      'service',
      'log',
      '--case',
      '1405-1',
      '--type',
      'crisis-intervention',
      '--minutes',
      '90',
      '--date',
      '1405/09/02',
    ]);
    expect(visit).toMatchObject({ id: 2, serviceDate: '2026-11-23' });

    // Schedule follow-ups and complete one.
    const f1 = await bin(['followup', 'schedule', '--case', '1405-1', '--due', '1405/09/03', '--note', 'call back']);
    const f2 = await bin(['followup', 'schedule', '--case', '1405-1', '--due', '+14d']);
    expect([f1.id, f1.dueOn, f2.id, f2.dueOn]).toEqual([1, '2026-11-24', 2, '2026-12-09']);
    const overdue = await bin(['followup', 'list', '--overdue']);
    expect(overdue.map((f: { id: number }) => f.id)).toEqual([1]);
    const done = await bin(['followup', 'done', '1', '--outcome', 'safe, staying with her sister']);
    expect(done).toMatchObject({ id: 1, status: 'done', doneOn: '2026-11-25' });

    // Close the case with a follow-up plan; the follow-up still scheduled is reported.
    const closeRun = await runBin(['case', 'close', '1405-1', '--reason', 'resolved', '--followup-plan', '7,30,90', '--json'], {
      env: ENV,
    });
    expect(closeRun.code).toBe(0);
    expect(closeRun.stderr).toBe('warning: case KRJ01-1405-000001 still has 1 follow-up(s) scheduled from before closing; they stay due\n');
    const closed = closeRun.json();
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-25', closeReason: 'resolved', stillScheduled: 1 });
    expect(closed.plannedFollowups).toEqual([
      { id: 3, dueOn: '2026-12-02', afterDays: 7 },
      { id: 4, dueOn: '2026-12-25', afterDays: 30 },
      { id: 5, dueOn: '2027-02-23', afterDays: 90 },
    ]);

    // A closed case takes no service.
    const refused = await runBin(['service', 'log', '--case', '1405-1', '--type', 'social-work'], { env: ENV });
    expect(refused.code).toBe(4);

    // See them in followup list.
    const list = await bin(['followup', 'list', '--worker', '1']);
    expect(list.map((f: { id: number; dueOn: string }) => [f.id, f.dueOn])).toEqual([
      [3, '2026-12-02'],
      [2, '2026-12-09'],
      [4, '2026-12-25'],
      [5, '2027-02-23'],
    ]);
    const all = await bin(['followup', 'list', '--case', '1405-1', '--status', 'all']);
    expect(all.map((f: { id: number; status: string }) => `${f.id}:${f.status}`)).toEqual([
      '3:scheduled',
      '2:scheduled',
      '4:scheduled',
      '5:scheduled',
      '1:done',
    ]);

    // Reopen.
    const reopened = await bin(['case', 'reopen', '1405-1', '--note', 'harm recurred']);
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, reopenCount: 1 });
    const show = await bin(['case', 'show', 'KRJ01-1405-000001']);
    expect(show.events.map((e: { kind: string; reason: string | null }) => (e.reason ? `${e.kind}:${e.reason}` : e.kind))).toEqual([
      'opened',
      'assigned',
      'service:hotline-call',
      'service:crisis-intervention',
      'follow-up:scheduled',
      'follow-up:scheduled',
      'follow-up:done',
      'closed:resolved',
      'follow-up:scheduled',
      'follow-up:scheduled',
      'follow-up:scheduled',
      'reopened',
    ]);
    expect(show.client).toEqual({ id: 1, firstName: 'زهرا', lastName: 'احمدی' });
    expect(show.services).toHaveLength(2);
    expect(show.followups).toHaveLength(5);

    const check = await bin(['db', 'check']);
    expect(check).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: 0 });
  });
});
