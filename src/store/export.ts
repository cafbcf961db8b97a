/**
 * SQL of export: every stored record of a kind, streamed in id order (never
 * all in memory), optionally within a date range. Exports run inside one read
 * transaction so the file is one consistent snapshot.
 */
import type { CenterRow } from './centers.js';
import type { ClientRow } from './clients.js';
import type { ReadableDB } from './database.js';
import type { ServiceRow } from './services.js';
import { translateSqliteError } from './database.js';
import { Conditions } from './conditions.js';

export interface Range {
  from?: string;
  to?: string;
}

/** Records whose `column` (an ISO date) lies within the range, both ends included. */
const within = (column: string, r: Range): Conditions => new Conditions().when(`${column} >= ?`, r.from).when(`${column} <= ?`, r.to);

/** Runs fn inside one deferred read transaction; fn may await (the snapshot holds until it ends). */
export async function inSnapshot<T>(db: ReadableDB, fn: () => Promise<T>): Promise<T> {
  // Already inside one (export office: one snapshot for every file of the folder).
  if (db.sqlite.inTransaction) return fn();
  try {
    db.stmt('BEGIN').run();
  } catch (err) {
    throw translateSqliteError(err, db.path);
  }
  try {
    return await fn();
  } finally {
    if (db.sqlite.inTransaction) db.stmt('COMMIT').run();
  }
}

/** A client as stored, its yes/no flags as SQLite keeps them (0 or 1). */
export type ClientExportRow = Omit<ClientRow, 'informalSettlement' | 'womanHead' | 'createdAt' | 'updatedAt'> & {
  informalSettlement: number;
  womanHead: number;
  /** The record kept, for a client merged into another (client merge); null for a record in use. */
  mergedInto: number | null;
};

export function iterateClients(db: ReadableDB, r: Range): IterableIterator<ClientExportRow> {
  const w = within('registered_on', r);
  return db
    .stmt(
      `SELECT id, first_name AS firstName, last_name AS lastName, national_code AS nationalCode, birth_date AS birthDate, sex,
         mobile, address, county, informal_settlement AS informalSettlement, woman_head AS womanHead, notes,
         registered_on AS registeredOn, merged_into AS mergedInto FROM clients ${w.where} ORDER BY id`,
    )
    .iterate(...w.args) as IterableIterator<ClientExportRow>;
}

export type CenterExportRow = Omit<CenterRow, 'createdAt' | 'updatedAt'>;

export function iterateCenters(db: ReadableDB): IterableIterator<CenterExportRow> {
  return db.stmt(`SELECT id, name, kind, sector, capacity, county FROM centers ORDER BY id`).iterate() as IterableIterator<CenterExportRow>;
}

export interface CaseExportRow {
  id: number;
  caseNumber: string;
  clientId: number | null;
  channel: string;
  primaryCategory: string;
  further: string | null;
  risk: string;
  centerId: number | null;
  workerId: number | null;
  openedOn: string;
  status: string;
  closedOn: string | null;
  closeReason: string | null;
  reopenCount: number;
  summary: string | null;
}

export function iterateCases(db: ReadableDB, r: Range): IterableIterator<CaseExportRow> {
  const w = within('c.opened_on', r);
  return db
    .stmt(
      `SELECT c.id, c.case_number AS caseNumber, c.client_id AS clientId, c.channel, c.primary_category AS primaryCategory,
         (SELECT group_concat(category, ',') FROM (SELECT category FROM case_categories WHERE case_id = c.id AND is_primary = 0 ORDER BY category)) AS further,
         c.risk, c.center_id AS centerId, c.worker_id AS workerId, c.opened_on AS openedOn, c.status, c.closed_on AS closedOn,
         c.close_reason AS closeReason, c.reopen_count AS reopenCount, c.summary
       FROM cases c ${w.where} ORDER BY c.id`,
    )
    .iterate(...w.args) as IterableIterator<CaseExportRow>;
}

/** A service with its case named by number (files move between offices; ids do not). */
export type ServiceExportRow = Omit<ServiceRow, 'caseId' | 'workerName' | 'createdAt'>;

export function iterateServices(db: ReadableDB, r: Range): IterableIterator<ServiceExportRow> {
  const w = within('s.service_date', r);
  return db
    .stmt(
      `SELECT s.id, c.case_number AS caseNumber, s.service_date AS serviceDate, s.type, s.channel, s.worker_id AS workerId,
         s.minutes, s.note, s.voided_at AS voidedAt, s.voided_by AS voidedBy, s.void_reason AS voidReason
         FROM services s LEFT JOIN cases c ON c.id = s.case_id ${w.where} ORDER BY s.id`,
    )
    .iterate(...w.args) as IterableIterator<ServiceExportRow>;
}

export interface FollowupExportRow {
  id: number;
  caseNumber: string;
  dueOn: string;
  workerId: number | null;
  status: string;
  doneOn: string | null;
  outcome: string | null;
  note: string | null;
  fromPlan: number;
}

export function iterateFollowups(db: ReadableDB, r: Range): IterableIterator<FollowupExportRow> {
  const w = within('f.due_on', r);
  return db
    .stmt(
      `SELECT f.id, c.case_number AS caseNumber, f.due_on AS dueOn, f.worker_id AS workerId, f.status, f.done_on AS doneOn,
         f.outcome, f.note, f.from_plan AS fromPlan FROM followups f JOIN cases c ON c.id = f.case_id ${w.where} ORDER BY f.id`,
    )
    .iterate(...w.args) as IterableIterator<FollowupExportRow>;
}
