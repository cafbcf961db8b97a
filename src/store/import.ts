/**
 * SQL of spreadsheet import: explicit transactions (an import commits batch by
 * batch, or holds one transaction for --dry-run and --all-or-nothing), the
 * record of import runs, the ids records carry in the files they came from,
 * and the few lookups import needs that the commands do not.
 */
import { clientInsertValues, INSERT_CLIENT, type ClientWrite } from './clients.js';
import { translateSqliteError, type ReadableDB, type WritableDB } from './database.js';

function exec(db: WritableDB, sql: string): void {
  try {
    db.stmt(sql).run();
  } catch (err) {
    throw translateSqliteError(err, db.path);
  }
}

/** BEGIN IMMEDIATE: the write lock is taken now (waiting up to the busy timeout), not half-way through a batch. */
export const beginImmediate = (db: WritableDB): void => exec(db, 'BEGIN IMMEDIATE');
export const commit = (db: WritableDB): void => exec(db, 'COMMIT');
export function rollback(db: WritableDB): void {
  if (db.sqlite.inTransaction) exec(db, 'ROLLBACK');
}
export const savepoint = (db: WritableDB): void => exec(db, 'SAVEPOINT import_row');
export const releaseSavepoint = (db: WritableDB): void => exec(db, 'RELEASE import_row');
export function rollbackSavepoint(db: WritableDB): void {
  exec(db, 'ROLLBACK TO import_row');
  exec(db, 'RELEASE import_row');
}

/**
 * An import writes many rows into several indexes per transaction: a larger
 * page cache keeps the touched index pages in memory until the commit instead
 * of spilling them to the WAL again and again (20 MB, within the memory an
 * import is allowed), and savepoint journals stay in memory.
 */
export function tuneForImport(db: WritableDB): void {
  db.sqlite.pragma('cache_size = -20000');
  db.sqlite.pragma('temp_store = MEMORY');
}

export interface BatchCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export function insertImportBatch(
  db: WritableDB,
  b: { entity: string; source: string; format: string; actor: string; at: string },
): number {
  return Number(
    db
      .stmt(`INSERT INTO import_batches (entity, source, format, actor, started_at) VALUES (?, ?, ?, ?, ?)`)
      .run(b.entity, b.source, b.format, b.actor, b.at).lastInsertRowid,
  );
}

export function updateImportBatch(
  db: WritableDB,
  id: number,
  c: BatchCounts,
  status?: 'done' | 'rejected-rows' | 'failed',
  finishedAt?: string,
): void {
  db.stmt(
    `UPDATE import_batches SET inserted = ?, updated = ?, unchanged = ?, rejected = ?,
       status = coalesce(?, status), finished_at = coalesce(?, finished_at) WHERE id = ?`,
  ).run(c.inserted, c.updated, c.unchanged, c.rejected, status ?? null, finishedAt ?? null, id);
}

export function selectImportKey(db: ReadableDB, entity: string, externalId: string): number | undefined {
  const r = db.stmt(`SELECT record_id AS id FROM import_keys WHERE entity = ? AND external_id = ?`).get(entity, externalId) as
    | { id: number }
    | undefined;
  return r?.id;
}

/** Records the file id of a record; an id already recorded for another record is left alone (the caller checks first). */
export function insertImportKey(db: WritableDB, entity: string, externalId: string, recordId: number, batchId: number | null): void {
  db.stmt(`INSERT OR IGNORE INTO import_keys (entity, external_id, record_id, batch_id) VALUES (?, ?, ?, ?)`).run(
    entity,
    externalId,
    recordId,
    batchId,
  );
}

/**
 * Inserts a client unless its national code is taken; returns the new id, or
 * null when a client with that code exists (one statement: the common case of
 * a new client costs no lookup first).
 */
export function insertClientUnlessCodeTaken(db: WritableDB, c: ClientWrite, at: string): number | null {
  const info = db.stmt(`${INSERT_CLIENT} ON CONFLICT (national_code) DO NOTHING`).run(...clientInsertValues(c, at));
  return info.changes === 0 ? null : Number(info.lastInsertRowid);
}

export interface NamesakeRow {
  id: number;
  firstName: string;
  lastName: string;
  nationalCode: string | null;
  birthDate: string | null;
}

/**
 * Ids of clients with this name key whose birth date is `birthDate` or unknown
 * (any birth date when `birthDate` is null). Id-only queries are answered from
 * the (name_key, birth_date) index alone: this runs once per imported row.
 */
