/**
 * The audit trail as a hash chain (schema 13): attacks made with raw SQL on the file, as anyone
 * with the sqlite3 shell could make them, and what `db check` says of each. Every attack is
 * written before the guard; each must end in exit 5 naming what is wrong, and a trail left
 * alone must check clean after every kind of command.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHash } from '../../src/store/audit.js';
import { up as auditChainUp } from '../../src/store/migrations/013-audit-chain.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { runCli, tempDb } from '../helpers/cli.js';
import { makeOffice, type TestOffice } from '../helpers/office.js';

let o: TestOffice;

beforeEach(async () => {
  o = await makeOffice('AUD01');
  // A few entries of several kinds.
  for (const name of ['مریم', 'زهرا', 'علی'])
    expect((await o.cli(['client', 'add', '--first-name', name, '--last-name', 'رضایی'])).code).toBe(0);
  expect((await o.cli(['center', 'add', '--name', 'مرکز مداخله', '--kind', 'social-emergency', '--sector', 'gov'])).code).toBe(0);
});
afterEach(() => o.cleanup());

/** Raw SQL on the file, as the sqlite3 shell would run it. */
function shell(sql: string): void {
  const db = new Database(o.db);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

const trail = (): { id: number; hash: string | null }[] =>
  (() => {
    const db = new Database(o.db, { readonly: true });
    try {
      return db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all() as { id: number; hash: string | null }[];
    } finally {
      db.close();
    }
  })();

async function check(): Promise<{ code: number; stderr: string; json: any }> {
  const r = await o.cli(['db', 'check', '--json']);
  return { code: r.code, stderr: r.stderr, json: JSON.parse(r.stdout) };
}

const RESTORE_UPDATE_GUARD = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`;
const RESTORE_DELETE_GUARD = `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;`;

describe('the audit trail is a hash chain that db check verifies', () => {
  it('a trail left alone checks clean, every entry chained, with the operating-system user beside the actor', async () => {
    const c = await check();
    expect(c.code).toBe(0);
    expect(c.json.auditTrail.entries).toBe(trail().length);
    expect(c.json.auditTrail.entries).toBeGreaterThanOrEqual(5);
    expect(c.json.auditTrail).toMatchObject({ firstBroken: null, missingGuards: [] });
    expect(c.json.auditTrail.head).toBe(trail().at(-1)?.hash);
    expect(trail().every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    const list = await o.json<{ osUser: string | null; actor: string }[]>(['audit', 'list']);
    expect(list.every((e) => typeof e.osUser === 'string' && e.osUser.length > 0)).toBe(true);
  });

  it('refuses UPDATE, DELETE and REPLACE INTO as before (the triggers still stand)', () => {
    expect(() => shell(`UPDATE audit_log SET actor = 'someone' WHERE id = 2`)).toThrow(/append-only/);
    expect(() => shell(`DELETE FROM audit_log WHERE id = 2`)).toThrow(/append-only/);
    expect(() => shell(`REPLACE INTO audit_log (id, at, actor, command, action, record_type) VALUES (2, 'x', 'x', 'x', 'x', 'x')`)).toThrow(
      /append-only/,
    );
  });

  for (const guard of ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace']) {
    it(`a dropped ${guard}: exit 5 naming it`, async () => {
      shell(`DROP TRIGGER ${guard}`);
      const c = await check();
      expect(c.code).toBe(5);
      expect(c.json.auditTrail.missingGuards).toEqual([guard]);
      expect(c.stderr).toContain(guard);
    });
  }

  it('a guard replaced by one that lets everything through: exit 5 naming it', async () => {
    shell(`DROP TRIGGER audit_log_no_delete; CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT 1; END;`);
    const c = await check();
    expect(c.code).toBe(5);
    expect(c.json.auditTrail.missingGuards).toEqual(['audit_log_no_delete']);
  });

  it('an entry edited (trigger dropped, row changed, trigger put back): exit 5 naming that entry', async () => {
    shell(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE id = 3; ${RESTORE_UPDATE_GUARD}`);
    const c = await check();
    expect(c.code).toBe(5);
    expect(c.json.auditTrail.firstBroken).toEqual({ id: 3, why: 'changed' });
    expect(c.stderr).toMatch(/audit trail is broken at entry #3/);
  });

  it('an entry deleted from the middle: exit 5 naming the entry after it', async () => {
    shell(`DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2; ${RESTORE_DELETE_GUARD}`);
    const c = await check();
    expect(c.code).toBe(5);
    expect(c.json.auditTrail.firstBroken).toEqual({ id: 3, why: 'missing before' });
  });

  it('two entries swapped (their fields exchanged): exit 5 naming the first', async () => {
    shell(`DROP TRIGGER audit_log_no_update;
      CREATE TEMP TABLE a AS SELECT * FROM audit_log WHERE id IN (2, 3);
      UPDATE audit_log SET at = (SELECT at FROM a WHERE id = 3), action = (SELECT action FROM a WHERE id = 3),
        record_type = (SELECT record_type FROM a WHERE id = 3), record_id = (SELECT record_id FROM a WHERE id = 3),
        hash = (SELECT hash FROM a WHERE id = 3) WHERE id = 2;
      UPDATE audit_log SET at = (SELECT at FROM a WHERE id = 2), action = (SELECT action FROM a WHERE id = 2),
        record_type = (SELECT record_type FROM a WHERE id = 2), record_id = (SELECT record_id FROM a WHERE id = 2),
        hash = (SELECT hash FROM a WHERE id = 2) WHERE id = 3;
      ${RESTORE_UPDATE_GUARD}`);
    const c = await check();
    expect(c.code).toBe(5);
    expect(c.json.auditTrail.firstBroken?.id).toBe(2);
  });

  it('an entry slipped in with a made-up hash, or with an id of its own choosing, or with no hash: exit 5 naming it', async () => {
    const last = trail().at(-1)?.id as number;
    shell(`INSERT INTO audit_log (id, at, actor, command, action, record_type, hash)
      VALUES (${last + 1}, '2026-01-01T00:00:00.000Z', 'x', 'x', 'delete', 'client', '${'0'.repeat(64)}')`);
    expect((await check()).json.auditTrail.firstBroken).toEqual({ id: last + 1, why: 'changed' });

    const o2 = await makeOffice('AUD02');
    try {
      const raw = new Database(o2.db);
      const top = (raw.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number }).n;
      raw.exec(`INSERT INTO audit_log (id, at, actor, command, action, record_type) VALUES (${top + 5}, 'x', 'x', 'x', 'x', 'x')`);
      raw.close();
      const r = await o2.cli(['db', 'check', '--json']);
      expect(r.code).toBe(5);
      expect(JSON.parse(r.stdout).auditTrail.firstBroken).toEqual({ id: top + 5, why: 'unchained' });
    } finally {
      o2.cleanup();
    }
  });

  it('a whole chain rewritten by someone who knows the form still checks, but its head no longer matches a copy kept elsewhere', async () => {
    const kept = (await check()).json.auditTrail.head as string;
    // The attacker edits an entry and recomputes every hash after it (the form is public).
    const db = new Database(o.db);
    db.exec(`DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone else' WHERE id = 2`);
    let prev = '';
    for (const r of db
      .prepare(
        `SELECT id, at, actor, os_user AS osUser, command, action, record_type AS recordType, record_id AS recordId, detail FROM audit_log ORDER BY id`,
      )
      .all() as Parameters<typeof auditHash>[1][]) {
      prev = auditHash(prev, r);
      db.prepare('UPDATE audit_log SET hash = ? WHERE id = ?').run(prev, r.id);
    }
    db.exec(RESTORE_UPDATE_GUARD);
    db.close();
    const c = await check();
    expect(c.code).toBe(0);
    expect(c.json.auditTrail.head).not.toBe(kept);
  });

  it('writers in several processes at once keep one unbroken chain', async () => {
    const { runBin } = await import('../helpers/cli.js');
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => runBin(['--db', o.db, 'client', 'add', '--first-name', 'نرگس', '--last-name', `محمدی${i}`])),
    );
    const c = await check();
    expect(c.code).toBe(0);
    expect(c.json.auditTrail.entries).toBe(trail().length);
  });
});

