/**
 * The report counts as the rest of the store uses them, through the typed connections:
 * `db check`'s comparison with a recount, a rebuild, the demo's bulk load (triggers set
 * aside, then recounted) and the import's held batch of new clients.
 */
import type { ReadableDB, WritableDB } from '../database.js';
import { SOURCES } from './measures.js';
import { rebuildCounts, recountInto } from './recount.js';
import { addRowsSql, perDayOnly } from './schema.js';

export interface CountMismatch {
  /** An ISO day, a Jalali month (140509), a Jalali year (-1405), or '' for the present state. */
  period: string | number;
  measure: string;
  code: string | number;
  stored: number;
  actual: number;
}

/**
 * The report counts that differ from a recount (none when the triggers kept them
 * right). Read-only: the recount goes into a temp table.
 */
export function checkReportCounts(db: ReadableDB): CountMismatch[] {
  const s = db.sqlite;
  s.exec(`DROP TABLE IF EXISTS temp.report_expected;
    CREATE TEMP TABLE report_expected (period NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (measure, period, code)) WITHOUT ROWID`);
  try {
    recountInto(s, 'temp.report_expected');
    return s
      .prepare(
        `SELECT e.period, e.measure, e.code, coalesce(r.n, 0) AS stored, e.n AS actual
           FROM temp.report_expected AS e LEFT JOIN main.report_counts AS r ON r.measure = e.measure AND r.period = e.period AND r.code = e.code
           WHERE r.n IS NOT e.n
         UNION ALL
         SELECT r.period, r.measure, r.code, r.n, 0 FROM main.report_counts AS r
           WHERE r.n <> 0 AND NOT EXISTS (SELECT 1 FROM temp.report_expected AS e WHERE e.measure = r.measure AND e.period = r.period AND e.code = r.code)
         ORDER BY 2, 1, 3`,
      )
      .all() as CountMismatch[];
  } finally {
    s.exec(`DROP TABLE temp.report_expected`);
  }
}

export function rebuildReportCounts(db: WritableDB): void {
  rebuildCounts(db.sqlite);
}

/**
 * Drops the triggers that keep the report counts and returns their SQL: a bulk load
 * then writes rows without them, and puts them back with resumeReportCounts.
 */
export function suspendReportCounts(db: WritableDB): string[] {
  const rows = db.sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const r of rows) db.sqlite.exec(`DROP TRIGGER "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.sql);
}

/** Recounts the report counts and puts their triggers back (the SQL suspendReportCounts returned). */
export function resumeReportCounts(db: WritableDB, triggers: readonly string[]): void {
  rebuildReportCounts(db);
  // Another program's open may have found them missing and put them back meanwhile (src/store/derived.ts).
  suspendReportCounts(db);
  for (const sql of triggers) db.sqlite.exec(sql);
}

/** What holdNewClients set: the last client id before the batch. */
export interface HeldClientCounts {
  afterId: number;
}

const CLIENTS = SOURCES.find((s) => s.name === 'clients');

/**
 * A batch of imported clients is counted at once instead of row by row: inside the
 * batch's write transaction a row in report_counts_held tells the clients' insert
 * trigger to leave new rows alone (a rollback or a killed process takes the row away
 * with everything else; the schema is never altered), and countHeldClients adds the
 * batch's new rows in one grouped statement and takes the row away before the commit.
 * Only inserts are held back: a row the batch changes goes through its trigger as usual,
 * and an import never changes a client it inserted in the same run (claims refuse it).
 */
export function holdNewClients(db: WritableDB): HeldClientCounts {
  const afterId = db.stmt(`SELECT coalesce(max(id), 0) FROM clients`).pluck().get() as number;
  db.stmt(`INSERT INTO report_counts_held (source) VALUES ('clients')`).run();
  return { afterId };
}

/** Counts the clients inserted since holdNewClients (one grouped statement) and lets the trigger count again. */
export function countHeldClients(db: WritableDB, held: HeldClientCounts): void {
  const clients = CLIENTS as NonNullable<typeof CLIENTS>;
  db.stmt(addRowsSql(clients.rows('c.id > :after'), 1, { perDayOnly: perDayOnly(clients), grouped: true })).run({ after: held.afterId });
  db.stmt(`DELETE FROM report_counts_held WHERE source = 'clients'`).run();
}

/** The names the import has used since before #11. */
export const suspendNewClientCounts = holdNewClients;
export const resumeNewClientCounts = countHeldClients;