export function selectNamesakeIds(
  db: ReadableDB,
  nameKey: string,
  birthDate: string | null,
  limit: number,
  anyUnknownBirth = true,
): number[] {
  if (birthDate === null) return db.stmt(`SELECT id FROM clients WHERE name_key = ? LIMIT ?`).pluck().all(nameKey, limit) as number[];
  const same = db
    .stmt(`SELECT id FROM clients WHERE name_key = ? AND birth_date = ? LIMIT ?`)
    .pluck()
    .all(nameKey, birthDate, limit) as number[];
  if (!anyUnknownBirth) return same;
  const unknown = db
    .stmt(`SELECT id FROM clients WHERE name_key = ? AND birth_date IS NULL LIMIT ?`)
    .pluck()
    .all(nameKey, limit) as number[];
  return unknown.length === 0 ? same : [...same, ...unknown].sort((a, b) => a - b).slice(0, limit);
}

/**
 * Whether any client other than `exceptId` has this name key and the birth date
 * `birthDate` (or an unknown one when `orUnknownBirth`; any birth date when
 * `birthDate` is null). One probe of the (name_key, birth_date) index, run
 * once per imported row: most rows have no namesake, and then the id lists
 * above are never asked for.
 */
export function anyNamesakeExcept(
  db: ReadableDB,
  nameKey: string,
  birthDate: string | null,
  exceptId: number,
  orUnknownBirth: boolean,
): boolean {
  if (birthDate === null)
    return db.stmt(`SELECT 1 FROM clients WHERE name_key = ? AND id <> ? LIMIT 1`).get(nameKey, exceptId) !== undefined;
  if (
    db.stmt(`SELECT 1 FROM clients WHERE name_key = ? AND birth_date = ? AND id <> ? LIMIT 1`).get(nameKey, birthDate, exceptId) !==
    undefined
  )
    return true;
  return (
    orUnknownBirth &&
    db.stmt(`SELECT 1 FROM clients WHERE name_key = ? AND birth_date IS NULL AND id <> ? LIMIT 1`).get(nameKey, exceptId) !== undefined
  );
}

/** Whether any client's birth date is unknown (one scan, once per import). */
export function anyClientWithoutBirthDate(db: ReadableDB): boolean {
  return db.stmt(`SELECT 1 FROM clients WHERE birth_date IS NULL LIMIT 1`).get() !== undefined;
}

export function selectNamesake(db: ReadableDB, id: number): NamesakeRow | undefined {
  return db
    .stmt(
      `SELECT id, first_name AS firstName, last_name AS lastName, national_code AS nationalCode, birth_date AS birthDate FROM clients WHERE id = ?`,
    )
    .get(id) as NamesakeRow | undefined;
}

/** Clients with exactly this name key and birth date (null: unknown). */
export function selectClientIdsByNameAndBirth(db: ReadableDB, nameKey: string, birthDate: string | null): NamesakeRow[] {
  return db
    .stmt(
      `SELECT id, first_name AS firstName, last_name AS lastName, national_code AS nationalCode, birth_date AS birthDate
       FROM clients WHERE name_key = ? AND birth_date IS ? AND merged_into IS NULL ORDER BY id LIMIT 50`,
    )
    .all(nameKey, birthDate) as NamesakeRow[];
}

export function caseSeqTaken(db: ReadableDB, year: number, seq: number): boolean {
  return db.stmt(`SELECT 1 FROM cases WHERE year = ? AND seq = ?`).get(year, seq) !== undefined;
}

export function updateCaseReopenCount(db: WritableDB, caseId: number, count: number): void {
  db.stmt(`UPDATE cases SET reopen_count = ? WHERE id = ?`).run(count, caseId);
}

/** The n-th (0-based) stored service with exactly this content, for files whose rows carry no id. */
export function selectServiceByContent(
  db: ReadableDB,
  s: { caseId: number | null; serviceDate: string; type: string; workerId: number | null; minutes: number | null; note: string | null },
  nth: number,
): number | undefined {
  const r = db
    .stmt(
      `SELECT id FROM services WHERE case_id IS ? AND service_date = ? AND type = ? AND worker_id IS ? AND minutes IS ? AND note IS ?
       ORDER BY id LIMIT 1 OFFSET ?`,
    )
    .get(s.caseId, s.serviceDate, s.type, s.workerId, s.minutes, s.note, nth) as { id: number } | undefined;
  return r?.id;
}

/** The n-th (0-based) stored follow-up of a case due that day with this note, for files whose rows carry no id. */
export function selectFollowupByContent(
  db: ReadableDB,
  f: { caseId: number; dueOn: string; note: string | null },
  nth: number,
): number | undefined {
  const r = db
    .stmt(`SELECT id FROM followups WHERE case_id = ? AND due_on = ? AND note IS ? ORDER BY id LIMIT 1 OFFSET ?`)
    .get(f.caseId, f.dueOn, f.note, nth) as { id: number } | undefined;
  return r?.id;
}
