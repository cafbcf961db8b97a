/**
 * Every SQL statement of the activity reports. Each query takes a list of
 * periods ("buckets": this month, the previous month, the year to date, or the
 * twelve months of a year) as one JSON parameter and answers all of them in one
 * pass, each bucket an index range (migration 004 adds the indexes and the
 * per-day service counts). explainReportQueries shows the plans: no query scans
 * a whole table.
 */
import type { Db } from './database.js';

export interface ReportBucket {
  /** First and last day of the period, inclusive. */
  from: string;
  to: string;
  /** Cases are counted as open at the end of this day. */
  asOf: string;
  /** Follow-ups due before this day and not finished before it are overdue. */
  before: string;
}

export type ServiceDimension = 'type' | 'channel' | 'category' | 'any-category';

export interface ServiceCountRow { bucket: number; dimension: ServiceDimension; code: string; n: number }
export interface CaseGroupRow { bucket: number; centerId: number | null; workerId: number | null; n: number }
export interface ClosingRow { bucket: number; reason: string | null; days: number; n: number }
export interface BucketCountRow { bucket: number; n: number }
/** Per registration day: the latest birth dates at which a person is 18, and 60, on that day. */
export interface AgeCutoffs { day: string; adultBornBy: string; elderlyBornBy: string }

const json = (buckets: readonly ReportBucket[]): string => JSON.stringify(buckets);

