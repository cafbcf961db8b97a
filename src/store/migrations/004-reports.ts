import type { Database } from 'better-sqlite3';

/**
 * Schema 4: what the activity reports read. Self-contained: never import today's types here.
 *
 * `report_counts` holds every figure of the reports as counts per day (and, for the
 * services and the cases, also per Jalali month and per Jalali year), kept by
 * triggers, so that a report reads a few thousand small rows and never a range of
 * services, cases, follow-ups or clients. It is derived data only:
 * src/store/report-aggregates.ts recounts it from the tables (`parvande db check`)
 * and rebuilds it (after a demo's bulk load).
 *
 * - `period`: an ISO day ('2026-11-25', TEXT); that day's Jalali month (140509 =
 *   year × 100 + month) and Jalali year (-1405, negative); or '' for a count of the
 *   present state. SQLite orders every integer before every text, and the years
 *   (negative) before the months, so a range of days, of months or of years never
 *   meets another kind. Follow-ups and clients are kept per day only: a count more
 *   to keep costs every inserted row a page written, and an import writes a million.
 * - `measure` and `code` (the column has no type: ids and numbers of days are
 *   integers, codes text, '' stands for "none"):
 *   `service` on the service's day, code the JSON array [type, channel, primary
 *     category of the case or "none"]; `any-category` once per category of the case;
 *   `opened-center`, `opened-worker` on the day a case was opened; `closed` (code the
 *     reason) and `close-days` (code the days from opening) on the day of every closing:
 *     the last one is on the case row, each earlier one is a `closed` event followed by
 *     a reopening; `reopened` on each reopening; `change-center`, `change-worker`: −1 on
 *     each closing, +1 on each reopening; `open-center`, `open-worker` at period '':
 *     open now. Centers and workers are the case's current ones.
 *   `followup` on the due day, code what became of it: done-on-time, done-late, done
 *     (no date), missed (on or before the due day, or no date), missed-late, scheduled,
 *     cancelled; `overdue-until` on the day a follow-up done or missed late stopped being overdue.
 *   `clients` on the registration day, code sex × 16 + age group × 4 + informal
 *     settlement × 2 + woman head (sex 0 unknown, 1 female, 2 male; age group at
 *     registration 0 unknown, 1 under 18, 2 adult, 3 aged 60 or more, by Jalali
 *     birthdays: born after the same Jalali day 18 (60) years earlier, 30 Esfand
 *     taken as 29 Esfand in a common year).
 * - A count that comes back to 0 is deleted.
 *
 * `report_calendar` holds, for each day a count was kept on by month and year, and each
 * day clients were registered on, its Jalali month and the latest birth dates at which a
 * person is 18 and 60 that day: worked out once per day, by the one trigger that knows
 * the Jalali calendar.
 */
export function up(db: Database): void {
  db.exec(`
-- Client lists and exports filter on the registration day (no other index on clients leads with it).
CREATE INDEX clients_report ON clients(registered_on);
-- Caseloads of a center or a worker (center and staff views).
CREATE INDEX cases_report_caseload ON cases(status, center_id, worker_id);

CREATE TABLE report_counts (
  period NOT NULL,
  measure TEXT NOT NULL,
  code NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (measure, period, code)
) WITHOUT ROWID;

CREATE TABLE report_calendar (
  day TEXT PRIMARY KEY,
  month INTEGER,
  adult_born_by TEXT,
  elderly_born_by TEXT
) WITHOUT ROWID;

-- Inserting (case_id, sign) here adds (1) or takes away (-1) everything a case counts for:
-- SQLite has no procedures, and a view's INSTEAD OF trigger is one.
CREATE VIEW report_case_changes (case_id, sign) AS SELECT NULL, NULL WHERE 0;
`);
  fill(db);
  db.exec(triggers());
}

// ---- The Jalali calendar (the arithmetic of src/lang/dates.ts) ----

/** Day number (since 1970-01-01) of 1 Farvardin of Jalali year y. */
const yearStart = (y: string): string => `(365 * (${y}) + (8 * (${y}) + 21) / 33 - 492633)`;

