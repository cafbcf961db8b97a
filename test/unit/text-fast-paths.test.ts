/**
 * The fast paths of the text helpers (plain text skips the general path) give
 * exactly what the general path gives. The oracles below are the general
 * paths as they were written before the fast paths, copied verbatim.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText } from '../../src/domain/fields.js';
import { toLatinDigits } from '../../src/lang/digits.js';
import { isPlainText, matchingKey, normalizeLetters } from '../../src/lang/persian.js';

function oracleDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669\u066b]/g, (ch) => {
    if (ch === '\u066b') return '.';
    const code = ch.charCodeAt(0);
    const zero = code >= 0x06f0 ? 0x06f0 : 0x0660;
    return String.fromCharCode(48 + code - zero);
  });
}

function oracleNormalizeLetters(s: string): string {
  // NFKC since issue #10: presentation forms (ﻓﺎﻃﻤﻪ) are read as the letters they draw.
  const composed = s.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').normalize('NFKC');
  return oracleDigits(composed)
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9')
    .replace(/\s+/g, ' ')
    .trim();
}

// ة → ه since issue #10.
const FOLD: Readonly<Record<string, string>> = { '\u0671': '\u0627', '\u06d5': '\u0647', '\u064a': '\u06cc', '\u0629': '\u0647' };
function oracleMatchingKey(s: string): string {
  return oracleNormalizeLetters(s)
    .normalize('NFD')
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[\u200c\u200d]/g, '')
    .replace(/\s+/g, '')
    .replace(/[\u0671\u06d5\u064a\u0629]/g, (ch) => FOLD[ch] ?? ch)
    .toLowerCase()
    .normalize('NFC');
}

function oracleCleanText(value: string, max: number): string {
  const text = value
    .normalize('NFC')
    .replace(/[\t\r\n ]+/g, ' ')
    .trim()
    // Arabic ي ى ك are stored as the Persian ی ک (one letter rule for typed and imported text).
    .replace(/[\u064a\u0649]/g, '\u06cc')
    .replace(/\u0643/g, '\u06a9');
  // Controls and bidi overrides/isolates are refused (issue #10); tab, CR and LF were collapsed above.
  if (/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(text)) return 'control characters';
  if (text.length > max) return 'too long';
  return text;
}
function tryCleanText(value: string, max: number): string {
  try {
    return cleanText(value, 'f', max);
  } catch (err) {
    return (err as Error).message.includes('control') ? 'control characters' : 'too long';
  }
}

// Every character the fast paths treat specially, the ones they must leave to the general path, and neighbours of both.
const tricky = [
  ...'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیءآأؤإئةۀ',
  'ي',
  'ى',
  'ك',
  'ٱ',
  'ە',
  'ہ',
  'ۂ',
  'ۓ',
  'ے',
  'ۀ',
  '\u0654',
  '\u0653',
  '\u0655',
  '\u064e',
  '\u0651',
  '\u0670',
  '\u0640',
  '\u063b',
  '\u063f',
  '\ufed3',
  '\ufeea',
  '\ufe94',
  '\ufef2',
  '\ufedb',
  '\ufefb',
  '\ufba4',
  '\uff21',
  '\u00bd',
  '\ufdf2',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202b',
  '\u202e',
  '\u2067',
  '\u2069',
  '\u061c',
  '\u0085',
  '\u009b',
  '\u001b',
  '\ufeff',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2003',
  '\u0000',
  '\u0007',
  '\u007f',
  '۱',
  '۹',
  '٣',
  '٫',
  '،',
  '0',
  '7',
  'a',
  'Z',
  'É',
  'e\u0301',
  'é',
  '\u212b',
  '-',
  '"',
  '~',
  '!',
];
const text = fc.array(fc.constantFrom(...tricky), { maxLength: 12 }).map((a) => a.join(''));
// Mostly plain text: the fast path's own ground.
const plainish = fc
  .array(fc.constantFrom(...'ابپتچحخدرزژسشعفقکگلمنوهیءآأؤإئ', ' ', '\u200c', 'a', 'Q', '5', '-'), { maxLength: 16 })
  .map((a) => a.join(''));
const anyText = fc.oneof(text, plainish, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('text fast paths agree with the general paths', () => {
  it('normalizeLetters', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normalizeLetters(s)).toBe(oracleNormalizeLetters(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('matchingKey', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(matchingKey(s)).toBe(oracleMatchingKey(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('toLatinDigits', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(toLatinDigits(s)).toBe(oracleDigits(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('cleanText', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: 0, max: 20 }), (s, max) => {
        expect(tryCleanText(s, max)).toBe(oracleCleanText(s, max));
      }),
      { numRuns: 3000 },
    );
  });

  it('plain text is left exactly as it is by every general step', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        if (!isPlainText(s)) return;
        expect(oracleNormalizeLetters(s)).toBe(s);
        expect(s.normalize('NFC')).toBe(s);
        expect(oracleCleanText(s, 1000)).toBe(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('every pair of the tricky characters', () => {
    for (const a of tricky) {
      for (const b of tricky) {
        for (const s of [a + b, `${a} ${b}`, `x${a}${b}y`]) {
          expect(normalizeLetters(s)).toBe(oracleNormalizeLetters(s));
          expect(matchingKey(s)).toBe(oracleMatchingKey(s));
          expect(tryCleanText(s, 100)).toBe(oracleCleanText(s, 100));
        }
      }
    }
  });
});
