/**
 * What one importable (and exportable) kind of record provides. Each kind is
 * one file under entities/ and one line in registry.ts; the runner, the column
 * planner, the rejects file and the writers are shared.
 */
import { ValidationError } from '../../errors.js';
import type { Text } from '../../messages/catalogue.js';
import type { ReadableDB } from '../../store/database.js';
import { isBlank, requiredText } from '../fields.js';
import type { CellValue } from '../../files/writers.js';
import type { WriteCtx } from '../context.js';
import type { FieldSpec } from './columns.js';
import type { RowView } from './values.js';

export interface PossibleDuplicate {
  id: number;
  /** Why the two may be the same person: rendered in the command's language in the run's report. */
  reason: Text;
}

export interface RowOutcome {
  action: 'inserted' | 'updated' | 'unchanged';
  id: number;
  /** Fields whose value was repaired rather than taken as given (national codes that lost their zeros). */
  repaired?: string[];
  /** Stored records this one may be the same as (a differently spelled name, ...): reported, never merged. */
  possibleDuplicates?: PossibleDuplicate[];
}

/** What an entity's importRow gets besides the row: the domain context and the run's bookkeeping. */
export interface ImportSession extends WriteCtx {
  officeCode: string;
  batchId: number | null;
  /**
   * Marks a stored record as written by this row. A second row of the same file
   * that resolves to the same record is refused, naming the first: which of the
   * two is right is for a person to say.
   */
  claim(entity: string, id: number, row: number): void;
  /** A per-run cache an entity may use for values that repeat from row to row. */
  cache<T>(name: string, make: () => T): T;
  /**
   * `import office` only (absent in every other run): the files' ids carry this office's
   * own code but name records of the office being moved in, not records stored here, so
   * they are read as another source's ids (recorded in import_keys); see ownCode.
   */
  foreignIds?: boolean;
  /**
   * `import office` only: runs `step` after every row of every kind is stored, in the same
   * transaction. For links that may point at a row further on in the files, or that would
   * refuse later rows if made now (a merged client's pointer: enrolments may still name it).
   */
  afterAll?: (step: () => void) => void;
}

/** The office code whose ids (`KRJ01:12`) name records stored here; null during an office move (foreignIds). */
export const ownCode = (s: Pick<ImportSession, 'officeCode' | 'foreignIds'>): string | null =>
  s.foreignIds === true ? null : s.officeCode;

export interface DateRange {
  from?: string;
  to?: string;
}

export interface ImportEntity {
  /** As typed on the command line: clients, cases, ... */
  name: string;
  /** The audit trail's record type: client, case, ... */
  record: string;
  /** Import columns and export columns, in export order. */
  fields: readonly FieldSpec[];
  /** The field --from/--to filter on in exports; absent when the kind has no date to filter by. */
  rangeField?: string;
  /** Maps a domain error's field to the field (column) it came from, when the names differ. */
  errorFields?: Readonly<Record<string, string>>;
  /**
   * True when importRow writes nothing until every check has passed, so a refused
   * row needs no savepoint to undo it (savepoints cost a journal write per page).
   */
  writesLast?: boolean;
  /**
   * Bookkeeping done once per batch rather than per row: called right after a
   * batch's BEGIN, it returns what to run just before that batch's COMMIT (a
   * rolled-back batch undoes both). Clients use it for the report counts.
   */
  openBatch?(s: ImportSession): () => void;
  /** Imports one row inside the write transaction; throws typed errors naming a field. */
  importRow(s: ImportSession, row: RowView): RowOutcome;
  /** The stored records as export cells by field name (ISO dates as {date}). */
  exportRows(db: ReadableDB, officeCode: string, range: DateRange): Iterable<Record<string, CellValue>>;
}

/** `KRJ01:12`: a record id that says which office it belongs to, so files can move between offices. */
export const exportId = (officeCode: string, id: number | null): string | null => (id === null ? null : `${officeCode}:${id}`);

export interface RowRef {
  /** An id of this office's own records. */
  local?: number;
  /** An id from another office or another tool. */
  external?: string;
}

/** `officeCode`: the code of this office's own ids (ownCode); null reads every id as another source's. */
export function parseRowRef(value: string, officeCode: string | null): RowRef {
  const text = value.trim();
  const m = /^([A-Za-z0-9]{2,12}):(\d{1,15})$/.exec(text);
  if (m && officeCode !== null && (m[1] as string).toUpperCase() === officeCode) return { local: Number(m[2]) };
  return { external: text };
}

/**
 * A row with no id of its own is matched by its content: the n-th row of the file with this
 * content is the n-th stored record with it, so importing a file twice changes nothing and two
 * identical rows stay two records. `find(nth)`: the id of the n-th stored record with the content.
 */
export function nthStoredWithContent(
  s: ImportSession,
  kind: string,
  content: unknown,
  find: (nth: number) => number | undefined,
): number | undefined {
  const seen = s.cache(`${kind}.content`, () => new Map<string, number>());
  const key = JSON.stringify(content);
  const nth = seen.get(key) ?? 0;
  seen.set(key, nth + 1);
  return find(nth);
}

/** A voided record's void, as its import row carries it (voided-at, voided-by, void-reason). */
export interface VoidCells {
  at: string;
  by: string;
  reason: string;
}

/**
 * The void columns of a row of a kind that can be voided (services, referrals): none filled, or
 * all three (the time a UTC timestamp, as exported); `badTime` is the kind's message for a
 * voided-at that is not one, `parseReason` the kind's own rule for the reason.
 */
export function parseVoidCells(row: RowView, badTime: Text, parseReason: (value: string | undefined) => string): VoidCells | null {
  const at = row.get('voided-at');
  const by = row.get('voided-by');
  const reason = row.get('void-reason');
  if (isBlank(at) && isBlank(by) && isBlank(reason)) return null;
  if (isBlank(at) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(at.trim())) {
    throw new ValidationError(badTime, 'voided-at');
  }
  return { at: at.trim(), by: requiredText(by, 'voided-by'), reason: parseReason(reason) };
}