/** The same Jalali day `years` earlier, 30 Esfand becoming 29 Esfand in a common year (over the columns of jalaliOf). */
const yearsBefore = (years: number): string =>
  `date(2440587.5 + ${yearStart(`jy - ${years}`)} + ms + min(jd, CASE WHEN jm <= 6 THEN 31 WHEN jm <= 11 THEN 30
    WHEN ${yearStart(`jy - ${years} + 1`)} - ${yearStart(`jy - ${years}`)} = 366 THEN 30 ELSE 29 END) - 1)`;

/** One row: the Jalali year, month and day (jy, jm, jd) of an ISO date and the days of its year before its month (ms); none for a malformed date. */
const jalaliOf = (day: string): string => `(SELECT jy, jm, dn - ys - ms + 1 AS jd, ms FROM
  (SELECT dn, jy, ys, jm, CASE WHEN jm <= 7 THEN (jm - 1) * 31 ELSE 186 + (jm - 7) * 30 END AS ms FROM
    (SELECT dn, jy, ys, CASE WHEN dn - ys < 186 THEN (dn - ys) / 31 + 1 ELSE (dn - ys - 186) / 30 + 7 END AS jm FROM
      (SELECT dn, jy, ${yearStart('jy')} AS ys FROM
        (SELECT dn, y0 - (dn < ${yearStart('y0')}) AS jy FROM
          (SELECT dn, 1 + (33 * (dn + 492268) + 3) / 12053 AS y0 FROM
            (SELECT CAST(julianday(${day}) - 2440587.5 AS INTEGER) AS dn) WHERE dn IS NOT NULL))))))`;

// ---- What each row counts for ----

const LEVELS = `(SELECT 0 AS level UNION ALL SELECT 1 UNION ALL SELECT 2)`;
/** The measures kept per day only. */
const DAY_ONLY = `('followup', 'overdue-until', 'clients')`;
/** The period of level l of a day (its month and year from calendar row k): the day, its month, its year. */
const period = (day: string): string => `CASE l.level WHEN 0 THEN ${day} WHEN 1 THEN k.month ELSE -(k.month / 100) END`;
const UPSERT = `ON CONFLICT (measure, period, code) DO UPDATE SET n = n + excluded.n`;

/** Adds rows (measure, code, n), all of one day, at the day, its month and its year (only `when` it holds). */
function addOnDay(day: string, rows: string, when = 'true'): string {
  return `INSERT OR IGNORE INTO report_calendar (day) SELECT ${day} WHERE ${when};
  INSERT INTO report_counts (period, measure, code, n)
    SELECT ${period('k.day')}, x.measure, x.code, x.n FROM report_calendar AS k CROSS JOIN ${LEVELS} AS l CROSS JOIN (${rows}) AS x
    WHERE k.day = ${day} AND (l.level = 0 OR k.month IS NOT NULL)
    ${UPSERT};`;
}

/** Adds rows (day, measure, code, n) of any days at each day, month and year, and rows of day '' (the present) once. */
function addOnDays(rows: string): string {
  return `INSERT OR IGNORE INTO report_calendar (day) SELECT DISTINCT day FROM (${rows}) WHERE day <> '';
  INSERT INTO report_counts (period, measure, code, n)
    SELECT ${period('x.day')}, x.measure, x.code, sum(x.n)
    FROM (${rows}) AS x CROSS JOIN ${LEVELS} AS l LEFT JOIN report_calendar AS k ON k.day = x.day
    WHERE CASE WHEN x.day = '' THEN l.level = 0 ELSE l.level = 0 OR k.month IS NOT NULL END
    GROUP BY 1, 2, 3 HAVING sum(x.n) <> 0
    ${UPSERT};`;
}

const serviceCode = (s: string): string =>
  `json_array(${s}.type, ${s}.channel, coalesce((SELECT primary_category FROM cases WHERE id = ${s}.case_id), 'none'))`;

function serviceRows(s: string, sign: number): string {
  return `SELECT 'service' AS measure, ${serviceCode(s)} AS code, ${sign} AS n
    UNION ALL SELECT 'any-category', category, ${sign} FROM case_categories WHERE case_id = ${s}.case_id`;
}

