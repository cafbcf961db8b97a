import type { Db } from './database.js';

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

export function insertService(db: Db, s: ServiceWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO services (case_id, service_date, type, channel, worker_id, minutes, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.caseId, s.serviceDate, s.type, s.channel, s.workerId, s.minutes, s.note, at).lastInsertRowid,
  );
}

export function selectService(db: Db, id: number): ServiceRow | undefined {
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
export function selectServices(db: Db, f: ServiceFilter): ServiceRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.caseId !== undefined) { where.push('s.case_id = ?'); args.push(f.caseId); }
  if (f.workerId !== undefined) { where.push('s.worker_id = ?'); args.push(f.workerId); }
  if (f.type !== undefined) { where.push('s.type = ?'); args.push(f.type); }
  if (f.channel !== undefined) { where.push('s.channel = ?'); args.push(f.channel); }
  if (f.from !== undefined) { where.push('s.service_date >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('s.service_date <= ?'); args.push(f.to); }
  const sql = `SELECT ${COLUMNS} FROM services s LEFT JOIN cases c ON c.id = s.case_id
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY s.service_date DESC, s.id DESC LIMIT ?`;
  return db.stmt(sql).all(...args, f.limit) as ServiceRow[];
}
