/**
 * The report counts (report_counts, migration 4) recounted from the tables: what
 * `parvande db check` compares with what the triggers kept, and what a bulk load
 * (the demo) writes once at its end instead of keeping them row by row. A recount
 * reads every service, case, event, follow-up and client: it belongs to checks,
 * repairs and bulk loads, never to a report. The meaning of each measure is in
 * the header of src/store/migrations/004-reports.ts.
 */
import { InternalError } from '../errors.js';
import type { Db } from './database.js';
import { jalaliMonthSql, yearsBeforeSql } from './jalali-sql.js';

const GROUPS = `coalesce(c.center_id, '') AS center, coalesce(c.worker_id, '') AS worker`;

/** Every opening, closing (the last on the case row, earlier ones followed by a reopening), reopening and open case. */
const CASE_EVENTS = `
  SELECT c.opened_on AS day, 'opened' AS kind, ${GROUPS}, NULL AS reason, NULL AS days FROM cases AS c
  UNION ALL SELECT '', 'open', ${GROUPS}, NULL, NULL FROM cases AS c WHERE c.status = 'open'
  UNION ALL SELECT c.closed_on, 'closing', ${GROUPS}, coalesce(c.close_reason, 'other'), CAST(julianday(c.closed_on) - julianday(c.opened_on) AS INTEGER)
    FROM cases AS c WHERE c.closed_on IS NOT NULL
  UNION ALL SELECT e.on_date, 'closing', ${GROUPS}, coalesce(e.reason, 'other'), CAST(julianday(e.on_date) - julianday(c.opened_on) AS INTEGER)
    FROM case_events AS e CROSS JOIN cases AS c
    WHERE e.kind = 'closed' AND c.id = e.case_id
      AND EXISTS (SELECT 1 FROM case_events AS r WHERE r.case_id = e.case_id AND r.kind = 'reopened'
        AND (r.on_date > e.on_date OR (r.on_date = e.on_date AND r.id > e.id)))
  UNION ALL SELECT e.on_date, 'reopening', ${GROUPS}, NULL, NULL
    FROM case_events AS e CROSS JOIN cases AS c WHERE e.kind = 'reopened' AND c.id = e.case_id`;

const CASE_MEASURES = `(VALUES
  ('opened', 'opened-center', 'center', 1), ('opened', 'opened-worker', 'worker', 1),
  ('open', 'open-center', 'center', 1), ('open', 'open-worker', 'worker', 1),
  ('closing', 'closed', 'reason', 1), ('closing', 'close-days', 'days', 1),
  ('closing', 'change-center', 'center', -1), ('closing', 'change-worker', 'worker', -1),
  ('reopening', 'reopened', '', 1), ('reopening', 'change-center', 'center', 1), ('reopening', 'change-worker', 'worker', 1))`;

/** The measures kept per day only (the others also per Jalali month and year). */
const DAY_ONLY = `('followup', 'overdue-until', 'clients')`;

/** Done or missed after the due day: overdue until then. */
const LATE = `status IN ('done', 'missed') AND done_on > due_on`;

/** The `clients` code of client row c (sex × 16 + age group × 4 + informal settlement × 2 + woman head), given the day's age cut-offs. */
const clientCode = (adultBornBy: string, elderlyBornBy: string): string => `(CASE c.sex WHEN 'female' THEN 16 WHEN 'male' THEN 32 ELSE 0 END
  + CASE WHEN c.birth_date IS NULL OR c.birth_date > c.registered_on THEN 0
      WHEN c.birth_date > ${adultBornBy} THEN 4 WHEN c.birth_date > ${elderlyBornBy} THEN 8 ELSE 12 END
  + 2 * c.informal_settlement + c.woman_head)`;

/** The day-level counts, each statement adding to the temp table report_recount_days. */
const DAY_COUNTS = [
  `SELECT s.service_date, 'service', json_array(s.type, s.channel, coalesce(c.primary_category, 'none')), count(*)
     FROM services AS s LEFT JOIN cases AS c ON c.id = s.case_id GROUP BY 1, 3`,
  `SELECT s.service_date, 'any-category', cc.category, count(*)
     FROM services AS s CROSS JOIN case_categories AS cc WHERE cc.case_id = s.case_id GROUP BY 1, 3`,
  `SELECT x.day, m.column2,
       CASE m.column3 WHEN 'center' THEN x.center WHEN 'worker' THEN x.worker WHEN 'reason' THEN x.reason WHEN 'days' THEN x.days ELSE '' END,
       sum(m.column4)
     FROM (${CASE_EVENTS}) AS x CROSS JOIN ${CASE_MEASURES} AS m WHERE m.column1 = x.kind GROUP BY 1, 2, 3`,
  `SELECT due_on, 'followup',
       CASE status
         WHEN 'done' THEN CASE WHEN done_on <= due_on THEN 'done-on-time' WHEN done_on > due_on THEN 'done-late' ELSE 'done' END
         WHEN 'missed' THEN CASE WHEN done_on > due_on THEN 'missed-late' ELSE 'missed' END
         ELSE status END,
       count(*)
     FROM followups GROUP BY 1, 3`,
  `SELECT done_on, 'overdue-until', '', count(*) FROM followups WHERE ${LATE} GROUP BY 1`,
  // The age cut-offs depend on the day of registration only: worked out once per day.
  `SELECT c.registered_on, 'clients', ${clientCode('k.adult', 'k.elderly')}, count(*)
     FROM (SELECT day, ${yearsBeforeSql('day', 18)} AS adult, ${yearsBeforeSql('day', 60)} AS elderly
           FROM (SELECT DISTINCT registered_on AS day FROM clients)) AS k
     CROSS JOIN clients AS c WHERE c.registered_on = k.day GROUP BY 1, 3`,
];