const followupCode = (f: string): string => `CASE ${f}.status
  WHEN 'done' THEN CASE WHEN ${f}.done_on <= ${f}.due_on THEN 'done-on-time' WHEN ${f}.done_on > ${f}.due_on THEN 'done-late' ELSE 'done' END
  WHEN 'missed' THEN CASE WHEN ${f}.done_on > ${f}.due_on THEN 'missed-late' ELSE 'missed' END
  ELSE ${f}.status END`;

/** Done or missed after the due day: overdue until then. */
const lateFollowup = (f: string): string => `${f}.status IN ('done', 'missed') AND ${f}.done_on > ${f}.due_on`;

/** What follow-up row f counts for (per day only): its outcome on the due day and, done or missed late, the day it stopped being overdue. */
function followupRows(f: string, sign: number): string {
  return `INSERT INTO report_counts (period, measure, code, n) VALUES (${f}.due_on, 'followup', ${followupCode(f)}, ${sign}) ${UPSERT};
  INSERT INTO report_counts (period, measure, code, n) SELECT ${f}.done_on, 'overdue-until', '', ${sign} WHERE ${lateFollowup(f)} ${UPSERT};`;
}

/** The `clients` code of client row c, k its registration day in report_calendar. */
const clientCode = (c: string): string => `(CASE ${c}.sex WHEN 'female' THEN 16 WHEN 'male' THEN 32 ELSE 0 END
  + CASE WHEN ${c}.birth_date IS NULL OR ${c}.birth_date > ${c}.registered_on THEN 0
      WHEN ${c}.birth_date > k.adult_born_by THEN 4 WHEN ${c}.birth_date > k.elderly_born_by THEN 8 ELSE 12 END
  + 2 * ${c}.informal_settlement + ${c}.woman_head)`;

/** What client row c counts for (per day only): its code on the registration day. */
function clientRows(c: string, sign: number): string {
  return `INSERT OR IGNORE INTO report_calendar (day) VALUES (${c}.registered_on);
  INSERT INTO report_counts (period, measure, code, n)
    SELECT k.day, 'clients', ${clientCode(c)}, ${sign} FROM report_calendar AS k WHERE k.day = ${c}.registered_on
    ${UPSERT};`;
}

/**
 * Everything the cases matching `where` (over alias c) count for, as rows (day,
 * measure, code, n): the opening, each closing (the last on the case row, the earlier
 * ones followed by a reopening in the timeline), each reopening, and the present state.
 */
function caseRows(where: string, sign: string): string {
  const groups = `coalesce(c.center_id, '') AS center, coalesce(c.worker_id, '') AS worker`;
  const events = `SELECT c.opened_on AS day, 'opened' AS kind, ${groups}, NULL AS reason, NULL AS days FROM cases AS c WHERE ${where}
    UNION ALL SELECT '', 'open', ${groups}, NULL, NULL FROM cases AS c WHERE ${where} AND c.status = 'open'
    UNION ALL SELECT c.closed_on, 'closing', ${groups}, coalesce(c.close_reason, 'other'), CAST(julianday(c.closed_on) - julianday(c.opened_on) AS INTEGER)
      FROM cases AS c WHERE ${where} AND c.closed_on IS NOT NULL
    UNION ALL SELECT e.on_date, 'closing', ${groups}, coalesce(e.reason, 'other'), CAST(julianday(e.on_date) - julianday(c.opened_on) AS INTEGER)
      FROM cases AS c CROSS JOIN case_events AS e
      WHERE ${where} AND e.case_id = c.id AND e.kind = 'closed'
        AND EXISTS (SELECT 1 FROM case_events AS r WHERE r.case_id = e.case_id AND r.kind = 'reopened'
          AND (r.on_date > e.on_date OR (r.on_date = e.on_date AND r.id > e.id)))
    UNION ALL SELECT e.on_date, 'reopening', ${groups}, NULL, NULL
      FROM cases AS c CROSS JOIN case_events AS e WHERE ${where} AND e.case_id = c.id AND e.kind = 'reopened'`;
  // Which measures each kind of row counts for, with which code and sign.
  const measures = `(VALUES ('opened', 'opened-center', 'center', 1), ('opened', 'opened-worker', 'worker', 1),
    ('open', 'open-center', 'center', 1), ('open', 'open-worker', 'worker', 1),
    ('closing', 'closed', 'reason', 1), ('closing', 'close-days', 'days', 1),
    ('closing', 'change-center', 'center', -1), ('closing', 'change-worker', 'worker', -1),
    ('reopening', 'reopened', '', 1), ('reopening', 'change-center', 'center', 1), ('reopening', 'change-worker', 'worker', 1))`;
  return `SELECT x.day, m.column2 AS measure,
      CASE m.column3 WHEN 'center' THEN x.center WHEN 'worker' THEN x.worker WHEN 'reason' THEN x.reason WHEN 'days' THEN x.days ELSE '' END AS code,
      ${sign} * m.column4 AS n
    FROM (${events}) AS x CROSS JOIN ${measures} AS m WHERE m.column1 = x.kind`;
}

