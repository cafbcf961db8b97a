/**
 * THE declaration of the report counts: every measure, what it counts, from which
 * rows, on which day and under which code. The triggers (schema.ts), the recount of
 * `db check` (recount.ts) and the reports' decoding (src/domain/reports/tally.ts
 * through the lists and decoders below) all come from here. How to add a measure:
 * see index.ts.
 *
 * A source is a kind of row (a service, a case with its timeline, a follow-up, a
 * client) and says once, as SQL over its own aliases, what the rows matching a
 * condition count for: rows (day, measure, code, n = 1). Its watches say which
 * changed table rows can change what which of its rows count for; the generated
 * triggers take away what those rows counted for before a change and add what they
 * count for after it, so a source is never described twice (once to add, once to
 * take away).
 */
import { yearsBeforeSql } from './calendar.js';

/** `calendar`: counted per ISO day, Jalali month and Jalali year; `day`: per day only; `present`: the state now (period ''). */
export type Levels = 'calendar' | 'day' | 'present';

export interface Measure {
  levels: Levels;
  /** What one count is (for the reader of this file, and docs). */
  counts: string;
  /** What the code is ('' stands for none). */
  code: string;
  /**
   * A figure of a period, summed over its days (default). False: summed from a day on,
   * to take a state back from now to that day (changes of open cases, overdue-until).
   */
  flow?: false;
}

/** A table whose changes change what some rows of a source count for. */
export interface Watch {
  table: string;
  /** The column of the changed row that picks the source rows (given to `match`). */
  key: string;
  /** The columns whose update changes what is counted. */
  columns: readonly string[];
  /** The source rows affected, given a list of key values (SQL over the source's aliases). */
  match: (keys: string) => string;
  /** Only rows of the table for which this holds (over the alias old or new) count. */
  when?: (row: string) => string;
  /** The watched table is the source's own: a new row has counted for nothing before, a deleted one counts for nothing after. */
  own?: boolean;
  /**
   * Another table: an existing row an insert of `row` would conflict with. Its insert's
   * "before" half runs only when there is none: INSERT OR IGNORE and ON CONFLICT DO
   * NOTHING fire the BEFORE trigger of a row they then leave out (and DO UPDATE fires the
   * update triggers instead).
   */
  conflict?: (row: string) => string;
  /** Only updates of the table change what is counted (its inserts and deletes never can). */
  updatesOnly?: boolean;
  /**
   * New rows may be held back while a batch has a row in report_counts_held (recount.ts
   * holdNewClients), and counted once at the batch's end by one grouped statement.
   */
  holdable?: boolean;
}

/** What a report can be narrowed to (`report … --center C`, `--worker W`). */
export type CountScopeKind = 'center' | 'worker';

export interface Source {
  name: string;
  measures: Readonly<Record<string, Measure>>;
  /** Rows (day, measure, code, n) of what the source rows matching `where` count for. */
  rows: (where: string) => string;
  watches: readonly Watch[];
  /**
   * Which of the source's rows are one center's or one worker's work, as a condition over its
   * aliases (the id is a whole number the caller parsed): a report narrowed with --center or
   * --worker counts those rows only (scope.ts).
   */
  scope: Readonly<Record<CountScopeKind, (id: number) => string>>;
}

/** The rows whose case is at center `id` / assigned to worker `id` (`column`: the case id of the row). */
const caseAt = (column: string, id: number): string => `${column} IN (SELECT id FROM cases WHERE center_id = ${id})`;
const caseOf = (column: string, id: number): string => `${column} IN (SELECT id FROM cases WHERE worker_id = ${id})`;

const LATE = (f: string): string => `${f}.status IN ('done', 'missed') AND ${f}.done_on > ${f}.due_on`;

// ---- Services ----

