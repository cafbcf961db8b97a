/**
 * `parvande referral add|update|list|settings` (issue #12, "Referrals"): bad input first
 * (each refusal one line, the documented exit code, nothing changed, no value repeated),
 * then what is stored, the history, the timeline, the audit trail, the lists and the
 * nightly run. Today is 1405/09/04 (2026-11-25).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Dumper } from '../hardening/support.js';
import { makeOffice, oneLine, query, stamp, type TestOffice } from '../helpers/office.js';
import { unwrapRows } from '../helpers/table-text.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/**
 * Staff #1 مریم رضایی and #2 علی کریمی; case 1 opened 1405/08/01 for #1; case 2 opened
 * 1405/08/10, unassigned, closed 1405/08/20.
 */
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['staff', 'add', '--first-name', 'علی', '--last-name', 'کریمی', '--role', 'psychologist', '--sector', 'gov']);
  const open = ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'child-abuse', '--risk', 'high'];
  await o.json([...open, '--worker', '1', '--opened', '1405/08/01']);
  await o.json([...open, '--opened', '1405/08/10']);
  await o.json(['case', 'close', '2', '--reason', 'referred', '--date', '1405/08/20']);
  return o;
}

async function refused(o: TestOffice, args: string[], code: number): Promise<string> {
  const d = new Dumper(o.db);
  try {
    const before = d.dump();
    const r = await o.cli(args);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stdout).toBe('');
    expect(d.dump()).toBe(before);
    return oneLine(r);
  } finally {
    d.close();
  }
}

const ADD = ['referral', 'add', '--case', '1', '--to', 'police', '--agency', 'کلانتری ۱۲ کرج', '--reason', 'گزارش کودک‌آزاری'];

describe('referral add refuses bad input, changing nothing', () => {
  it('without a terminal, a missing value is exit 2 naming every missing flag (no prompt)', async () => {
    const o = await office();
    expect(await refused(o, ['referral', 'add', '--case', '1'], 2)).toBe('error: missing required options: --to, --agency, --reason');
    expect(await refused(o, ['referral', 'update', '1'], 2)).toBe('error: missing required option: --status');
  });

  it('an unknown kind of agency is named by its field, never repeated', async () => {
    const o = await office();
    const line = await refused(o, [...ADD.slice(0, 4), '--to', 'زهرا احمدی', ...ADD.slice(6)], 2);
    expect(line).toBe('error: invalid to: expected one of police, court, hospital, school, health, welfare-center, ngo, other');
  });

  it('control and bidi characters in free text are refused by the shared text rules', async () => {
    const o = await office();
    expect(await refused(o, [...ADD.slice(0, 8), '--reason', 'a\u0007b'], 2)).toBe(
      'error: reason contains a control character (U+0007); control characters are not allowed in text',
    );
    expect(await refused(o, [...ADD.slice(0, 6), '--agency', 'x\u202Ey', ...ADD.slice(8)], 2)).toMatch(
      /^error: agency contains a bidi control/,
    );
    expect(await refused(o, [...ADD.slice(0, 8), '--reason', '   '], 2)).toBe('error: missing required option: --reason');
  });

  it('dates: not in the future, not before the case was opened, not after a closed case closed', async () => {
    const o = await office();
    expect(await refused(o, [...ADD, '--date', '+1d'], 2)).toBe('error: date is in the future');
    expect(await refused(o, [...ADD, '--date', '1405/07/30'], 2)).toBe('error: date is before the case was opened (1405/08/01)');
    expect(await refused(o, [...ADD, '--date', 'next week'], 2)).toMatch(/^error: invalid date for --date: expected/);
    const closed = ['referral', 'add', '--case', '2', ...ADD.slice(4)];
    expect(await refused(o, closed, 4)).toBe(
      'error: case TST01-1405-000002 was closed on 1405/08/20: a referral after that needs the case reopened first',
    );
  });

  it('an unknown case is exit 3, looked up before the other values are read', async () => {
    const o = await office();
    expect(await refused(o, ['referral', 'add', '--case', '99', '--to', 'fax', '--agency', 'x', '--reason', 'y'], 3)).toBe(
      'error: no case has the id given for --case',
    );
    expect(await refused(o, ['referral', 'add', '--case', '1405-77', ...ADD.slice(4)], 3)).toBe('error: no case 1405-77');
  });
});

