import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  /** The operating-system account the command ran under (null: entries before schema 13, or none could be read). */
  osUser: string | null;
  command: string;
  action: string;
  recordType: string;
  recordId: string | null;
  detail: string | null;
}

export interface AuditWrite {
  at: string;
  actor: string;
  command: string;
  action: string;
  recordType: string;
  recordId: string | number | null;
  /** Field names changed, never their values: the trail must not copy personal data. */
  detail?: string | null;
}

/**
 * The chain's form, version 1: SHA-256 of the form's name, the previous entry's hash ('' before
 * the first) and this entry's fields in a fixed order. Migration 13 hashes the entries written
 * before it with its own copy of this form; test/store/audit-chain.test.ts holds the two together.
 */
const FORM = 'parvande-audit-1';

/** The fields the chain covers: an entry as `audit list` reads it. */
type ChainFields = AuditEntry;

let sha256: ((text: string) => string) | undefined;

export function auditHash(prev: string, e: ChainFields): string {
  // node:crypto is loaded on the first write, not by every command at start-up.
  sha256 ??= (() => {
    const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
    return (text: string) => createHash('sha256').update(text).digest('hex');
  })();
  const fields = [e.id, e.at, e.actor, e.osUser, e.command, e.action, e.recordType, e.recordId, e.detail];
  return sha256(`${FORM}\n${prev}\n${JSON.stringify(fields)}`);
}

let osUserName: string | null | undefined;

/** The operating-system account this process runs under, read once; null when the system has none to give. */
function osUser(): string | null {
  if (osUserName === undefined) {
    try {
      osUserName = userInfo().username || null;
    } catch {
      osUserName = null;
    }
  }
  return osUserName;
}

/**
 * Appends one entry, chained to the last: its id is the next after the last entry's, and its
 * hash covers the last entry's hash. Inside the caller's write transaction (BEGIN IMMEDIATE):
 * no other writer can slip an entry in between the read of the last and this insert.
 */
export function insertAudit(db: WritableDB, e: AuditWrite): void {
  const last = db.stmt(`SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string | null } | undefined;
  const entry: ChainFields = {
    id: (last?.id ?? 0) + 1,
    at: e.at,
    actor: e.actor,
    osUser: osUser(),
    command: e.command,
    action: e.action,
    recordType: e.recordType,
    recordId: e.recordId === null ? null : String(e.recordId),
    detail: e.detail ?? null,
  };
  db.stmt(
    `INSERT INTO audit_log (id, at, actor, os_user, command, action, record_type, record_id, detail, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.id,
    entry.at,
    entry.actor,
    entry.osUser,
    entry.command,
    entry.action,
    entry.recordType,
    entry.recordId,
    entry.detail,
    auditHash(last?.hash ?? '', entry),
  );
}

/** How many entries the trail holds and the last one's hash (the chain's head), as stored: cheap, not verified (db check verifies). */
export function selectAuditHead(db: ReadableDB): { entries: number; head: string | null } {
  const r = db.stmt(`SELECT count(*) AS entries, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS head FROM audit_log`).get() as {
    entries: number;
    head: string | null;
  };
  return r;
}

/** The triggers that keep the trail append-only, as migrations 1 and 5 made them. */
const AUDIT_GUARDS = ['audit_log_no_update', 'audit_log_no_delete', 'audit_log_no_replace'] as const;

export interface AuditChainCheck {
  entries: number;
  /** The last entry's hash: a copy kept elsewhere proves what the trail held (the nightly run prints it). */
  head: string | null;
  /** The first entry whose hash does not follow from the entries before it, or null. */
  firstBroken: { id: number; why: 'changed' | 'missing before' | 'unchained' } | null;
  /** Append-only triggers that are missing or no longer refuse. */
  missingGuards: string[];
}

/**
 * Walks the whole trail in id order and recomputes the chain: an entry edited (its hash no longer
 * matches: 'changed'), one deleted or slipped in with an id of its own choosing (an id skipped:
 * 'missing before'; or the next entry's hash no longer follows: 'changed'), a hash removed
 * ('unchained'). The last entry deleted leaves no trace in the chain itself: the head the
 * nightly run prints, kept elsewhere, shows it. And checks that the append-only triggers are all still there.
 */
export function checkAuditChain(db: ReadableDB): AuditChainCheck {
  const guards = new Map(
    (
      db.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'`).all() as {
        name: string;
        sql: string;
      }[]
    ).map((t) => [t.name, t.sql]),
  );
  const missingGuards = AUDIT_GUARDS.filter((name) => !/RAISE\s*\(\s*ABORT/i.test(guards.get(name) ?? ''));
  let prev = '';
  let entries = 0;
  let expectedId = 1;
  let firstBroken: AuditChainCheck['firstBroken'] = null;
  const rows = db
    .stmt(
      `SELECT id, at, actor, os_user AS osUser, command, action, record_type AS recordType, record_id AS recordId, detail, hash
       FROM audit_log ORDER BY id`,
    )
    .iterate() as IterableIterator<ChainFields & { hash: string | null }>;
  for (const r of rows) {
    entries++;
    if (firstBroken !== null) continue;
    if (r.hash === null) firstBroken = { id: r.id, why: 'unchained' };
    else if (r.id !== expectedId) firstBroken = { id: r.id, why: 'missing before' };
    else if (r.hash !== auditHash(prev, r)) firstBroken = { id: r.id, why: 'changed' };
    prev = r.hash ?? '';
    expectedId = r.id + 1;
  }
  return { entries, head: entries === 0 ? null : prev, firstBroken, missingGuards };
}

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  actor?: string;
  fromAt?: string;
  toAt?: string;
  limit: number;
}

export function selectAudit(db: ReadableDB, f: AuditFilter): AuditEntry[] {
  const c = new Conditions()
    .when('record_type = ?', f.recordType)
    .when('record_id = ?', f.recordId)
    .when('actor = ?', f.actor)
    .when('at >= ?', f.fromAt)
    .when('at < ?', f.toAt);
  const sql = `SELECT id, at, actor, os_user AS osUser, command, action, record_type AS recordType, record_id AS recordId, detail
    FROM audit_log ${c.where} ORDER BY id DESC LIMIT ?`;
  return db.stmt(sql).all(...c.args, f.limit) as AuditEntry[];
}
