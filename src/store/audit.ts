import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

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

export function insertAudit(db: WritableDB, e: AuditWrite): void {
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

export function selectAudit(db: ReadableDB, f: AuditFilter): AuditEntry[] {
  const c = new Conditions()
    .when('record_type = ?', f.recordType)
    .when('record_id = ?', f.recordId)
    .when('actor = ?', f.actor)
    .when('at >= ?', f.fromAt)
    .when('at < ?', f.toAt);
  const sql = `SELECT id, at, actor, command, action, record_type AS recordType, record_id AS recordId, detail
    FROM audit_log ${c.where} ORDER BY id DESC LIMIT ?`;
  return db.stmt(sql).all(...c.args, f.limit) as AuditEntry[];
}
