/**
 * Every SQL statement of the activity reports. The figures are sums of the
 * counts that triggers keep per day, Jalali month and Jalali year (report_counts;
 * src/store/report-counts/measures.ts declares the measures): a period is read as a few key
 * ranges (src/domain/reports/period.ts countRanges), so a year to date is a few
 * thousand small rows and no report query reads services, cases, follow-ups or
 * clients. explainReportQueries shows the plans.
 */
import type { ReadableDB } from './database.js';
import { overdueCondition, type OverdueMoment } from './followups.js';

/**
 * One key range of report_counts, both ends included: ISO days (text), Jalali
 * months (year × 100 + month) or Jalali years (-year), added or taken away.
 */
export interface CountRange {
  /** Which sum the range adds to (the caller's bucket number). */
  key: number;
  from: string | number;
  to: string | number;
  sign: 1 | -1;
}

/** The counts of one measure over one range: code by code (several periods of a range may repeat a code). */
export interface CountList {
  key: number;
  sign: 1 | -1;
  measure: string;
  /** Codes (text), ids or numbers of days (integers); '' stands for none. */
  codes: (string | number)[];
  counts: number[];
}

// One row per (range, measure): a scalar subquery streams through one search of the
// primary key (measure, period, code) and lists what it found as JSON. Turning a few
// thousand counts into JavaScript this way costs a tenth of what a row each does.
const RANGES = `WITH r (key, lo, hi, sign) AS MATERIALIZED (SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(:ranges)),
      m (measure) AS MATERIALIZED (SELECT value FROM json_each(:measures))`;

/** The condition's SQL (its arguments come from the moment at each call). */
const OVERDUE = overdueCondition('f', { dueBefore: '', settledThrough: '' });
const OVERDUE_IDS = overdueCondition('o', { dueBefore: '', settledThrough: '' });

const SQL = {
  // The ranges are materialised first, so each row compares with plain values, not JSON.
  counts: `${RANGES}
    SELECT r.key, r.sign, m.measure,
      (SELECT json_array(json_group_array(c.code), json_group_array(c.n)) FROM report_counts AS c
       WHERE c.measure = m.measure AND c.period BETWEEN r.lo AND r.hi) AS list
    FROM r CROSS JOIN m`,

  // The same, each code once: for ranges of many days, whose codes repeat day after day.
  countsByCode: `${RANGES}
    SELECT r.key, r.sign, m.measure,
      (SELECT json_array(json_group_array(code), json_group_array(n)) FROM (
         SELECT c.code, sum(c.n) AS n FROM report_counts AS c
         WHERE c.measure = m.measure AND c.period BETWEEN r.lo AND r.hi GROUP BY c.code)) AS list
    FROM r CROSS JOIN m`,

  state: `SELECT m.value AS measure,
      (SELECT json_array(json_group_array(c.code), json_group_array(c.n)) FROM report_counts AS c
       WHERE c.measure = m.value AND c.period = '') AS list
    FROM json_each(:measures) AS m`,

  // Follow-ups still scheduled and due in each stretch of days [lo, hi) (one search of the index each).
  scheduledBetween: `WITH d (i, lo, hi) AS MATERIALIZED (SELECT key, value ->> 0, value ->> 1 FROM json_each(?))
    SELECT (SELECT count(*) FROM followups AS f INDEXED BY followups_status_due WHERE f.status = 'scheduled' AND f.due_on >= d.lo AND f.due_on < d.hi)
    FROM d ORDER BY d.i`,

  // The nightly run's lists: ids and case numbers only; overdue as store/followups.ts overdueCondition says. The
  // list finds the ids as the count does (the settled index for those done late): searched
  // beside the case join, the planner reads every follow-up ever done through the due index.
  overdueCount: `SELECT count(*) AS n FROM followups AS f WHERE ${OVERDUE.sql}`,
  overdueList: `SELECT f.id, c.case_number AS caseNumber, f.due_on AS dueOn, f.worker_id AS workerId,
      w.first_name || ' ' || w.last_name AS workerName
    FROM followups AS f CROSS JOIN cases AS c LEFT JOIN staff AS w ON w.id = f.worker_id
    WHERE f.id IN (SELECT o.id FROM followups AS o WHERE ${OVERDUE_IDS.sql}) AND c.id = f.case_id ORDER BY f.due_on, f.id LIMIT ?`,
  unassignedCount: `SELECT count(*) AS n FROM cases WHERE worker_id IS NULL AND status = 'open'`,
  unassignedList: `SELECT id, case_number AS caseNumber, opened_on AS openedOn, risk FROM cases INDEXED BY cases_worker
    WHERE worker_id IS NULL AND status = 'open'
    ORDER BY CASE risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, opened_on, id LIMIT ?`,
} as const;

/**
 * The counts of the given measures over each range (the caller adds them up, by key,
 * with their sign). `byCode`: summed code by code first, for ranges of many days.
 */
