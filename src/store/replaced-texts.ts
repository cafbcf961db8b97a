/**
 * Texts a correction replaced (migration 12): a case's summary, a service's note, a
 * client's notes, with who replaced them, when and why. Appended, never changed.
 */
import type { ReadableDB, WritableDB } from './database.js';

export type ReplacedRecordType = 'case' | 'service' | 'client';
export type ReplacedField = 'summary' | 'note' | 'notes';

export interface ReplacedTextRow {
  id: number;
  recordType: ReplacedRecordType;
  recordId: number;
  field: ReplacedField;
  /** The text as it was before the correction. */
  oldText: string;
  /** The timeline entry of the correction, when the record has a case. */
  caseEventId: number | null;
  /** UTC. */
  replacedAt: string;
  replacedBy: string;
  reason: string | null;
}

export type ReplacedTextWrite = Omit<ReplacedTextRow, 'id'>;

const COLUMNS = `id, record_type AS recordType, record_id AS recordId, field, old_text AS oldText, case_event_id AS caseEventId,
  replaced_at AS replacedAt, replaced_by AS replacedBy, reason`;

export function insertReplacedText(db: WritableDB, r: ReplacedTextWrite): number {
  return Number(
    db
      .stmt(
        `INSERT INTO replaced_texts (record_type, record_id, field, old_text, case_event_id, replaced_at, replaced_by, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.recordType, r.recordId, r.field, r.oldText, r.caseEventId, r.replacedAt, r.replacedBy, r.reason).lastInsertRowid,
  );
}

/** A case's replaced summaries and the replaced notes of its services, oldest first. */
export function selectCaseReplacedTexts(db: ReadableDB, caseId: number): ReplacedTextRow[] {
  return db
    .stmt(
      `SELECT ${COLUMNS} FROM replaced_texts WHERE record_type = 'case' AND record_id = ?
       UNION ALL
       SELECT ${COLUMNS} FROM replaced_texts WHERE record_type = 'service' AND record_id IN (SELECT id FROM services WHERE case_id = ?)
       ORDER BY id`,
    )
    .all(caseId, caseId) as ReplacedTextRow[];
}

/** One record's replaced texts, oldest first. */
export function selectReplacedTexts(db: ReadableDB, recordType: ReplacedRecordType, recordId: number): ReplacedTextRow[] {
  return db
    .stmt(`SELECT ${COLUMNS} FROM replaced_texts WHERE record_type = ? AND record_id = ? ORDER BY id`)
    .all(recordType, recordId) as ReplacedTextRow[];
}
