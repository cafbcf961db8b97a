/**
 * The report in every format: terminal tables and charts in 80 columns whose
 * columns stay aligned with Persian text (ZWNJ included), csv with a BOM, xlsx
 * with one right-to-left sheet per table, and one self-contained html page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TestOffice } from './fixture.js';
import { displayWidth } from '../../src/ui/text-width.js';
import { renderReportTable } from '../../src/ui/views/report-table.js';
import { renderBarChart } from '../../src/ui/charts.js';

let o: TestOffice;
const ZWNJ = '\u200c';

beforeAll(async () => {
  o = await TestOffice.create('KRJ01');
  const center = o.center(`مرکز مثبت${ZWNJ}زندگی کرج`);
  const worker = o.worker('نرگس', `محمدی${ZWNJ}نیا`);
  o.batch(() => {
    const c = o.openCase({ opened: '2026-11-22', category: 'child-abuse', categories: ['social-harm'], center, worker });
    for (let i = 0; i < 12; i++) o.service({ date: '2026-11-23', type: i % 3 === 0 ? 'crisis-intervention' : 'psychology', case: c });
    for (let i = 0; i < 1234; i++) o.service({ date: '2026-11-24', type: 'hotline-call' });
    o.client({ registered: '2026-11-22', sex: 'female', birth: '2012-01-01', name: 'زهرا' });
  });
});
afterAll(() => o.cleanup());

/** Display columns of every box-drawing junction on a line. */
function junctions(line: string): number[] {
  const cols: number[] = [];
  let col = 0;
  for (const ch of line) {
    if ('│┼├┤┌┐└┘┬┴'.includes(ch)) cols.push(col);
    col += displayWidth(ch);
  }
  return cols;
}

/** Each table's lines (from ┌ to └) have their borders at the same columns. */
function expectAligned(text: string): void {
  const tables: string[][] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) tables.push([]);
    if (/^[┌│├└]/.test(line)) tables.at(-1)?.push(line);
  }
  expect(tables.length).toBeGreaterThan(0);
  for (const lines of tables) {
    const first = junctions(lines[0] as string);
    for (const l of lines) expect(junctions(l), l).toEqual(first);
  }
}

