/**
 * Every fixture under fixtures/import: the good files import with exact values
 * whatever their encoding or format; the broken ones get one clear line naming
 * the row and column, exit 2, and leave the database as it was.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dump, FIXTURES, office, query, type Office } from './helpers.js';
// @ts-expect-error a plain .mjs script without types
import { makeFixtures, PEOPLE } from './make-fixtures.mjs';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

interface Stored {
  first_name: string;
  last_name: string;
  national_code: string | null;
  birth_date: string | null;
  sex: string | null;
  mobile: string | null;
  address: string | null;
  county: string | null;
}

const clients = (): Stored[] =>
  query<Stored>(o.db, `SELECT first_name, last_name, national_code, birth_date, sex, mobile, address, county FROM clients ORDER BY id`);

const SEX: Record<string, string> = { زن: 'female', مرد: 'male', female: 'female', male: 'male' };
const MOBILE: Record<string, string | null> = {
  '09121234567': '+989121234567',
  '+989351112233': '+989351112233',
  '00989121112233': '+989121112233',
  '9191234567': '+989191234567',
  '': null,
};

/** What the five PEOPLE become once stored: Persian letters, ASCII digits, ISO dates, +98 mobiles. */
function expected(p: (typeof PEOPLE)[number]): Stored {
  const persian = (s: string) => s.replace(/ي/g, 'ی').replace(/ك/g, 'ک');
  return {
    first_name: persian(p.first),
    last_name: persian(p.last),
    national_code: p.code === '' ? null : p.code,
    birth_date: p.birthIso,
    sex: SEX[p.sex] ?? null,
    mobile: MOBILE[p.mobile] ?? null,
    address: p.address === '' ? null : p.address.replace(/[۰-۹]/g, (d: string) => String(d.charCodeAt(0) - 0x06f0)),
    county: p.county,
  };
}

describe('good files import with exact values', () => {
  test.each([
    ['clients-utf8.csv', 'UTF-8, comma, LF, Persian headers and digits'],
    ['clients-utf8-bom-semicolon.csv', 'UTF-8 with BOM, semicolon, CRLF, field-name headers'],
    ['clients-utf16le.txt', 'Excel "Unicode text": UTF-16LE with BOM, tab separated'],
  ])('%s (%s)', async (name) => {
    const r = await o.json(['import', 'clients', o.fixture(name)]);
    expect(r).toMatchObject({ rows: 5, inserted: 5, updated: 0, unchanged: 0, rejected: 0, committed: true, format: 'csv' });
    const got = clients();
    // The address of the first person keeps its Persian digits in text files: only the parsers' fields change digits.
    const want = PEOPLE.map(expected);
    want[0] = { ...want[0], address: PEOPLE[0].address };
    expect(got).toEqual(want);
  });

  test('Windows-1256 (Excel "CSV" on a Persian Windows): Arabic ي/ك stored as Persian ی/ک', async () => {
    const r = await o.json(['import', 'clients', o.fixture('clients-windows-1256.csv')]);
    expect(r).toMatchObject({ rows: 5, inserted: 5, rejected: 0, encoding: 'windows-1256', separator: ',' });
    const got = clients();
    expect(got.map((c) => c.first_name)).toEqual(['زهرا', 'علی', 'مریم', 'محمد علی', 'فاطمه']);
    expect(got.map((c) => c.last_name)).toEqual(['احمدی', 'کریمی', 'رضایی', 'موسوی', 'نوری']);
    expect(got.map((c) => c.birth_date)).toEqual(PEOPLE.map((p: { birthIso: string | null }) => p.birthIso));
    expect(got.every((c) => !/[يك]/.test(JSON.stringify(c)))).toBe(true);
  });

  test('XLSX: merged title row skipped, numeric cells repaired, date cells and serials, formula by value, rich text', async () => {
    const r = await o.json(['import', 'clients', o.fixture('clients.xlsx')]);
    expect(r).toMatchObject({ rows: 5, inserted: 5, rejected: 0, repaired: 2, format: 'xlsx', sheet: 'مددجویان' });
    const got = clients();
    expect(got.map((c) => c.national_code)).toEqual(PEOPLE.map((p: { code: string }) => p.code || null));
    expect(got.map((c) => c.birth_date)).toEqual(PEOPLE.map((p: { birthIso: string | null }) => p.birthIso));
    expect(got.map((c) => c.mobile)).toEqual(['+989121234567', '+989351112233', '+989121112233', '+989191234567', null]);
    expect(got[1]?.first_name).toBe('علی');
    expect(got[2]?.county).toBe('کرج');
    // The cell holds the serial 45196: 2023-09-27 (1402/07/05), whatever calendar Excel showed it in.
    const registered = query<{ registered_on: string }>(o.db, `SELECT registered_on FROM clients ORDER BY id`).map((x) => x.registered_on);
    expect(registered).toEqual(['2023-09-27', '2025-04-04', '2025-04-04', '2025-04-04', '2025-04-04']);
  });

  test('XLSX --sheet picks a sheet by name', async () => {
    const first = await o.cli(['import', 'clients', o.fixture('two-sheets.xlsx')]);
    expect(first.code).toBe(2);
    const r = await o.json(['import', 'clients', o.fixture('two-sheets.xlsx'), '--sheet', 'clients']);
    expect(r).toMatchObject({ rows: 1, inserted: 1, sheet: 'clients' });
  });

  test('quoted cells with line breaks and doubled quotes stay one row', async () => {
    const r = await o.json(['import', 'clients', o.fixture('clients-multiline.csv')]);
    expect(r).toMatchObject({ rows: 2, inserted: 2 });
    const notes = query<{ notes: string }>(o.db, `SELECT notes FROM clients ORDER BY id`).map((x) => x.notes);
    expect(notes).toEqual(['تماس اول:\nمادر "نگران" است، پیگیری شود', 'یک خط\nو خط دوم']);
  });

  test('JSON array of records', async () => {
    const r = await o.json(['import', 'clients', o.fixture('clients.json')]);
    expect(r).toMatchObject({ rows: 5, inserted: 5, rejected: 0, format: 'json' });
    expect(clients().map((c) => c.birth_date)).toEqual(PEOPLE.map((p: { birthIso: string | null }) => p.birthIso));
  });

  test('formulas are read by their stored value; one with no stored value refuses its row', async () => {
    const r = await o.cli(['import', 'clients', o.fixture('formulas.xlsx'), '--json']);
    expect(r.code).toBe(2);
    const report = r.json();
    expect(report).toMatchObject({ rows: 2, inserted: 1, rejected: 1 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'شهرستان',
        field: 'county',
        value: '',
        reason: 'a formula with no stored result (open and save the file in Excel)',
      },
    ]);
    expect(clients()[0]).toMatchObject({ last_name: 'احمدی', national_code: PEOPLE[0].code, county: 'کرج' });
  });
});

