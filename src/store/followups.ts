import type { Db } from './database.js';
import { Conditions } from './conditions.js';

export interface FollowupRow {
  id: number;
  caseId: number;
  caseNumber: string;
  dueOn: string;
  workerId: number | null;
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

const COLUMNS = `f.id, f.case_id AS caseId, c.case_number AS caseNumber, f.due_on AS dueOn, f.worker_id AS workerId, f.status,
  f.done_on AS doneOn, f.outcome, f.note, f.from_plan AS fromPlan, c.risk, f.created_at AS createdAt, f.updated_at AS updatedAt`;

type RawFollowup = Omit<FollowupRow, 'fromPlan'> & { fromPlan: number };
const toRow = (r: RawFollowup): FollowupRow => ({ ...r, fromPlan: r.fromPlan === 1 });

export function insertFollowup(db: Db, f: FollowupWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO followups (case_id, due_on, worker_id, status, note, from_plan, created_at, updated_at)
         VALUES (?, ?, ?, 'scheduled', ?, ?, ?, ?)`,
      )
      .run(f.caseId, f.dueOn, f.workerId, f.note, f.fromPlan ? 1 : 0, at, at).lastInsertRowid,
  );
}

export function selectFollowup(db: Db, id: number): FollowupRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM followups f JOIN cases c ON c.id = f.case_id WHERE f.id = ?`).get(id) as
    | RawFollowup
    | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function updateFollowupStatus(
  db: Db,
  id: number,
  status: 'done' | 'missed' | 'cancelled',
  doneOn: string | null,
  outcome: string | null,
  at: string,
): void {
  db.stmt(`UPDATE followups SET status = ?, done_on = ?, outcome = ?, updated_at = ? WHERE id = ?`).run(status, doneOn, outcome, at, id);
}

export interface FollowupFilter {
  caseId?: number;
  workerId?: number;
  status?: string;
  /** Scheduled and due before this date. */
  overdueOn?: string;
  dueBefore?: string;
  dueFrom?: string;
  limit: number;
}

/** Most urgent first: earliest due, then the riskiest case. */
export function selectFollowups(db: Db, f: FollowupFilter): FollowupRow[] {
  const c = new Conditions();
  c.when('f.case_id = ?', f.caseId);
  c.when('f.worker_id = ?', f.workerId);
  c.when('f.status = ?', f.status);
  c.when(`f.status = 'scheduled' AND f.due_on < ?`, f.overdueOn);
  c.when('f.due_on < ?', f.dueBefore);
  c.when('f.due_on >= ?', f.dueFrom);
  const sql = `SELECT ${COLUMNS} FROM followups f JOIN cases c ON c.id = f.case_id
    ${c.where}
    ORDER BY f.status <> 'scheduled', f.due_on, CASE c.risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f.id
    LIMIT ?`;
  return (db.stmt(sql).all(...c.args, f.limit) as RawFollowup[]).map(toRow);
}

export function countScheduledFollowups(db: Db, caseId: number): number {
  return (db.stmt(`SELECT count(*) AS n FROM followups WHERE case_id = ? AND status = 'scheduled'`).get(caseId) as { n: number }).n;
}
