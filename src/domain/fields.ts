/**
 * Field-level parsing shared by commands and spreadsheet import: every value a
 * person or a file gives passes through here, so both refuse the same things
 * with the same messages.
 */
import { NotFoundError, ValidationError } from '../errors.js';
import { t, type Text } from '../messages/catalogue.js';
import { codesOf, type Catalogue } from './codes.js';
import { toLatinDigits } from '../lang/digits.js';
import { firstForbiddenChar } from '../lang/controls.js';
import { isPlainText, matchingKey, normalizeLetters, persianLetterForms } from '../lang/persian.js';

/** Absent, empty or only white space. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  return value === undefined || value === null || value.trim() === '';
}

/**
 * Refuses a character that steers a terminal or reorders what it shows (see
 * src/lang/controls.ts), naming the field and the code point, never the text.
 */
export function refuseControls(text: string, field: string, multiline = false): void {
  const bad = firstForbiddenChar(text, multiline);
  if (bad === undefined) return;
  throw new ValidationError(
    bad.bidi
      ? t('{field} contains a bidi control character ({codePoint}); bidi overrides and isolates are not allowed in text', {
          field,
          codePoint: bad.codePoint,
        })
      : t('{field} contains a control character ({codePoint}); control characters are not allowed in text', {
          field,
          codePoint: bad.codePoint,
        }),
    field,
  );
}

/** Trimmed, NFC, white space collapsed; ZWNJ kept. Refuses control and bidi characters and over-long text. */
export function cleanText(value: string, field: string, max = 200): string {
  // Plain text (most names and places) is already NFC, single-spaced and trimmed, with no control character.
  const plain = isPlainText(value);
  const text = plain
    ? value
    : persianLetterForms(
        value
          .normalize('NFC')
          .replace(/[\t\r\n ]+/g, ' ')
          .trim(),
      );
  if (!plain) refuseControls(text, field);
  if (text.length > max) throw tooLong(field, text.length, max);
  return text;
}

/** The refusal of a text longer than its field allows; the text itself is never repeated. */
function tooLong(field: string, length: number, max: number): ValidationError {
  return new ValidationError(t('{field} is {length} characters long; at most {max} allowed', { field, length, max }), field);
}

export function requiredText(value: string | null | undefined, field: string, max = 200): string {
  if (isBlank(value)) throw new ValidationError(t('{field} is required', { field }), field);
  return cleanText(value, field, max);
}

export function optionalText(value: string | null | undefined, field: string, max = 2000): string | null {
  return isBlank(value) ? null : cleanText(value, field, max);
}

/** Free text such as notes keeps its line breaks and tabs; other control and bidi characters are refused. */
export function optionalNote(value: string | null | undefined, field: string, max = 4000): string | null {
  if (isBlank(value)) return null;
  const text = persianLetterForms(value.normalize('NFC').replace(/\r\n?/g, '\n').trim());
  refuseControls(text, field, true);
  if (text.length > max) throw tooLong(field, text.length, max);
  return text;
}

