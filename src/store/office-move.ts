/**
 * SQL of `export office` and `import office` beyond what each kind's own export and
 * import already do: the case timeline as stored (case_events, ids included), the
 * times each record was written (created_at, updated_at), whether an office holds any
 * record at all, and the import keys an office move leaves behind.
 *
 * Kinds are tables named like the kind (`roster-assignments` → roster_assignments);
 * a name is used in SQL only after sqlite_master has confirmed such a table exists.
 */
import type { ReadableDB, WritableDB } from './database.js';
import type { CaseEventStored } from './cases.js';

/** The table a kind's records live in, if there is one (never a name taken from a file unchecked). */
export function tableOfKind(db: ReadableDB, kind: string): string | undefined {
  const name = kind.replace(/-/g, '_');
  if (!/^[a-z_]+$/.test(name)) return undefined;
  const found = db.stmt(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(name) as string | undefined;
  return found;
}

/** Whether the table holds any row. */
export function tableHasRows(db: ReadableDB, table: string): boolean {
  return db.stmt(`SELECT EXISTS (SELECT 1 FROM "${table}")`).pluck().get() === 1;
}

/** A timeline entry as stored, its case named by number (the exported file's form). */
export type StoredCaseEvent = Omit<CaseEventStored, 'caseId'> & { caseNumber: string };

/** Every entry of every case's timeline, in id order (the order they were written). */
export function iterateCaseEvents(db: ReadableDB): IterableIterator<StoredCaseEvent> {
  return db
    .stmt(
      `SELECT e.id, c.case_number AS caseNumber, e.kind, e.on_date AS onDate, e.at, e.actor, e.worker_id AS workerId, e.reason, e.text,
         e.service_id AS serviceId, e.followup_id AS followupId
       FROM case_events e JOIN cases c ON c.id = e.case_id ORDER BY e.id`,
    )
    .iterate() as IterableIterator<StoredCaseEvent>;
}

/**
 * Takes away the timeline entries an office move's own rows wrote (an opening, a closing,
 * a service's entry, ...): the timeline as the office kept it is written back after them.
 * Only on an office that was empty when the move began.
 */
export function deleteAllCaseEvents(db: WritableDB): void {
  db.stmt(`DELETE FROM case_events`).run();
}

export type CaseEventRestore = CaseEventStored;

/** One timeline entry as it was stored, with its id (the timeline's order among entries of one day). */
export function insertCaseEventAsStored(db: WritableDB, e: CaseEventRestore): void {
  db.stmt(
    `INSERT INTO case_events (id, case_id, kind, on_date, at, actor, worker_id, reason, text, service_id, followup_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.id, e.caseId, e.kind, e.onDate, e.at, e.actor, e.workerId, e.reason, e.text, e.serviceId, e.followupId);
}

export function caseEventIdTaken(db: ReadableDB, id: number): boolean {
  return db.stmt(`SELECT EXISTS (SELECT 1 FROM case_events WHERE id = ?)`).pluck().get(id) === 1;
}

export interface RecordTimes {
  id: number;
  createdAt: string | null;
  updatedAt: string | null;
}

/** The columns of `table` among created_at and updated_at. */
function timeColumns(db: ReadableDB, table: string): { created: boolean; updated: boolean } {
  const names = new Set((db.stmt(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).map(String));
  return { created: names.has('created_at') && names.has('id'), updated: names.has('updated_at') && names.has('id') };
}

/** When each record of the table was written and last changed (a table without those columns: nothing). */
export function iterateRecordTimes(db: ReadableDB, table: string): Iterable<RecordTimes> {
  const t = timeColumns(db, table);
  if (!t.created && !t.updated) return [];
  return db
    .stmt(
      `SELECT id, ${t.created ? 'created_at' : 'NULL'} AS createdAt, ${t.updated ? 'updated_at' : 'NULL'} AS updatedAt FROM "${table}" ORDER BY id`,
    )
    .iterate() as IterableIterator<RecordTimes>;
}

/** Puts back when each record was written and last changed: returns false for an id the table does not have. */
export function recordTimesWriter(db: WritableDB, table: string): (r: RecordTimes) => boolean {
  const t = timeColumns(db, table);
  const created = t.created ? db.stmt(`UPDATE "${table}" SET created_at = coalesce(:createdAt, created_at) WHERE id = :id`) : undefined;
  const updated = t.updated ? db.stmt(`UPDATE "${table}" SET updated_at = coalesce(:updatedAt, updated_at) WHERE id = :id`) : undefined;
  return (r) => {
    const a = created?.run(r).changes;
    const b = updated?.run(r).changes;
    return (a ?? b ?? 0) === 1;
  };
}

/** The ids an office move recorded to carry references between its files: never read again once it is done. */
export function deleteImportKeysOfBatch(db: WritableDB, batchId: number): void {
  db.stmt(`DELETE FROM import_keys WHERE batch_id = ?`).run(batchId);
}

export interface SettingRow {
  key: string;
  value: string;
  updatedAt: string;
}

/** The office's settings (rest period, certificate validity, the key of its pseudonyms), by key. */
export function iterateSettings(db: ReadableDB): IterableIterator<SettingRow> {
  return db.stmt(`SELECT key, value, updated_at AS updatedAt FROM settings ORDER BY key`).iterate() as IterableIterator<SettingRow>;
}

/** A setting as the office kept it, its time included. */
export function restoreSetting(db: WritableDB, s: SettingRow): void {
  db.stmt(
    `INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, :updatedAt)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(s);
}

export interface ReplacedTextRow {
  id: number;
  recordType: string;
  recordId: number;
  field: string;
  oldText: string;
  caseEventId: number | null;
  replacedAt: string;
  replacedBy: string;
  reason: string | null;
}

/** The texts corrections replaced (a summary, a note), in id order; none where the table is not there yet. */
export function iterateReplacedTexts(db: ReadableDB): Iterable<ReplacedTextRow> {
  if (tableOfKind(db, 'replaced-texts') === undefined) return [];
  return db
    .stmt(
      `SELECT id, record_type AS recordType, record_id AS recordId, field, old_text AS oldText, case_event_id AS caseEventId,
         replaced_at AS replacedAt, replaced_by AS replacedBy, reason FROM replaced_texts ORDER BY id`,
    )
    .iterate() as IterableIterator<ReplacedTextRow>;
}

/** One replaced text as it was kept, with its id. */
export function insertReplacedTextAsStored(db: WritableDB, r: ReplacedTextRow): void {
  db.stmt(
    `INSERT INTO replaced_texts (id, record_type, record_id, field, old_text, case_event_id, replaced_at, replaced_by, reason)
     VALUES (:id, :recordType, :recordId, :field, :oldText, :caseEventId, :replacedAt, :replacedBy, :reason)`,
  ).run(r);
}
