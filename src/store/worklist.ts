/**
 * The SQL of a worker's day (`parvande worklist`): the follow-ups owed and the quiet
 * cases of one worker, each with the names its ids point to. Overdue is the one
 * condition of store/followups.ts; referrals and shifts are read through their own stores.
 */
import type { ReadableDB } from './database.js';
import { overdueCondition, type OverdueMoment } from './followups.js';

export interface WorkFollowupRow {
  id: number;
  caseId: number;
  caseNumber: string;
  dueOn: string;
  risk: string;
  clientId: number | null;
  /** `first last` of the case's client (null: anonymous). */
  clientName: string | null;
  centerId: number | null;
  centerName: string | null;
  note: string | null;
}

/** The case's client, center and risk beside a follow-up, joined by primary key. */
const FOLLOWUP_COLUMNS = `f.id, f.case_id AS caseId, c.case_number AS caseNumber, f.due_on AS dueOn, c.risk,
  c.client_id AS clientId, cl.first_name || ' ' || cl.last_name AS clientName, c.center_id AS centerId, ce.name AS centerName, f.note`;
const FOLLOWUP_FROM = `followups f JOIN cases c ON c.id = f.case_id LEFT JOIN clients cl ON cl.id = c.client_id
  LEFT JOIN centers ce ON ce.id = c.center_id`;

/** The order of urgency of a risk, most urgent first (as the case list's). */
const URGENCY = `CASE c.risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

/** The worker's follow-ups overdue at `at` (overdueCondition), the longest overdue first. */
export function selectWorkerOverdueFollowups(db: ReadableDB, workerId: number, at: OverdueMoment): WorkFollowupRow[] {
  const late = overdueCondition('f', at);
  return db
    .stmt(`SELECT ${FOLLOWUP_COLUMNS} FROM ${FOLLOWUP_FROM} WHERE f.worker_id = ? AND ${late.sql} ORDER BY f.due_on, ${URGENCY}, f.id`)
    .all(workerId, ...late.args) as WorkFollowupRow[];
}

/** The worker's follow-ups still scheduled for `day`, the riskiest case first. */
export function selectWorkerFollowupsDue(db: ReadableDB, workerId: number, day: string): WorkFollowupRow[] {
  return db
    .stmt(
      `SELECT ${FOLLOWUP_COLUMNS} FROM ${FOLLOWUP_FROM} WHERE f.worker_id = ? AND f.status = 'scheduled' AND f.due_on = ?
       ORDER BY ${URGENCY}, f.id`,
    )
    .all(workerId, day) as WorkFollowupRow[];
}

export interface QuietCaseRow {
  caseId: number;
  caseNumber: string;
  risk: string;
  primaryCategory: string;
  clientId: number | null;
  clientName: string | null;
  centerId: number | null;
  centerName: string | null;
  openedOn: string;
  /** The day of the last service in force (a voided one is no service); null: none yet. */
  lastServiceOn: string | null;
}

/**
 * The worker's open cases of the given risks whose last service in force (else their
 * opening) was on or before `quietSince`, the most urgent and the longest quiet first.
 */
export function selectQuietCases(db: ReadableDB, workerId: number, risks: readonly string[], quietSince: string): QuietCaseRow[] {
  return db
    .stmt(
      `SELECT * FROM (
         SELECT c.id AS caseId, c.case_number AS caseNumber, c.risk, c.primary_category AS primaryCategory,
           c.client_id AS clientId, cl.first_name || ' ' || cl.last_name AS clientName, c.center_id AS centerId, ce.name AS centerName,
           c.opened_on AS openedOn,
           (SELECT max(s.service_date) FROM services s WHERE s.case_id = c.id AND s.voided_at IS NULL) AS lastServiceOn,
           ${URGENCY} AS urgency
         FROM cases c LEFT JOIN clients cl ON cl.id = c.client_id LEFT JOIN centers ce ON ce.id = c.center_id
         WHERE c.worker_id = ? AND c.status = 'open' AND c.risk IN (SELECT value FROM json_each(?)))
       WHERE coalesce(lastServiceOn, openedOn) <= ?
       ORDER BY urgency, coalesce(lastServiceOn, openedOn), caseId`,
    )
    .all(workerId, JSON.stringify(risks), quietSince)
    .map((r) => {
      const { urgency: _, ...row } = r as QuietCaseRow & { urgency: number };
      return row;
    });
}

/** The client of each case, by id: the names beside the referrals of a worklist. */
export function selectCaseClients(
  db: ReadableDB,
  caseIds: readonly number[],
): Map<number, { clientId: number | null; clientName: string | null }> {
  const rows = db
    .stmt(
      `SELECT c.id, c.client_id AS clientId, cl.first_name || ' ' || cl.last_name AS clientName
       FROM cases c LEFT JOIN clients cl ON cl.id = c.client_id WHERE c.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(caseIds)) as { id: number; clientId: number | null; clientName: string | null }[];
  return new Map(rows.map((r) => [r.id, { clientId: r.clientId, clientName: r.clientName }]));
}
