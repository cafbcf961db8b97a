/**
 * CSV formula injection (OWASP "CSV injection"): a name or note such as
 * `=HYPERLINK("http://x","y")` must reach a spreadsheet as text, never as a formula.
 * Every CSV cell that starts with = + - @ tab or carriage return gets a leading `'`
 * (src/files/csv-formula.ts, through csvCell), and reading a CSV takes that `'` off
 * again, so that a file parvande wrote imports back exactly, for every string.
 * Typed numbers (a count, minutes, -3) are not text a person typed and stay as they are.
 * XLSX files hold such text as string cells, never as formulas.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { normalizeCell, persianLetters } from '../../src/domain/import/values.js';
import { openCsv } from '../../src/files/csv-source.js';
import { csvCell, csvWriter, streamSink, type CellValue, type ColumnSpec } from '../../src/files/writers.js';
import { xlsxWriter } from '../../src/files/xlsx-writer.js';
import { renderReportCsv } from '../../src/ui/report-formats/csv.js';
import { renderReportXlsx } from '../../src/ui/report-formats/xlsx.js';
import type { ReportDoc } from '../../src/ui/views/report-doc.js';
import { unzipParts } from '../faults/zip-parts.js';
import { office, query, type Office } from '../import/helpers.js';

const work = mkdtempSync(join(tmpdir(), 'parvande-formulas-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ATTACKS = ['=1+1', '=HYPERLINK("http://x","y")', '+1+1', '-1+1', '@SUM(A1)', '\t=1+1', '\r=1+1', "=cmd|' /C calc'!A0"];

describe('csvCell', () => {
  test.each(ATTACKS)('neutralises %j with a leading quote', (value) => {
    const cell = csvCell(value, ',');
    // Quoted or not, the first character of the cell's content is the apostrophe.
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });

  test('a value that already starts with quotes before a trigger gets one more; other text is left alone', () => {
    expect(csvCell("'=1+1", ',')).toBe("''=1+1");
    expect(csvCell("''-x", ',')).toBe("'''-x");
    expect(csvCell("'abc", ',')).toBe("'abc");
    expect(csvCell('a=b', ',')).toBe('a=b');
    expect(csvCell('زهرا', ',')).toBe('زهرا');
    expect(csvCell('', ',')).toBe('');
  });

  test('typed numbers, dates and booleans are not text: no quote', () => {
    expect(csvCell(-3, ',')).toBe('-3');
    expect(csvCell(-0.5, ',')).toBe('-0.5');
    expect(csvCell({ date: '2026-11-25' }, ',')).toBe('2026-11-25');
    expect(csvCell(true, ',')).toBe('yes');
    expect(csvCell(null, ',')).toBe('');
    // The same characters typed as text are neutralised.
    expect(csvCell('-3', ',')).toBe("'-3");
  });
});

/** Strings biased towards what matters here: triggers, quotes, separators and line breaks at the start. */
const text = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", '"', ',', ';', '\n', ' ', 'a', 'ی', '1') },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 12,
});

/** An XLSX written by the export's writer, as bytes. */
async function xlsxOf(columns: ColumnSpec[], rows: CellValue[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const w = await xlsxWriter(
    streamSink((b) => chunks.push(b)),
    columns,
    'clients',
  );
  for (const r of rows) await w.writeRow(r);
  await w.close();
  return Buffer.concat(chunks);
}

async function csvOf(values: readonly string[], sep: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const w = await csvWriter(
    streamSink((b) => chunks.push(b)),
    [
      { header: 'n', kind: 'number' },
      { header: 'value', kind: 'text' },
    ],
    { separator: sep },
  );
  for (const [i, v] of values.entries()) await w.writeRow([i + 1, v]);
  await w.close();
  return Buffer.concat(chunks);
}

let fileNo = 0;
/** The value column as the import reads it (the separator given: guessing it is another matter). */
async function readBack(bytes: Buffer, separator: string): Promise<string[]> {
  const path = join(work, `round-${++fileNo}.csv`);
  writeFileSync(path, bytes);
  const source = await openCsv(path, { separator });
  const out: string[] = [];
  for await (const batch of source.batches()) for (const r of batch) out.push(r.cells[1] as string);
  rmSync(path);
  return out;
}

describe('the round trip is exact for every string', () => {
  test("csvCell → the CSV reader → the import's cell cleaning gives the string back", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 8 }), fc.constantFrom(',', ';', '\t'), async (values, sep) => {
        const back = await readBack(await csvOf(values, sep), sep);
        expect(back).toEqual(values);
        for (const [i, v] of values.entries()) expect(normalizeCell('note', back[i] as string)).toBe(persianLetters(v));
      }),
      { numRuns: 300 },
    );
  });

  test('no cell of the written file starts with a trigger', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (value) => {
        const cell = csvCell(value, ',');
        const content = cell.startsWith('"') ? cell.slice(1) : cell;
        expect(/^[=+\-@\t\r]/.test(content)).toBe(false);
      }),
    );
  });
});