const services: Source = {
  name: 'services',
  // A service is its case's center's, and the worker's who gave it.
  scope: { center: (id) => caseAt('s.case_id', id), worker: (id) => `s.worker_id = ${id}` },
  measures: {
    service: {
      levels: 'calendar',
      counts: 'a service not voided, on its day',
      code: 'the JSON array [type, channel, primary category of its case or "none"]',
    },
    'any-category': { levels: 'calendar', counts: 'a service not voided, once per category of its case', code: 'the category' },
    'service-worker': {
      levels: 'calendar',
      counts: 'a service not voided, on its day',
      code: "the id of the worker who gave it ('' for none)",
    },
  },
  rows: (where) => `SELECT s.service_date AS day, 'service' AS measure,
      json_array(s.type, s.channel, coalesce((SELECT primary_category FROM cases WHERE id = s.case_id), 'none')) AS code, 1 AS n
      FROM services AS s WHERE ${where} AND s.voided_at IS NULL
    UNION ALL SELECT s.service_date, 'any-category', cc.category, 1
      FROM services AS s CROSS JOIN case_categories AS cc WHERE ${where} AND s.voided_at IS NULL AND cc.case_id = s.case_id
    UNION ALL SELECT s.service_date, 'service-worker', coalesce(s.worker_id, ''), 1 FROM services AS s WHERE ${where} AND s.voided_at IS NULL`,
  watches: [
    // A voided service (voided_at set) counts for nothing: it leaves its day's, month's and year's counts.
    {
      table: 'services',
      key: 'id',
      columns: ['service_date', 'type', 'channel', 'case_id', 'worker_id', 'voided_at'],
      match: (k) => `s.id IN (${k})`,
      own: true,
    },
    // A case's primary category and its categories are part of its services' codes.
    // (A new case has no services yet, and a case with services cannot be deleted.)
    { table: 'cases', key: 'id', columns: ['primary_category'], match: (k) => `s.case_id IN (${k})`, updatesOnly: true },
    {
      table: 'case_categories',
      key: 'case_id',
      columns: ['case_id', 'category'],
      match: (k) => `s.case_id IN (${k})`,
      conflict: (r) => `EXISTS (SELECT 1 FROM case_categories WHERE case_id = ${r}.case_id AND category = ${r}.category)`,
    },
  ],
};

// ---- Cases and their timelines ----

const CASE_COLUMNS = ['opened_on', 'status', 'closed_on', 'close_reason', 'center_id', 'worker_id'] as const;
const GROUPS = `coalesce(c.center_id, '') AS center, coalesce(c.worker_id, '') AS worker`;

/** Which measures each kind of timeline row counts for, with which code and sign (kind, measure, code column, n). */
const CASE_KINDS = `(VALUES ('opened', 'opened-center', 'center', 1), ('opened', 'opened-worker', 'worker', 1),
    ('open', 'open-center', 'center', 1), ('open', 'open-worker', 'worker', 1),
    ('closing', 'closed', 'reason', 1), ('closing', 'close-days', 'days', 1),
    ('closing', 'change-center', 'center', -1), ('closing', 'change-worker', 'worker', -1),
    ('reopening', 'reopened', '', 1), ('reopening', 'change-center', 'center', 1), ('reopening', 'change-worker', 'worker', 1))`;

const cases: Source = {
  name: 'cases',
  scope: { center: (id) => `c.center_id = ${id}`, worker: (id) => `c.worker_id = ${id}` },
  measures: {
    'opened-center': { levels: 'calendar', counts: 'a case opened, on its opening day', code: 'its current center id' },
    'opened-worker': { levels: 'calendar', counts: 'a case opened, on its opening day', code: 'its current worker id' },
    closed: {
      levels: 'calendar',
      counts: 'each closing of a case (the last on the case row, each earlier one a closed event followed by a reopening)',
      code: 'the reason',
    },
    'close-days': { levels: 'calendar', counts: 'each closing of a case', code: 'the days from opening to that closing' },
    reopened: { levels: 'calendar', counts: 'each reopening of a case', code: "''" },
    'change-center': { levels: 'calendar', flow: false, counts: '−1 on each closing, +1 on each reopening', code: 'the current center id' },
    'change-worker': { levels: 'calendar', flow: false, counts: '−1 on each closing, +1 on each reopening', code: 'the current worker id' },
    'open-center': { levels: 'present', counts: 'a case open now', code: 'its center id' },
    'open-worker': { levels: 'present', counts: 'a case open now', code: 'its worker id' },
  },
  rows: (where) => `SELECT x.day, m.column2 AS measure,
      CASE m.column3 WHEN 'center' THEN x.center WHEN 'worker' THEN x.worker WHEN 'reason' THEN x.reason WHEN 'days' THEN x.days ELSE '' END AS code,
      m.column4 AS n
    FROM (SELECT c.opened_on AS day, 'opened' AS kind, ${GROUPS}, NULL AS reason, NULL AS days FROM cases AS c WHERE ${where}
      UNION ALL SELECT '', 'open', ${GROUPS}, NULL, NULL FROM cases AS c WHERE ${where} AND c.status = 'open'
      UNION ALL SELECT c.closed_on, 'closing', ${GROUPS}, coalesce(c.close_reason, 'other'), CAST(julianday(c.closed_on) - julianday(c.opened_on) AS INTEGER)
        FROM cases AS c WHERE ${where} AND c.closed_on IS NOT NULL
      UNION ALL SELECT e.on_date, 'closing', ${GROUPS}, coalesce(e.reason, 'other'), CAST(julianday(e.on_date) - julianday(c.opened_on) AS INTEGER)
        FROM cases AS c CROSS JOIN case_events AS e
        WHERE ${where} AND e.case_id = c.id AND e.kind = 'closed'
          AND EXISTS (SELECT 1 FROM case_events AS r WHERE r.case_id = e.case_id AND r.kind = 'reopened'
            AND (r.on_date > e.on_date OR (r.on_date = e.on_date AND r.id > e.id)))
      UNION ALL SELECT e.on_date, 'reopening', ${GROUPS}, NULL, NULL
        FROM cases AS c CROSS JOIN case_events AS e WHERE ${where} AND e.case_id = c.id AND e.kind = 'reopened') AS x
    CROSS JOIN ${CASE_KINDS} AS m WHERE m.column1 = x.kind`,
  watches: [
    { table: 'cases', key: 'id', columns: CASE_COLUMNS, match: (k) => `c.id IN (${k})`, own: true },
    {
      table: 'case_events',
      key: 'case_id',
      columns: ['id', 'case_id', 'kind', 'on_date', 'reason'],
      match: (k) => `c.id IN (${k})`,
      when: (e) => `${e}.kind IN ('closed', 'reopened')`,
      conflict: (r) => `EXISTS (SELECT 1 FROM case_events WHERE id = ${r}.id)`,
    },
  ],
};