/** Fills `target` (a table like report_counts) with the counts recounted from the tables, at each day (month and year). */
function recountInto(db: Db, target: string): void {
  const s = db.sqlite;
  s.exec(`DROP TABLE IF EXISTS temp.report_recount_days; DROP TABLE IF EXISTS temp.report_recount_months;
    CREATE TEMP TABLE report_recount_days (day NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL);
    CREATE TEMP TABLE report_recount_months (day PRIMARY KEY, month INTEGER NOT NULL) WITHOUT ROWID`);
  try {
    for (const sql of DAY_COUNTS) s.exec(`INSERT INTO temp.report_recount_days ${sql}`);
    // The Jalali month of each day, worked out once per day.
    s.exec(`INSERT INTO temp.report_recount_months SELECT day, month FROM (
        SELECT day, ${jalaliMonthSql('day')} AS month FROM (SELECT DISTINCT day FROM temp.report_recount_days WHERE day <> ''))
      WHERE month IS NOT NULL`);
    s.exec(`INSERT INTO ${target} (period, measure, code, n)
      SELECT period, measure, code, sum(n) FROM (
        SELECT day AS period, measure, code, n FROM temp.report_recount_days
        UNION ALL SELECT k.month, d.measure, d.code, d.n
          FROM temp.report_recount_days AS d CROSS JOIN temp.report_recount_months AS k WHERE k.day = d.day AND d.measure NOT IN ${DAY_ONLY}
        UNION ALL SELECT -(k.month / 100), d.measure, d.code, d.n
          FROM temp.report_recount_days AS d CROSS JOIN temp.report_recount_months AS k WHERE k.day = d.day AND d.measure NOT IN ${DAY_ONLY})
      GROUP BY period, measure, code HAVING sum(n) <> 0`);
  } finally {
    s.exec(`DROP TABLE temp.report_recount_days; DROP TABLE temp.report_recount_months`);
  }
}

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
export function checkReportCounts(db: Db): CountMismatch[] {
  const s = db.sqlite;
  s.exec(`DROP TABLE IF EXISTS temp.report_expected;
    CREATE TEMP TABLE report_expected (period NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL,
      PRIMARY KEY (measure, period, code)) WITHOUT ROWID`);
  try {
    recountInto(db, 'temp.report_expected');
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

/** Writes the report counts afresh from the tables; call inside a write transaction. */
export function rebuildReportCounts(db: Db): void {
  db.sqlite.exec(`DELETE FROM report_counts`);
  recountInto(db, 'main.report_counts');
}

/**
 * Drops the triggers that keep the report counts and returns their SQL: a bulk load
 * then writes rows without them, and puts them back with resumeReportCounts.
 */
export function suspendReportCounts(db: Db): string[] {
  const rows = db.sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'report\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const r of rows) db.sqlite.exec(`DROP TRIGGER "${r.name.replace(/"/g, '""')}"`);
  return rows.map((r) => r.sql);
}

/** Recounts the report counts and puts their triggers back (the SQL suspendReportCounts returned). */
export function resumeReportCounts(db: Db, triggers: readonly string[]): void {
  rebuildReportCounts(db);
  for (const sql of triggers) db.sqlite.exec(sql);
}

/** What suspendNewClientCounts set aside: the trigger's SQL and the last client id before the batch. */
export interface HeldClientCounts {
  trigger: string;
  afterId: number;
}

/**
 * A batch of imported clients is counted at once instead of row by row: inside the
 * batch's write transaction the trigger that counts each new client is set aside
 * (a rollback or a killed process puts it back with everything else), and
 * resumeNewClientCounts adds the batch's new rows and restores it before the commit.
 * Only inserts are held back: a row the batch changes goes through its trigger as usual,
 * and an import never changes a client it inserted in the same run (claims refuse it).
 */
export function suspendNewClientCounts(db: Db): HeldClientCounts {
  const trigger = db.stmt(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'report_clients_insert'`).pluck().get() as string | undefined;
  if (trigger === undefined) throw new InternalError('the trigger report_clients_insert is missing from this database');
  const afterId = db.stmt(`SELECT coalesce(max(id), 0) FROM clients`).pluck().get() as number;
  db.sqlite.exec(`DROP TRIGGER report_clients_insert`);
  return { trigger, afterId };
}

/** Counts the clients inserted since suspendNewClientCounts (one grouped statement) and puts the trigger back. */
export function resumeNewClientCounts(db: Db, held: HeldClientCounts): void {
  // NOT INDEXED: the batch's rows by id, not the whole registration index.
  db.stmt(`INSERT OR IGNORE INTO report_calendar (day) SELECT DISTINCT registered_on FROM clients NOT INDEXED WHERE id > ?`).run(held.afterId);
  db.stmt(
    `INSERT INTO report_counts (period, measure, code, n)
       SELECT k.day, 'clients', ${clientCode('k.adult_born_by', 'k.elderly_born_by')}, count(*)
       FROM clients AS c CROSS JOIN report_calendar AS k WHERE c.id > ? AND k.day = c.registered_on GROUP BY 1, 3
     ON CONFLICT (measure, period, code) DO UPDATE SET n = n + excluded.n`,
  ).run(held.afterId);
  db.sqlite.exec(held.trigger);
}