describe('migration 13 chains the entries written before it', () => {
  it('hashes the old entries exactly as the program hashes new ones', async () => {
    const t = tempDb();
    try {
      const file = join(t.dir, 'old.db');
      const raw = new Database(file);
      raw.pragma('journal_mode = WAL');
      const migration = MIGRATIONS.find((m) => m.up === auditChainUp) as (typeof MIGRATIONS)[number];
      raw.transaction(() => {
        for (const m of MIGRATIONS.filter((x) => x.version < migration.version)) {
          m.up(raw);
          raw.pragma(`user_version = ${m.version}`);
        }
      })();
      raw.exec(`INSERT INTO office (id, code, name, created_at) VALUES (1, 'OLD01', 'دفتر', '2025-01-01T00:00:00.000Z');
        INSERT INTO audit_log (at, actor, command, action, record_type, record_id, detail) VALUES
          ('2025-01-01T00:00:00.000Z', 'clerk', 'client add', 'create', 'client', '1', NULL),
          ('2025-01-02T00:00:00.000Z', 'clerk', 'client update', 'update', 'client', '1', 'mobile,notes');`);
      raw.close();
      const migrated = await runCli(['--db', file, 'db', 'migrate']);
      expect(migrated.code, migrated.stderr).toBe(0);
      const after = new Database(file, { readonly: true });
      const rows = after.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, unknown>[];
      after.close();
      // By hand, from the form the migration documents.
      const first = createHash('sha256')
        .update(
          `parvande-audit-1\n\n${JSON.stringify([1, '2025-01-01T00:00:00.000Z', 'clerk', null, 'client add', 'create', 'client', '1', null])}`,
        )
        .digest('hex');
      expect(rows[0]?.hash).toBe(first);
      expect((await runCli(['--db', file, 'client', 'add', '--first-name', 'سارا', '--last-name', 'کریمی'])).code).toBe(0);
      const c = await runCli(['--db', file, 'db', 'check', '--json']);
      expect(c.code, c.stderr).toBe(0);
      expect(JSON.parse(c.stdout).auditTrail).toMatchObject({ entries: 3, firstBroken: null, missingGuards: [] });
    } finally {
      t.cleanup();
    }
  });
});

