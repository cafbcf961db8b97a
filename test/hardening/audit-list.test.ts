/**
 * `parvande audit list [--record] [--actor] [--from --to]`: every filter, newest first;
 * viewing a case is itself recorded, listing the trail is not; and the trail cannot be
 * rewritten, not even with SQL (UPDATE, DELETE, or REPLACE of an existing entry).
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { oneLine, query } from '../helpers/office.js';
import { initAt, scratchDir } from './support.js';

interface Entry {
  id: number;
  at: string;
  actor: string;
  command: string;
  action: string;
  recordType: string;
  recordId: string | null;
  detail: string | null;
}

const t = scratchDir('parvande-audit-');
const db = `${t.dir}/office.db`;
afterAll(() => t.cleanup());

async function as(actor: string, args: string[]): Promise<void> {
  const r = await runCli(['--db', db, '--actor', actor, ...args]);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
}
async function list(...args: string[]): Promise<Entry[]> {
  const r = await runCli(['--db', db, 'audit', 'list', ...args, '--json']);
  if (r.code !== 0) throw new Error(`audit list ${args.join(' ')}: ${r.stderr}`);
  return r.json();
}
const brief = (rows: Entry[]): string[] => rows.map((r) => `${r.actor} ${r.command} ${r.action} ${r.recordType}:${r.recordId ?? ''}`);

/**
 * Two entries written straight into the trail (inserting is allowed) on either side of
 * midnight in Tehran (UTC+03:30) at the start of 1405/09/01: 20:29:59.999Z is still
 * 1405/08/30 there, 20:30:00.000Z is 1405/09/01.
 */
const LAST_OF_ABAN = '2026-11-21T20:29:59.999Z';
const FIRST_OF_AZAR = '2026-11-21T20:30:00.000Z';