// Buckets drive every query from the left (CROSS JOIN keeps that order), so each
// bucket is one index range on the right.
const SQL = {
  services: `SELECT b.key AS bucket, d.dimension, d.code, sum(d.n) AS n
    FROM json_each(?) AS b CROSS JOIN report_service_days AS d
    WHERE d.day BETWEEN b.value ->> 'from' AND b.value ->> 'to'
    GROUP BY b.key, d.dimension, d.code`,

  // The (center, worker) pair of every case opened, as one number each (center × 2³² + worker,
  // 0 for none) in a JSON list that the caller counts: a GROUP BY would sort every row first,
  // which costs several times more over a year.
  opened: `SELECT b.key AS bucket,
      (SELECT json_group_array(coalesce(c.center_id, 0) * 4294967296 + coalesce(c.worker_id, 0))
       FROM cases AS c INDEXED BY cases_report_opened
       WHERE c.opened_on BETWEEN b.value ->> 'from' AND b.value ->> 'to') AS pairs
    FROM json_each(?) AS b`,

  // A case's last closing is on the case row; the closings before it (the case
  // was reopened afterwards) are in its timeline. Together: every closing.
  closings: `SELECT b.key AS bucket,
      (SELECT json_array(json_group_array(coalesce(c.close_reason, 'other')), json_group_array(CAST(julianday(c.closed_on) - julianday(c.opened_on) AS INTEGER)))
       FROM cases AS c INDEXED BY cases_report_closed
       WHERE c.closed_on BETWEEN b.value ->> 'from' AND b.value ->> 'to') AS lists
    FROM json_each(?) AS b`,

  earlierClosings: `SELECT x.bucket, e.reason, CAST(julianday(e.on_date) - julianday(c.opened_on) AS INTEGER) AS days, count(*) AS n
    FROM (
      SELECT b.key AS bucket, b.value ->> 'from' AS f, b.value ->> 'to' AS t, r.case_id AS caseId
      FROM json_each(?) AS b CROSS JOIN case_events AS r INDEXED BY case_events_kind_date
      WHERE r.kind = 'reopened' AND r.on_date >= b.value ->> 'from'
      GROUP BY b.key, r.case_id
    ) AS x
    CROSS JOIN case_events AS e INDEXED BY case_events_case
    CROSS JOIN cases AS c
    WHERE e.case_id = x.caseId AND c.id = x.caseId AND e.kind = 'closed' AND e.on_date BETWEEN x.f AND x.t
      AND EXISTS (SELECT 1 FROM case_events AS r2 INDEXED BY case_events_case
        WHERE r2.case_id = e.case_id AND r2.kind = 'reopened' AND (r2.on_date > e.on_date OR (r2.on_date = e.on_date AND r2.id > e.id)))
    GROUP BY x.bucket, e.reason, days`,

  // Scalar subqueries per bucket stream through an index range (see `opened`).
  reopened: `SELECT b.key AS bucket,
      (SELECT count(*) FROM case_events AS e INDEXED BY case_events_kind_date
       WHERE e.kind = 'reopened' AND e.on_date BETWEEN b.value ->> 'from' AND b.value ->> 'to') AS n
    FROM json_each(?) AS b`,

  // Open at the end of day asOf = open now, less those opened after asOf, plus
  // those closed (for the last time) after asOf but opened by then ...
  openNow: `SELECT c.center_id AS centerId, c.worker_id AS workerId, count(*) AS n
    FROM cases AS c INDEXED BY cases_report_caseload WHERE c.status = 'open'
    GROUP BY c.center_id, c.worker_id`,

  openedLater: `SELECT b.key AS bucket, c.center_id AS centerId, c.worker_id AS workerId, count(*) AS n
    FROM json_each(?) AS b CROSS JOIN cases AS c INDEXED BY cases_report_opened
    WHERE c.opened_on > b.value ->> 'asOf' AND c.status = 'open'
    GROUP BY b.key, c.center_id, c.worker_id`,

  closedLater: `SELECT b.key AS bucket, c.center_id AS centerId, c.worker_id AS workerId, count(*) AS n
    FROM json_each(?) AS b CROSS JOIN cases AS c INDEXED BY cases_report_closed
    WHERE c.closed_on > b.value ->> 'asOf' AND c.opened_on <= b.value ->> 'asOf'
    GROUP BY b.key, c.center_id, c.worker_id`,

  // ... less the cases closed by asOf and reopened only after it.
  closedThenReopened: `SELECT x.bucket, c.center_id AS centerId, c.worker_id AS workerId, count(*) AS n
    FROM (
      SELECT b.key AS bucket, b.value ->> 'asOf' AS asOf, r.case_id AS caseId
      FROM json_each(?) AS b CROSS JOIN case_events AS r INDEXED BY case_events_kind_date
      WHERE r.kind = 'reopened' AND r.on_date > b.value ->> 'asOf'
      GROUP BY b.key, r.case_id
    ) AS x CROSS JOIN cases AS c
    WHERE c.id = x.caseId
      AND (SELECT e.kind FROM case_events AS e INDEXED BY case_events_case
           WHERE e.case_id = x.caseId AND e.kind IN ('closed', 'reopened') AND e.on_date <= x.asOf
           ORDER BY e.on_date DESC, e.id DESC LIMIT 1) = 'closed'
    GROUP BY x.bucket, c.center_id, c.worker_id`,

  followupsDue: `SELECT b.key AS bucket,
      (SELECT json_array(
          count(*),
          sum(f.status = 'done' AND f.done_on <= f.due_on),
          sum(f.status = 'done' AND f.done_on > f.due_on),
          sum(f.status = 'missed'),
          sum(f.status = 'scheduled'),
          sum(f.status = 'cancelled'))
       FROM followups AS f INDEXED BY followups_report_due
       WHERE f.due_on BETWEEN b.value ->> 'from' AND b.value ->> 'to') AS counts
    FROM json_each(?) AS b`,

  overdue: `SELECT b.key AS bucket,
      (SELECT count(*) FROM followups AS f INDEXED BY followups_status_due
       WHERE f.status = 'scheduled' AND f.due_on < b.value ->> 'before')
      + (SELECT count(*) FROM followups AS f INDEXED BY followups_report_done
         WHERE f.done_on >= b.value ->> 'before' AND f.due_on < b.value ->> 'before' AND f.status IN ('done', 'missed')) AS n
    FROM json_each(?) AS b`,

  // The age cut-offs depend on the day of registration (Jalali birthdays): one
  // row per day, materialised once so that no JSON is parsed per client.
  clients: `WITH d (day, adultBornBy, elderlyBornBy) AS MATERIALIZED (
      SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(:days))
    SELECT b.key AS bucket,
      (SELECT json_array(
          count(*),
          sum(c.sex = 'female'),
          sum(c.sex = 'male'),
          sum(c.birth_date <= c.registered_on AND c.birth_date > d.adultBornBy),
          sum(c.birth_date <= c.registered_on AND c.birth_date <= d.adultBornBy AND c.birth_date > d.elderlyBornBy),
          sum(c.birth_date <= c.registered_on AND c.birth_date <= d.elderlyBornBy),
          sum(c.informal_settlement),
          sum(c.woman_head))
       FROM d CROSS JOIN clients AS c INDEXED BY clients_report
       WHERE d.day BETWEEN b.value ->> 'from' AND b.value ->> 'to' AND c.registered_on = d.day) AS counts
    FROM json_each(:buckets) AS b`,
} as const;

export function countServices(db: Db, buckets: readonly ReportBucket[]): ServiceCountRow[] {
  return db.stmt(SQL.services).all(json(buckets)) as ServiceCountRow[];
}