/** Why a record is corrected or voided: free text (a note's rules), required; `why` ends "say why …". */
export function requiredReason(value: string | undefined, why: Text): string {
  const reason = optionalNote(value, 'reason', 1000);
  if (reason === null) throw new ValidationError(t('reason is required: say why {why}', { why }), 'reason');
  return reason;
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

/**
 * The refusal of a value given for `field`: "invalid FIELD: REASON". The reason is its own
 * message (err.text.params.reason), so a caller that names the field its own way can take it
 * out in either language. The value itself is never repeated.
 */
export function invalidValue(field: string, reason: Text): ValidationError {
  return new ValidationError(t('invalid {field}: {reason}', { field, reason }), field);
}

/**
 * A code from a catalogue, given as the code itself or its English or Persian label.
 * A refusal names the field and the codes, never what was typed (a name or a phone
 * number given to the wrong option would otherwise reach a log).
 */
export function parseCode<C extends string>(cat: Catalogue<C>, value: string, field: string): C {
  const found = indexOf(cat).get(matchingKey(value.replace(/_/g, '-')));
  if (found === undefined) {
    throw invalidValue(field, t('expected one of {codes}', { codes: codesOf(cat).join(', ') }));
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
  throw invalidValue(field, t('expected yes or no'));
}

export interface IntRange {
  min?: number;
  max?: number;
}

export function parseInteger(value: string | number, field: string, range: IntRange = {}): number {
  const text = typeof value === 'number' ? String(value) : toLatinDigits(value).trim().replace(/[,،٬]/g, '');
  // The messages never repeat the value: a number typed in the wrong place may be a phone or a national code.
  if (!/^[+-]?\d+$/.test(text)) throw invalidValue(field, t('expected a whole number'));
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw invalidValue(field, t('the number is too large'));
  if (range.min !== undefined && n < range.min) throw invalidValue(field, t('must be at least {min}', { min: range.min }));
  if (range.max !== undefined && n > range.max) throw invalidValue(field, t('must be at most {max}', { max: range.max }));
  return n;
}

export function optionalInteger(value: string | number | null | undefined, field: string, range: IntRange = {}): number | null {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  return parseInteger(value, field, range);
}

/**
 * A person's name as it is stored, whether typed or imported: the letters made Persian
 * (ی ک for Arabic ي ك), presentation glyphs made letters, digits ASCII (normalizeLetters);
 * ة is kept (only the matching key folds it). The rules of requiredText apply to the result.
 */
export function requiredName(value: string | null | undefined, field: string, max = 100): string {
  return requiredText(normalizeLetters(requiredText(value, field, max)), field, max);
}

const ID_REF = /^#?([0-9]+)$/;
/** A reference read as a name holds at least one letter; digits, spaces and dashes alone are a mistyped id. */
export const HAS_LETTER = /\p{L}/u;

/**
 * The digits of an id reference: "12", "#12", "۱۲" (Persian and Arabic-Indic digits read
 * as such), or undefined for anything else. Nothing inside is dropped: "1-2", " 1 2 " and
 * "-1" are not ids (they were once read as #12, #12 and #1, and put a case on the wrong
 * worker). Only national codes and phones drop the spaces and dashes people put in them.
 */
export function idDigits(value: string): string | undefined {
  return ID_REF.exec(toLatinDigits(value.trim()))?.[1];
}

/** A record id given as "12", "#12" or "۱۲"; anything else is refused without being repeated. */
export function parseId(value: string | number, field: string): number {
  const digits = typeof value === 'number' ? (Number.isSafeInteger(value) ? String(value) : undefined) : idDigits(value);
  const id = digits === undefined ? NaN : Number(digits);
  if (!Number.isSafeInteger(id) || id < 1)
    throw new ValidationError(t('--{field} must be an id: digits only, e.g. 12 or #12', { field }), field);
  return id;
}

/** The kinds of record an id may name, as noRecordWithId says them. */
export type RecordNoun =
  | 'case'
  | 'client'
  | 'staff member'
  | 'center'
  | 'follow-up'
  | 'service'
  | 'referral'
  | 'course'
  | 'enrolment'
  | 'workshop'
  | 'shift pattern'
  | 'roster assignment';

/** One whole sentence per kind of record, so that each language says it in its own order. */
function noRecordText(record: RecordNoun, field: string): Text {
  switch (record) {
    case 'case':
      return t('no case has the id given for --{field}', { field });
    case 'client':
      return t('no client has the id given for --{field}', { field });
    case 'staff member':
      return t('no staff member has the id given for --{field}', { field });
    case 'center':
      return t('no center has the id given for --{field}', { field });
    case 'follow-up':
      return t('no follow-up has the id given for --{field}', { field });
    case 'service':
      return t('no service has the id given for --{field}', { field });
    case 'referral':
      return t('no referral has the id given for --{field}', { field });
    case 'course':
      return t('no course has the id given for --{field}', { field });
    case 'enrolment':
      return t('no enrolment has the id given for --{field}', { field });
    case 'workshop':
      return t('no workshop has the id given for --{field}', { field });
    case 'shift pattern':
      return t('no shift pattern has the id given for --{field}', { field });
    case 'roster assignment':
      return t('no roster assignment has the id given for --{field}', { field });
  }
}

/**
 * The refusal of an id that names no record. It never repeats the id: a run of digits
 * typed in the wrong place may be a phone number or a national code.
 */
export function noRecordWithId(record: RecordNoun, field: string): NotFoundError {
  return new NotFoundError(noRecordText(record, field), field);
}

/** A comma-separated list ("7,30,90", "۷،۳۰") of items. */
export function splitList(value: string): string[] {
  return value
    .split(/[,،;؛]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
