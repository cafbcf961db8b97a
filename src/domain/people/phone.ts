/**
 * A staff member's phone: a mobile (kept as src/domain/mobile.ts does,
 * +989XXXXXXXXX) or an Iranian landline with its area code, kept the same way
 * as +98 and the ten digits after the trunk 0 (021-88776655 → +982188776655).
 * One spelling per number, so a number typed twice compares equal.
 * Messages never repeat the number.
 */
import { ValidationError } from '../../errors.js';
import { parseMobile } from '../mobile.js';
import { toLatinDigits } from '../../lang/digits.js';
import { t } from '../../messages/catalogue.js';

const DECORATION = /[\s\-\u2010-\u2015().\u200c\u200e\u200f\u202a-\u202e]/g;

export function parsePhone(input: string, field = 'phone'): string {
  const s = toLatinDigits(input).replace(DECORATION, '');
  if (s === '') throw new ValidationError(t('phone number is empty'), field);
  if (!/^\+?[0-9]+$/.test(s)) throw new ValidationError(t('phone number must contain only digits (optionally after a leading +)'), field);
  let national = s;
  if (s.startsWith('+') || s.startsWith('00')) {
    const rest = s.startsWith('+') ? s.slice(1) : s.slice(2);
    if (!rest.startsWith('98'))
      throw new ValidationError(t('phone number has a foreign country code; only Iranian (+98) numbers are accepted'), field);
    national = rest.slice(2);
  } else if (s.startsWith('98') && s.length === 12) {
    national = s.slice(2);
  }
  const subscriber = national.startsWith('0') ? national.slice(1) : national;
  if (subscriber.startsWith('9')) return parseMobile(input, field);
  if (!/^[1-8][0-9]{9}$/.test(subscriber)) {
    throw new ValidationError(
      t('phone number must be a mobile (09…) or a landline with its area code (0 and 10 digits, e.g. 021 and 8 digits)'),
      field,
    );
  }
  return `+98${subscriber}`;
}

/** `+982188776655` → `02188776655`, the form people read and dial. */
export function formatPhoneLocal(canonical: string): string {
  return /^\+98[0-9]{10}$/.test(canonical) ? `0${canonical.slice(3)}` : canonical;
}