// ---- Follow-ups (per day only: an import writes a million) ----

/** What became of a follow-up, as the `followup` code. */
const followupCode = (f: string): string => `CASE ${f}.status
  WHEN 'done' THEN CASE WHEN ${f}.done_on <= ${f}.due_on THEN 'done-on-time' WHEN ${f}.done_on > ${f}.due_on THEN 'done-late' ELSE 'done' END
  WHEN 'missed' THEN CASE WHEN ${f}.done_on > ${f}.due_on THEN 'missed-late' ELSE 'missed' END
  ELSE ${f}.status END`;

export const FOLLOWUP_OUTCOMES = ['done-on-time', 'done-late', 'done', 'missed', 'missed-late', 'scheduled', 'cancelled'] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

const followups: Source = {
  name: 'followups',
  // A follow-up is its case's center's, and the worker's it is assigned to.
  scope: { center: (id) => caseAt('f.case_id', id), worker: (id) => `f.worker_id = ${id}` },
  measures: {
    followup: {
      levels: 'day',
      counts: 'a follow-up, on its due day',
      code: 'what became of it: done-on-time, done-late, done (no date), missed (on or before the due day, or no date), missed-late, scheduled, cancelled',
    },
    'overdue-until': {
      levels: 'day',
      flow: false,
      counts: 'a follow-up done or missed late, on the day it stopped being overdue',
      code: "''",
    },
  },
  rows: (where) => `SELECT f.due_on AS day, 'followup' AS measure, ${followupCode('f')} AS code, 1 AS n FROM followups AS f WHERE ${where}
    UNION ALL SELECT f.done_on, 'overdue-until', '', 1 FROM followups AS f WHERE ${where} AND ${LATE('f')}`,
  watches: [{ table: 'followups', key: 'id', columns: ['due_on', 'status', 'done_on'], match: (k) => `f.id IN (${k})`, own: true }],
};

// ---- Clients (per day only) ----

/** A client's code: sex × 16 + age group × 4 + informal settlement × 2 + woman head. */
export interface ClientCode {
  /** 0 unknown, 1 female, 2 male. */
  sex: 0 | 1 | 2;
  /** At registration: 0 unknown, 1 under 18, 2 adult, 3 aged 60 or more. */
  age: 0 | 1 | 2 | 3;
  informalSettlement: boolean;
  womanHead: boolean;
}

export function decodeClientCode(code: number): ClientCode {
  return {
    sex: ((code >> 4) & 3) as ClientCode['sex'],
    age: ((code >> 2) & 3) as ClientCode['age'],
    informalSettlement: (code & 2) !== 0,
    womanHead: (code & 1) !== 0,
  };
}

