/**
 * Digit conversion between the three digit sets people type in the office:
 * ASCII, Persian (U+06F0..U+06F9) and Arabic-Indic (U+0660..U+0669).
 * `Number("۱۴۰۲")` is NaN and `\d` ignores these, so every parser runs input
 * through `toLatinDigits` before looking at it.
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const ARABIC_DECIMAL_SEPARATOR = '\u066b';

const NON_LATIN_DIGIT = /[\u06f0-\u06f9\u0660-\u0669\u066b]/g;
const HAS_NON_LATIN_DIGIT = /[\u06f0-\u06f9\u0660-\u0669\u066b]/;
const LATIN_DIGIT = /[0-9]/g;

/** Persian and Arabic-Indic digits to ASCII; `٫` to `.`; everything else (including `،`) untouched. */
export function toLatinDigits(s: string): string {
  // Most text has none: a test is cheaper than a replace that finds nothing.
  if (!HAS_NON_LATIN_DIGIT.test(s)) return s;
  return s.replace(NON_LATIN_DIGIT, (ch) => {
    if (ch === ARABIC_DECIMAL_SEPARATOR) return '.';
    const code = ch.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(48 + code - zero);
  });
}

/** ASCII digits to Persian digits, for output in the `fa` language. */
export function toPersianDigits(s: string): string {
  return s.replace(LATIN_DIGIT, (ch) => String.fromCharCode(PERSIAN_ZERO + ch.charCodeAt(0) - 48));
}

/**
 * Seven or more digits in a row, in any of the three digit sets: what a national code, a
 * mobile or a local phone number (7 digits in smaller towns) looks like (the decimals of a
 * fraction, after its point, are not one). Case numbers end in 6 digits and stay readable.
 */
const LONG_NUMBER = /(?<![.\u066b0-9\u06f0-\u06f9\u0660-\u0669])[0-9\u06f0-\u06f9\u0660-\u0669]{7,}/g;

/** Whether text holds a run of digits that may be a national code or a phone number. */
export const hasLongNumber = (s: string): boolean => s.search(LONG_NUMBER) >= 0;

/**
 * Text an error message may repeat: a national code or phone number typed where something
 * else was meant (a date, a code, a count) is never repeated, so it never reaches a log.
 */
export function hideLongNumbers(s: string): string {
  return s.replace(LONG_NUMBER, '(hidden)');
}