describe('referral add', () => {
  it('stores the referral as sent, its first history entry, a timeline entry and an audit entry', async () => {
    const o = await office();
    // Persian digits in a Jalali date, Arabic letters made Persian in the stored text.
    const r = await o.json([
      'referral',
      'add',
      '--case',
      '1405-1',
      '--to',
      'دادگاه / مراجع قضایی',
      '--agency',
      'دادگاه خانواده كرج',
      '--date',
      '۱۴۰۵/۰۸/۲۰',
      '--reason',
      'درخواست حضانت موقت براي كودك',
    ]);
    expect(stamp(r)).toEqual({
      id: 1,
      caseId: 1,
      caseNumber: 'TST01-1405-000001',
      workerId: 1,
      workerName: 'مریم رضایی',
      agencyKind: 'court',
      agency: 'دادگاه خانواده کرج',
      sentOn: '2026-11-11',
      reason: 'درخواست حضانت موقت برای کودک',
      status: 'sent',
      answeredOn: null,
      statusOn: '2026-11-11',
      createdAt: '<ts>',
      updatedAt: '<ts>',
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
      events: [{ id: 1, referralId: 1, status: 'sent', onDate: '2026-11-11', note: null, at: '<ts>', actor: expect.any(String) }],
    });
    const shown = await o.json(['case', 'show', '1']);
    expect(
      shown.events
        .filter((e: { kind: string }) => e.kind === 'referral')
        .map((e: { reason: string; text: string; onDate: string }) => [e.onDate, e.reason, e.text]),
    ).toEqual([['2026-11-11', '#1 sent: court', 'درخواست حضانت موقت برای کودک']]);
    expect(shown.referrals.map((x: { id: number; status: string }) => [x.id, x.status])).toEqual([[1, 'sent']]);
    expect(
      query(o.db, `SELECT action, record_type AS type, record_id AS id, detail FROM audit_log WHERE record_type = 'referral'`),
    ).toEqual([{ action: 'create', type: 'referral', id: '1', detail: null }]);
    const plain = await o.cli(['case', 'show', '1']);
    expect(unwrapRows(plain.stdout)).toContain('Referral (#1 Sent, Court or judiciary)');
  });

  it('is allowed on a closed case when dated by its closing (the case closed "referred")', async () => {
    const o = await office();
    const r = await o.json(['referral', 'add', '--case', '2', ...ADD.slice(4), '--date', '1405/08/20']);
    expect([r.caseId, r.sentOn, r.workerId, r.workerName]).toEqual([2, '2026-11-11', null, null]);
  });
});

describe('the case and its referrals stay in order', () => {
  it('a closing before a referral, or an opening moved after one, is refused (exit 4)', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']);
    expect(await refused(o, ['case', 'close', '1', '--reason', 'referred', '--date', '1405/08/03'], 4)).toBe(
      'error: the case has a referral dated after that closing date (last referral 1405/08/05)',
    );
    expect(await refused(o, ['case', 'update', '1', '--opened', '1405/08/10', '--reason', 'اصلاح'], 4)).toBe(
      "error: the case's timeline has an entry dated before that opening date (1405/08/05)",
    );
    expect((await o.json(['case', 'close', '1', '--reason', 'referred', '--date', '1405/08/05'])).status).toBe('closed');
    // Closing answers nothing: the referral still awaits its answer, and may get it.
    expect((await o.json(['referral', 'list', '--pending'])).map((r: { id: number }) => r.id)).toEqual([1]);
    expect((await o.json(['referral', 'update', '1', '--status', 'declined'])).answeredOn).toBe('2026-11-25');
  });
});

