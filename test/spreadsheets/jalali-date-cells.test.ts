/**
 * A Jalali date typed into a spreadsheet date cell. LibreOffice Calc takes
 * `1370-05-12` for a date of the year 1370 AD and keeps it, like every date before
 * 1582-10-15, in the Julian calendar: the file holds a serial whose proleptic
 * Gregorian reading is 1370-05-20, eight days off what the clerk sees and typed.
 * parvande reads a date cell's year, month and day as the spreadsheet shows them
 * (Julian before 1582-10-15), and a year below 1700 is Jalali (src/lang/dates.ts).
 *
 * fixtures/import/jalali-dates-libreoffice.xlsx was written by LibreOffice itself
 * (test/spreadsheets/make-libreoffice-fixtures.mjs); the last test compares, cell
 * by cell, with what LibreOffice shows, and is skipped only where soffice is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { parseDateInput } from '../../src/lang/dates.js';
import { cellText } from '../../src/files/xlsx-cells.js';
import { openXlsx } from '../../src/files/xlsx-source.js';
import { FIXTURES, office, query, type Office } from '../import/helpers.js';
// @ts-expect-error a plain .mjs script without types
import { TYPED } from './make-libreoffice-fixtures.mjs';

const TODAY = '2026-11-25';
const typed = TYPED as [string, string, string][];
/** What each typed birth date means: Jalali below 1700, else Gregorian (the rule of parseDateInput). */
const meant = (text: string): string => parseDateInput(text.replace(/-/g, '/'), { today: TODAY });

/** A LibreOffice (1899-12-30) serial as exceljs gives it for a date cell: a Date at UTC midnight, proleptic Gregorian. */
const fromSerial = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

const work = mkdtempSync(join(tmpdir(), 'parvande-jalali-cells-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cellsOf(path: string): Promise<string[][]> {
  const source = await openXlsx(path, {});
  const rows: string[][] = [source.header];
  for await (const batch of source.batches()) for (const r of batch) rows.push(r.cells);
  return rows;
}

describe('a date cell reads as the spreadsheet shows it', () => {
  test.each([
    [-193437, '1370-05-12'],
    [-195394, '1365-01-01'],
    [-219077, '1300-02-29'], // a Julian leap day: no such day in the proleptic Gregorian 1300
    [-192779, '1372-02-29'],
    [-182613, '1399-12-30'],
    [-115859, '1582-10-04'], // the last Julian day
    [-115858, '1582-10-15'], // the first Gregorian day
    [-73046, '1700-01-01'],
    [60, '1900-02-28'],
    [61, '1900-03-01'],
    [33453, '1991-08-03'],
    [43890, '2020-02-29'],
  ])('LibreOffice serial %i shows %s', (serial, shown) => {
    expect(cellText(fromSerial(serial))).toEqual({ text: shown });
  });
});

describe('importing what LibreOffice wrote', () => {
  let o: Office;
  beforeEach(async () => {
    o = await office();
  });
  afterEach(() => o.cleanup());

  test('every birth date is the one typed, read as Jalali below the year 1700', async () => {
    const r = await o.json(['import', 'clients', o.fixture('jalali-dates-libreoffice.xlsx')]);
    expect(r).toMatchObject({ inserted: typed.length, rejected: 0 });
    const stored = query<{ first_name: string; birth_date: string }>(o.db, `SELECT first_name, birth_date FROM clients ORDER BY id`);
    expect(stored).toEqual(typed.map(([first, , birth]) => ({ first_name: first, birth_date: meant(birth) })));
    // The example of issue #10: 1370/05/12 is 1991-08-03, not 1991-08-11.
    expect(stored[0]?.birth_date).toBe('1991-08-03');
  });
});

describe('files written by exceljs', () => {
  test('serials in date-formatted cells, Gregorian dates and text: each as shown', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('clients');
    ws.addRow(['first-name', 'last-name', 'birth-date']);
    const rows: [string, number | Date | string, string][] = [
      ['الف', -193437, '1370-05-12'],
      ['ب', -219077, '1300-02-29'],
      ['پ', new Date(Date.UTC(1991, 7, 3)), '1991-08-03'],
      ['ت', new Date(Date.UTC(1900, 2, 1)), '1900-03-01'],
      ['ث', 61, '1900-03-01'],
      ['ج', '1370/05/12', '1370/05/12'],
    ];
    for (const [first, value] of rows) {
      const row = ws.addRow([first, 'ی', value]);
      row.getCell(3).numFmt = 'yyyy-mm-dd';
    }
    const path = join(work, 'exceljs.xlsx');
    await wb.xlsx.writeFile(path);
    const cells = await cellsOf(path);
    expect(cells.slice(1).map((c) => c[2])).toEqual(rows.map((r) => r[2]));
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.log('jalali-date-cells: soffice is not installed here, so the comparison with what LibreOffice shows is skipped');

describe.skipIf(!soffice)('LibreOffice shows the same', () => {
  /** The sheet as LibreOffice shows it, through its own CSV export (cells as formatted). */
  function shownByLibreOffice(xlsx: string): string[][] {
    const out = mkdtempSync(join(work, 'lo-'));
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true',
        '--outdir',
        out,
        xlsx,
      ],
      { stdio: 'ignore' },
    );
    const name = xlsx
      .split('/')
      .pop()
      ?.replace(/\.xlsx$/, '.csv') as string;
    return readFileSync(join(out, name), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => l.split(','));
  }

  test('the fixture: parvande reads what LibreOffice shows', async () => {
    const path = join(FIXTURES, 'jalali-dates-libreoffice.xlsx');
    expect(await cellsOf(path)).toEqual(shownByLibreOffice(path));
  });

  test('a sheet of serials from before, at and after the calendar change', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('dates');
    ws.addRow(['n', 'date']);
    const serials = [
      -219077, -195394, -193437, -182613, -140000, -115860, -115859, -115858, -115857, -73046, -36522, 1, 59, 60, 61, 33453, 46000,
    ];
    for (const s of serials) ws.addRow([String(s), s]).getCell(2).numFmt = 'yyyy-mm-dd';
    const path = join(work, 'serials.xlsx');
    await wb.xlsx.writeFile(path);
    expect(await cellsOf(path)).toEqual(shownByLibreOffice(path));
  });

  test('a CSV typed with Jalali dates, opened and saved by LibreOffice, imports as typed', async () => {
    const csv = join(work, 'typed.csv');
    writeFileSync(csv, 'first-name,last-name,birth-date\nزهرا,احمدی,1370-05-12\nعلی,کریمی,1355-11-30\nمریم,رضایی,1991-08-03\n');
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        work,
        csv,
      ],
      { stdio: 'ignore' },
    );
    const cells = await cellsOf(join(work, 'typed.xlsx'));
    expect(cells.slice(1).map((c) => meant(c[2] as string))).toEqual(['1991-08-03', meant('1355/11/30'), '1991-08-03']);
  });
});
