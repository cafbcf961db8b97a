/**
 * `case update` (issue #12): each option, the reason rule, the link rule, the exit
 * codes, nothing changed by a refusal, the audit entry, the timeline, and the close
 * and opening date rules against the services already logged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Dumper } from '../hardening/support.js';
import { makeOffice, query, type TestOffice } from '../helpers/office.js';
import { unwrapRows } from '../helpers/table-text.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});

/** Clients #1 and #2, centers #1 and #2, case #1 anonymous (hotline, child-abuse + family-dispute, medium) opened 2026-11-20. */
async function office(): Promise<TestOffice & { dumper: Dumper }> {
  const o = await makeOffice();
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419']);
  await o.json(['client', 'add', '--first-name', 'مینا', '--last-name', 'کریمی']);
  await o.json(['center', 'add', '--name', 'مرکز یک', '--kind', 'social-emergency', '--sector', 'gov']);
  await o.json(['center', 'add', '--name', 'مرکز دو', '--kind', 'service-base', '--sector', 'ngo']);
  await o.json([
    'case',
    'open',
    '--anonymous',
    '--channel',
    'hotline',
    '--category',
    'child-abuse',
    '--categories',
    'family-dispute',
    '--risk',
    'medium',
    '--opened',
    '2026-11-20',
  ]);
  const dumper = new Dumper(o.db);
  cleanups.push(o.cleanup, () => dumper.close());
  return { ...o, dumper };
}

const ENV = { PARVANDE_USER: 'tester' };
type Event = { kind: string; onDate: string; reason: string | null; text: string | null };

async function events(o: TestOffice): Promise<Event[]> {
  const c = await o.json<{ events: Event[] }>(['case', 'show', '1']);
  return c.events.map(({ kind, onDate, reason, text }) => ({ kind, onDate, reason, text }));
}

const updates = (o: TestOffice) =>
  query<{ actor: string; command: string; recordId: string; detail: string | null }>(
    o.db,
    `SELECT actor, command, record_id AS recordId, detail FROM audit_log WHERE action = 'update' AND record_type = 'case' ORDER BY id`,
  );

/** Runs a command that must be refused with `code`, and checks that the database is unchanged. */
async function refused(o: TestOffice & { dumper: Dumper }, args: string[], code: number): Promise<{ message: string; field?: string }> {
  const before = o.dumper.dump();
  const r = await o.cli([...args, '--json'], ENV);
  expect(r.code, r.stderr).toBe(code);
  expect(r.stdout).toBe('');
  expect(o.dumper.dump()).toBe(before);
  return JSON.parse(r.stderr).error;
}