// ---- Filling from the rows already there ----

function fill(db: Database): void {
  db.exec(`
CREATE TEMP TABLE report_fill (day NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL);
INSERT INTO report_fill SELECT s.service_date, 'service', json_array(s.type, s.channel, coalesce(c.primary_category, 'none')), count(*)
  FROM services AS s LEFT JOIN cases AS c ON c.id = s.case_id GROUP BY 1, 3;
INSERT INTO report_fill SELECT s.service_date, 'any-category', cc.category, count(*)
  FROM services AS s CROSS JOIN case_categories AS cc WHERE cc.case_id = s.case_id GROUP BY 1, 3;
INSERT INTO report_fill SELECT day, measure, code, sum(n) FROM (${caseRows('true', '1')}) GROUP BY 1, 2, 3;
INSERT INTO report_fill SELECT f.due_on, 'followup', ${followupCode('f')}, count(*) FROM followups AS f GROUP BY 1, 3;
INSERT INTO report_fill SELECT f.done_on, 'overdue-until', '', count(*) FROM followups AS f WHERE ${lateFollowup('f')} GROUP BY 1;
INSERT INTO report_calendar (day) SELECT DISTINCT registered_on FROM clients;
INSERT INTO report_calendar (day) SELECT DISTINCT day FROM report_fill
  WHERE day <> '' AND measure NOT IN ${DAY_ONLY} AND day NOT IN (SELECT day FROM report_calendar);
`);
  // The calendar of each day, as the trigger below works it out.
  db.exec(`UPDATE report_calendar SET ${CALENDAR_COLUMNS};`.replaceAll('new.day', 'report_calendar.day'));
  db.exec(`
INSERT INTO report_fill SELECT c.registered_on, 'clients', ${clientCode('c')}, count(*)
  FROM clients AS c CROSS JOIN report_calendar AS k WHERE k.day = c.registered_on GROUP BY 1, 3;
INSERT INTO report_counts (period, measure, code, n)
  SELECT ${period('x.day')}, x.measure, x.code, sum(x.n)
  FROM report_fill AS x CROSS JOIN ${LEVELS} AS l LEFT JOIN report_calendar AS k ON k.day = x.day
  WHERE l.level = 0 OR (x.day <> '' AND k.month IS NOT NULL AND x.measure NOT IN ${DAY_ONLY})
  GROUP BY 1, 2, 3 HAVING sum(x.n) <> 0;
DROP TABLE temp.report_fill;
`);
}

// ---- Keeping the counts ----

const CALENDAR_COLUMNS = `(month, adult_born_by, elderly_born_by) = (SELECT jy * 100 + jm, ${yearsBefore(18)}, ${yearsBefore(60)} FROM ${jalaliOf('new.day')})`;
const CASE_COLUMNS = 'opened_on, status, closed_on, close_reason, center_id, worker_id';
const caseChanged = CASE_COLUMNS.split(', ')
  .map((col) => `old.${col} IS NOT new.${col}`)
  .join(' OR ');
