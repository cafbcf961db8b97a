/**
 * Iranian national identification number (کد ملی): 10 digits, the last a
 * check digit. Error messages never repeat the code: it identifies a person
 * and messages end up in logs and import reports.
 */
import { ValidationError } from '../errors.js';
import { toLatinDigits } from './text/digits.js';

const TEN_DIGITS = /^[0-9]{10}$/;
const TEN_EQUAL_DIGITS = /^([0-9])\1{9}$/;
// People group the digits (e.g. 001-354241-9); spreadsheets add stray spaces.
const SEPARATORS = /[\s\-\u2010-\u2015\u200c\u200e\u200f]/g;

/** The checksum rule: s = Σ d_i·(11−i), r = s mod 11; d10 = r if r < 2, else 11 − r. */
export function isValidNationalCode(code10: string): boolean {
  if (!TEN_DIGITS.test(code10) || TEN_EQUAL_DIGITS.test(code10)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(code10[i]) * (10 - i);
  const r = sum % 11;
  const expected = r < 2 ? r : 11 - r;
  return Number(code10[9]) === expected;
}

export interface ParseNationalCodeOptions {
  /** Spreadsheet import: a numeric cell drops leading zeros, so pad 8 or 9 digits to 10. */
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
  const digits = toLatinDigits(input).replace(SEPARATORS, '');
  if (digits === '') throw new ValidationError('national code is empty; expected 10 digits', field);
  if (!/^[0-9]+$/.test(digits)) {
    throw new ValidationError('national code must contain only digits, spaces and dashes', field);
  }

  let code = digits;
  let repaired = false;
  if (opts.repairLeadingZeros === true && (digits.length === 8 || digits.length === 9)) {
    code = digits.padStart(10, '0');
    repaired = true;
  }
  if (code.length !== 10) {
    const expected = opts.repairLeadingZeros === true ? '10 (or 8-9 with leading zeros dropped)' : '10';
    throw new ValidationError(`national code has ${code.length} digits; expected ${expected}`, field);
  }
  if (TEN_EQUAL_DIGITS.test(code)) {
    throw new ValidationError('national code cannot be ten equal digits', field);
  }
  if (!isValidNationalCode(code)) {
    throw new ValidationError('national code fails the checksum', field);
  }
  return { code, repaired };
}