describe('case update', () => {
  it('raises and lowers the risk: one timeline entry each, one audit entry naming the field', async () => {
    const o = await office();
    const r = await o.json(['case', 'update', '1', '--risk', 'high'], ENV);
    expect(r).toMatchObject({ id: 1, risk: 'high', changed: ['risk'] });
    await o.json(['case', 'update', '1', '--risk', 'low'], ENV);
    expect((await events(o)).filter((e) => e.kind === 'risk-changed')).toEqual([
      { kind: 'risk-changed', onDate: '2026-11-25', reason: 'raised: medium → high', text: null },
      { kind: 'risk-changed', onDate: '2026-11-25', reason: 'lowered: high → low', text: null },
    ]);
    expect(updates(o)).toEqual([
      { actor: 'tester', command: 'case update', recordId: '1', detail: 'risk' },
      { actor: 'tester', command: 'case update', recordId: '1', detail: 'risk' },
    ]);
  });

  it('changes the problems, the channel and the opening date with a reason kept on the timeline', async () => {
    const o = await office();
    const r = await o.json(
      [
        'case',
        'update',
        '1',
        '--category',
        'suicide',
        '--categories',
        'runaway,family-dispute,runaway',
        '--channel',
        'referral',
        '--opened',
        '2026-11-18',
        '--reason',
        'entered from the wrong call sheet',
      ],
      ENV,
    );
    expect(r).toMatchObject({
      primaryCategory: 'suicide',
      categories: ['suicide', 'family-dispute', 'runaway'],
      channel: 'referral',
      openedOn: '2026-11-18',
      changed: ['primary-category', 'categories', 'channel', 'opened-on'],
    });
    const e = await events(o);
    // The opening entry moves with the opening date; the correction is dated the day it is made.
    expect(e[0]).toEqual({ kind: 'opened', onDate: '2026-11-18', reason: null, text: null });
    expect(e.at(-1)).toEqual({
      kind: 'updated',
      onDate: '2026-11-25',
      reason:
        'primary-category: child-abuse → suicide; categories: family-dispute → family-dispute,runaway; channel: hotline → referral; opened-on: 2026-11-20 → 2026-11-18',
      text: 'entered from the wrong call sheet',
    });
    expect(updates(o).map((a) => a.detail)).toEqual(['primary-category,categories,channel,opened-on']);
    // The audit trail names fields, never values.
    expect(JSON.stringify(query(o.db, 'SELECT * FROM audit_log'))).not.toContain('wrong call sheet');
  });

  it('a problem, channel or date change needs --reason (exit 2); risk, center and summary do not', async () => {
    const o = await office();
    for (const args of [
      ['--channel', 'base'],
      ['--category', 'suicide'],
      ['--categories', 'runaway'],
      ['--opened', '2026-11-19'],
    ]) {
      const err = await refused(o, ['case', 'update', '1', ...args], 2);
      expect(err.field).toBe('reason');
      expect(err.message).toContain('needs --reason');
    }
    const r = await o.json(['case', 'update', '1', '--center', '2', '--summary', 'تماس مادر', '--risk', 'critical'], ENV);
    expect(r).toMatchObject({ centerId: 2, summary: 'تماس مادر', risk: 'critical', changed: ['risk', 'center', 'summary'] });
    expect((await events(o)).at(-1)).toEqual({ kind: 'updated', onDate: '2026-11-25', reason: 'center: - → #2; summary', text: null });
  });

  it('clears the further problems with --categories "" and drops a corrected primary unless listed', async () => {
    const o = await office();
    expect(await o.json(['case', 'update', '1', '--categories', '', '--reason', 'not a dispute'], ENV)).toMatchObject({
      categories: ['child-abuse'],
      changed: ['categories'],
    });
    expect(await o.json(['case', 'update', '1', '--category', 'elder-abuse', '--reason', 'misread'], ENV)).toMatchObject({
      primaryCategory: 'elder-abuse',
      categories: ['elder-abuse'],
    });
    expect(query(o.db, 'SELECT category, is_primary AS p FROM case_categories ORDER BY category')).toEqual([
      { category: 'elder-abuse', p: 1 },
    ]);
    // A further problem made the primary one leaves the list of further ones.
    await o.json(['case', 'update', '1', '--categories', 'runaway,suicide', '--reason', 'more'], ENV);
    expect(await o.json(['case', 'update', '1', '--category', 'suicide', '--reason', 'the main one'], ENV)).toMatchObject({
      categories: ['suicide', 'runaway'],
      changed: ['primary-category', 'categories'],
    });
  });

  it('values the case already has are no change, and no change is refused (exit 2)', async () => {
    const o = await office();
    const err = await refused(
      o,
      ['case', 'update', '1', '--risk', 'medium', '--channel', 'hotline', '--categories', 'family-dispute', '--opened', '1405/08/29'],
      2,
    );
    expect(err.message).toBe('nothing to change: case TST01-1405-000001 already has these values');
    // Given again beside a change, an unchanged value needs no reason and is not named.
    expect(await o.json(['case', 'update', '1', '--risk', 'high', '--channel', 'hotline', '--category', 'child-abuse'], ENV)).toMatchObject(
      {
        changed: ['risk'],
      },
    );
  });

  it('refuses no option at all (exit 2 naming the options), bad values (exit 2) and an unknown case (exit 3)', async () => {
    const o = await office();
    const none = await refused(o, ['case', 'update', '1'], 2);
    expect(none.message).toBe(
      'nothing to change: give at least one of --risk, --category, --categories, --center, --summary, --channel, --opened, --client',
    );
    expect((await refused(o, ['case', 'update', '1', '--risk', 'extreme'], 2)).field).toBe('risk');
    expect((await refused(o, ['case', 'update', '1', '--categories', 'x'], 2)).field).toBe('categories');
    expect((await refused(o, ['case', 'update', '1', '--opened', '2026-12-01', '--reason', 'r'], 2)).message).toContain('future');
    const ctl = await refused(o, ['case', 'update', '1', '--summary', 'زهرا\u0007احمدی'], 2);
    expect(ctl.field).toBe('summary');
    expect(ctl.message).not.toContain('زهرا');
    expect((await refused(o, ['case', 'update', '1', '--center', '9'], 3)).field).toBe('center');
    await refused(o, ['case', 'update', '99', '--risk', 'high'], 3);
  });

  it('links an anonymous case to a registered client once; a case with a client is refused (exit 4)', async () => {
    const o = await office();
    const err = await refused(o, ['case', 'update', '1', '--client', '0013542418'], 2);
    expect(err.message).not.toContain('0013542418');
    await refused(o, ['case', 'update', '1', '--client', '7'], 3);
    expect(await o.json(['case', 'update', '1', '--client', '0013542419'], ENV)).toMatchObject({ clientId: 1, changed: ['client'] });
    expect((await events(o)).at(-1)).toMatchObject({ kind: 'updated', reason: 'client: anonymous → #1' });
    const again = await refused(o, ['case', 'update', '1', '--client', '2'], 4);
    expect(again.message).toContain('already has a client');
    // The same client again is no change.
    expect((await refused(o, ['case', 'update', '1', '--client', '1'], 2)).message).toContain('already has these values');
  });

  it('refuses an opening date after the first service or after a closing (exit 4); an earlier one is fine', async () => {
    const o = await office();
    await o.json(['service', 'log', '--case', '1', '--type', 'hotline-call', '--date', '2026-11-22']);
    const err = await refused(o, ['case', 'update', '1', '--opened', '2026-11-23', '--reason', 'typo'], 4);
    expect(err.message).toContain('service dated before that opening date');
    expect(await o.json(['case', 'update', '1', '--opened', '2026-11-22', '--reason', 'typo'], ENV)).toMatchObject({
      openedOn: '2026-11-22',
    });
    await o.json([
      'case',
      'open',
      '--anonymous',
      '--channel',
      'hotline',
      '--category',
      'runaway',
      '--risk',
      'low',
      '--opened',
      '2026-11-10',
    ]);
    await o.json(['case', 'close', '2', '--reason', 'resolved', '--date', '2026-11-12']);
    const closed = await refused(o, ['case', 'update', '2', '--opened', '2026-11-13', '--reason', 'typo'], 4);
    expect(closed.message).toContain('closed or reopened before that opening date');
    await o.json(['case', 'note', '2', '--text', 'تماس', '--date', '2026-11-11']);
    expect((await refused(o, ['case', 'update', '2', '--opened', '2026-11-12', '--reason', 'typo'], 4)).message).toContain(
      'timeline has an entry dated before',
    );
    expect(await o.json(['case', 'update', '2', '--opened', '2026-11-01', '--reason', 'typo'], ENV)).toMatchObject({
      openedOn: '2026-11-01',
      status: 'closed',
    });
  });

  it('moves the opening date later with the assignment written at opening', async () => {
    const o = await office();
    await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
    await o.json([
      'case',
      'open',
      '--anonymous',
      '--channel',
      'hotline',
      '--category',
      'runaway',
      '--risk',
      'low',
      '--worker',
      '1',
      '--opened',
      '2026-11-10',
    ]);
    await o.json(['case', 'update', '2', '--opened', '2026-11-15', '--reason', 'typed the wrong day'], ENV);
    const c = await o.json<{ events: Event[] }>(['case', 'show', '2']);
    expect(c.events.map((e) => [e.kind, e.onDate])).toEqual([
      ['opened', '2026-11-15'],
      ['assigned', '2026-11-15'],
      ['updated', '2026-11-25'],
    ]);
  });

  it('shows the corrections on the timeline in English and Persian', async () => {
    const o = await office();
    await o.json(['case', 'update', '1', '--risk', 'high', '--channel', 'base', '--reason', 'نادرست ثبت شده'], ENV);
    const en = await o.cli(['case', 'show', '1', '--lang', 'en', '--calendar', 'gregorian']);
    expect(en.stdout).toContain('Risk changed (raised Medium → High)');
    // A long entry goes on over lines of its cell, in 80 columns.
    expect(unwrapRows(en.stdout)).toContain('Corrected (Channel: Hotline 123 → Social-service base)');
    expect(en.stdout).toContain('نادرست ثبت شده');
    const fa = await o.cli(['case', 'show', '1', '--lang', 'fa']);
    expect(fa.stdout).toContain('تغییر سطح خطر (افزایش متوسط → زیاد)');
    expect(unwrapRows(fa.stdout)).toContain('اصلاح پرونده (مسیر دریافت: خط تلفن ۱۲۳ → پایگاه خدمات اجتماعی)');
  });
});

describe('case close after the services logged', () => {
  it('refuses a closing date before a service already logged (exit 4); the day of the last service is fine', async () => {
    const o = await office();
    await o.json(['service', 'log', '--case', '1', '--type', 'hotline-call', '--date', '2026-11-23']);
    const err = await refused(o, ['case', 'close', '1', '--reason', 'resolved', '--date', '2026-11-22'], 4);
    expect(err.message).toBe('the case has a service dated after that closing date (last service 2026-11-23)');
    // A service voided (logged by mistake) bounds nothing.
    const wrong = await o.json(['service', 'log', '--case', '1', '--type', 'legal', '--date', '2026-11-24']);
    await refused(o, ['case', 'close', '1', '--reason', 'resolved', '--date', '2026-11-23'], 4);
    await o.json(['service', 'void', String(wrong.id), '--reason', 'logged on the wrong case']);
    expect(await o.json(['case', 'close', '1', '--reason', 'resolved', '--date', '2026-11-23'])).toMatchObject({ status: 'closed' });
  });
});
