/**
 * Field-level parsing shared by commands and spreadsheet import: every value a
 * person or a file gives passes through here, so both refuse the same things
 * with the same messages.
 */
import { ValidationError } from '../errors.js';
import { codesOf, type Catalogue } from './codes.js';
import { hideLongNumbers, toLatinDigits } from './text/digits.js';
import { isPlainText, matchingKey } from './text/persian.js';

/** Absent, empty or only white space. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === undefined || value === null || value.trim() === '';
}

/** Trimmed, NFC, white space collapsed; ZWNJ kept. Refuses control characters and over-long text. */
export function cleanText(value: string, field: string, max = 200): string {
  // Plain text (most names and places) is already NFC, single-spaced and trimmed, with no control character.
  const plain = isPlainText(value);
  const text = plain ? value : value.normalize('NFC').replace(/[\t\r\n ]+/g, ' ').trim();
  if (!plain && /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
    throw new ValidationError(`${field} contains control characters`, field);
  }
  if (text.length > max) throw new ValidationError(`${field} is ${text.length} characters long; at most ${max} allowed`, field);
  return text;
}

export function requiredText(value: string | null | undefined, field: string, max = 200): string {
  if (isBlank(value)) throw new ValidationError(`${field} is required`, field);
  return cleanText(value, field, max);
}

export function optionalText(value: string | null | undefined, field: string, max = 2000): string | null {
  return isBlank(value) ? null : cleanText(value, field, max);
}

/** Free text such as notes keeps its line breaks. */
export function optionalNote(value: string | null | undefined, field: string, max = 4000): string | null {
  if (isBlank(value)) return null;
  const text = value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (text.length > max) throw new ValidationError(`${field} is ${text.length} characters long; at most ${max} allowed`, field);
  return text;
}

const labelIndex = new WeakMap<object, Map<string, string>>();

function indexOf<C extends string>(cat: Catalogue<C>): Map<string, string> {
  let idx = labelIndex.get(cat);
  if (idx === undefined) {
    idx = new Map();
    for (const code of codesOf(cat)) {
      const entry = cat[code];
      idx.set(matchingKey(code), code);
      idx.set(matchingKey(entry.en), code);
      idx.set(matchingKey(entry.fa), code);
    }
    labelIndex.set(cat, idx);
  }
  return idx;
}

/** A code from a catalogue, given as the code itself or its English or Persian label. */
export function parseCode<C extends string>(cat: Catalogue<C>, value: string, field: string): C {
  const found = indexOf(cat).get(matchingKey(value.replace(/_/g, '-')));
  if (found === undefined) {
    throw new ValidationError(`invalid ${field} "${hideLongNumbers(value.trim())}": expected one of ${codesOf(cat).join(', ')}`, field);
  }
  return found as C;
}

export function optionalCode<C extends string>(cat: Catalogue<C>, value: string | null | undefined, field: string): C | null {
  return isBlank(value) ? null : parseCode(cat, value, field);
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 'بله', 'بلی', 'آری', 'دارد', 'هست', 'x', '✓']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'خیر', 'نه', 'ندارد', 'نیست', '-']);

export function parseBool(value: string | boolean, field: string): boolean {
  if (typeof value === 'boolean') return value;
  const v = toLatinDigits(value).trim().toLowerCase();
  if (TRUE_WORDS.has(v)) return true;
  if (FALSE_WORDS.has(v)) return false;
  throw new ValidationError(`invalid ${field} "${hideLongNumbers(value.trim())}": expected yes or no`, field);
}

export interface IntRange {
  min?: number;
  max?: number;
}

export function parseInteger(value: string | number, field: string, range: IntRange = {}): number {
  const text = typeof value === 'number' ? String(value) : toLatinDigits(value).trim().replace(/[,،٬]/g, '');
  const shown = hideLongNumbers(String(value).trim());
  if (!/^[+-]?\d+$/.test(text)) throw new ValidationError(`invalid ${field} "${shown}": expected a whole number`, field);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new ValidationError(`invalid ${field} "${shown}": number too large`, field);
  if (range.min !== undefined && n < range.min) throw new ValidationError(`invalid ${field} ${hideLongNumbers(String(n))}: must be at least ${range.min}`, field);
  if (range.max !== undefined && n > range.max) throw new ValidationError(`invalid ${field} ${hideLongNumbers(String(n))}: must be at most ${range.max}`, field);
  return n;
}

export function optionalInteger(value: string | number | null | undefined, field: string, range: IntRange = {}): number | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return parseInteger(value, field, range);
}

/** A record id given as "12", "#12" or "۱۲". */
export function parseId(value: string | number, field: string): number {
  const text = typeof value === 'number' ? String(value) : value.trim().replace(/^#/, '');
  return parseInteger(text, field, { min: 1 });
}

/** A comma-separated list ("7,30,90", "۷،۳۰") of items. */
export function splitList(value: string): string[] {
  return value
    .split(/[,،;؛]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