describe('referral update', () => {
  it('keeps every change as history; the answer date is the first answer', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']);
    const reminder = await o.json(['referral', 'update', '1', '--status', 'sent', '--date', '1405/08/15', '--note', 'نامه دوم']);
    expect([reminder.status, reminder.answeredOn, reminder.statusOn]).toEqual(['sent', null, '2026-11-06']);
    const accepted = await o.json(['referral', 'update', '۱', '--status', 'accepted', '--date', '1405/08/20']);
    expect([accepted.status, accepted.answeredOn, accepted.statusOn]).toEqual(['accepted', '2026-11-11', '2026-11-11']);
    await o.json(['referral', 'update', '1', '--status', 'feedback', '--date', '1405/09/01', '--note', 'پرونده در کلانتری ثبت شد']);
    const last = await o.json(['referral', 'update', '1', '--status', 'feedback', '--note', 'احضار پدر']);
    expect([last.status, last.answeredOn, last.statusOn]).toEqual(['feedback', '2026-11-11', '2026-11-25']);
    expect(last.events.map((e: { status: string; onDate: string; note: string | null }) => [e.status, e.onDate, e.note])).toEqual([
      ['sent', '2026-10-27', null],
      ['sent', '2026-11-06', 'نامه دوم'],
      ['accepted', '2026-11-11', null],
      ['feedback', '2026-11-22', 'پرونده در کلانتری ثبت شد'],
      ['feedback', '2026-11-25', 'احضار پدر'],
    ]);
    expect(query(o.db, `SELECT count(*) AS n FROM case_events WHERE kind = 'referral'`)).toEqual([{ n: 5 }]);
    expect(
      query(o.db, `SELECT action, detail FROM audit_log WHERE record_type = 'referral' ORDER BY id`).map(
        (a: any) => `${a.action}:${a.detail}`,
      ),
    ).toEqual(['create:null', 'update:status,note', 'update:status', 'update:status,note', 'update:status,note']);
  });

  it('refuses what the history does not allow, changing nothing', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']);
    expect(await refused(o, ['referral', 'update', '9', '--status', 'accepted'], 3)).toBe('error: no referral has the id given for --id');
    expect(await refused(o, ['referral', 'update', '1', '--status', 'maybe'], 2)).toBe(
      'error: invalid status: expected one of sent, accepted, declined, feedback',
    );
    expect(await refused(o, ['referral', 'update', '1', '--status', 'accepted', '--date', '1405/08/04'], 2)).toBe(
      'error: date is before the referral was sent (1405/08/05)',
    );
    expect(await refused(o, ['referral', 'update', '1', '--status', 'accepted', '--date', '+2d'], 2)).toBe('error: date is in the future');
    expect(await refused(o, ['referral', 'update', '1', '--status', 'accepted', '--note', 'x\u001b[2Jy'], 2)).toMatch(
      /^error: note contains a control character/,
    );
    await o.json(['referral', 'update', '1', '--status', 'accepted', '--date', '1405/08/20']);
    expect(await refused(o, ['referral', 'update', '1', '--status', 'accepted'], 4)).toBe('error: referral #1 is already accepted');
    expect(await refused(o, ['referral', 'update', '1', '--status', 'sent'], 4)).toBe(
      'error: referral #1 was answered on 1405/08/20: to send it again, record a new referral with "parvande referral add"',
    );
    expect(await refused(o, ['referral', 'update', '1', '--status', 'feedback', '--date', '1405/08/19'], 2)).toBe(
      "error: date is before the referral's latest entry (1405/08/20)",
    );
  });
});

describe('referral void', () => {
  it('keeps the referral, marked, out of every list and the nightly run; nothing more can be added to it', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']);
    await o.json([...ADD, '--date', '1405/08/06']);
    expect(await refused(o, ['referral', 'void', '2'], 2)).toBe('error: missing required option: --reason');
    expect(await refused(o, ['referral', 'void', '9', '--reason', 'x'], 3)).toBe('error: no referral has the id given for --id');
    const v = await o.json(['referral', 'void', '2', '--reason', 'دو بار ثبت شد']);
    expect([v.status, v.voidedBy, v.voidReason, typeof v.voidedAt]).toEqual(['sent', expect.any(String), 'دو بار ثبت شد', 'string']);
    expect(await refused(o, ['referral', 'void', '2', '--reason', 'باز'], 4)).toBe('error: referral #2 is already void');
    expect(await refused(o, ['referral', 'update', '2', '--status', 'accepted'], 4)).toBe('error: referral #2 is void');
    expect((await o.json(['referral', 'list'])).map((r: { id: number }) => r.id)).toEqual([1]);
    expect((await o.json(['referral', 'list', '--all'])).map((r: { id: number }) => r.id)).toEqual([1, 2]);
    expect((await o.cli(['referral', 'list', '--all'])).stdout).toContain('VOID');
    const nightly = await o.json(['report', 'nightly', '--dir', join(o.dir, 'n')]);
    expect(nightly.attention.overdueReferrals.items.map((r: { id: number }) => r.id)).toEqual([1]);
    const shown = await o.json(['case', 'show', '1']);
    expect(shown.referrals.map((r: { id: number }) => r.id)).toEqual([1]);
    expect(shown.events.filter((e: { kind: string }) => e.kind === 'referral').map((e: { reason: string }) => e.reason)).toEqual([
      '#1 sent: police',
      '#2 sent: police',
      '#2 voided: police',
    ]);
    expect(query(o.db, `SELECT action, detail FROM audit_log WHERE record_type = 'referral' AND record_id = '2' ORDER BY id`)).toEqual([
      { action: 'create', detail: null },
      { action: 'void', detail: 'voidedAt,voidedBy,voidReason' },
    ]);
  });
});

