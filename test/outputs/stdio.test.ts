/**
 * "-" is standard output for --out (CSV, JSON, HTML, and XLSX when stdout is not
 * a terminal) and standard input for import (CSV, JSON or XLSX, chosen with
 * --format; CSV when not given). No file named "-" is ever made. The refused rows
 * of standard input go to stdin.rejects.<ext> in the current folder, numbered,
 * never replacing a file.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initOffice, runCli, tempDb } from '../helpers/cli.js';
import { fingerprint, modeOf, office, posixOnly, refused, runBinBytes, temporaryFiles, type Office } from './helpers.js';

let o: Office;
let cwd = '';
beforeEach(async () => {
  o = await office();
  cwd = process.cwd();
  process.chdir(o.dir);
});
afterEach(() => {
  process.chdir(cwd);
  o.cleanup();
});

const noDashFile = (): void => expect(existsSync(join(o.dir, '-'))).toBe(false);

async function withTerminalStdout<T>(fn: () => Promise<T>): Promise<T> {
  const saved = process.stdout.isTTY;
  (process.stdout as { isTTY?: boolean }).isTTY = true;
  try {
    return await fn();
  } finally {
    (process.stdout as { isTTY?: boolean }).isTTY = saved;
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('--out - writes to standard output', () => {
  it('export csv and json', async () => {
    const csv = await o.cli(['export', 'clients', '--out', '-']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toMatch(/^\ufeffid,/);
    expect(csv.stdout).toContain('زهرا');
    const json = await o.cli(['export', 'clients', '--out', '-', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toHaveLength(1);
    noDashFile();
    // A file really named "-" is spelled ./-
    const file = await o.cli(['export', 'clients', '--out', './-']);
    expect(file.code, file.stderr).toBe(0);
    expect(readFileSync(join(o.dir, '-'), 'utf8')).toContain('زهرا');
  });

  it('report csv and html', async () => {
    const csv = await o.cli(['report', 'monthly', '--format', 'csv', '--out', '-']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout).toContain('services.total');
    const html = await o.cli(['report', 'year', '--format', 'html', '--out', '-']);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    noDashFile();
  });

  it('--json and a file format both on stdout are refused', async () => {
    refused(await o.cli(['export', 'clients', '--out', '-', '--json']), /^\{"error":\{"code":"usage"/);
    noDashFile();
  });

  it('xlsx to a terminal is refused', async () => {
    const r = await withTerminalStdout(() => o.cli(['export', 'clients', '--format', 'xlsx', '--out', '-']));
    refused(r, /^error: standard output is a terminal: XLSX is binary; redirect it to a file \(> clients\.xlsx\) or give --out FILE$/);
    const report = await withTerminalStdout(() => o.cli(['report', 'monthly', '--format', 'xlsx', '--out', '-']));
    refused(report, /^error: standard output is a terminal: XLSX is binary; redirect it to a file/);
    noDashFile();
  });

  it('xlsx when stdout is a pipe (built bin)', async () => {
    const r = await runBinBytes(['--db', o.db, 'export', 'clients', '--format', 'xlsx', '--out', '-'], { cwd: o.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const rows = await readXlsx(r.stdout);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('زهرا');
    const report = await runBinBytes(['--db', o.db, 'report', 'monthly', '--format', 'xlsx', '--out', '-'], { cwd: o.dir });
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    noDashFile();
  });
});

describe('the database named the way a cron job names it (built bin)', () => {
  it('PARVANDE_DB=office.db export --out office.db, or ./x/../office.db, is refused and the office kept', async () => {
    mkdirSync(join(o.dir, 'x'));
    const before = fingerprint(o.db);
    for (const out of ['office.db', './x/../office.db', 'office.db-wal']) {
      for (const force of [[], ['--force']]) {
        const r = await runBinBytes(['export', 'clients', '--out', out, ...force], { cwd: o.dir, env: { PARVANDE_DB: 'office.db' } });
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toMatch(
          /^error: cannot write .*office\.db(-wal)?: it is the database in use( \(its wal file\))?; nothing was written\n$/,
        );
        expect(r.stdout.length).toBe(0);
        expect(fingerprint(o.db)).toBe(before);
      }
    }
    const report = await runBinBytes(['report', 'monthly', '--format', 'html', '--out', 'office.db'], {
      cwd: o.dir,
      env: { PARVANDE_DB: 'office.db' },
    });
    expect(report.code, report.stderr).toBe(2);
    expect(fingerprint(o.db)).toBe(before);
  });
});

describe('import KIND - reads standard input (built bin)', () => {
  const CSV = 'first-name,last-name,sex\r\nمریم,رضایی,female\r\n';

  async function clients(db: string): Promise<number> {
    const r = await runBinBytes(['--db', db, '--json', 'export', 'clients', '--format', 'json', '--out', '-'], { cwd: o.dir });
    return (JSON.parse(r.stdout.toString('utf8')) as unknown[]).length;
  }

  it('csv by default, json and xlsx with --format', async () => {
    const csv = await runBinBytes(['--db', o.db, '--json', 'import', 'clients', '-'], { input: CSV, cwd: o.dir });
    expect(csv.code, csv.stderr).toBe(0);
    expect(JSON.parse(csv.stdout.toString('utf8'))).toMatchObject({ file: '-', format: 'csv', inserted: 1, rejectsFile: null });
    const json = JSON.stringify([{ firstName: 'سارا', lastName: 'نوری' }]);
    const j = await runBinBytes(['--db', o.db, '--json', 'import', 'clients', '-', '--format', 'json'], { input: json, cwd: o.dir });
    expect(j.code, j.stderr).toBe(0);
    expect(JSON.parse(j.stdout.toString('utf8'))).toMatchObject({ format: 'json', inserted: 1 });
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('clients');
    sheet.addRow(['first-name', 'last-name']);
    sheet.addRow(['نرگس', 'کاظمی']);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    const x = await runBinBytes(['--db', o.db, '--json', 'import', 'clients', '-', '--format', 'xlsx'], { input: xlsx, cwd: o.dir });
    expect(x.code, x.stderr).toBe(0);
    expect(JSON.parse(x.stdout.toString('utf8'))).toMatchObject({ format: 'xlsx', inserted: 1 });
    expect(await clients(o.db)).toBe(4);
    noDashFile();
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('an export piped into an import of another office', async () => {
    const other = tempDb();
    try {
      await initOffice(other.db, 'OUT02');
      const exported = await runBinBytes(['--db', o.db, 'export', 'clients', '--out', '-'], { cwd: o.dir });
      const r = await runBinBytes(['--db', other.db, '--json', 'import', 'clients', '-'], { input: exported.stdout, cwd: o.dir });
      expect(r.code, r.stderr).toBe(0);
      expect(await clients(other.db)).toBe(1);
    } finally {
      other.cleanup();
    }
  });

  it('refused rows go to stdin.rejects.csv in the current folder, never replacing a file', async () => {
    const bad = 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n';
    const first = await runBinBytes(['--db', o.db, '--json', 'import', 'clients', '-'], { input: bad, cwd: o.dir });
    expect(first.code).toBe(2);
    expect(JSON.parse(first.stdout.toString('utf8')).rejectsFile).toBe(join(realpathSync(o.dir), 'stdin.rejects.csv'));
    expect(readFileSync(join(o.dir, 'stdin.rejects.csv'), 'utf8')).toContain('unknown');
    if (posixOnly) expect(modeOf(join(o.dir, 'stdin.rejects.csv'))).toBe(0o600);
    const second = await runBinBytes(['--db', o.db, '--json', 'import', 'clients', '-'], { input: bad, cwd: o.dir });
    expect(JSON.parse(second.stdout.toString('utf8')).rejectsFile).toBe(join(realpathSync(o.dir), 'stdin.rejects-2.csv'));
    expect(
      readdirSync(o.dir)
        .filter((n) => n.startsWith('stdin'))
        .sort(),
    ).toEqual(['stdin.rejects-2.csv', 'stdin.rejects.csv']);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('in-process too (the test harness gives an empty standard input unless told)', async () => {
    const r = await runCli(['--db', o.db, '--json', 'import', 'clients', '-'], {}, CSV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json()).toMatchObject({ file: '-', format: 'csv', inserted: 1 });
    const empty = await runCli(['--db', o.db, 'import', 'clients', '-']);
    refused(empty, /^error: the file is empty$/);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('empty standard input is one line, exit 2', async () => {
    const r = await runBinBytes(['--db', o.db, 'import', 'clients', '-'], { input: '', cwd: o.dir });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: .*empty/);
    const x = await runBinBytes(['--db', o.db, 'import', 'clients', '-', '--format', 'xlsx'], { input: '', cwd: o.dir });
    expect(x.code).toBe(2);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('--format is checked', async () => {
    writeFileSync(join(o.dir, 'c.csv'), 'first-name,last-name\r\nمریم,رضایی\r\n');
    const r = await o.cli(['import', 'clients', 'c.csv', '--format', 'ods']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format/);
  });
});