describe('terminal', () => {
  for (const lang of ['en', 'fa']) {
    it(`monthly, year and range fit 80 columns with aligned columns (--lang ${lang})`, async () => {
      for (const args of [['monthly'], ['year'], ['range', '--from', '1405/09/01', '--to', '1405/09/04']]) {
        const r = await o.cli(['--lang', lang, 'report', ...args]);
        expect(r.code).toBe(0);
        for (const line of r.stdout.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(80);
        expectAligned(r.stdout);
      }
    });
  }

  it('Persian labels, Persian digits, and ZWNJ inside a cell taking no column', async () => {
    const r = await o.cli(['--lang', 'fa', 'report', 'monthly']);
    expect(r.stdout).toContain('گزارش ماهانه فعالیت — آذر ۱۴۰۵');
    expect(r.stdout).toContain(`کودک${ZWNJ}آزاری`);
    expect(r.stdout).toContain(`مرکز مثبت${ZWNJ}زندگی کرج`);
    expect(r.stdout).toContain('۱٬۲۳۴');
    const line = r.stdout.split('\n').find((l) => l.includes(`کودک${ZWNJ}آزاری`)) as string;
    const plain = r.stdout.split('\n').find((l) => l.includes('همسرآزاری')) as string;
    // Same table, same display width, though one holds a ZWNJ more.
    expect(displayWidth(line)).toBe(displayWidth(plain));
    expect(line.length).toBe(plain.length + 1);
  });

  it('a table wider than 80 columns is split, each part keeping the labels', () => {
    const head = ['Item', ...Array.from({ length: 12 }, (_, i) => `OFFICE${i + 1}`), 'Total'];
    const out = renderReportTable(
      head,
      [
        ['Total', ...Array.from({ length: 13 }, () => '12,345')],
        [`کودک${ZWNJ}آزاری`, ...Array.from({ length: 13 }, () => '7')],
      ],
      {},
    );
    const parts = out.split('\n').filter((l) => l.startsWith('┌'));
    expect(parts.length).toBeGreaterThan(1);
    for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(out.match(/│ Item/g)?.length).toBe(parts.length);
    expectAligned(out);
  });

  it('bar charts fit the width in both directions', () => {
    const items = [
      { label: `کودک${ZWNJ}آزاری`, value: 417 },
      { label: 'اختلافات حاد خانوادگی', value: 696 },
      { label: 'x', value: 0 },
    ];
    for (const rtl of [false, true]) {
      const out = renderBarChart('title', items, { rtl, width: 80 });
      for (const l of out.split('\n')) expect(displayWidth(l)).toBeLessThanOrEqual(80);
      expect(out.split('\n')).toHaveLength(4);
    }
    expect(renderBarChart('t', [], { empty: '(none)' })).toContain('(none)');
  });
});

describe('files', () => {
  it('csv: UTF-8 with a BOM, CRLF, each table with its row codes', async () => {
    const out = join(o.dir, 'azar.csv');
    const r = await o.cli(['--lang', 'fa', 'report', 'monthly', '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text).toContain('\r\n');
    expect(text).toContain('services.byType.hotline-call,تماس تلفنی ۱۲۳,1234,0,1234\r\n');
    expect(text).toContain('services.total,جمع کل,1246,0,1246');
    if (process.platform !== 'win32') expect(statSync(out).mode & 0o777).toBe(0o600);
    // To stdout when no --out is given.
    const s = await o.cli(['report', 'monthly', '--format', 'csv']);
    expect(s.stdout).toContain('services.byType.crisis-intervention,Crisis intervention,4,0,4');
  });

  it('xlsx: a sheet per table, right-to-left with --lang fa, numbers as numbers', async () => {
    const out = join(o.dir, 'azar.xlsx');
    const r = await o.cli(['--lang', 'fa', 'report', 'monthly', '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toContain('خدمات به تفکیک نوع');
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const ws of wb.worksheets) expect(ws.views[0]?.rightToLeft).toBe(true);
    const byType = wb.getWorksheet('خدمات به تفکیک نوع');
    const hotline = byType?.getRows(1, byType.rowCount)?.find((row) => row.getCell(1).value === 'تماس تلفنی ۱۲۳');
    expect(hotline?.getCell(2).value).toBe(1234);
    const en = join(o.dir, 'azar-en.xlsx');
    expect((await o.cli(['report', 'monthly', '--format', 'xlsx', '--out', en])).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(en);
    expect(wb2.worksheets[1]?.views[0]?.rightToLeft).toBe(false);
  });

  it('html: one self-contained printable page, dir="rtl" in Persian, no client name', async () => {
    const out = join(o.dir, 'azar.html');
    const r = await o.cli(['--lang', 'fa', 'report', 'monthly', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(html).toContain('KRJ01 — دفتر آزمایشی');
    expect(html).toContain('<table>');
    expect(html).toContain('class="bar"');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/https?:|<script|<link|src=|@import|url\(/i);
    expect(html).not.toContain('زهرا');
    const en = await o.cli(['report', 'monthly', '--format', 'html']);
    expect(en.stdout).toContain('<html lang="en" dir="ltr">');
  });

  it('--json with a file format writes the file and prints the JSON; without --out it is refused', async () => {
    const out = join(o.dir, 'j.html');
    const r = await o.cli(['report', 'monthly', '--format', 'html', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().services.total).toBe(1246);
    expect(readFileSync(out, 'utf8')).toContain('</html>');
    const bad = await o.cli(['report', 'monthly', '--format', 'html', '--json']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('an --out that cannot be written is a clear error', async () => {
    const r = await o.cli(['report', 'monthly', '--format', 'csv', '--out', join(o.dir, 'no-such-folder', 'x.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot write .*x\.csv: its folder does not exist\n$/);
  });
});
