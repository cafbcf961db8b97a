/**
 * Which column of a file feeds which field: by the field's own name (first-name,
 * firstName, "First name"), by its usual Persian header (نام، کد ملی، ...), or
 * by `--map "header=field"`. Unknown and missing required columns are named
 * here, before any row is read. Columns are named by letter, never by header: a
 * file without a header row would have its first row, a person's, repeated.
 */
import { ValidationError } from '../../errors.js';
import type { Catalogue } from '../codes.js';
import { columnLetter } from '../../files/source.js';
import { t } from '../../messages/catalogue.js';
import { matchingKey } from '../../lang/persian.js';

export type FieldKind =
  | 'id'
  | 'ref'
  | 'name'
  | 'text'
  | 'note'
  | 'date'
  | 'national-code'
  | 'mobile'
  | 'phone'
  | 'int'
  | 'bool'
  | 'code'
  | 'list';

export interface FieldSpec {
  /** As in the commands' options: first-name, national-code. */
  name: string;
  /** As in JSON: firstName, nationalCode. */
  key: string;
  /** The Persian header exports can use and the manual lists. */
  fa: string;
  /** Other headers people use for it. */
  aliases?: readonly string[];
  kind: FieldKind;
  required?: boolean;
  /** Identifies a person: its value is never echoed in a message. */
  personal?: boolean;
  /** Exported with a Jalali twin column (<name>-jalali) beside the ISO date. */
  jalali?: boolean;
  /** A code (or list of codes) field's catalogue: lets `--set` check its value once, before any row is read. */
  codes?: Catalogue<string>;
}

/** Headers compared without case, spaces, punctuation or Persian spelling variants. */
export const headerKey = (s: string): string => matchingKey(s).replace(/[^\p{L}\p{N}]/gu, '');

/** Columns every import skips: a row counter, and the error column of a rejects file. */
const IGNORED = new Set(['ردیف', 'row', 'rownumber', 'rowno', 'no', 'ش', 'شماره ردیف', 'error', 'خطا'].map(headerKey));
IGNORED.add('');

export interface PlannedColumn {
  index: number;
  header: string;
  field?: FieldSpec;
  /** The Jalali twin of a date field (checked against the ISO column when both are filled). */
  jalaliOf?: FieldSpec;
}

export interface ColumnPlan {
  columns: PlannedColumn[];
  /** field name → column index */
  index: Map<string, number>;
  /** date field name → index of its Jalali twin column */
  jalali: Map<string, number>;
  /** Column indexes with no header: a value under one is refused. */
  unnamed: number[];
  /** field name → the value `--set field=value` gives every row (as typed; never echoed in a message). */
  fixed: Map<string, string>;
}

export const jalaliName = (f: FieldSpec): string => `${f.name}-jalali`;
export const jalaliHeader = (f: FieldSpec): string => `${f.fa} (شمسی)`;

function lookupTable(fields: readonly FieldSpec[]): Map<string, { field: FieldSpec; jalali: boolean }> {
  const table = new Map<string, { field: FieldSpec; jalali: boolean }>();
  for (const field of fields) {
    for (const h of [field.name, field.key, field.fa, ...(field.aliases ?? [])]) table.set(headerKey(h), { field, jalali: false });
    if (field.kind === 'date') {
      for (const h of [jalaliName(field), `${field.key}Jalali`, jalaliHeader(field)]) table.set(headerKey(h), { field, jalali: true });
    }
  }
  return table;
}

/** Finds a field by any of its names (for --map targets). */
export function findField(fields: readonly FieldSpec[], name: string): FieldSpec | undefined {
  const hit = lookupTable(fields).get(headerKey(name));
  return hit?.jalali === false ? hit.field : undefined;
}

/** The field names, for a message that lists them. */
const fieldNames = (fields: readonly FieldSpec[]): string => fields.map((f) => f.name).join(', ');

/** `--map "header=field"` entries; a target of "-" or nothing ignores the column. */
function parseMaps(fields: readonly FieldSpec[], maps: readonly string[]): Map<string, FieldSpec | null> {
  const out = new Map<string, FieldSpec | null>();
  for (const m of maps) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw new ValidationError(t('invalid --map: expected "header=field", e.g. --map "نام پدر=-"'), 'map');
    const header = m.slice(0, eq).trim();
    const target = m.slice(eq + 1).trim();
    if (target === '' || target === '-') {
      out.set(headerKey(header), null);
      continue;
    }
    const field = findField(fields, target);
    if (field === undefined) {
      throw new ValidationError(
        t('invalid --map: no field has the name given after "="; fields are {fields}', { fields: fieldNames(fields) }),
        'map',
      );
    }
    out.set(headerKey(header), field);
  }
  return out;
}