export function selectCounts(db: ReadableDB, ranges: readonly CountRange[], measures: readonly string[], byCode = false): CountList[] {
  if (ranges.length === 0 || measures.length === 0) return [];
  const rows = db
    .stmt(byCode ? SQL.countsByCode : SQL.counts)
    .raw()
    .all({
      ranges: JSON.stringify(ranges.map((r) => [r.key, r.from, r.to, r.sign])),
      measures: JSON.stringify(measures),
    }) as [number, 1 | -1, string, string][];
  return rows.map(([key, sign, measure, list]) => {
    const [codes, counts] = JSON.parse(list) as [(string | number)[], number[]];
    return { key, sign, measure, codes, counts };
  });
}

/**
 * For each day, the follow-ups still scheduled and due before it. The days are sorted
 * and the follow-ups between two of them counted once: twelve month ends read the
 * index once, not twelve times.
 */
export function countScheduledBefore(db: ReadableDB, days: readonly string[]): number[] {
  const sorted = [...new Set(days)].sort();
  const stretches = sorted.map((day, i) => [i === 0 ? '' : sorted[i - 1], day]);
  const counts = db.stmt(SQL.scheduledBetween).pluck().all(JSON.stringify(stretches)) as number[];
  const before = new Map<string, number>();
  let total = 0;
  sorted.forEach((day, i) => before.set(day, (total += counts[i] as number)));
  return days.map((day) => before.get(day) as number);
}

/** The counts of the present state (period ''), e.g. cases open now by center. */
export function selectStateCounts(db: ReadableDB, measures: readonly string[]): CountList[] {
  const rows = db
    .stmt(SQL.state)
    .raw()
    .all({ measures: JSON.stringify(measures) }) as [string, string][];
  return rows.map(([measure, list]) => {
    const [codes, counts] = JSON.parse(list) as [(string | number)[], number[]];
    return { key: 0, sign: 1, measure, codes, counts };
  });
}

/** Every center's name, by id. */
export function selectCenterNames(db: ReadableDB): Map<number, string> {
  return namesOf(db.stmt(`SELECT json_array(json_group_array(id), json_group_array(name)) FROM centers`).pluck().get() as string);
}

/** The names of these staff members, by id (one JSON row: a row each costs more than the query). */
export function selectStaffNames(db: ReadableDB, ids: readonly number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const list = db
    .stmt(
      `SELECT json_array(json_group_array(s.id), json_group_array(s.first_name || ' ' || s.last_name))
       FROM json_each(?) AS j CROSS JOIN staff AS s WHERE s.id = j.value`,
    )
    .pluck()
    .get(JSON.stringify(ids)) as string;
  return namesOf(list);
}

function namesOf(list: string): Map<number, string> {
  const [ids, names] = JSON.parse(list) as [number[], string[]];
  return new Map(ids.map((id, i) => [id, names[i] as string]));
}

export interface OverdueFollowupRow {
  id: number;
  caseNumber: string;
  dueOn: string;
  workerId: number | null;
  /** `first last` of the worker: staff, never the client. */
  workerName: string | null;
}

/** The follow-ups overdue at a moment, oldest first: ids, case numbers and the worker's name; never a client's. */
export function selectOverdueFollowups(db: ReadableDB, at: OverdueMoment, limit: number): { total: number; rows: OverdueFollowupRow[] } {
  const { args } = overdueCondition('f', at);
  const total = (db.stmt(SQL.overdueCount).get(...args) as { n: number }).n;
  const rows = db.stmt(SQL.overdueList).all(...args, limit) as OverdueFollowupRow[];
  return { total, rows };
}

export interface UnassignedCaseRow {
  id: number;
  caseNumber: string;
  openedOn: string;
  risk: string;
}

/** Open cases with nobody assigned, riskiest and oldest first. */
export function selectUnassignedOpenCases(db: ReadableDB, limit: number): { total: number; rows: UnassignedCaseRow[] } {
  const total = (db.stmt(SQL.unassignedCount).get() as { n: number }).n;
  const rows = db.stmt(SQL.unassignedList).all(limit) as UnassignedCaseRow[];
  return { total, rows };
}

export interface QueryPlan {
  name: string;
  plan: string[];
}

/** The plan of every report query for one period (the benchmark prints these; tests check that nothing scans a table). */
export function explainReportQueries(db: ReadableDB, range: { from: string; to: string }): QueryPlan[] {
  // A period as the reports read it: its days and whole Jalali months.
  const ranges = JSON.stringify([
    [0, range.from, range.to, 1],
    [0, 140501, 140512, 1],
    [1, -1405, -1405, 1],
    [1, 140510, 140512, -1],
  ]);
  const measures = JSON.stringify(['type', 'opened-worker', 'close-days', 'followup', 'clients']);
  const args: Record<keyof typeof SQL, unknown[]> = {
    counts: [{ ranges, measures }],
    countsByCode: [{ ranges, measures }],
    state: [{ measures }],
    scheduledBetween: [JSON.stringify([[range.from, range.to]])],
    overdueCount: overdueCondition('f', { dueBefore: range.to, settledThrough: range.to }).args,
    overdueList: [...overdueCondition('f', { dueBefore: range.to, settledThrough: range.to }).args, 10],
    unassignedCount: [],
    unassignedList: [10],
  };
  return (Object.keys(SQL) as (keyof typeof SQL)[]).map((name) => ({ name, plan: explain(db, SQL[name], args[name]) }));
}

function explain(db: ReadableDB, sql: string, args: unknown[]): string[] {
  return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}
