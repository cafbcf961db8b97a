import type { Db } from './database.js';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  command: string;
  action: string;
  recordType: string;
  recordId: string | null;
  detail: string | null;
}

export interface AuditWrite {
  at: string;
  actor: string;
  command: string;
  action: string;
  recordType: string;
  recordId: string | number | null;
  /** Field names changed, never their values: the trail must not copy personal data. */
  detail?: string | null;
}

export function insertAudit(db: Db, e: AuditWrite): void {
  db.stmt(
    `INSERT INTO audit_log (at, actor, command, action, record_type, record_id, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.at, e.actor, e.command, e.action, e.recordType, e.recordId === null ? null : String(e.recordId), e.detail ?? null);
}

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  actor?: string;
  fromAt?: string;
  toAt?: string;
  limit: number;
}

export function selectAudit(db: Db, f: AuditFilter): AuditEntry[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.recordType !== undefined) { where.push('record_type = ?'); args.push(f.recordType); }
  if (f.recordId !== undefined) { where.push('record_id = ?'); args.push(f.recordId); }
  if (f.actor !== undefined) { where.push('actor = ?'); args.push(f.actor); }
  if (f.fromAt !== undefined) { where.push('at >= ?'); args.push(f.fromAt); }
  if (f.toAt !== undefined) { where.push('at < ?'); args.push(f.toAt); }
  const sql = `SELECT id, at, actor, command, action, record_type AS recordType, record_id AS recordId, detail
    FROM audit_log ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`;
  return db.stmt(sql).all(...args, f.limit) as AuditEntry[];
}
