import type { Database } from 'better-sqlite3';

/**
 * Schema 8: the tables of derived schema (src/store/derived.ts). Triggers and views are
 * no longer made by migrations: they are generated from code and re-created after the
 * migrations whenever their SQL changes. Self-contained: never import today's types here.
 *
 * - `derived_schema`: per derived set, the hash of the SQL it was created from and the
 *   objects it created ([[type, name], ...] as JSON).
 * - `report_months`: the Jalali months (140509), their first day and length, filled from
 *   src/lang/dates.ts by the derived step: what the report counts' SQL looks a month up in.
 * - `report_counts_held`: a row here (written and removed inside one batch's transaction)
 *   holds back the counting of that source's new rows; the batch counts them itself.
 */
export function up(db: Database): void {
  db.exec(`
CREATE TABLE derived_schema (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL,
  objects TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE report_months (
  first_day TEXT PRIMARY KEY,
  month INTEGER NOT NULL UNIQUE,
  days INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE report_counts_held (
  source TEXT PRIMARY KEY
) WITHOUT ROWID;
`);
}