const COUNTED_EVENT = `IN ('closed', 'reopened')`;
const caseChange = (caseId: string, sign: number): string => `INSERT INTO report_case_changes (case_id, sign) VALUES (${caseId}, ${sign});`;

// Built when the migration runs, not when every command loads the migrations.
const triggers = (): string => `
CREATE TRIGGER report_counts_drop_zero AFTER UPDATE OF n ON report_counts WHEN new.n = 0
BEGIN
  DELETE FROM report_counts WHERE measure = new.measure AND period = new.period AND code = new.code;
END;

CREATE TRIGGER report_calendar_fill AFTER INSERT ON report_calendar
BEGIN
  UPDATE report_calendar SET ${CALENDAR_COLUMNS} WHERE day = new.day;
END;

CREATE TRIGGER report_case_changes_insert INSTEAD OF INSERT ON report_case_changes
BEGIN
  ${addOnDays(caseRows('c.id = new.case_id', 'new.sign'))}
END;

CREATE TRIGGER report_services_insert AFTER INSERT ON services
BEGIN
  ${addOnDay('new.service_date', serviceRows('new', 1))}
END;

CREATE TRIGGER report_services_delete AFTER DELETE ON services
BEGIN
  ${addOnDay('old.service_date', serviceRows('old', -1))}
END;

CREATE TRIGGER report_services_update AFTER UPDATE OF service_date, type, channel, case_id ON services
BEGIN
  ${addOnDay('old.service_date', serviceRows('old', -1))}
  ${addOnDay('new.service_date', serviceRows('new', 1))}
END;

-- A case's primary category moves its services from one code to another.
CREATE TRIGGER report_cases_category AFTER UPDATE OF primary_category ON cases
WHEN old.primary_category IS NOT new.primary_category
BEGIN
  ${addOnDays(`SELECT service_date AS day, 'service' AS measure, json_array(type, channel, old.primary_category) AS code, -count(*) AS n
      FROM services WHERE case_id = old.id GROUP BY service_date, type, channel
    UNION ALL SELECT service_date, 'service', json_array(type, channel, new.primary_category), count(*)
      FROM services WHERE case_id = new.id GROUP BY service_date, type, channel`)}
END;

-- A category added to (or taken from) a case counts (or no longer counts) its services.
CREATE TRIGGER report_case_categories_insert AFTER INSERT ON case_categories
BEGIN
  ${addOnDays(`SELECT service_date AS day, 'any-category' AS measure, new.category AS code, count(*) AS n FROM services WHERE case_id = new.case_id GROUP BY service_date`)}
END;

CREATE TRIGGER report_case_categories_delete AFTER DELETE ON case_categories
BEGIN
  ${addOnDays(`SELECT service_date AS day, 'any-category' AS measure, old.category AS code, -count(*) AS n FROM services WHERE case_id = old.case_id GROUP BY service_date`)}
END;

CREATE TRIGGER report_case_categories_update AFTER UPDATE OF case_id, category ON case_categories
BEGIN
  ${addOnDays(`SELECT service_date AS day, 'any-category' AS measure, old.category AS code, -count(*) AS n FROM services WHERE case_id = old.case_id GROUP BY service_date
    UNION ALL SELECT service_date, 'any-category', new.category, count(*) FROM services WHERE case_id = new.case_id GROUP BY service_date`)}
END;

-- A new case has no timeline yet: its own row says what it counts for (what caseRows gives for
-- it, written out: cases are imported by the hundred thousand).
CREATE TRIGGER report_cases_insert AFTER INSERT ON cases
BEGIN
  ${addOnDay(
    'new.opened_on',
    `SELECT 'opened-center' AS measure, coalesce(new.center_id, '') AS code, 1 AS n
    UNION ALL SELECT 'opened-worker', coalesce(new.worker_id, ''), 1`,
  )}
  INSERT INTO report_counts (period, measure, code, n)
    SELECT '', x.measure, x.code, 1 FROM (SELECT 'open-center' AS measure, coalesce(new.center_id, '') AS code
      UNION ALL SELECT 'open-worker', coalesce(new.worker_id, '')) AS x
    WHERE new.status = 'open'
    ${UPSERT};
  ${addOnDay(
    'new.closed_on',
    `SELECT 'closed' AS measure, coalesce(new.close_reason, 'other') AS code, 1 AS n
    UNION ALL SELECT 'close-days', CAST(julianday(new.closed_on) - julianday(new.opened_on) AS INTEGER), 1
    UNION ALL SELECT 'change-center', coalesce(new.center_id, ''), -1
    UNION ALL SELECT 'change-worker', coalesce(new.worker_id, ''), -1`,
    'new.closed_on IS NOT NULL',
  )}
END;

-- Any other change to a case takes away what it counted for before it (BEFORE: the old
-- state) and adds what it counts for after it (AFTER: the new state).
CREATE TRIGGER report_cases_before_update BEFORE UPDATE OF ${CASE_COLUMNS} ON cases WHEN ${caseChanged}
BEGIN
  ${caseChange('old.id', -1)}
END;

CREATE TRIGGER report_cases_after_update AFTER UPDATE OF ${CASE_COLUMNS} ON cases WHEN ${caseChanged}
BEGIN
  ${caseChange('new.id', 1)}
END;

CREATE TRIGGER report_cases_delete BEFORE DELETE ON cases
BEGIN
  ${caseChange('old.id', -1)}
END;

CREATE TRIGGER report_case_events_before_insert BEFORE INSERT ON case_events WHEN new.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('new.case_id', -1)}
END;

CREATE TRIGGER report_case_events_after_insert AFTER INSERT ON case_events WHEN new.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('new.case_id', 1)}
END;

CREATE TRIGGER report_case_events_before_update BEFORE UPDATE OF id, case_id, kind, on_date, reason ON case_events
WHEN old.kind ${COUNTED_EVENT} OR new.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('old.case_id', -1)}
  INSERT INTO report_case_changes (case_id, sign) SELECT new.case_id, -1 WHERE new.case_id IS NOT old.case_id;
END;

CREATE TRIGGER report_case_events_after_update AFTER UPDATE OF id, case_id, kind, on_date, reason ON case_events
WHEN old.kind ${COUNTED_EVENT} OR new.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('old.case_id', 1)}
  INSERT INTO report_case_changes (case_id, sign) SELECT new.case_id, 1 WHERE new.case_id IS NOT old.case_id;
END;

CREATE TRIGGER report_case_events_before_delete BEFORE DELETE ON case_events WHEN old.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('old.case_id', -1)}
END;

CREATE TRIGGER report_case_events_after_delete AFTER DELETE ON case_events WHEN old.kind ${COUNTED_EVENT}
BEGIN
  ${caseChange('old.case_id', 1)}
END;

CREATE TRIGGER report_followups_insert AFTER INSERT ON followups
BEGIN
  ${followupRows('new', 1)}
END;

CREATE TRIGGER report_followups_update AFTER UPDATE OF due_on, status, done_on ON followups
WHEN old.due_on IS NOT new.due_on OR old.status IS NOT new.status OR old.done_on IS NOT new.done_on
BEGIN
  ${followupRows('old', -1)}
  ${followupRows('new', 1)}
END;

CREATE TRIGGER report_followups_delete AFTER DELETE ON followups
BEGIN
  ${followupRows('old', -1)}
END;

CREATE TRIGGER report_clients_insert AFTER INSERT ON clients
BEGIN
  ${clientRows('new', 1)}
END;

CREATE TRIGGER report_clients_update AFTER UPDATE OF registered_on, birth_date, sex, informal_settlement, woman_head ON clients
WHEN old.registered_on IS NOT new.registered_on OR old.birth_date IS NOT new.birth_date OR old.sex IS NOT new.sex
  OR old.informal_settlement IS NOT new.informal_settlement OR old.woman_head IS NOT new.woman_head
BEGIN
  ${clientRows('old', -1)}
  ${clientRows('new', 1)}
END;

CREATE TRIGGER report_clients_delete AFTER DELETE ON clients
BEGIN
  ${clientRows('old', -1)}
END;
`;
