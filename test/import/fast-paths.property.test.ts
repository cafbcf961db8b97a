/**
 * The import's fast paths give what the general paths give: cell clean-up
 * (plain dates and digits skip the regular expressions), the CSV tokenizer's
 * loop for unquoted records (against csv-parse, cut into random chunks), and
 * the claim book's undo after it grew. The oracles are the general paths as
 * written before the fast paths, copied verbatim.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ClaimBook } from '../../src/domain/import/claims.js';
import { dateCellText, excelSerialToIso, normalizeCell, persianLetters } from '../../src/domain/import/values.js';
import { toLatinDigits } from '../../src/lang/digits.js';
import { normalizeLetters } from '../../src/lang/persian.js';
import { CsvTokenizer } from '../../src/files/csv-tokenizer.js';

const oraclePersianLetters = (s: string): string => s.replace(/[\u064a\u0649]/g, '\u06cc').replace(/\u0643/g, '\u06a9');

function oracleDateCellText(raw: string): string {
  const s = toLatinDigits(raw).trim();
  if (/^\d{4,7}(\.\d+)?$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    if (iso !== null) return iso;
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) return `${compact[1]}/${compact[2]}/${compact[3]}`;
  const timed = /^(\S+)(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?Z?$/.exec(s);
  if (timed) return timed[1] as string;
  return s;
}

const oracleDigitsText = (raw: string): string =>
  toLatinDigits(raw)
    .trim()
    .replace(/^(\d+)\.0+$/, '$1');

const dateChars = fc.constantFrom(
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '9',
  '۱',
  '۴',
  '٠',
  '/',
  '-',
  '.',
  ':',
  ' ',
  'T',
  'Z',
  'A',
  'M',
  'p',
  '\u00a0',
  '\t',
);
const dateLike = fc.oneof(
  fc.array(dateChars, { maxLength: 14 }).map((a) => a.join('')),
  fc
    .tuple(
      fc.integer({ min: 0, max: 99999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('-', '/', ''),
      fc.constantFrom('', ' ', ' 10:30', 'T00:00:00'),
    )
    .map(([y, m, d, sep, tail]) => `${y}${sep}${m}${sep}${d}${tail}`),
);

describe('cell clean-up fast paths agree with the general paths', () => {
  test('dateCellText', () => {
    fc.assert(
      fc.property(dateLike, (s) => {
        expect(dateCellText(s)).toBe(oracleDateCellText(s));
      }),
      { numRuns: 3000 },
    );
  });

  test('digits of national codes, mobiles and phones', () => {
    const digitsLike = fc
      .array(fc.constantFrom('0', '9', '۹', '٣', '.', '0', ' ', '+', '-', 'e', '\u200c'), { maxLength: 14 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        digitsLike,
        fc.constantFrom('national-code', 'mobile', 'phone') as fc.Arbitrary<'national-code' | 'mobile' | 'phone'>,
        (s, kind) => {
          expect(normalizeCell(kind, s)).toBe(oracleDigitsText(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('persianLetters and the text kinds', () => {
    const textLike = fc
      .array(fc.constantFrom('ي', 'ى', 'ك', 'ی', 'ک', 'ا', ' ', 'a', '۱', '\u200c'), { maxLength: 10 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(textLike, fc.string()), (s) => {
        expect(persianLetters(s)).toBe(oraclePersianLetters(s));
        for (const kind of ['text', 'note', 'code', 'list'] as const) expect(normalizeCell(kind, s)).toBe(oraclePersianLetters(s));
        expect(normalizeCell('name', s)).toBe(normalizeLetters(s));
      }),
      { numRuns: 1000 },
    );
  });
});

/** Cuts text at the given positions (taken modulo its length) into pieces (some empty). */
function cut(text: string, at: number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(text.slice(from, p));
    from = p;
  }
  out.push(text.slice(from));
  return out;
}

describe('the tokenizer loop for unquoted records', () => {
  // Mostly unquoted cells (the fast loop), with the odd quoted one and every line ending, cut anywhere.
  const plainCell = fc
    .array(fc.constantFrom('a', 'ی', '1', ' ', '-', '\u200c', '"'), { maxLength: 6 })
    .map((a) => a.join('').replace(/^"/, 'x'));
  const quotedCell = fc.array(fc.constantFrom('a', ',', '\n', '""', '\r\n'), { maxLength: 4 }).map((a) => `"${a.join('')}"`);
  const cell = fc.oneof({ weight: 6, arbitrary: plainCell }, { weight: 1, arbitrary: quotedCell });
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const text = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 6 }), eol), { minLength: 1, maxLength: 12 }).chain((rows) => {
    // csv-parse wants one record width; pad every row to the widest.
    const width = Math.max(...rows.map(([cells]) => cells.length));
    return fc.constant(rows.map(([cells, end]) => [...cells, ...Array<string>(width - cells.length).fill('')].join(',') + end).join(''));
  });

  test('same records and row numbers as csv-parse, however the text is cut', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 8 }), (csv, at) => {
        const rows: string[][] = [];
        const numbers: number[] = [];
        const t = new CsvTokenizer(',', (cells, row) => {
          rows.push(cells);
          numbers.push(row);
        });
        for (const piece of cut(csv, at)) t.push(piece);
        t.end();
        const expected = parse(csv, { relax_quotes: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
        expect(rows).toEqual(expected);
        expect(numbers).toEqual(expected.map((_, i) => i + 1));
      }),
      { numRuns: 1500 },
    );
  });

  test('a cell longer than the limit is refused wherever the chunks are cut', () => {
    for (const at of [[], [5], [7, 8], [15]]) {
      const t = new CsvTokenizer(',', () => {}, 10);
      const pieces = cut(`ab,${'x'.repeat(11)},c\n`, at);
      expect(() => {
        for (const p of pieces) t.push(p);
        t.end();
      }).toThrow(/longer than 10 characters/);
    }
  });
});

describe('claim book', () => {
  test('a refused row forgets its claims, even after a later claim of the row grew the book', () => {
    const book = new ClaimBook();
    book.beginRow();
    book.claim('clients', 5, 2, 'client');
    book.claim('clients', 5000, 2, 'client');
    book.undoRow();
    book.beginRow();
    // Row 3 may now take both records: row 2's claims were undone.
    expect(() => book.claim('clients', 5, 3, 'client')).not.toThrow();
    expect(() => book.claim('clients', 5000, 3, 'client')).not.toThrow();
    book.beginRow();
    expect(() => book.claim('clients', 5000, 4, 'client')).toThrow(/same client as row 3 of this file/);
  });
});
