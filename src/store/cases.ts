import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface CaseRow {
  id: number;
  caseNumber: string;
  clientId: number | null;
  /** Read with the case, like the other names: `first last` (null: anonymous). */
  clientName: string | null;
  channel: string;
  primaryCategory: string;
  categories: string[];
  risk: string;
  centerId: number | null;
  centerName: string | null;
  workerId: number | null;
  /** `first last` of the worker. */
  workerName: string | null;
  openedOn: string;
  status: 'open' | 'closed';
  closedOn: string | null;
  closeReason: string | null;
  reopenCount: number;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseWrite {
  caseNumber: string;
  year: number;
  seq: number;
  clientId: number | null;
  channel: string;
  primaryCategory: string;
  risk: string;
  centerId: number | null;
  workerId: number | null;
  openedOn: string;
  summary: string | null;
}

const COLUMNS = `c.id, c.case_number AS caseNumber, c.client_id AS clientId, cl.first_name || ' ' || cl.last_name AS clientName,
  c.channel, c.primary_category AS primaryCategory,
  (SELECT group_concat(category, ',') FROM (SELECT category FROM case_categories WHERE case_id = c.id ORDER BY is_primary DESC, category)) AS categoryList,
  c.risk, c.center_id AS centerId, ce.name AS centerName,
  c.worker_id AS workerId, w.first_name || ' ' || w.last_name AS workerName, c.opened_on AS openedOn, c.status, c.closed_on AS closedOn,
  c.close_reason AS closeReason, c.reopen_count AS reopenCount, c.summary, c.created_at AS createdAt, c.updated_at AS updatedAt`;

/** The case with the names it points to, joined by primary key: a list reads cases in its own index order still. */
const FROM = `cases c LEFT JOIN clients cl ON cl.id = c.client_id LEFT JOIN centers ce ON ce.id = c.center_id
  LEFT JOIN staff w ON w.id = c.worker_id`;

type RawCase = Omit<CaseRow, 'categories'> & { categoryList: string | null };
const toRow = ({ categoryList, ...r }: RawCase): CaseRow => ({ ...r, categories: categoryList ? categoryList.split(',') : [] });

export function nextCaseSeq(db: ReadableDB, year: number): number {
  return (db.stmt(`SELECT coalesce(max(seq), 0) + 1 AS n FROM cases WHERE year = ?`).get(year) as { n: number }).n;
}

export function insertCase(db: WritableDB, c: CaseWrite, categories: string[], at: string): number {
  const id = Number(
    db
      .stmt(
        `INSERT INTO cases (case_number, year, seq, client_id, channel, primary_category, risk, center_id, worker_id, opened_on,
          status, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        c.caseNumber,
        c.year,
        c.seq,
        c.clientId,
        c.channel,
        c.primaryCategory,
        c.risk,
        c.centerId,
        c.workerId,
        c.openedOn,
        c.summary,
        at,
        at,
      ).lastInsertRowid,
  );
  const addCategory = db.stmt(`INSERT INTO case_categories (case_id, category, is_primary) VALUES (?, ?, ?)`);
  for (const cat of categories) addCategory.run(id, cat, cat === c.primaryCategory ? 1 : 0);
  return id;
}

export function selectCase(db: ReadableDB, id: number): CaseRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ?`).get(id) as RawCase | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function selectCaseByNumber(db: ReadableDB, caseNumber: string): CaseRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE c.case_number = ?`).get(caseNumber) as RawCase | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function updateCaseWorker(db: WritableDB, id: number, workerId: number | null, at: string): void {
  db.stmt(`UPDATE cases SET worker_id = ?, updated_at = ? WHERE id = ?`).run(workerId, at, id);
}

export function updateCaseClosed(db: WritableDB, id: number, closedOn: string, reason: string, at: string): void {
  db.stmt(`UPDATE cases SET status = 'closed', closed_on = ?, close_reason = ?, updated_at = ? WHERE id = ?`).run(closedOn, reason, at, id);
}

export function updateCaseReopened(db: WritableDB, id: number, at: string): void {
  db.stmt(
    `UPDATE cases SET status = 'open', closed_on = NULL, close_reason = NULL, reopen_count = reopen_count + 1, updated_at = ? WHERE id = ?`,
  ).run(at, id);
}

export interface CaseFilter {
  status?: string;
  workerId?: number;
  unassigned?: boolean;
  category?: string;
  risk?: string;
  channel?: string;
  centerId?: number;
  clientId?: number;
  openedFrom?: string;
  openedTo?: string;
  limit: number;
}

/**
 * The urgency order of a risk. It must stay the same text as in the index
 * cases_urgency (001-core.ts), so that the default list reads the index in order
 * instead of sorting every open case.
 */
const URGENCY = `CASE c.risk WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END`;

/** Most urgent first: open before closed ('open' > 'closed'), then risk, then the oldest opening. */
export function selectCases(db: ReadableDB, f: CaseFilter): CaseRow[] {
  const c = new Conditions().when('c.status = ?', f.status).when('c.worker_id = ?', f.workerId);
  if (f.unassigned === true) c.add('c.worker_id IS NULL');
  c.when('c.id IN (SELECT case_id FROM case_categories WHERE category = ?)', f.category);
  c.when('c.risk = ?', f.risk);
  c.when('c.channel = ?', f.channel);
  c.when('c.center_id = ?', f.centerId);
  c.when('c.client_id = ?', f.clientId);
  c.when('c.opened_on >= ?', f.openedFrom);
  c.when('c.opened_on <= ?', f.openedTo);
  const sql = `SELECT ${COLUMNS} FROM ${FROM} ${c.where}
    ORDER BY c.status DESC, ${URGENCY}, c.opened_on, c.id LIMIT ?`;
  return (db.stmt(sql).all(...c.args, f.limit) as RawCase[]).map(toRow);
}

export interface CaseEventRow {
  id: number;
  caseId: number;
  kind: string;
  onDate: string;
  at: string;
  actor: string;
  workerId: number | null;
  /** `first last` of the worker assigned (read, never written). */
  workerName: string | null;
  reason: string | null;
  text: string | null;
  serviceId: number | null;
  followupId: number | null;
}

export type CaseEventWrite = Omit<CaseEventRow, 'id' | 'workerName'>;
/** A timeline entry exactly as the table holds it, its id included (the demo's bulk load, an office moved). */
export type CaseEventStored = Omit<CaseEventRow, 'workerName'>;

export function insertCaseEvent(db: WritableDB, e: CaseEventWrite): number {
  return Number(
    db
      .stmt(
        `INSERT INTO case_events (case_id, kind, on_date, at, actor, worker_id, reason, text, service_id, followup_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.caseId, e.kind, e.onDate, e.at, e.actor, e.workerId, e.reason, e.text, e.serviceId, e.followupId).lastInsertRowid,
  );
}

export function selectCaseEvents(db: ReadableDB, caseId: number): CaseEventRow[] {
  return db
    .stmt(
      `SELECT e.id, e.case_id AS caseId, e.kind, e.on_date AS onDate, e.at, e.actor, e.worker_id AS workerId,
        w.first_name || ' ' || w.last_name AS workerName, e.reason, e.text, e.service_id AS serviceId, e.followup_id AS followupId
       FROM case_events e LEFT JOIN staff w ON w.id = e.worker_id WHERE e.case_id = ? ORDER BY e.on_date, e.id`,
    )
    .all(caseId) as CaseEventRow[];
}

/** The last date on which the case was closed or reopened: nothing may be dated before it. */
export function selectLastStatusChange(db: ReadableDB, caseId: number): string | undefined {
  const r = db.stmt(`SELECT max(on_date) AS d FROM case_events WHERE case_id = ? AND kind IN ('closed', 'reopened')`).get(caseId) as {
    d: string | null;
  };
  return r.d ?? undefined;
}

/** The values `case update` may correct; the case number, status and worker stay. */
export interface CaseCorrection {
  clientId: number | null;
  channel: string;
  primaryCategory: string;
  risk: string;
  centerId: number | null;
  openedOn: string;
  summary: string | null;
}

export function updateCaseCorrection(db: WritableDB, id: number, c: CaseCorrection, at: string): void {
  db.stmt(
    `UPDATE cases SET client_id = ?, channel = ?, primary_category = ?, risk = ?, center_id = ?, opened_on = ?, summary = ?, updated_at = ?
     WHERE id = ?`,
  ).run(c.clientId, c.channel, c.primaryCategory, c.risk, c.centerId, c.openedOn, c.summary, at, id);
}

/** Replaces a case's problems (the primary first); only the rows that differ are written, so the report counts move once. */
export function replaceCaseCategories(db: WritableDB, caseId: number, primary: string, categories: readonly string[]): void {
  const keep = new Set(categories);
  const current = db.stmt(`SELECT category, is_primary AS isPrimary FROM case_categories WHERE case_id = ?`).all(caseId) as {
    category: string;
    isPrimary: number;
  }[];
  const remove = db.stmt(`DELETE FROM case_categories WHERE case_id = ? AND category = ?`);
  const mark = db.stmt(`UPDATE case_categories SET is_primary = ? WHERE case_id = ? AND category = ?`);
  for (const row of current) {
    if (!keep.has(row.category)) remove.run(caseId, row.category);
    else if ((row.category === primary ? 1 : 0) !== row.isPrimary) mark.run(row.category === primary ? 1 : 0, caseId, row.category);
  }
  const had = new Set(current.map((r) => r.category));
  const add = db.stmt(`INSERT INTO case_categories (case_id, category, is_primary) VALUES (?, ?, ?)`);
  for (const cat of categories) if (!had.has(cat)) add.run(caseId, cat, cat === primary ? 1 : 0);
}

/** The first and last day of the services in force on a case (undefined: none); a voided one bounds nothing. */
export function selectCaseServiceDays(db: ReadableDB, caseId: number): { first: string; last: string } | undefined {
  const r = db
    .stmt(`SELECT min(service_date) AS first, max(service_date) AS last FROM services WHERE case_id = ? AND voided_at IS NULL`)
    .get(caseId) as {
    first: string | null;
    last: string | null;
  };
  return r.first === null || r.last === null ? undefined : { first: r.first, last: r.last };
}

/**
 * The timeline's opening entries: the `opened` event and the assignment written with it
 * (the next id, on the same day). They carry the opening date and move with it.
 */
const OPENING_EVENTS = `case_id = ? AND (kind = 'opened' OR (kind = 'assigned' AND on_date = ?
  AND id = (SELECT min(id) + 1 FROM case_events WHERE case_id = ? AND kind = 'opened')))`;

/** The earliest date of a timeline entry other than the opening's own, by kind group. */
export function selectEarliestEvents(db: ReadableDB, caseId: number, openedOn: string): { closing: string | null; other: string | null } {
  return db
    .stmt(
      `SELECT min(CASE WHEN kind IN ('closed', 'reopened') THEN on_date END) AS closing,
        min(CASE WHEN kind IN ('assigned', 'note', 'service', 'follow-up', 'referral') THEN on_date END) AS other
       FROM case_events WHERE case_id = ? AND NOT (${OPENING_EVENTS})`,
    )
    .get(caseId, caseId, openedOn, caseId) as { closing: string | null; other: string | null };
}

export function moveOpeningEvents(db: WritableDB, caseId: number, openedOn: string, newDate: string): void {
  db.stmt(`UPDATE case_events SET on_date = ? WHERE ${OPENING_EVENTS}`).run(newDate, caseId, openedOn, caseId);
}