export function countCasesOpened(db: Db, buckets: readonly ReportBucket[]): CaseGroupRow[] {
  const rows: CaseGroupRow[] = [];
  for (const r of db.stmt(SQL.opened).all(json(buckets)) as { bucket: number; pairs: string }[]) {
    const counts = new Map<number, number>();
    for (const pair of JSON.parse(r.pairs) as number[]) counts.set(pair, (counts.get(pair) ?? 0) + 1);
    for (const [pair, n] of counts) {
      const centerId = Math.floor(pair / PAIR);
      const workerId = pair % PAIR;
      rows.push({ bucket: r.bucket, centerId: centerId === 0 ? null : centerId, workerId: workerId === 0 ? null : workerId, n });
    }
  }
  return rows;
}

const PAIR = 4294967296;

/** Every closing in each period by reason and by days from opening (a case closed, reopened and closed again counts twice). */
export function countClosings(db: Db, buckets: readonly ReportBucket[]): ClosingRow[] {
  const b = json(buckets);
  const rows: ClosingRow[] = [];
  for (const r of db.stmt(SQL.closings).all(b) as { bucket: number; lists: string }[]) {
    const [reasons, days] = JSON.parse(r.lists) as [string[], number[]];
    const counts = new Map<string, number>();
    reasons.forEach((reason, i) => {
      const key = `${reason}\u0000${days[i] ?? 0}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    for (const [key, n] of counts) {
      const [reason = '', d = '0'] = key.split('\u0000');
      rows.push({ bucket: r.bucket, reason, days: Number(d), n });
    }
  }
  rows.push(...(db.stmt(SQL.earlierClosings).all(b) as ClosingRow[]));
  return rows;
}

export function countReopened(db: Db, buckets: readonly ReportBucket[]): BucketCountRow[] {
  return db.stmt(SQL.reopened).all(json(buckets)) as BucketCountRow[];
}

/** Cases open at the end of each bucket's asOf day, by center and worker (a group may come in several rows: sum them). */
export function countOpenCases(db: Db, buckets: readonly ReportBucket[]): CaseGroupRow[] {
  const b = json(buckets);
  const rows: CaseGroupRow[] = [];
  const now = db.stmt(SQL.openNow).all() as Omit<CaseGroupRow, 'bucket'>[];
  for (let bucket = 0; bucket < buckets.length; bucket++) for (const r of now) rows.push({ bucket, ...r });
  for (const r of db.stmt(SQL.openedLater).all(b) as CaseGroupRow[]) rows.push({ ...r, n: -r.n });
  rows.push(...(db.stmt(SQL.closedLater).all(b) as CaseGroupRow[]));
  for (const r of db.stmt(SQL.closedThenReopened).all(b) as CaseGroupRow[]) rows.push({ ...r, n: -r.n });
  return rows;
}

export interface FollowupDueCounts {
  bucket: number;
  /** Due in the period, whatever became of them (cancelled ones included). */
  all: number;
  doneOnTime: number;
  doneLate: number;
  missed: number;
  pending: number;
  cancelled: number;
}

/** Follow-ups due in each period, by what became of them (done on or before the due day is on time). */
export function countFollowupsDue(db: Db, buckets: readonly ReportBucket[]): FollowupDueCounts[] {
  return (db.stmt(SQL.followupsDue).all(json(buckets)) as { bucket: number; counts: string }[]).map((r) => {
    const [all = 0, doneOnTime = 0, doneLate = 0, missed = 0, pending = 0, cancelled = 0] = numbers(r.counts);
    return { bucket: r.bucket, all, doneOnTime, doneLate, missed, pending, cancelled };
  });
}

/** Follow-ups overdue at the start of each bucket's `before` day: due earlier, not done or missed before it, not cancelled. */
export function countOverdueFollowups(db: Db, buckets: readonly ReportBucket[]): BucketCountRow[] {
  return db.stmt(SQL.overdue).all(json(buckets)) as BucketCountRow[];
}

export interface ClientCounts {
  bucket: number;
  registered: number;
  female: number;
  male: number;
  child: number;
  adult: number;
  elderly: number;
  informalSettlement: number;
  womanHead: number;
}

/** Clients registered in each period; `cutoffs` must hold every day of every bucket. */
export function countClientsRegistered(db: Db, buckets: readonly ReportBucket[], cutoffs: readonly AgeCutoffs[]): ClientCounts[] {
  const days = JSON.stringify(cutoffs.map((c) => [c.day, c.adultBornBy, c.elderlyBornBy]));
  const rows = db.stmt(SQL.clients).all({ buckets: json(buckets), days }) as { bucket: number; counts: string }[];
  return rows.map((r) => {
    const [registered = 0, female = 0, male = 0, child = 0, adult = 0, elderly = 0, informalSettlement = 0, womanHead = 0] = numbers(r.counts);
    return { bucket: r.bucket, registered, female, male, child, adult, elderly, informalSettlement, womanHead };
  });
}

/** A JSON array of counts; SQL's sum() over no rows is null, which counts as 0. */
function numbers(text: string): number[] {
  return (JSON.parse(text) as (number | null)[]).map((n) => n ?? 0);
}

export function selectCenterNames(db: Db): { id: number; name: string }[] {
  return db.stmt(`SELECT id, name FROM centers ORDER BY id`).all() as { id: number; name: string }[];
}

export function selectStaffNames(db: Db, ids: readonly number[]): { id: number; name: string }[] {
  if (ids.length === 0) return [];
  return db
    .stmt(`SELECT s.id, s.first_name || ' ' || s.last_name AS name FROM json_each(?) AS j CROSS JOIN staff AS s WHERE s.id = j.value ORDER BY s.id`)
    .all(JSON.stringify(ids)) as { id: number; name: string }[];
}

export interface OverdueFollowupRow { id: number; caseNumber: string; dueOn: string; workerId: number | null }

/** Scheduled follow-ups due before `before`, oldest first: ids and case numbers only. */
export function selectOverdueFollowups(db: Db, before: string, limit: number): { total: number; rows: OverdueFollowupRow[] } {
  const total = (db.stmt(`SELECT count(*) AS n FROM followups WHERE status = 'scheduled' AND due_on < ?`).get(before) as { n: number }).n;
  const rows = db
    .stmt(
      `SELECT f.id, c.case_number AS caseNumber, f.due_on AS dueOn, f.worker_id AS workerId
       FROM followups AS f INDEXED BY followups_status_due CROSS JOIN cases AS c
       WHERE f.status = 'scheduled' AND f.due_on < ? AND c.id = f.case_id ORDER BY f.due_on, f.id LIMIT ?`,
    )
    .all(before, limit) as OverdueFollowupRow[];
  return { total, rows };
}

export interface UnassignedCaseRow { id: number; caseNumber: string; openedOn: string; risk: string }

/** Open cases with nobody assigned, riskiest and oldest first. */
export function selectUnassignedOpenCases(db: Db, limit: number): { total: number; rows: UnassignedCaseRow[] } {
  const total = (db.stmt(`SELECT count(*) AS n FROM cases WHERE worker_id IS NULL AND status = 'open'`).get() as { n: number }).n;
  const rows = db
    .stmt(
      `SELECT id, case_number AS caseNumber, opened_on AS openedOn, risk FROM cases INDEXED BY cases_worker
       WHERE worker_id IS NULL AND status = 'open'
       ORDER BY CASE risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, opened_on, id LIMIT ?`,
    )
    .all(limit) as UnassignedCaseRow[];
  return { total, rows };
}

export interface QueryPlan {
  name: string;
  plan: string[];
}

/** The plan of every report query for one period (the benchmark prints these; tests check that nothing scans a table). */
export function explainReportQueries(db: Db, range: { from: string; to: string }): QueryPlan[] {
  const b = json([{ from: range.from, to: range.to, asOf: range.to, before: range.to }]);
  const cutoffs = JSON.stringify([[range.from, range.from, range.from]]);
  const plans: QueryPlan[] = [];
  for (const [name, sql] of Object.entries(SQL)) {
    const args = name === 'clients' ? [{ buckets: b, days: cutoffs }] : name === 'openNow' ? [] : [b];
    plans.push({ name, plan: explain(db, sql, args) });
  }
  plans.push({ name: 'overdueList', plan: explain(db, `SELECT f.id FROM followups AS f INDEXED BY followups_status_due CROSS JOIN cases AS c WHERE f.status = 'scheduled' AND f.due_on < ? AND c.id = f.case_id ORDER BY f.due_on, f.id LIMIT 10`, [range.to]) });
  plans.push({ name: 'unassignedList', plan: explain(db, `SELECT id FROM cases INDEXED BY cases_worker WHERE worker_id IS NULL AND status = 'open' LIMIT 10`, []) });
  return plans;
}

function explain(db: Db, sql: string, args: unknown[]): string[] {
  return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}
