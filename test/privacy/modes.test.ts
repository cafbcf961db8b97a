/**
 * Every file parvande writes holds personal data or could: under the usual umask
 * 022 (0644 files, 0755 folders) each is still owner-only. Exports with --out in
 * every format (also over an existing world-readable file, and redacted), the
 * rejects file of an import in every input format, report files and the nightly
 * folder, backups and their folder. No temporary file is left behind. Windows
 * has no such modes: these run where the OS has them.
 */
import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDb } from '../helpers/cli.js';
import { plantOffice } from './planted.js';

const t = tempDb();
const db = t.db;
let savedUmask = 0;
beforeAll(async () => {
  savedUmask = process.umask(0o022);
  await plantOffice(db);
});
afterAll(() => {
  process.umask(savedUmask);
  t.cleanup();
});

const mode = (p: string): string => `${p}: ${(statSync(p).mode & 0o777).toString(8)}`;
const ownerOnly = (p: string): string => `${p}: 600`;
const ownerOnlyDir = (p: string): string => `${p}: 700`;

async function ok(args: string[], expected = 0): Promise<void> {
  const r = await runCli(['--db', db, ...args]);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(expected);
}

/** No `.name.pid.tmp` file of an unfinished write is left anywhere under the folder. */
function noTemporaryFiles(dir: string): void {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
  expect(walk(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
}

describe.runIf(process.platform !== 'win32')('owner-only files under umask 022', () => {
  it('exports with --out, in every format, redacted or not, also over a world-readable file', async () => {
    for (const ext of ['csv', 'xlsx', 'json']) {
      for (const redact of [false, true]) {
        const out = join(t.dir, `clients${redact ? '-redacted' : ''}.${ext}`);
        await ok(['export', 'clients', '--out', out, ...(redact ? ['--redact'] : [])]);
        expect(mode(out)).toBe(ownerOnly(out));
      }
    }
    const existing = join(t.dir, 'cases.csv');
    writeFileSync(existing, 'old');
    chmodSync(existing, 0o644);
    await ok(['export', 'cases', '--out', existing], 2);
    await ok(['export', 'cases', '--out', existing, '--force']);
    expect(mode(existing)).toBe(ownerOnly(existing));
    noTemporaryFiles(t.dir);
  });

  it('the rejects file of an import, for CSV, XLSX and JSON input', async () => {
    const input = (ext: string): string => join(t.dir, `refused.${ext}`);
    writeFileSync(input('csv'), 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n');
    writeFileSync(input('json'), JSON.stringify([{ firstName: 'زهرا', lastName: 'احمدی', sex: 'unknown' }]));
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('clients');
    sheet.addRow(['first-name', 'last-name', 'sex']);
    sheet.addRow(['زهرا', 'احمدی', 'unknown']);
    await book.xlsx.writeFile(input('xlsx'));
    for (const ext of ['csv', 'json', 'xlsx']) {
      await ok(['import', 'clients', input(ext)], 2);
      const rejects = join(t.dir, `refused.rejects.${ext}`);
      expect(mode(rejects)).toBe(ownerOnly(rejects));
    }
    noTemporaryFiles(t.dir);
  });

  it('report files and the nightly folder and its files, redacted or not', async () => {
    for (const ext of ['csv', 'html', 'xlsx']) {
      const out = join(t.dir, `monthly.${ext}`);
      await ok(['report', 'monthly', '--format', ext, '--out', out]);
      expect(mode(out)).toBe(ownerOnly(out));
    }
    for (const redact of [false, true]) {
      const dir = join(t.dir, redact ? 'nightly-redacted' : 'nightly', 'reports');
      await ok(['report', 'nightly', '--dir', dir, ...(redact ? ['--redact'] : [])]);
      expect(mode(dir)).toBe(ownerOnlyDir(dir));
      expect(mode(dirname(dir))).toBe(ownerOnlyDir(dirname(dir)));
      const files = readdirSync(dir);
      expect(files).toHaveLength(3);
      for (const f of files) expect(mode(join(dir, f))).toBe(ownerOnly(join(dir, f)));
    }
    noTemporaryFiles(t.dir);
  });

  it('backups: the default folder and file, and a backup written with --out', async () => {
    const r = await runCli(['--db', db, '--json', 'db', 'backup']);
    expect(r.code, r.stderr).toBe(0);
    const made = r.json<{ path: string }>().path;
    expect(mode(made)).toBe(ownerOnly(made));
    expect(mode(dirname(made))).toBe(ownerOnlyDir(dirname(made)));
    const out = join(t.dir, 'copy.db');
    await ok(['db', 'backup', '--out', out]);
    expect(mode(out)).toBe(ownerOnly(out));
    for (const side of ['', '-wal', '-shm']) {
      try {
        expect(mode(db + side)).toBe(ownerOnly(db + side));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  });
});