beforeAll(async () => {
  await initAt(db, 'AUD01', { PARVANDE_USER: 'head' });
  await as('maryam', ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
  await as('maryam', ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
  await as('ali', ['case', 'open', '--anonymous', '--channel', 'mobile-team', '--category', 'child-abuse', '--risk', 'critical']);
  await as('ali', ['service', 'log', '--case', '2', '--type', 'mobile-team']);
  await as('maryam', ['case', 'close', '1', '--reason', 'resolved', '--followup-plan', '7']);
  await as('auditor', ['case', 'show', 'AUD01-1405-000001']);
  const raw = new Database(db);
  try {
    const add = raw.prepare(
      `INSERT INTO audit_log (at, actor, command, action, record_type, record_id) VALUES (?, 'old', 'case note', 'note', 'case', '2')`,
    );
    add.run(LAST_OF_ABAN);
    add.run(FIRST_OF_AZAR);
  } finally {
    raw.close();
  }
});

describe('audit list', () => {
  it('lists every entry newest first, with its JSON shape', async () => {
    const rows = await list();
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(brief(rows)).toEqual([
      'old case note note case:2',
      'old case note note case:2',
      'auditor case show view case:1',
      'maryam case close close case:1',
      'maryam case close create followup:1',
      'ali service log create service:1',
      'ali case open create case:2',
      'maryam case open create case:1',
      'maryam client add create client:1',
      'head init create office:AUD01',
    ]);
    for (const r of rows)
      expect(Object.keys(r)).toEqual(['id', 'at', 'actor', 'osUser', 'command', 'action', 'recordType', 'recordId', 'detail']);
    expect(rows.find((r) => r.action === 'close')?.detail).toBe('status,closed-on,close-reason');
  });

  it("--actor keeps one person's entries", async () => {
    expect(brief(await list('--actor', 'ali'))).toEqual(['ali service log create service:1', 'ali case open create case:2']);
    expect(await list('--actor', 'nobody')).toEqual([]);
    expect(brief(await list('--actor', '  auditor  '))).toEqual(['auditor case show view case:1']);
  });

  it('--record takes a type, or a type and id; a case also by its number, short number or Persian digits', async () => {
    expect(brief(await list('--record', 'service'))).toEqual(['ali service log create service:1']);
    const case1 = ['auditor case show view case:1', 'maryam case close close case:1', 'maryam case open create case:1'];
    for (const ref of ['case:1', 'case:AUD01-1405-000001', 'case:aud01-1405-000001', 'case:1405-1', 'case:۱']) {
      expect(brief(await list('--record', ref)), ref).toEqual(case1);
    }
    expect(brief(await list('--record', 'case'))).toHaveLength(6);
    expect(brief(await list('--record', 'followup:1'))).toEqual(['maryam case close create followup:1']);
    expect(brief(await list('--record', 'client:1'))).toEqual(['maryam client add create client:1']);
    expect(await list('--record', 'client:99')).toEqual([]);
  });

  it('--from and --to are office days (Tehran), both included', async () => {
    // Only the two planted entries: the others carry the real clock's time.
    const at = async (...args: string[]): Promise<string[]> => (await list('--actor', 'old', ...args)).map((r) => r.at);
    expect(await at('--from', '1405/09/01')).toEqual([FIRST_OF_AZAR]);
    expect(await at('--to', '1405/08/30')).toEqual([LAST_OF_ABAN]);
    expect(await at('--from', '2026-11-21', '--to', '۱۴۰۵/۰۸/۳۰')).toEqual([LAST_OF_ABAN]);
    expect(await at('--from', '1405/09/01', '--to', '1405/09/01')).toEqual([FIRST_OF_AZAR]);
    expect(await at('--from', '1405/08/30', '--to', '1405/09/01')).toEqual([FIRST_OF_AZAR, LAST_OF_ABAN]);
    expect(await at('--from', '1405/09/02')).toEqual([]);
  });

  it('combines filters, and --limit keeps the newest', async () => {
    expect(brief(await list('--record', 'case:1', '--actor', 'auditor'))).toEqual(['auditor case show view case:1']);
    expect(brief(await list('--record', 'case:2', '--actor', 'old', '--from', '1405/09/01'))).toEqual(['old case note note case:2']);
    expect((await list('--limit', '2')).map((r) => r.at)).toEqual([FIRST_OF_AZAR, LAST_OF_ABAN]);
    expect(brief(await list('--limit', '3', '--actor', 'maryam'))).toEqual([
      'maryam case close close case:1',
      'maryam case close create followup:1',
      'maryam case open create case:1',
    ]);
  });

  it('refuses bad filters with one line: unknown case (3), bad date or range (2)', async () => {
    const cases: [string[], number, string][] = [
      [['--record', 'case:AUD01-1405-000099'], 3, 'error: no case AUD01-1405-000099'],
      [['--from', '1405/13/01'], 2, 'error: invalid date for --from: '],
      [['--from', '1405/09/10', '--to', '1405/09/01'], 2, 'error: --from is after --to'],
      [['--limit', '0'], 2, 'error: invalid limit: must be at least 1'],
    ];
    for (const [args, exit, message] of cases) {
      const r = await runCli(['--db', db, 'audit', 'list', ...args]);
      expect(r.code, args.join(' ')).toBe(exit);
      expect(oneLine(r).startsWith(message), `${oneLine(r)} / ${message}`).toBe(true);
    }
  });

  it('prints a table for people', async () => {
    const r = await runCli(['--db', db, 'audit', 'list', '--record', 'case:1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('case show');
    expect(r.stdout).toContain('case:1');
    expect(r.stdout).toContain('auditor');
    const none = await runCli(['--db', db, 'audit', 'list', '--actor', 'nobody']);
    expect(none.code).toBe(0);
    expect(none.stdout.trim()).not.toBe('');
  });
});

describe('what the trail records', () => {
  it('viewing a case is recorded (who, when, which case); listing the trail and a failed view are not', async () => {
    const count = (): number => query<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log')[0]?.n ?? 0;
    const before = count();
    const started = new Date().toISOString();
    await as('social-worker-7', ['case', 'show', '1405-2', '--json']);
    const rows = await list('--record', 'case:2', '--actor', 'social-worker-7');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ command: 'case show', action: 'view', recordType: 'case', recordId: '2', detail: null });
    expect(rows[0]!.at >= started).toBe(true);
    expect(count()).toBe(before + 1);
    await list();
    await list('--record', 'case:1');
    const missing = await runCli(['--db', db, '--actor', 'social-worker-7', 'case', 'show', '99']);
    expect(missing.code).toBe(3);
    expect(count()).toBe(before + 1);
  });

  it('refuses UPDATE, DELETE and REPLACE of an entry, even through SQL', () => {
    const raw = new Database(db);
    try {
      const first = raw.prepare('SELECT * FROM audit_log WHERE id = 1').get();
      for (const sql of [
        `UPDATE audit_log SET actor = 'someone else' WHERE id = 1`,
        'DELETE FROM audit_log WHERE id = 1',
        'DELETE FROM audit_log',
        // REPLACE deletes the old row without firing DELETE triggers: schema 5 refuses it on insert.
        `INSERT OR REPLACE INTO audit_log (id, at, actor, command, action, record_type) VALUES (1, '2020-01-01T00:00:00.000Z', 'forger', 'x', 'x', 'x')`,
        `REPLACE INTO audit_log (id, at, actor, command, action, record_type) VALUES (2, '2020-01-01T00:00:00.000Z', 'forger', 'x', 'x', 'x')`,
        `UPDATE OR REPLACE audit_log SET id = 1 WHERE id = 2`,
      ]) {
        expect(() => raw.prepare(sql).run(), sql).toThrow('the audit trail is append-only');
      }
      expect(raw.prepare('SELECT * FROM audit_log WHERE id = 1').get()).toEqual(first);
      expect(raw.prepare(`SELECT count(*) FROM audit_log WHERE actor = 'forger'`).pluck().get()).toBe(0);
      // Appending stays possible: that is what the program does.
      raw
        .prepare(
          `INSERT INTO audit_log (at, actor, command, action, record_type) VALUES ('2026-11-25T00:00:00.000Z', 'test', 'x', 'x', 'x')`,
        )
        .run();
    } finally {
      raw.close();
    }
  });
});