describe('export and import through the commands', () => {
  let o: Office;
  let other: Office;
  beforeEach(async () => {
    o = await office('FX01');
    other = await office('FX02');
  });
  afterEach(() => {
    o.cleanup();
    other.cleanup();
  });

  test('notes and addresses that look like formulas are exported as text and come back unchanged', async () => {
    const values = ['=HYPERLINK("http://x","y")', '=1+1', "'=1+1", '-بدون تماس', '@فاطمه', '+98 912'];
    for (const [i, v] of values.entries()) {
      await o.json(['client', 'add', '--first-name', `زهرا${'ابپتثج'[i]}`, '--last-name', 'احمدی', '--notes', v, '--address', v]);
    }
    const out = join(o.dir, 'clients.csv');
    await o.json(['export', 'clients', '--out', out]);
    const written = readFileSync(out, 'utf8');
    expect(written).not.toMatch(/(^|,)"?[=+\-@]/m);
    expect(written).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(written).toContain("''=1+1");
    await other.json(['import', 'clients', out]);
    const stored = query<{ notes: string; address: string }>(other.db, 'SELECT notes, address FROM clients ORDER BY id');
    expect(stored).toEqual(values.map((v) => ({ notes: v, address: v })));
  });
});

describe('export → import keeps every stored note exactly', () => {
  const LETTERS = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
  // Found by the property below (seed -246822280): the command stored Arabic ى as typed, the
  // import folded it to Persian ی. Both paths now store the Persian letters.
  test('Arabic letters in a note are stored as the Persian ones, by the command and by the import alike', async () => {
    const a = await office('PA02');
    const b = await office('PB02');
    try {
      await a.cli(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--notes', 'ى ي ك', '--address', 'كوچه ي']);
      const out = join(a.dir, 'clients.csv');
      await a.json(['export', 'clients', '--out', out]);
      await b.json(['import', 'clients', out]);
      const sql = 'SELECT notes, address FROM clients';
      expect(query(a.db, sql)).toEqual([{ notes: 'ی ی ک', address: 'کوچه ی' }]);
      expect(query(b.db, sql)).toEqual(query(a.db, sql));
    } finally {
      a.cleanup();
      b.cleanup();
    }
  });

  test('property: what one office stores, another imports from its CSV export', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 6 }), async (notes) => {
        const a = await office('PA01');
        const b = await office('PB01');
        try {
          for (const [i, note] of notes.entries()) {
            // What `client add` refuses (a rule of notes, not of CSV) is left out.
            await a.cli(['client', 'add', '--first-name', `زهرا ${LETTERS[i]}`, '--last-name', 'احمدی', '--notes', note]);
          }
          const out = join(a.dir, 'clients.csv');
          await a.json(['export', 'clients', '--out', out]);
          await b.json(['import', 'clients', out]);
          const sql = 'SELECT first_name, notes FROM clients ORDER BY first_name';
          expect(query(b.db, sql)).toEqual(query(a.db, sql));
        } finally {
          a.cleanup();
          b.cleanup();
        }
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});

describe('the rejects file', () => {
  let o: Office;
  beforeEach(async () => {
    o = await office('FX03');
  });
  afterEach(() => o.cleanup());

  test('refused rows are written neutralised, and the fixed file imports the values as they were', async () => {
    const input = o.file('people.csv', 'first-name,last-name,notes\r\nزهرا,,"\'=HYPERLINK(""http://x"",""y"")"\r\nعلی,کریمی,-\r\n');
    const r = await o.cli(['import', 'clients', input, '--json']);
    expect(r.code).toBe(2);
    const rejects = readFileSync(join(o.dir, 'files', 'people.rejects.csv'), 'utf8');
    expect(rejects).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(rejects).not.toMatch(/(^|,)"?=/m);
    // The clerk fills in the last name; the error column goes with the unknown-column rule, so drop it.
    const fixed = rejects
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .map((l) => l.replace(/,[^,]*$/, ''))
      .join('\r\n')
      .replace('زهرا,,', 'زهرا,احمدی,');
    await o.json(['import', 'clients', o.file('fixed.csv', fixed)]);
    expect(query<{ notes: string }>(o.db, 'SELECT notes FROM clients ORDER BY id').map((c) => c.notes)).toEqual([
      '-',
      '=HYPERLINK("http://x","y")',
    ]);
  });
});

const doc = (text: string): ReportDoc =>
  ({
    rtl: false,
    title: text,
    office: text,
    period: '1405-09',
    asOf: '2026-11-25',
    charts: [],
    tables: [{ id: 't', title: text, head: ['', 'n'], rows: [{ code: text, label: text, values: [-3, null] }] }],
    lists: [{ id: 'l', title: text, head: ['id', text], rows: [['1', text]], more: 0 }],
  }) as unknown as ReportDoc;

describe('reports', () => {
  test('the report CSV neutralises text and keeps numbers', async () => {
    const csv = (await renderReportCsv(doc('=HYPERLINK("http://x","y")'), 'en')).toString('utf8');
    expect(csv).not.toMatch(/(^|,)"?=/m);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toMatch(/,-3,/);
  });

  test('the report XLSX holds text as strings, never formulas', async () => {
    const parts = unzipParts(await renderReportXlsx(doc('=1+1'), 'en'));
    const xml = parts
      .filter((p) => p.name.startsWith('xl/'))
      .map((p) => p.data.toString('utf8'))
      .join('\n');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('=1+1');
  });
});

describe('XLSX exports', () => {
  test('a text cell that looks like a formula is a string cell', async () => {
    const bytes = await xlsxOf(
      [
        { header: 'notes', kind: 'text' },
        { header: 'n', kind: 'number' },
      ],
      ATTACKS.map((v) => [v, -3]),
    );
    const sheet =
      unzipParts(bytes)
        .find((p) => p.name === 'xl/worksheets/sheet1.xml')
        ?.data.toString('utf8') ?? '';
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
  });
});

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!soffice) console.log('formula-injection: soffice is not installed here, so opening the files in LibreOffice is skipped');

describe.skipIf(!soffice)('LibreOffice opens them as text', () => {
  const profile = `-env:UserInstallation=file://${join(work, 'profile')}`;
  /** Opens a CSV the way a careless setting would (formulas evaluated) and saves it as XLSX: the sheet XML. */
  function sheetOfCsv(csv: string): string {
    const out = mkdtempSync(join(work, 'lo-'));
    // Token 13 true: "evaluate formulas" on, the worst case.
    execFileSync(
      'soffice',
      [
        profile,
        '--headless',
        '--infilter=CSV:44,34,76,1,,1033,false,true,false,false,false,-1,true',
        '--convert-to',
        'xlsx',
        '--outdir',
        out,
        csv,
      ],
      { stdio: 'ignore' },
    );
    const parts = unzipParts(readFileSync(join(out, (csv.split('/').pop() as string).replace(/\.csv$/, '.xlsx'))));
    return parts
      .filter((p) => p.name.startsWith('xl/'))
      .map((p) => p.data.toString('utf8'))
      .join('\n');
  }

  test('an exported CSV: no formula, the text shown with its apostrophe', async () => {
    const path = join(work, 'lo-export.csv');
    writeFileSync(path, await csvOf(ATTACKS.slice(0, 5), ','));
    const xml = sheetOfCsv(path);
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('&apos;=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    // Before the fix the same file made a formula: the check is not vacuous.
    writeFileSync(path, 'n,value\r\n1,=1+1\r\n');
    expect(sheetOfCsv(path)).toMatch(/<f[ >]/);
  });

  test('an exported XLSX: LibreOffice shows the text, not a computed value', async () => {
    const path = join(work, 'lo-export.xlsx');
    writeFileSync(path, await xlsxOf([{ header: 'notes', kind: 'text' }], [['=1+1'], ['=HYPERLINK("http://x","y")']]));
    const out = mkdtempSync(join(work, 'lo-'));
    execFileSync(
      'soffice',
      [profile, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', '--outdir', out, path],
      { stdio: 'ignore' },
    );
    expect(readFileSync(join(out, 'lo-export.csv'), 'utf8').trimEnd().split('\n')).toEqual([
      'notes',
      '=1+1',
      '"=HYPERLINK(""http://x"",""y"")"',
    ]);
  });
});
