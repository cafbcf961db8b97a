import type { Database } from 'better-sqlite3';
import { createRequire } from 'node:module';

/**
 * Schema 13: a tamper-evident audit trail. Each entry carries the operating-system user beside
 * the typed actor, and a hash chained to the entry before it (SHA-256 of the previous entry's
 * hash and this entry's fields, in id order): an entry edited, deleted or slipped in out of
 * order breaks the chain from there on, and `db check` names the first entry that does not
 * match. The entries already written are chained here, in id order (the append-only triggers
 * are set aside for that, inside this migration's transaction, and put back).
 *
 * Self-contained: never import today's types here. The entry's form below is the chain's
 * version 1, and src/store/audit.ts (auditHash) must hash exactly the same form; a test holds
 * the two together.
 */
const FORM = 'parvande-audit-1';

function hashOf(prev: string, e: Record<string, unknown>): string {
  // Loaded here, not at the top: every command opens the migrations' list, few run this one.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  const fields = [e.id, e.at, e.actor, e.os_user, e.command, e.action, e.record_type, e.record_id, e.detail];
  return createHash('sha256')
    .update(`${FORM}\n${prev}\n${JSON.stringify(fields)}`)
    .digest('hex');
}

export function up(db: Database): void {
  db.exec(`
ALTER TABLE audit_log ADD COLUMN os_user TEXT;
ALTER TABLE audit_log ADD COLUMN hash TEXT;
DROP TRIGGER audit_log_no_update;
`);
  const update = db.prepare(`UPDATE audit_log SET hash = ? WHERE id = ?`);
  // A page at a time: a statement cannot update while another of the same connection still reads.
  const page = db.prepare(`SELECT * FROM audit_log WHERE id > ? ORDER BY id LIMIT 5000`);
  let prev = '';
  let after = 0;
  for (;;) {
    const rows = page.all(after) as Record<string, unknown>[];
    if (rows.length === 0) break;
    for (const e of rows) {
      prev = hashOf(prev, e);
      update.run(prev, e.id);
    }
    after = rows[rows.length - 1]?.id as number;
  }
  db.exec(`
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`);
}