/**
 * `--set "field=value"` entries: one value for every row. The value is never repeated in a
 * message (it may be personal); the field is named by any of its names, as in --map.
 */
function parseSets(fields: readonly FieldSpec[], sets: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  sets.forEach((s, i) => {
    const eq = s.indexOf('=');
    if (eq <= 0)
      throw new ValidationError(t('invalid --set number {n}: expected "field=value", e.g. --set risk=medium', { n: i + 1 }), 'set');
    const field = findField(fields, s.slice(0, eq).trim());
    if (field === undefined) {
      throw new ValidationError(
        t('invalid --set number {n}: no field has the name given before "="; fields are {fields}', {
          n: i + 1,
          fields: fieldNames(fields),
        }),
        'set',
      );
    }
    if (out.has(field.name)) throw new ValidationError(t('--set {field} is given twice: keep one', { field: field.name }), 'set');
    out.set(field.name, s.slice(eq + 1));
  });
  return out;
}

export function planColumns(
  fields: readonly FieldSpec[],
  header: readonly string[],
  maps: readonly string[] = [],
  sets: readonly string[] = [],
): ColumnPlan {
  const table = lookupTable(fields);
  const mapped = parseMaps(fields, maps);
  const used = new Set<string>();
  const plan: ColumnPlan = { columns: [], index: new Map(), jalali: new Map(), unnamed: [], fixed: parseSets(fields, sets) };
  const firstSeen = new Map<string, number>();
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const h = raw.trim();
    const key = headerKey(h);
    const column: PlannedColumn = { index, header: h };
    plan.columns.push(column);
    if (key === '') {
      if (h === '') plan.unnamed.push(index);
      return;
    }
    const before = firstSeen.get(key);
    if (before !== undefined) {
      throw new ValidationError(
        t('columns {first} and {second} have the same header: rename or remove one', {
          first: columnLetter(before),
          second: columnLetter(index),
        }),
        'columns',
      );
    }
    firstSeen.set(key, index);
    used.add(key);
    const explicit = mapped.get(key);
    if (explicit === null) return;
    const hit = explicit !== undefined ? { field: explicit, jalali: false } : table.get(key);
    if (hit === undefined) {
      if (!IGNORED.has(key)) unknown.push(columnLetter(index));
      return;
    }
    const target = hit.jalali ? plan.jalali : plan.index;
    const clash = target.get(hit.field.name);
    if (clash !== undefined) {
      const both = { first: columnLetter(clash), second: columnLetter(index), field: hit.field.name };
      throw new ValidationError(
        hit.jalali
          ? t('columns {first} and {second} both give {field} (Jalali): remove one or map it elsewhere with --map', both)
          : t('columns {first} and {second} both give {field}: remove one or map it elsewhere with --map', both),
        'columns',
      );
    }
    target.set(hit.field.name, index);
    if (hit.jalali) column.jalaliOf = hit.field;
    else column.field = hit.field;
  });
  for (const key of mapped.keys()) {
    if (!used.has(key)) {
      const which = maps.findIndex((m) => headerKey(m.slice(0, m.lastIndexOf('='))) === key);
      throw new ValidationError(t('--map number {n} names a column the file does not have', { n: which + 1 }), 'map');
    }
  }
  if (unknown.length > 0) {
    const what = { columns: unknown.join(', '), fields: fieldNames(fields) };
    throw new ValidationError(
      unknown.length > 1
        ? t(
            'unknown columns {columns}: map each to a field with --map "header=field", or skip them with --map "header=-" (fields: {fields})',
            what,
          )
        : t(
            'unknown column {columns}: map it to a field with --map "header=field", or skip it with --map "header=-" (fields: {fields})',
            what,
          ),
      'columns',
    );
  }
  // Which of two sources is right is for a person to say: a column and --set for one field are refused.
  for (const name of plan.fixed.keys()) {
    const column = plan.index.get(name) ?? plan.jalali.get(name);
    if (column !== undefined) {
      throw new ValidationError(
        t('--set {field} and the column {column} both give {field}: remove the column with --map "header=-", or drop --set', {
          field: name,
          column: columnLetter(column),
        }),
        'set',
      );
    }
  }
  const missing = fields.filter(
    (f) => f.required === true && !plan.index.has(f.name) && !plan.jalali.has(f.name) && !plan.fixed.has(f.name),
  );
  if (missing.length > 0) {
    const columns = missing.map((f) => `${f.name} (${f.fa})`).join(', ');
    throw new ValidationError(
      missing.length > 1 ? t('missing required columns: {columns}', { columns }) : t('missing required column: {columns}', { columns }),
      'columns',
    );
  }
  return plan;
}