describe('referral list and settings', () => {
  it('lists oldest first with the case worker; --pending, --older-than, --worker and --case filter', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']); // #1, 29 days ago
    await o.json([
      'referral',
      'add',
      '--case',
      '2',
      '--to',
      'hospital',
      '--agency',
      'بیمارستان',
      '--reason',
      'معاینه',
      '--date',
      '1405/08/15',
    ]); // #2
    await o.json([...ADD.slice(0, 4), '--to', 'school', ...ADD.slice(6), '--date', '1405/08/25']); // #3, 9 days ago
    await o.json(['referral', 'update', '2', '--status', 'declined']);
    const ids = async (args: string[]): Promise<number[]> => (await o.json(['referral', 'list', ...args])).map((r: { id: number }) => r.id);
    expect(await ids([])).toEqual([1, 2, 3]);
    expect(await ids(['--pending'])).toEqual([1, 3]);
    expect(await ids(['--older-than', '14d'])).toEqual([1, 2]);
    expect(await ids(['--pending', '--older-than', '۱۴ روز'])).toEqual([1]);
    expect(await ids(['--older-than', '1w'])).toEqual([1, 2, 3]);
    expect(await ids(['--worker', 'مریم رضایی'])).toEqual([1, 3]);
    expect(await ids(['--case', '1405-2'])).toEqual([2]);
    const [first] = await o.json(['referral', 'list', '--pending']);
    expect([first.workerId, first.workerName, first.caseNumber, first.answeredOn]).toEqual([1, 'مریم رضایی', 'TST01-1405-000001', null]);
    const table = await o.cli(['referral', 'list', '--pending']);
    expect(table.stdout).toContain('مریم رضایی');
    expect(table.stdout).toContain('29 days');
    expect(await refused(o, ['referral', 'list', '--older-than', '09121234567'], 2)).toBe(
      'error: invalid older-than: expected a number of days, e.g. 14d or 2w',
    );
    expect(await refused(o, ['referral', 'list', '--worker', '99'], 3)).toMatch(/^error: no /);
  });

  it('the answer days: 14 by default, set and audited, refused out of range', async () => {
    const o = await office();
    expect(await o.json(['referral', 'settings'])).toEqual({ answerDays: 14 });
    expect(await o.json(['referral', 'settings', '--answer-days', '۲۱'])).toEqual({ answerDays: 21 });
    expect(await o.json(['referral', 'settings'])).toEqual({ answerDays: 21 });
    expect(await refused(o, ['referral', 'settings', '--answer-days', '0'], 2)).toBe('error: invalid answer-days: must be at least 1');
    expect(query(o.db, `SELECT action, record_type AS t, record_id AS id FROM audit_log WHERE record_type = 'setting'`)).toEqual([
      { action: 'update', t: 'setting', id: 'referrals.answer-days' },
    ]);
  });
});

describe('the nightly run lists referrals with no answer after the answer days', () => {
  it('by id, case number, date, kind of agency and worker id (never the agency or the reason); the setting moves the line', async () => {
    const o = await office();
    await o.json([...ADD, '--date', '1405/08/05']); // 29 days: overdue
    await o.json([...ADD, '--date', '1405/08/20']); // 14 days: not yet
    await o.json([...ADD, '--date', '1405/08/10']); // 25 days, answered
    await o.json(['referral', 'update', '3', '--status', 'feedback']);
    const dir = join(o.dir, 'nightly');
    const r = await o.cli(['report', 'nightly', '--dir', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const summary = r.json();
    expect(summary.referralsOverdue).toBe(1);
    expect(summary.attention.overdueReferrals).toEqual({
      total: 1,
      answerDays: 14,
      items: [{ id: 1, caseNumber: 'TST01-1405-000001', sentOn: '2026-10-27', agencyKind: 'police', workerId: 1 }],
    });
    const plain = await o.cli(['report', 'nightly', '--dir', dir]);
    expect(plain.stderr).toContain(
      'referral #1 with no answer after 14 days: case TST01-1405-000001, sent 1405/08/05 to police, worker #1',
    );
    expect(plain.stderr).not.toContain('کلانتری');
    // The files list them with the worker's name, never the agency's name or the reason.
    const csv = readFileSync(summary.files.find((f: string) => f.endsWith('.csv')) as string, 'utf8');
    expect(csv).toContain('Referrals with no answer (more than 14 days)');
    expect(csv).toContain('#1,TST01-1405-000001,1405/08/05,Police,مریم رضایی');
    expect(csv).not.toContain('کلانتری');
    expect(csv).not.toContain('کودک‌آزاری');
    expect(plain.stderr).not.toContain('کودک‌آزاری');
    await o.json(['referral', 'settings', '--answer-days', '10']);
    const later = (await o.json(['report', 'nightly', '--dir', dir])).attention.overdueReferrals;
    expect([later.total, later.answerDays, later.items.map((i: { id: number }) => i.id)]).toEqual([2, 10, [1, 2]]);
  });
});
