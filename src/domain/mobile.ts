/**
 * Iranian mobile numbers. Stored canonically as +989XXXXXXXXX so that every
 * spelling of one number (09…, +989…, 00989…, 989…, or 9… from a numeric
 * Excel cell that dropped the 0) compares equal. Error messages never repeat
 * the number: it identifies a person.
 */
import { ValidationError } from '../errors.js';
import { toLatinDigits } from '../lang/digits.js';
import { t } from '../messages/catalogue.js';

const CANONICAL = /^\+989[0-9]{9}$/;
// Formatting people add: spaces, dashes, parentheses, dots, invisible marks.
const DECORATION = /[\s\-\u2010-\u2015().\u200c\u200e\u200f\u202a-\u202e]/g;

export function parseMobile(input: string, field = 'mobile'): string {
  const s = toLatinDigits(input).replace(DECORATION, '');
  if (s === '') throw new ValidationError(t('mobile number is empty; expected e.g. 09121234567'), field);
  if (!/^\+?[0-9]+$/.test(s)) {
    throw new ValidationError(t('mobile number must contain only digits (optionally after a leading +)'), field);
  }

  const national = stripCountryCode(s, field);
  // The trunk 0 of the local form; "+98 (0)912…" also leaves one here.
  const subscriber = national.startsWith('0') ? national.slice(1) : national;
  if (!subscriber.startsWith('9')) {
    throw new ValidationError(t('mobile number must start with 09; landline and other numbers are not accepted'), field);
  }
  if (subscriber.length !== 10) {
    throw new ValidationError(
      t('mobile number has {count} digits in local form; expected 11 (09 and 9 more)', { count: subscriber.length + 1 }),
      field,
    );
  }
  return `+98${subscriber}`;
}

function stripCountryCode(s: string, field: string): string {
  if (s.startsWith('+') || s.startsWith('00')) {
    const rest = s.startsWith('+') ? s.slice(1) : s.slice(2);
    if (!rest.startsWith('98')) {
      throw new ValidationError(t('mobile number has a foreign country code; only Iranian (+98) numbers are accepted'), field);
    }
    return rest.slice(2);
  }
  // "98" without + or 00 (an Excel cell that lost the +): only when long enough to
  // hold a country code, since a bare 10-digit "98…" is 09 8… with the 0 dropped.
  if (s.startsWith('98') && s.length >= 12) return s.slice(2);
  return s;
}

/** `+989121234567` → `09121234567`, the form people read and type. */
export function formatMobileLocal(canonical: string): string {
  if (!CANONICAL.test(canonical)) {
    throw new ValidationError(t('not a canonical mobile number; expected +989 and 9 more digits'), 'mobile');
  }
  return `0${canonical.slice(3)}`;
}
