/**
 * Persian text cleaning. Names arrive from Persian keyboards, Arabic keyboards
 * (ي ك instead of ی ک) and Windows-1256 files (which cannot encode ی at all),
 * so the same name can be spelled with different code points.
 *
 * - `normalizeLetters` is what gets STORED: the name as typed, cleaned, still
 *   readable (keeps ZWNJ, diacritics, hamza forms and ة). Arabic presentation
 *   forms (ﻓﺎﻃﻤﻪ, from PDFs and old systems) are glyphs, not letters: NFKC turns
 *   them into the letters they draw.
 *   Commands and import both store names through it.
 * - `matchingKey` is what gets COMPARED: aggressive folding for de-duplication
 *   and search; never shown to users.
 */
import { toLatinDigits } from './digits.js';

const ARABIC_YEH = /[\u064a\u0649]/g; // ي ى
const ARABIC_KAF = /\u0643/g; // ك
const ARABIC_FORM = /[\u064a\u0649\u0643]/;

/**
 * Arabic ي ى ك as the Persian ی ک they stand for (Arabic keyboards; Windows-1256 files, which
 * cannot hold ی): every text parvande stores, typed or imported, uses the Persian letters, so
 * a record reads, matches and round-trips through a spreadsheet the same whichever way it came.
 */
export function persianLetterForms(s: string): string {
  return ARABIC_FORM.test(s) ? s.replace(ARABIC_YEH, '\u06cc').replace(ARABIC_KAF, '\u06a9') : s;
}
// Bidi marks, isolates and BOM come along with copy-paste from web pages and
// Word; they are invisible and would make equal-looking names differ.
const INVISIBLE_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WHITESPACE_RUN = /\s+/g;

/**
 * Text that every step below leaves as it is: printable ASCII other than space,
 * the Arabic letters of Persian words except ي ى ك, the Persian letters پ چ ژ ک
 * گ ی and ZWNJ, with single spaces between words. None of these is a digit to
 * convert, an invisible mark, or a character NFC/NFD could join to its
 * neighbour (the Arabic compositions all take a mark U+0653-U+0655 second, and
 * marks are not in the set). Almost every name in an office's files is such
 * text: it skips the general path, which costs a dozen string passes.
 */
const NOT_PLAIN = /[^\u0021-\u007e\u0621-\u063a\u0641\u0642\u0644-\u0648\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c ]|^ | $| {2}/;
// In plain text, the letters NFD splits into a base letter and a hamza or madda mark, and ة (folded to ه).
const PLAIN_DECOMPOSING = /[\u0622-\u0626\u0629]/;
const PLAIN_BASE: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0624': '\u0648', // ؤ → و
  '\u0625': '\u0627', // إ → ا
  '\u0626': '\u06cc', // ئ → ي (its NFD base) → ی
  '\u0629': '\u0647', // ة → ه (FOLD)
};
const PLAIN_DECOMPOSING_ALL = /[\u0622-\u0626\u0629]/g;
const PLAIN_DROPPED = /[\u200c ]/g;
const LATIN_CAPITAL = /[A-Z]/;

/** Text that normalizeLetters and NFC leave unchanged (see NOT_PLAIN); matchingKey's fast path does its folds (hamza forms, ة). */
export const isPlainText = (s: string): boolean => !NOT_PLAIN.test(s);

/** Canonical stored form: Persian ی/ک, ASCII digits, NFKC, trimmed, single spaces. ZWNJ and ة kept. */
export function normalizeLetters(s: string): string {
  if (!NOT_PLAIN.test(s)) return s;
  // Compose first so that ي + hamza becomes ئ instead of ی + a stray hamza; NFKC (not NFC) so that
  // presentation forms become letters (ﻲ → ي → ی) before the letters are made Persian.
  const composed = s.replace(INVISIBLE_CONTROLS, '').normalize('NFKC');
  return toLatinDigits(composed).replace(ARABIC_YEH, '\u06cc').replace(ARABIC_KAF, '\u06a9').replace(WHITESPACE_RUN, ' ').trim();
}

// Harakat, tanwin, shadda, sukun, hamza/madda marks (U+064B..U+065F),
// superscript alef (U+0670) and tatweel (U+0640).
const DIACRITICS = /[\u064b-\u065f\u0670\u0640]/g;
const ZERO_WIDTH_JOINERS = /[\u200c\u200d]/g;
const ALL_WHITESPACE = /\s+/g;

// Decomposing (NFD) turns أ إ آ into ا + mark, ؤ into و + mark, ۀ into ە + mark
// and ئ into ي + mark; the marks go with the diacritics. This table folds the
// base letters NFD leaves behind, plus alef wasla, which has no decomposition.
const FOLD: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ → ا
  '\u06d5': '\u0647', // ە (base of ۀ) → ه
  '\u064a': '\u06cc', // ي (base of ئ) → ی
  // Teh marbuta: فاطمة and فاطمه are one name. Only the key folds it; the stored name keeps it.
  '\u0629': '\u0647', // ة → ه
};
const FOLDABLE = /[\u0671\u06d5\u064a\u0629]/g;

/**
 * De-duplication / search key: "محمد‌علي", "محمدعلی", "محمد علی" and
 * "مُحمّد علي" all give the same key; so do "فاطمة", "فاطمه" and "ﻓﺎﻃﻤﻪ"
 * (NFKC, in normalizeLetters, reads presentation forms as letters).
 * Keys are stored (name_key, title_key): a change here needs a migration that
 * recomputes them (recomputeKeys, store/migrations/006-matching-keys.ts). ئ folds to ی too: NFC composes ي + hamza
 * into ئ but leaves ی + hamza alone, so without the fold the key would depend
 * on which keyboard typed the letter under the hamza.
 */
export function matchingKey(s: string): string {
  if (!NOT_PLAIN.test(s)) {
    // The general path below, step by step, for plain text: NFD and the mark removal leave the base
    // letters of آ أ ؤ إ ئ, ة folds to ه, ZWNJ and spaces go, Latin letters are lower-cased; NFC has nothing to join.
    let key = PLAIN_DECOMPOSING.test(s) ? s.replace(PLAIN_DECOMPOSING_ALL, (ch) => PLAIN_BASE[ch] ?? ch) : s;
    key = key.replace(PLAIN_DROPPED, '');
    return LATIN_CAPITAL.test(key) ? key.toLowerCase() : key;
  }
  return normalizeLetters(s)
    .normalize('NFD')
    .replace(DIACRITICS, '')
    .replace(ZERO_WIDTH_JOINERS, '')
    .replace(ALL_WHITESPACE, '')
    .replace(FOLDABLE, (ch) => FOLD[ch] ?? ch)
    .toLowerCase()
    .normalize('NFC');
}
