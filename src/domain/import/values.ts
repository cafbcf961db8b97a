/**
 * A file's cells as the field parsers expect them: digits in every script made
 * ASCII where a number is meant, Arabic ي/ك made Persian, Excel date serials and
 * 8-digit dates made dates, numbers that a spreadsheet wrote as "912….0"
 * stripped of the ".0". The rules themselves stay with the parsers the commands
 * use (national-code.ts, mobile.ts, dates.ts, fields.ts).
 */
import { ValidationError } from '../../errors.js';
import type { RawRow } from '../../files/source.js';
import { addDays, parseDateInput } from '../../lang/dates.js';
import { refuseControls } from '../fields.js';
import { FORBIDDEN_CHAR } from '../../lang/controls.js';
import { toLatinDigits } from '../../lang/digits.js';
import { t, type Text } from '../../messages/catalogue.js';
import { normalizeLetters, persianLetterForms } from '../../lang/persian.js';
import { jalaliName, type ColumnPlan, type FieldSpec } from './columns.js';

/** The one letter rule of stored text (src/lang/persian.ts), as the import's text cells use it. */
export const persianLetters = persianLetterForms;

/** Serials below this (1910-01-01) are refused: 1300-1499 could be a Jalali year, 1900-2100 a Gregorian one. */
const MIN_SERIAL = 3653;
const MAX_SERIAL = 2_958_465; // 9999-12-31
const SERIAL_1970 = 25_569;

/** An Excel date serial (days since 1899-12-30, right from 1900-03-01 on) as an ISO date, or null. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return addDays('1970-01-01', Math.floor(serial) - SERIAL_1970);
}

const PLAIN_DATE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/;

/**
 * A date cell's text for parseDateInput. A Persian Excel may show 1402/07/05
 * while the cell holds the Gregorian serial 45196 (2023-09-27): the serial is
 * the truth, and it is read as such.
 */
export function dateCellText(raw: string): string {
  const s = toLatinDigits(raw).trim();
  // The usual cell, 2023-09-27 or 1402/7/5, is none of the forms below: one test instead of three.
  if (PLAIN_DATE.test(s)) return s;
  if (/^\d{4,7}(\.\d+)?$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    if (iso !== null) return iso;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return `${compact[1]}/${compact[2]}/${compact[3]}`;
  // "2023-09-27T00:00:00", "1402/07/05 10:30", "2023/9/27 0:00:00 AM": the time is not part of the date.
  const timed = /^(\S+)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?Z?$/.exec(s);
  if (timed) return timed[1] as string;
  return s;
}

/** Digits from a numeric cell: "9121234567.0" → "9121234567". */
function digitsText(raw: string): string {
  const s = toLatinDigits(raw).trim();
  return s.includes('.') ? s.replace(/^(\d+)\.0+$/, '$1') : s;
}

export function normalizeCell(kind: FieldSpec['kind'], raw: string): string {
  switch (kind) {
    case 'name':
      return normalizeLetters(raw);
    case 'text':
    case 'note':
    case 'code':
    case 'list':
      return persianLetters(raw);
    case 'date':
      return dateCellText(raw);
    case 'national-code':
    case 'mobile':
    case 'phone':
      return digitsText(raw);
    case 'id':
    case 'ref':
    case 'int':
    case 'bool':
      return toLatinDigits(raw).trim();
  }
}

/** A field and where its cells are: its column and its Jalali twin's (-1 for none), or the value --set gives every row. */
interface Slot {
  field: FieldSpec;
  index: number;
  jalali: number;
  fixed: string | undefined;
}

/** A --set value as a cell of its field would give it (blank: no value). */
function fixedValue(field: FieldSpec, text: string | undefined): string | undefined {
  return text === undefined || text.trim() === '' ? undefined : normalizeCell(field.kind, text);
}

/**
 * The column plan resolved once per run, so that reading a field of a row is one
 * lookup (an import reads a dozen fields of each of a million rows).
 */
export class RowLayout {
  readonly plan: ColumnPlan;
  readonly today: string;
  readonly slots = new Map<string, Slot>();

  constructor(plan: ColumnPlan, fields: ReadonlyMap<string, FieldSpec>, today: string) {
    this.plan = plan;
    this.today = today;
    for (const [name, field] of fields) {
      this.slots.set(name, {
        field,
        index: plan.index.get(name) ?? -1,
        jalali: field.kind === 'date' ? (plan.jalali.get(name) ?? -1) : -1,
        fixed: fixedValue(field, plan.fixed.get(name)),
      });
    }
  }
}

/** One row of the file seen through the column plan: values by field name, blank as undefined. */
export class RowView {
  readonly raw: RawRow;
  private readonly layout: RowLayout;

  constructor(raw: RawRow, layout: RowLayout) {
    this.raw = raw;
    this.layout = layout;
  }

  get row(): number {
    return this.raw.row;
  }

  /** The file has a column for this field, or --set gives it. */
  has(name: string): boolean {
    const plan = this.layout.plan;
    return plan.index.has(name) || plan.jalali.has(name) || plan.fixed.has(name);
  }

  /** The cell as written, for messages and the rejects file (a --set value is no cell: undefined). */
  cell(name: string): string | undefined {
    const plan = this.layout.plan;
    const i = plan.index.get(name) ?? plan.jalali.get(name);
    return i === undefined ? undefined : this.raw.cells[i];
  }

  /** The value for the field's parser; undefined when the cell is blank or the column absent. */
  get(name: string): string | undefined {
    const slot = this.layout.slots.get(name);
    if (slot === undefined) return undefined;
    if (this.layout.plan.fixed.has(name)) return slot.fixed;
    const field = slot.field;
    const text = slot.index < 0 ? '' : (this.raw.cells[slot.index] ?? '');
    // normalizeLetters drops bidi controls from names: a name holding one is refused, as a command refuses it,
    // not silently cleaned (line breaks and tabs in a name are white space, as in cleanText).
    if (field.kind === 'name' && FORBIDDEN_CHAR.test(text)) refuseControls(text.replace(/[\t\r\n]/g, ' '), name);
    const value = text.trim() === '' ? undefined : normalizeCell(field.kind, text);
    if (slot.jalali < 0) return value;
    const twinText = this.raw.cells[slot.jalali] ?? '';
    if (twinText.trim() === '') return value;
    const twin = normalizeCell('date', twinText);
    if (value === undefined) return twin;
    const today = this.layout.today;
    const a = parseDateInput(value, { today, field: name });
    const b = parseDateInput(twin, { today, field: jalaliName(field) });
    if (a !== b)
      throw new ValidationError(
        t('{field} and {jalali} give different dates: correct one of them', { field: name, jalali: jalaliName(field) }),
        name,
      );
    return value;
  }

  /** Problems the reader found and values under columns with no header: the row is refused for them. */
  problem(): { column: number; message: Text | string } | undefined {
    const first = this.raw.problems?.[0];
    if (first !== undefined) return first;
    for (const i of this.layout.plan.unnamed) {
      if ((this.raw.cells[i] ?? '').trim() !== '') return { column: i, message: t('a value under a column with no header') };
    }
    return undefined;
  }
}
