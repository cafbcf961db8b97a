/**
 * The audit trail: every write records when, who, which command and which record,
 * names of changed fields but never their values, and nothing can rewrite it.
 */
import Database from 'better-sqlite3';
import { userInfo } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDb } from '../helpers/cli.js';
import { query } from '../helpers/office.js';

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  command: string;
  action: string;
  record_type: string;
  record_id: string | null;
  detail: string | null;
}

const t = tempDb();
let started = '';
let finished = '';

/** Every write command once, with the actor given three ways. */
const STEPS: { args: string[]; env?: Record<string, string | undefined> }[] = [
  { args: ['init', '--office-code', 'AUD01', '--office-name', 'دفتر', '--actor', 'head'] },
  { args: ['center', 'add', '--name', 'مرکز', '--kind', 'social-emergency', '--sector', 'gov'], env: { PARVANDE_USER: 'clerk' } },
  {
    args: ['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov'],
    env: { PARVANDE_USER: 'clerk' },
  },
  {
    args: ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', '0013542419', '--mobile', '09121234567'],
    env: { PARVANDE_USER: 'clerk' },
  },
  { args: ['client', 'update', '1', '--mobile', '09351112233', '--notes', 'secret note'], env: { PARVANDE_USER: 'clerk' } },
  {
    args: ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'],
    env: { PARVANDE_USER: undefined },
  },
  { args: ['case', 'assign', '1', '--worker', '1', '--actor', 'head'], env: { PARVANDE_USER: 'clerk' } },
  { args: ['case', 'note', '1', '--text', 'called'], env: { PARVANDE_USER: 'worker' } },
  { args: ['service', 'log', '--case', '1', '--type', 'hotline-call'], env: { PARVANDE_USER: 'worker' } },
  { args: ['followup', 'schedule', '--case', '1', '--due', '+7d'], env: { PARVANDE_USER: 'worker' } },
  { args: ['followup', 'done', '1', '--outcome', 'fine'], env: { PARVANDE_USER: 'worker' } },
  { args: ['case', 'close', '1', '--reason', 'resolved', '--followup-plan', '7,30'], env: { PARVANDE_USER: 'worker' } },
  { args: ['case', 'reopen', '1'], env: { PARVANDE_USER: 'worker' } },
  { args: ['case', 'show', '1'], env: { PARVANDE_USER: 'auditor' } },
  { args: ['staff', 'deactivate', '1'], env: { PARVANDE_USER: 'head' } },
];

beforeAll(async () => {
  started = new Date().toISOString();
  for (const s of STEPS) {
    const r = await runCli(['--db', t.db, ...s.args], s.env ?? {});
    if (r.code !== 0) throw new Error(`${s.args.join(' ')}: ${r.stderr}`);
  }
  finished = new Date().toISOString();
  // Reads and failures record nothing.
  await runCli(['--db', t.db, 'case', 'list']);
  await runCli(['--db', t.db, 'client', 'list']);
  await runCli(['--db', t.db, 'case', 'close', '99', '--reason', 'resolved']);
});
afterAll(() => t.cleanup());

describe('audit trail', () => {
  it('records who, which command, which record, for every write', () => {
    const rows = query<AuditRow>(t.db, 'SELECT * FROM audit_log ORDER BY id');
    const os = userInfo().username;
    expect(rows.map((r) => [r.actor, r.command, r.action, r.record_type, r.record_id])).toEqual([
      ['head', 'init', 'create', 'office', 'AUD01'],
      ['clerk', 'center add', 'create', 'center', '1'],
      ['clerk', 'staff add', 'create', 'staff', '1'],
      ['clerk', 'client add', 'create', 'client', '1'],
      ['clerk', 'client update', 'update', 'client', '1'],
      [os, 'case open', 'create', 'case', '1'],
      ['head', 'case assign', 'assign', 'case', '1'],
      ['worker', 'case note', 'note', 'case', '1'],
      ['worker', 'service log', 'create', 'service', '1'],
      ['worker', 'followup schedule', 'create', 'followup', '1'],
      ['worker', 'followup done', 'done', 'followup', '1'],
      ['worker', 'case close', 'create', 'followup', '2'],
      ['worker', 'case close', 'create', 'followup', '3'],
      ['worker', 'case close', 'close', 'case', '1'],
      ['worker', 'case reopen', 'reopen', 'case', '1'],
      ['auditor', 'case show', 'view', 'case', '1'],
      // `staff deactivate` may be an alias: the trail names the command under its own name.
      ['head', expect.stringMatching(/^staff (deactivate|leave)$/), 'deactivate', 'staff', '1'],
    ]);
  });

  it('stamps each entry with the UTC time it happened', () => {
    const rows = query<AuditRow>(t.db, 'SELECT * FROM audit_log ORDER BY id');
    for (const r of rows) {
      expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(r.at >= started && r.at <= finished).toBe(true);
    }
    const ats = rows.map((r) => r.at);
    expect([...ats].sort()).toEqual(ats);
  });

  it('names changed fields, never their values', () => {
    const rows = query<AuditRow>(t.db, 'SELECT * FROM audit_log ORDER BY id');
    expect(rows.find((r) => r.command === 'client update')?.detail).toBe('mobile,notes');
    const all = JSON.stringify(rows);
    for (const secret of [
      '0013542419',
      '09121234567',
      '+989121234567',
      '+989351112233',
      'secret note',
      'زهرا',
      'احمدی',
      'called',
      'fine',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('cannot be edited or deleted, not even with SQL', () => {
    const db = new Database(t.db);
    try {
      expect(() => db.prepare(`UPDATE audit_log SET actor = 'someone else' WHERE id = 1`).run()).toThrow('the audit trail is append-only');
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow('the audit trail is append-only');
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('the audit trail is append-only');
    } finally {
      db.close();
    }
    expect(query(t.db, 'SELECT actor FROM audit_log WHERE id = 1')).toEqual([{ actor: 'head' }]);
  });
});
