import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface FollowupRow {
  id: number;
  caseId: number;
  caseNumber: string;
  dueOn: string;
  workerId: number | null;
  /** `first last` of the worker, read with the follow-up. */
  workerName: string | null;
  status: 'scheduled' | 'done' | 'missed' | 'cancelled';
  doneOn: string | null;
  outcome: string | null;
  note: string | null;
  fromPlan: boolean;
  risk: string;
  createdAt: string;
  updatedAt: string;
}

export interface FollowupWrite {
  caseId: number;
  dueOn: string;
  workerId: number | null;
  note: string | null;
  fromPlan: boolean;
}

const COLUMNS = `f.id, f.case_id AS caseId, c.case_number AS caseNumber, f.due_on AS dueOn, f.worker_id AS workerId,
  w.first_name || ' ' || w.last_name AS workerName, f.status,
  f.done_on AS doneOn, f.outcome, f.note, f.from_plan AS fromPlan, c.risk, f.created_at AS createdAt, f.updated_at AS updatedAt`;

/** The case and the worker by primary key: a list still reads follow-ups in its own index order. */
const FROM = `followups f JOIN cases c ON c.id = f.case_id LEFT JOIN staff w ON w.id = f.worker_id`;

type RawFollowup = Omit<FollowupRow, 'fromPlan'> & { fromPlan: number };
const toRow = (r: RawFollowup): FollowupRow => ({ ...r, fromPlan: r.fromPlan === 1 });

export function insertFollowup(db: WritableDB, f: FollowupWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO followups (case_id, due_on, worker_id, status, note, from_plan, created_at, updated_at)
         VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?)`,
      )
      .run(f.caseId, f.dueOn, f.workerId, f.note, f.fromPlan ? 1 : 0, at, at).lastInsertRowid,
  );
}

export function selectFollowup(db: ReadableDB, id: number): FollowupRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = ?`).get(id) as RawFollowup | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function updateFollowupStatus(
  db: WritableDB,
  id: number,
  status: 'done' | 'missed' | 'cancelled',
  doneOn: string | null,
  outcome: string | null,
  at: string,
): void {
  db.stmt(`UPDATE followups SET status = ?, done_on = ?, outcome = ?, updated_at = ? WHERE id = ?`).run(status, doneOn, outcome, at, id);
}

export function updateFollowupDue(db: WritableDB, id: number, dueOn: string, at: string): void {
  db.stmt(`UPDATE followups SET due_on = ?, updated_at = ? WHERE id = ? AND status = 'scheduled'`).run(dueOn, at, id);
}

/**
 * The moment an overdue figure is taken at: src/domain/overdue.ts overdueMoment makes
 * it (and says what it means); every list, caseload and report takes one from there.
 */
export interface OverdueMoment {
  /** Due before this day: the due day had ended by the moment. */
  dueBefore: string;
  /** Done or missed on or before this day: no longer overdue at the moment. */
  settledThrough: string;
}

/**
 * The one SQL condition "overdue at a moment" over the follow-ups aliased `f`, with its
 * arguments: due before the moment's day and, at the moment, still scheduled (scheduled
 * now, or done or missed only after it; a cancellation has no date and counts as always
 * settled). Two terms, each a search of followups_status_due. The report counts keep the
 * same condition per day (measures `followup` and `overdue-until`, migration 4), read by
 * src/domain/reports/tally.ts for state figures of past periods without reading this table.
 */
export function overdueCondition(f: string, at: OverdueMoment): { sql: string; args: string[] } {
  return {
    sql: `((${f}.status = 'scheduled' AND ${f}.due_on < ?) OR (${f}.status IN ('done', 'missed') AND ${f}.due_on < ? AND ${f}.done_on > ?))`,
    args: [at.dueBefore, at.dueBefore, at.settledThrough],
  };
}

export interface FollowupFilter {
  caseId?: number;
  workerId?: number;
  status?: string;
  /** Overdue at this moment. */
  overdueAt?: OverdueMoment;
  dueBefore?: string;
  dueFrom?: string;
  limit: number;
}

/** Most urgent first: earliest due, then the riskiest case. */
export function selectFollowups(db: ReadableDB, f: FollowupFilter): FollowupRow[] {
  const c = new Conditions();
  c.when('f.case_id = ?', f.caseId);
  c.when('f.worker_id = ?', f.workerId);
  c.when('f.status = ?', f.status);
  if (f.overdueAt !== undefined) {
    const overdue = overdueCondition('f', f.overdueAt);
    c.add(overdue.sql, ...overdue.args);
  }
  c.when('f.due_on < ?', f.dueBefore);
  c.when('f.due_on >= ?', f.dueFrom);
  const sql = `SELECT ${COLUMNS} FROM ${FROM}
    ${c.where}
    ORDER BY f.status <> 'scheduled', f.due_on, CASE c.risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f.id
    LIMIT ?`;
  return (db.stmt(sql).all(...c.args, f.limit) as RawFollowup[]).map(toRow);
}

export function countScheduledFollowups(db: ReadableDB, caseId: number): number {
  return (db.stmt(`SELECT count(*) AS n FROM followups WHERE case_id = ? AND status = 'scheduled'`).get(caseId) as { n: number }).n;
}
