import type { Database } from 'better-sqlite3';

/**
 * Merged clients (registered as schema 10: see docs/decisions.md). Two records of one
 * person are merged, never deleted: the record merged away stays, pointing at the one
 * kept, so that every id ever printed or written down still leads somewhere. A record
 * never points at itself. Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`
ALTER TABLE clients ADD COLUMN merged_into INTEGER REFERENCES clients(id) CHECK (merged_into IS NULL OR merged_into <> id);
CREATE INDEX clients_merged_into ON clients(merged_into) WHERE merged_into IS NOT NULL;
`);
}
