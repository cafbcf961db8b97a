import type { Database } from 'better-sqlite3';

/**
 * Schema 3: spreadsheet import. Self-contained: never import today's types here.
 *
 * - import_batches: one row per import run (who, when, which file, counts), so
 *   an interrupted run stays visible as 'running'.
 * - import_keys: the id a record carries in the file it came from (another
 *   tool's id, or another office's), so importing the same file again finds the
 *   same record instead of adding it twice.
 * - clients(name_key, birth_date) replaces the name_key index: it answers the
 *   same name lookups and also finds a client by name and birth date, the key
 *   of a row with no national code, without scanning every namesake.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  actor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running','done','rejected-rows','failed')),
  inserted INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE import_keys (
  entity TEXT NOT NULL,
  external_id TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  batch_id INTEGER REFERENCES import_batches(id),
  PRIMARY KEY (entity, external_id)
) WITHOUT ROWID;

CREATE INDEX clients_name_birth ON clients(name_key, birth_date);
DROP INDEX clients_name_key;
`);
}
