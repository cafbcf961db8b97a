/**
 * Iranian national identification number (کد ملی): 10 digits, the last a
 * check digit. Error messages never repeat the code: it identifies a person
 * and messages end up in logs and import reports.
 */
import { NotFoundError, ValidationError, type ParvandeError } from '../errors.js';
import { toLatinDigits } from '../lang/digits.js';
import { t, type Text } from '../messages/catalogue.js';

const TEN_DIGITS = /^[0-9]{10}$/;
const TEN_EQUAL_DIGITS = /^([0-9])\1{9}$/;
// Digits 4 to 9 all zero: never issued.
const NEVER_ISSUED = /^[0-9]{3}0{6}[0-9]$/;
// People group the digits (e.g. 001-354241-9); spreadsheets add stray spaces.
const SEPARATORS = /[\s\-\u2010-\u2015\u200c\u200e\u200f]/g;

/**
 * The digits of a national code as people write it: any digit script, groups separated
 * by spaces or dashes (001-354241-9). Undefined when the text holds anything else. Every
 * command and import reads a national code through this, whether to store it or to find
 * the record it names.
 */
export function nationalCodeDigits(input: string): string | undefined {
  const digits = toLatinDigits(input).replace(SEPARATORS, '');
  return /^[0-9]+$/.test(digits) ? digits : undefined;
}

/**
 * The checksum rule: s = Σ d_i·(11−i), r = s mod 11; d10 = r if r < 2, else 11 − r.
 * Ten equal digits, and codes whose digits 4 to 9 are all zero, are never issued (the
 * reference validators, persian-tools and its ports, refuse them too).
 */
export function isValidNationalCode(code10: string): boolean {
  if (!TEN_DIGITS.test(code10) || TEN_EQUAL_DIGITS.test(code10) || NEVER_ISSUED.test(code10)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code10[i]) * (10 - i);
  const r = sum % 11;
  const expected = r < 2 ? r : 11 - r;
  return Number(code10[9]) === expected;
}

export interface ParseNationalCodeOptions {
  /**
   * Spreadsheet import: a numeric cell drops leading zeros, so pad 8 or 9 digits to 10
   * (and report the repair). A person typing a code gets the hint instead: the digits
   * they left out may be anywhere.
   */
  repairLeadingZeros?: boolean;
  field?: string;
}

export interface ParsedNationalCode {
  code: string;
  /** True when leading zeros were added back. */
  repaired: boolean;
}

export function parseNationalCode(input: string, opts: ParseNationalCodeOptions = {}): ParsedNationalCode {
  const field = opts.field ?? 'national-code';
  const digits = nationalCodeDigits(input);
  if (toLatinDigits(input).replace(SEPARATORS, '') === '')
    throw new ValidationError(t('national code is empty; expected 10 digits'), field);
  if (digits === undefined) {
    throw new ValidationError(t('national code must contain only digits, spaces and dashes'), field);
  }

  let code = digits;
  let repaired = false;
  const lostZeros = digits.length === 8 || digits.length === 9;
  if (opts.repairLeadingZeros === true && lostZeros) {
    code = digits.padStart(10, '0');
    repaired = true;
  }
  if (code.length !== 10) {
    const count = code.length;
    // With repairs on, eight or nine digits were padded above: the hint of lost zeros is for a person typing.
    throw new ValidationError(
      opts.repairLeadingZeros === true
        ? t('national code has {count} digits; expected 10 (or 8-9 with leading zeros dropped)', { count })
        : lostZeros
          ? t('national code has {count} digits; expected 10: leading zeros may be missing (codes may begin with 0; type all 10 digits)', {
              count,
            })
          : t('national code has {count} digits; expected 10', { count }),
      field,
    );
  }
  if (TEN_EQUAL_DIGITS.test(code)) {
    throw new ValidationError(t('national code cannot be ten equal digits'), field);
  }
  if (NEVER_ISSUED.test(code)) {
    throw new ValidationError(t('not a valid national code: digits 4 to 9 are never all zero'), field);
  }
  if (!isValidNationalCode(code)) {
    throw new ValidationError(t('national code fails the checksum'), field);
  }
  return { code, repaired };
}

/**
 * A reference that is written as a national code (ten digits, separators allowed): its
 * digits, else undefined. Lookups never pad: eight or nine digits may be an id.
 */
export function nationalCodeRef(ref: string): string | undefined {
  const digits = nationalCodeDigits(ref);
  return digits !== undefined && digits.length === 10 ? digits : undefined;
}

/**
 * The refusal of a national code that found no record: one that cannot exist is said to
 * be invalid (exit 2) rather than unknown. The code itself is never repeated.
 */
export function nationalCodeMiss(code: string, notFound: Text, field: string): ParvandeError {
  if (!isValidNationalCode(code)) return new ValidationError(t('not a valid national code'), field);
  return new NotFoundError(notFound, field);
}