// The age cut-offs depend on the registration day only: worked out once per day, not once per client.
const clients: Source = {
  name: 'clients',
  // A client is the center's or the worker's when one of the client's cases is.
  scope: {
    center: (id) => `c.id IN (SELECT client_id FROM cases WHERE center_id = ${id})`,
    worker: (id) => `c.id IN (SELECT client_id FROM cases WHERE worker_id = ${id})`,
  },
  measures: {
    clients: {
      levels: 'day',
      counts: 'a client not merged into another, on the registration day',
      code:
        'sex × 16 + age group × 4 + informal settlement × 2 + woman head (sex 0 unknown, 1 female, 2 male; age group at registration 0 unknown, ' +
        '1 under 18, 2 adult, 3 aged 60 or more, by Jalali birthdays: born after the same Jalali day 18 (60) years earlier, 30 Esfand taken as 29 Esfand in a common year)',
    },
  },
  rows: (where) => `SELECT c.registered_on AS day, 'clients' AS measure,
      (CASE c.sex WHEN 'female' THEN 16 WHEN 'male' THEN 32 ELSE 0 END
        + CASE WHEN c.birth_date IS NULL OR c.birth_date > c.registered_on THEN 0
            WHEN c.birth_date > k.adult THEN 4 WHEN c.birth_date > k.elderly THEN 8 ELSE 12 END
        + 2 * c.informal_settlement + c.woman_head) AS code, 1 AS n
    FROM clients AS c
    -- One row per day (GROUP BY: never flattened into the outer query, so worked out once per day);
    -- NOT INDEXED: the matching rows by id (a batch's new rows), not the whole registration index.
    CROSS JOIN (SELECT c.registered_on AS day, ${yearsBeforeSql('c.registered_on', 18)} AS adult, ${yearsBeforeSql('c.registered_on', 60)} AS elderly
          FROM clients AS c NOT INDEXED WHERE ${where} GROUP BY c.registered_on) AS k
    -- A client merged into another (merged_into set) is the same person: counted once, as the record kept.
    WHERE ${where} AND c.merged_into IS NULL AND k.day = c.registered_on`,
  watches: [
    {
      table: 'clients',
      key: 'id',
      columns: ['registered_on', 'birth_date', 'sex', 'informal_settlement', 'woman_head', 'merged_into'],
      match: (k) => `c.id IN (${k})`,
      own: true,
      holdable: true,
    },
  ],
};

// ---- Referrals to other agencies (migration 11) ----

// Awaiting at a day's end is a state: awaiting now, less those sent since, plus those answered
// since (src/domain/reports/tally.ts); the two flows give it back for any day, as open cases.
const referrals: Source = {
  name: 'referrals',
  // A referral is its case's: the case's center, the case's worker (as referral list --worker).
  scope: { center: (id) => caseAt('r.case_id', id), worker: (id) => caseOf('r.case_id', id) },
  measures: {
    'referral-sent': { levels: 'calendar', counts: 'a referral, on the day it was sent', code: 'the kind of agency' },
    'referral-answered': {
      levels: 'calendar',
      counts: 'a referral answered, on the day of its first answer (accepted, declined or feedback)',
      code: 'the kind of agency',
    },
    'referral-awaiting': { levels: 'present', counts: 'a referral with no answer now', code: 'the kind of agency' },
  },
  // A voided referral (voided_at set) counts for nothing, as a voided service.
  rows: (where) => `SELECT r.sent_on AS day, 'referral-sent' AS measure, r.agency_kind AS code, 1 AS n
      FROM referrals AS r WHERE ${where} AND r.voided_at IS NULL
    UNION ALL SELECT r.answered_on, 'referral-answered', r.agency_kind, 1
      FROM referrals AS r WHERE ${where} AND r.voided_at IS NULL AND r.answered_on IS NOT NULL
    UNION ALL SELECT '', 'referral-awaiting', r.agency_kind, 1 FROM referrals AS r WHERE ${where} AND r.voided_at IS NULL AND r.answered_on IS NULL`,
  watches: [
    {
      table: 'referrals',
      key: 'id',
      columns: ['sent_on', 'agency_kind', 'answered_on', 'voided_at'],
      match: (k) => `r.id IN (${k})`,
      own: true,
    },
  ],
};

// ---- The list ----

export const SOURCES: readonly Source[] = [services, cases, followups, clients, referrals];

export const MEASURES: Readonly<Record<string, Measure & { source: string }>> = Object.fromEntries(
  SOURCES.flatMap((s) => Object.entries(s.measures).map(([name, m]) => [name, { ...m, source: s.name }])),
);

const named = (levels: Levels, flowsOnly = false): string[] =>
  Object.keys(MEASURES).filter((m) => MEASURES[m]?.levels === levels && (!flowsOnly || MEASURES[m]?.flow !== false));
/** The measures kept per day, Jalali month and year. */
export const CALENDAR_MEASURES: readonly string[] = named('calendar');
/** The flows (figures of a period) kept per day, month and year, and those kept per day only. */
export const CALENDAR_FLOWS: readonly string[] = named('calendar', true);
export const DAY_FLOWS: readonly string[] = named('day', true);

/** A `service` code: [type, channel, primary category of the case or "none"]. */
export function decodeServiceCode(code: string | number): { type: string; channel: string; category: string } {
  const [type, channel, category] = JSON.parse(String(code)) as [string, string, string];
  return { type, channel, category };
}

/** A center or worker id as the case measures store it ('' for none). */
export const decodeGroupId = (code: string | number): number | null => (code === '' ? null : Number(code));
