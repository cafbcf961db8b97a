import type { Database } from 'better-sqlite3';

/**
 * Voided services (registered as schema 9: see docs/decisions.md). A service logged by
 * mistake is voided, never deleted: it stays in the record with who voided it, when (UTC)
 * and why, and leaves every count. All three are set together or not at all.
 * Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`
ALTER TABLE services ADD COLUMN voided_at TEXT;
ALTER TABLE services ADD COLUMN voided_by TEXT;
ALTER TABLE services ADD COLUMN void_reason TEXT
  CHECK ((voided_at IS NULL AND voided_by IS NULL AND void_reason IS NULL)
    OR (voided_at IS NOT NULL AND voided_by IS NOT NULL AND void_reason IS NOT NULL));
`);
}
