/**
 * A refused row as the report and the rejects file name it: row number,
 * column, value and reason. Values of personal fields (names, national codes,
 * birth dates, phones, addresses, notes) are never repeated: the value shows
 * as "(hidden)" and is cut out of the reason too; so is any run of seven or more
 * digits in any column (a client or worker given by national code or phone), and
 * a reference that is not an id or a case number (a client or worker by name).
 */
import type { ColumnPlan, FieldSpec } from './columns.js';
import { hasLongNumber, hideLongNumbers } from '../../lang/digits.js';
import { normalizeCell, type RowView } from './values.js';

export interface Rejection {
  row: number;
  /** The column's header as in the file; null when the problem is not one column's. */
  column: string | null;
  /** The field it feeds. */
  field: string | null;
  /** The cell as written, "(hidden)" for personal fields, null when there is no one cell. */
  value: string | null;
  reason: string;
}

const HIDDEN = '(hidden)';
const MAX_SHOWN = 80;
/** A reference shown as written: an id (12, #12), an exported id (KRJ01:12) or a case number. Anything else may be a name. */
const SHOWN_REF = /^\s*(#?\d{1,6}|[A-Za-z0-9]{2,12}:\d{1,6}|[A-Za-z0-9]{2,12}-\d{4}-\d{6}|\d{4}-\d{1,6})\s*$/;

/** Whether a refused cell may be repeated in the run's report. */
function shownValue(field: FieldSpec | undefined, cell: string): boolean {
  if (field?.personal === true || hasLongNumber(cell)) return false;
  // A client, worker, center or course given by name is a reference that may name a person.
  return field?.kind !== 'ref' || SHOWN_REF.test(cell);
}

export function describeRejection(
  view: RowView,
  plan: ColumnPlan,
  fields: ReadonlyMap<string, FieldSpec>,
  header: readonly string[],
  what: { field?: string | undefined; columnIndex?: number; message: string },
): Rejection & { cells: string[] } {
  let index = what.columnIndex;
  let field: FieldSpec | undefined;
  if (index === undefined && what.field !== undefined) {
    const base = what.field.replace(/-jalali$/, '');
    field = fields.get(base);
    index = what.field.endsWith('-jalali') ? plan.jalali.get(base) : (plan.index.get(base) ?? plan.jalali.get(base));
  } else if (index !== undefined) {
    const planned = plan.columns[index];
    field = planned?.field ?? planned?.jalaliOf;
  }
  const cell = index === undefined ? undefined : (view.raw.cells[index] ?? '');
  let value: string | null = null;
  if (cell !== undefined) {
    value = !shownValue(field, cell) ? HIDDEN : cell.length > MAX_SHOWN ? `${cell.slice(0, MAX_SHOWN)}…` : cell;
  }
  return {
    row: view.row,
    column: index === undefined ? null : header[index]?.trim() || `#${index + 1}`,
    field: field?.name ?? what.field ?? null,
    value,
    reason: scrub(what.message, view, plan),
    cells: view.raw.cells,
  };
}

/** Cuts every personal value of the row out of a message, as written and as the parsers saw it. */
function scrub(message: string, view: RowView, plan: ColumnPlan): string {
  let out = message;
  for (const col of plan.columns) {
    const f = col.field ?? col.jalaliOf;
    if (f === undefined || f.personal !== true) continue;
    const raw = (view.raw.cells[col.index] ?? '').trim();
    if (raw.length < 2) continue;
    const forms = new Set([raw, normalizeCell(f.kind, raw).trim(), normalizeCell(col.jalaliOf ? 'date' : f.kind, raw).trim()]);
    for (const form of forms) if (form.length >= 2) out = out.split(form).join(HIDDEN);
  }
  return hideLongNumbers(out);
}