describe('every export is recorded in the trail', () => {
  const exports = async () =>
    (await o.json<{ action: string; recordType: string; recordId: string | null; detail: string | null }[]>(['audit', 'list'])).filter(
      (e) => e.action === 'export',
    );

  it('which kind, how many records, the format, redacted or not; never what they held', async () => {
    expect((await o.cli(['export', 'clients', '--out', join(o.dir, 'c.csv')])).code).toBe(0);
    expect((await o.cli(['export', 'clients', '--redact', '--out', join(o.dir, 'c.xlsx')])).code).toBe(0);
    const toStdout = await o.cli(['export', 'centers']);
    expect(toStdout.code).toBe(0);
    expect((await o.cli(['export', 'office', '--out', join(o.dir, 'office')])).code).toBe(0);
    expect(await exports()).toEqual([
      expect.objectContaining({ recordType: 'office', recordId: null }),
      expect.objectContaining({ recordType: 'centers', detail: 'rows 1,csv,not redacted' }),
      expect.objectContaining({ recordType: 'clients', detail: 'rows 3,xlsx,redacted' }),
      expect.objectContaining({ recordType: 'clients', detail: 'rows 3,csv,not redacted' }),
    ]);
    expect((await check()).code).toBe(0);
  });

  it('a refused export records nothing', async () => {
    expect((await o.cli(['export', 'clients', '--out', o.db])).code).toBe(2);
    expect(await exports()).toEqual([]);
  });

  it('an export that cannot be recorded (the office locked) is removed and the command fails', async () => {
    const lock = new Database(o.db);
    lock.exec('BEGIN IMMEDIATE');
    try {
      const out = join(o.dir, 'locked.csv');
      const r = await o.cli(['export', 'clients', '--out', out], { PARVANDE_BUSY_TIMEOUT_MS: '50' });
      expect(r.code).not.toBe(0);
      const { existsSync } = await import('node:fs');
      expect(existsSync(out)).toBe(false);
    } finally {
      lock.exec('ROLLBACK');
      lock.close();
    }
    expect(await exports()).toEqual([]);
  });
});