describe('broken files: exit 2, one line naming row and column, database unchanged', () => {
  const cases: [string, string[], RegExp][] = [
    ['empty.csv', [], /^error: the file is empty$/],
    ['header-only.csv', [], /^error: row 1: the file has a header but no data rows$/],
    ['duplicate-headers.csv', [], /^error: columns A and C have the same header: rename or remove one$/],
    ['huge-cell.csv', [], /^error: row 2, column C: a cell is longer than 32767 characters/],
    ['too-many-fields.csv', [], /^error: row 3, column E: 5 cells, but the header has 4 columns/],
    ['unclosed-quote.csv', [], /^error: row 2, column C: a quoted cell is never closed/],
    ['unknown-column.csv', [], /^error: unknown column [A-Z]+: map it to a field with --map/],
    ['missing-column.csv', [], /^error: missing required column: last-name \(نام خانوادگی\)$/],
    ['truncated.xlsx', [], /^error: the XLSX file is truncated or damaged/],
    ['merged.xlsx', [], /^error: row 2, column "شهرستان": merged cells C2:C4 cannot be imported/],
    ['wrong-encoding.csv', ['--encoding', 'utf8'], /^error: row 2: the text is not valid UTF-8: the file looks like Windows-1256/],
    ['clients-utf8.csv', ['--encoding', 'windows-1256'], /^error: the file is UTF-8 text, but --encoding says Windows-1256/],
    ['clients-windows-1256.csv', ['--encoding', 'utf16le'], /^error: the file does not look like UTF-16LE text/],
    ['two-sheets.xlsx', ['--sheet', 'none'], /^error: no sheet has the name given for --sheet; the workbook has "یادداشت", "clients"$/],
  ];
  test.each(cases)('%s %s', async (name, extra, message) => {
    const before = dump(o.db);
    const file = o.fixture(name);
    const r = await o.cli(['import', 'clients', file, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(dump(o.db)).toBe(before);
    expect(readdirSync(join(o.dir, 'files'))).toEqual([name]);
  });

  test('with --json the error is one JSON object on stderr', async () => {
    const r = await o.cli(['import', 'clients', o.fixture('too-many-fields.csv'), '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr)).toEqual({
      error: {
        code: 'invalid',
        message: 'row 3, column E: 5 cells, but the header has 4 columns (a separator inside a value that is not quoted?)',
        field: 'file',
      },
    });
  });

  test('a file that is not there', async () => {
    const r = await o.cli(['import', 'clients', join(o.dir, 'nothing.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: no file at .*nothing\.csv\n$/);
  });
});

test('the generator still writes the committed fixtures byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parvande-fixtures-'));
  try {
    const files: Record<string, Buffer> = await makeFixtures(dir);
    for (const [name, data] of Object.entries(files)) expect(readFileSync(join(FIXTURES, name)).equals(data), name).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
