/**
 * Encoding detection and decoding, and the cell-value helpers, on random
 * Persian text: whatever encoding Excel saved a sheet in, the same cells come out.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, test } from 'vitest';
import { jalaliToIso } from '../../src/lang/dates.js';
import { headerKey } from '../../src/domain/import/columns.js';
import { dateCellText, excelSerialToIso, normalizeCell, persianLetters } from '../../src/domain/import/values.js';
import { createDecoder, firstInvalidUtf8, readBom, sniffUtf16, type Encoding } from '../../src/files/encoding.js';
import type { TableSource } from '../../src/files/source.js';
import { openTable } from '../../src/files/table.js';
import { csvCell } from '../../src/files/writers.js';

const dir = mkdtempSync(join(tmpdir(), 'parvande-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Letters Windows-1256 can hold (Arabic ي and ك, not Persian ی and ک), Persian letters, digits, punctuation.
const cp1256Chars = fc.constantFrom(
  'ا',
  'ب',
  'پ',
  'ت',
  'ج',
  'چ',
  'ح',
  'خ',
  'د',
  'ر',
  'ز',
  'ژ',
  'س',
  'ش',
  'ع',
  'ف',
  'ق',
  'گ',
  'ل',
  'م',
  'ن',
  'و',
  'ه',
  'ي',
  'ك',
  ' ',
  '1',
  '9',
  'a',
  'Z',
  '،',
  '-',
  '"',
);
const unicodeChars = fc.oneof(cp1256Chars, fc.constantFrom('ی', 'ک', '۱', '۹', '٣', '\u200c', '😀', 'é'));
const cellOf = (chars: fc.Arbitrary<string>) => fc.array(chars, { minLength: 1, maxLength: 8 }).map((a) => a.join('').trim() || 'x');

function encode(text: string, enc: Encoding, bom: boolean): Buffer {
  const body =
    enc === 'utf8'
      ? Buffer.from(text, 'utf8')
      : iconv.encode(text, enc === 'windows-1256' ? 'windows-1256' : enc === 'utf16le' ? 'utf16le' : 'utf16-be');
  const mark = !bom ? [] : enc === 'utf8' ? [0xef, 0xbb, 0xbf] : enc === 'utf16le' ? [0xff, 0xfe] : enc === 'utf16be' ? [0xfe, 0xff] : [];
  return Buffer.concat([Buffer.from(mark), body]);
}

async function readAll(source: TableSource): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of source.batches()) for (const r of batch) rows.push(r.cells);
  return rows;
}

let n = 0;
describe('files in every encoding read back the same cells', () => {
  const cases: [Encoding, boolean, fc.Arbitrary<string>][] = [
    ['utf8', false, unicodeChars],
    ['utf8', true, unicodeChars],
    ['windows-1256', false, cp1256Chars],
    ['utf16le', true, unicodeChars],
    ['utf16be', true, unicodeChars],
  ];
  test.each(cases)('%s, BOM %s: detected without --encoding', async (enc, bom, chars) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellOf(chars), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(',', ';', '\t'),
        async (random, sep) => {
          const header = ['h1', 'h2'];
          // One row with letters only Arabic-script encodings hold, so plain ASCII never stands in for the file.
          const rows = [['علي', 'كرج'], ...random];
          const text = [header, ...rows].map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n') + '\r\n';
          const path = join(dir, `f${n++}.csv`);
          writeFileSync(path, encode(text, enc, bom));
          const source = await openTable(path);
          expect(source.encoding).toBe(enc);
          expect(source.separator).toBe(sep);
          expect(source.header).toEqual(header);
          expect(await readAll(source)).toEqual(rows);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('encoding helpers', () => {
  test('firstInvalidUtf8 agrees with Node on whole buffers', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const bad = firstInvalidUtf8(bytes, 0, true);
        expect(bad === -1).toBe(isUtf8(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  test('firstInvalidUtf8 never flags valid text, however it is cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.nat(), (s, k) => {
        const bytes = Buffer.from(s, 'utf8');
        const at = bytes.length === 0 ? 0 : k % (bytes.length + 1);
        expect(firstInvalidUtf8(bytes.subarray(0, at))).toBe(-1);
      }),
    );
  });

  test('the UTF-8 decoder is streaming: a character split across chunks comes out whole', async () => {
    const text = 'زهرا احمدی 😀 ۱۴۰۲';
    const bytes = Buffer.from(text, 'utf8');
    for (let at = 0; at <= bytes.length; at++) {
      const d = await createDecoder('utf8');
      expect(d.write(bytes.subarray(0, at)) + d.write(bytes.subarray(at)) + d.end()).toBe(text);
    }
  });

  test('BOMs and UTF-16 without a BOM are recognised', () => {
    expect(readBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf8', length: 3 });
    expect(readBom(Buffer.from([0xff, 0xfe, 0x41, 0]))).toEqual({ encoding: 'utf16le', length: 2 });
    expect(sniffUtf16(Buffer.from('name,نام\r\n1,2', 'utf16le'))).toBe('utf16le');
    expect(sniffUtf16(Buffer.from('name,نام\r\n1,2', 'utf8'))).toBeNull();
  });
});

describe('cell values', () => {
  test('an Excel serial is the Gregorian date it counts to (45196 = 2023-09-27 = 1402/07/05)', () => {
    expect(excelSerialToIso(45196)).toBe('2023-09-27');
    expect(jalaliToIso({ year: 1402, month: 7, day: 5 })).toBe('2023-09-27');
    expect(dateCellText('45196')).toBe('2023-09-27');
    expect(dateCellText('۴۵۱۹۶')).toBe('2023-09-27');
    expect(dateCellText('45196.75')).toBe('2023-09-27');
  });

  test('serials count days from 1899-12-30 for every date from 1910 on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3653, max: 80000 }), (serial) => {
        const iso = excelSerialToIso(serial) as string;
        const ms = Date.UTC(1899, 11, 30) + serial * 86400000;
        expect(iso).toBe(new Date(ms).toISOString().slice(0, 10));
      }),
    );
  });

  test('numbers that could be a year are not read as serials', () => {
    for (const v of ['1402', '1370', '2023', '1999']) expect(dateCellText(v)).toBe(v);
  });

  test('8-digit dates, and times after a date, are taken apart', () => {
    expect(dateCellText('14020705')).toBe('1402/07/05');
    expect(dateCellText('2023-09-27T00:00:00.000Z')).toBe('2023-09-27');
    expect(dateCellText('1402/07/05 10:30')).toBe('1402/07/05');
    expect(dateCellText('9/27/2023 0:00:00 AM')).toBe('9/27/2023');
  });

  test('Arabic ي ى ك become Persian in every text field, digits and line breaks stay', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ي', 'ى', 'ك', 'ی', 'ک', '۱', '1', '\n', ' ', 'ا'), { maxLength: 12 }), (chars) => {
        const s = chars.join('');
        const out = persianLetters(s);
        expect(out).not.toMatch(/[يىك]/);
        expect(out.length).toBe(s.length);
        expect(out.replace(/[یک]/g, '')).toBe(s.replace(/[يىكیک]/g, ''));
      }),
    );
  });

  test('names are normalised (ي→ی, digits, spaces); numeric cells lose a spreadsheet ".0"', () => {
    expect(normalizeCell('name', '  علي   رضا ')).toBe('علی رضا');
    expect(normalizeCell('mobile', '9121234567.0')).toBe('9121234567');
    expect(normalizeCell('national-code', '۱۳۵۴۲۴۱۹')).toBe('13542419');
  });

  test('headers match across case, spacing, punctuation and Persian spelling', () => {
    expect(headerKey('First Name')).toBe(headerKey('first-name'));
    expect(headerKey('firstName')).toBe(headerKey('first_name'));
    expect(headerKey('كد ملي')).toBe(headerKey('کد ملی'));
    expect(headerKey('نام‌خانوادگی')).toBe(headerKey('نام خانوادگی'));
    expect(headerKey('نام')).not.toBe(headerKey('نام خانوادگی'));
  });
});
