import type { Database } from 'better-sqlite3';

/**
 * Schema 5: `INSERT OR REPLACE` (or `REPLACE INTO`) naming an id already in the audit
 * trail deletes the old entry without firing the DELETE trigger of schema 1 (SQLite fires
 * delete triggers on REPLACE only with recursive_triggers on), so it could rewrite history.
 * Refuse any insert that names an id the trail already holds. Self-contained: never import
 * today's types here.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
`);
}
