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
import { isText, render, templateFor, type Lang, type Param, type Text } from '../../messages/catalogue.js';
import { normalizeCell, type RowView } from './values.js';

export interface Rejection {
  row: number;
  /** The column's header as in the file; null when the problem is not one column's. */
  column: string | null;
  /** The field it feeds. */
  field: string | null;
  /** The cell as written, "(hidden)" for personal fields, null when there is no one cell. */
  value: string | null;
  /** In the language the import was asked in (the run renders it). */
  reason: string;
}

/** A refused row before it is rendered: its reason a message, every personal value of the row cut out of it. */
export interface RowRefusal extends Omit<Rejection, 'reason'> {
  reason: Text;
  cells: string[];
}

/** A refusal's reason in `lang`; a long run of digits made by the rendering is hidden too. */
export function reasonIn(reason: Text, lang: Lang): string {
  return hideLongNumbers(render(reason, lang));
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
  what: { field?: string | undefined; columnIndex?: number; message: Text | string },
): RowRefusal {
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
function scrub(message: Text | string, view: RowView, plan: ColumnPlan): Text {
  const forms: string[] = [];
  for (const col of plan.columns) {
    const f = col.field ?? col.jalaliOf;
    if (f === undefined || f.personal !== true) continue;
    const raw = (view.raw.cells[col.index] ?? '').trim();
    if (raw.length < 2) continue;
    const seen = new Set([raw, normalizeCell(f.kind, raw).trim(), normalizeCell(col.jalaliOf ? 'date' : f.kind, raw).trim()]);
    for (const form of seen) if (form.length >= 2) forms.push(form);
  }
  return hideInText(typeof message === 'string' ? { template: message, params: {} } : message, forms);
}

/** A string with each of `forms` and every long run of digits cut out. */
function hideIn(text: string, forms: readonly string[]): string {
  let out = text;
  for (const form of forms) out = out.split(form).join(HIDDEN);
  return hideLongNumbers(out);
}

/**
 * A message with each of `forms` (values that may be personal) and every long run of digits cut
 * out of its parameters, nested messages included, so that it hides them in either language. A
 * number that holds one becomes the text shown in its place. A catalogue template is the
 * program's own words and stays as it is (its Persian is found by it); a sentence not in the
 * catalogue may carry a value in its words, and is cut as a parameter is.
 */
export function hideInText(text: Text, forms: readonly string[]): Text {
  const params: Record<string, Param> = {};
  for (const [name, value] of Object.entries(text.params)) {
    if (typeof value === 'string') params[name] = hideIn(value, forms);
    else if (typeof value === 'number') {
      const shown = hideIn(String(value), forms);
      params[name] = shown === String(value) ? value : shown;
    } else if (isText(value)) params[name] = hideInText(value, forms);
    else params[name] = value;
  }
  const own = templateFor(text.template, 'fa') !== text.template;
  return { ...text, template: own ? text.template : hideIn(text.template, forms), params };
}
