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
  minutes: number | null;
  note: string | null;
  createdAt: string;
}

export type ServiceWrite = Omit<ServiceRow, 'id' | 'caseNumber' | 'createdAt'>;

const COLUMNS = `s.id, s.case_id AS caseId, c.case_number AS caseNumber, s.service_date AS serviceDate, s.type, s.channel,
  s.worker_id AS workerId, s.minutes, s.note, s.created_at AS createdAt`;

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
  return db.stmt(`SELECT ${COLUMNS} FROM services s LEFT JOIN cases c ON c.id = s.case_id WHERE s.id = ?`).get(id) as
    | ServiceRow
    | undefined;
}

export interface ServiceFilter {
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
  c.when('s.case_id = ?', f.caseId);
  c.when('s.worker_id = ?', f.workerId);
  c.when('s.type = ?', f.type);
  c.when('s.channel = ?', f.channel);
  c.when('s.service_date >= ?', f.from);
  c.when('s.service_date <= ?', f.to);
  const sql = `SELECT ${COLUMNS} FROM services s LEFT JOIN cases c ON c.id = s.case_id
    ${c.where} ORDER BY s.service_date DESC, s.id DESC LIMIT ?`;
  return db.stmt(sql).all(...c.args, f.limit) as ServiceRow[];
}
