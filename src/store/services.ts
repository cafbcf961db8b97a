import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface ServiceRow {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  serviceDate: string;
  type: string;
  channel: string;
  workerId: number | null;
  /** `first last` of the worker, read with the service. */
  workerName: string | null;
  minutes: number | null;
  note: string | null;
  createdAt: string;
  /** Set when the service was voided (UTC), with who and why: it stays in the record and leaves every count. */
  voidedAt: string | null;
  voidedBy: string | null;
  voidReason: string | null;
}

export type ServiceWrite = Omit<ServiceRow, 'id' | 'caseNumber' | 'workerName' | 'createdAt' | 'voidedAt' | 'voidedBy' | 'voidReason'>;

const COLUMNS = `s.id, s.case_id AS caseId, c.case_number AS caseNumber, s.service_date AS serviceDate, s.type, s.channel,
  s.worker_id AS workerId, w.first_name || ' ' || w.last_name AS workerName, s.minutes, s.note, s.created_at AS createdAt,
  s.voided_at AS voidedAt, s.voided_by AS voidedBy, s.void_reason AS voidReason`;

/** The case and the worker by primary key: a list still reads services in its own index order. */
const FROM = `services s LEFT JOIN cases c ON c.id = s.case_id LEFT JOIN staff w ON w.id = s.worker_id`;

export function insertService(db: WritableDB, s: ServiceWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO services (case_id, service_date, type, channel, worker_id, minutes, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.caseId, s.serviceDate, s.type, s.channel, s.workerId, s.minutes, s.note, at).lastInsertRowid,
  );
}

export function selectService(db: ReadableDB, id: number): ServiceRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = ?`).get(id) as ServiceRow | undefined;
}

/** What a correction may change; the case and its channel stay. */
export type ServiceCorrection = Pick<ServiceRow, 'serviceDate' | 'type' | 'workerId' | 'minutes' | 'note'>;

export function updateService(db: WritableDB, id: number, s: ServiceCorrection): void {
  db.stmt(`UPDATE services SET service_date = ?, type = ?, worker_id = ?, minutes = ?, note = ? WHERE id = ?`).run(
    s.serviceDate,
    s.type,
    s.workerId,
    s.minutes,
    s.note,
    id,
  );
}

/** Marks a service void; only one not voided before (returns false otherwise). */
export function updateServiceVoided(db: WritableDB, id: number, at: string, by: string, reason: string): boolean {
  return (
    db.stmt(`UPDATE services SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ? AND voided_at IS NULL`).run(at, by, reason, id)
      .changes === 1
  );
}

/** Which services a list shows: the ones in force (default), only the voided ones, or both. */
export type VoidedFilter = 'exclude' | 'only' | 'all';

export interface ServiceFilter {
  voided?: VoidedFilter;
  caseId?: number;
  workerId?: number;
  type?: string;
  channel?: string;
  from?: string;
  to?: string;
  limit: number;
}

/** Newest first. */
export function selectServices(db: ReadableDB, f: ServiceFilter): ServiceRow[] {
  const c = new Conditions();
  if ((f.voided ?? 'exclude') === 'exclude') c.add('s.voided_at IS NULL');
  else if (f.voided === 'only') c.add('s.voided_at IS NOT NULL');
  c.when('s.case_id = ?', f.caseId);
  c.when('s.worker_id = ?', f.workerId);
  c.when('s.type = ?', f.type);
  c.when('s.channel = ?', f.channel);
  c.when('s.service_date >= ?', f.from);
  c.when('s.service_date <= ?', f.to);
  const sql = `SELECT ${COLUMNS} FROM ${FROM}
    ${c.where} ORDER BY s.service_date DESC, s.id DESC LIMIT ?`;
  return db.stmt(sql).all(...c.args, f.limit) as ServiceRow[];
}
