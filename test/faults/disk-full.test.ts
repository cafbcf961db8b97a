/**
 * A disk that fills up during an import, or under a plain command: one clear
 * line (exit 5, "the disk … is full"), an intact database, every batch committed
 * before the failure still there, the failed batch absent, and running the same
 * import again once there is room finishes it without duplicates.
 *
 * Everywhere: PARVANDE_MAX_PAGES (PRAGMA max_page_count) makes SQLite fail with
 * SQLITE_FULL exactly as a full disk does. Where the test may mount (Linux, as
 * root), also a real 1 MiB tmpfs volume that runs out of space.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { initOffice, runCli } from '../helpers/cli.js';
import { inspectImport, scratch, writeClientsCsv } from './support.js';

const t = scratch('parvande-disk-full-');
afterAll(() => t.cleanup());

const pageCount = (file: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Number(db.pragma('page_count', { simple: true }));
  } finally {
    db.close();
  }
};

function tableDump(file: string, table: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return JSON.stringify(db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all());
  } finally {
    db.close();
  }
}

function runs(file: string): { id: number; status: string; inserted: number }[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT id, status, inserted FROM import_batches ORDER BY id`).all() as {
      id: number;
      status: string;
      inserted: number;
    }[];
  } finally {
    db.close();
  }
}

const oneLine = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim() !== '');

describe('a full disk, injected with PARVANDE_MAX_PAGES', () => {
  it('during an import: one line, exit 5; earlier batches stay, the failed one is absent; a re-run finishes the job', async () => {
    const dir = join(t.dir, 'import');
    mkdirSync(dir);
    const db = join(dir, 'office.db');
    await initOffice(db);
    const first = await writeClientsCsv(join(dir, 'first.csv'), 1000, 0);
    const more = await writeClientsCsv(join(dir, 'more.csv'), 6000, 1000);
    const ok = await runCli(['--db', db, 'import', 'clients', first, '--batch-size', '200']);
    expect(ok.code, ok.stderr).toBe(0);

    // Room for a few hundred more rows: some batches of 200 fit, then the disk is "full".
    const cap = { PARVANDE_MAX_PAGES: String(pageCount(db) + 40) };
    const full = await runCli(['--db', db, 'import', 'clients', more, '--batch-size', '200'], cap);
    expect(full.code).toBe(5);
    const lines = oneLine(full.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^error: the disk holding .*office\.db is full; the batch being written was not stored, the \d+ rows stored before it stay \(running the same import again finishes it\)$/,
    );
    const stored = Number(/the (\d+) rows stored/.exec(lines[0] as string)?.[1]);

    const s = inspectImport(db);
    expect(s.integrity).toBe('ok');
    // The first file's 1,000 rows, then whole batches of the second up to the failed one: a prefix, no gaps.
    expect(stored).toBeGreaterThan(0);
    expect(stored % 200).toBe(0);
    expect(s.clients).toBe(1000 + stored);
    expect(s.clients).toBeLessThan(7000);
    expect(s.prefix).toBe(s.clients);
    expect(s.distinctCodes).toBe(s.clients);
    expect(s.recordedInserted).toBe(s.clients);
    expect(runs(db).map((r) => r.status)).toEqual(['done', 'failed']);

    // Still full: the stored rows are re-read as unchanged, and nothing new is written.
    const clientsBefore = tableDump(db, 'clients');
    const again = await runCli(['--db', db, '--json', 'import', 'clients', more, '--batch-size', '200'], cap);
    expect(again.code).toBe(5);
    expect(oneLine(again.stderr)).toHaveLength(1);
    expect(JSON.parse(again.stderr)).toEqual({
      error: {
        code: 'database-unreadable',
        message: expect.stringMatching(/^the disk holding .* is full; nothing was written$/),
        field: null,
      },
    });
    expect(again.stdout).toBe('');
    expect(tableDump(db, 'clients')).toBe(clientsBefore);
    expect(inspectImport(db).integrity).toBe('ok');

    // With room again, the same command finishes the import.
    const done = await runCli(['--db', db, '--json', 'import', 'clients', more, '--batch-size', '200']);
    expect(done.code, done.stderr).toBe(0);
    expect(done.json()).toMatchObject({ rows: 6000, inserted: 6000 - stored, unchanged: stored, rejected: 0 });
    expect(inspectImport(db)).toMatchObject({ integrity: 'ok', clients: 7000, distinctCodes: 7000, prefix: 7000, recordedInserted: 7000 });
  });

  it('under a plain command: one line, exit 5, nothing written', async () => {
    const dir = join(t.dir, 'command');
    mkdirSync(dir);
    const db = join(dir, 'office.db');
    await initOffice(db);
    const before = tableDump(db, 'clients') + tableDump(db, 'audit_log');
    // Long notes need new (overflow) pages, and not one more page is allowed.
    const args = ['--db', db, 'client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--notes', 'یادداشت '.repeat(450)];
    const cap = { PARVANDE_MAX_PAGES: String(pageCount(db)) };
    const r = await runCli(args, cap);
    expect(r.code).toBe(5);
    expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/^error: the disk holding .*office\.db is full; nothing was written$/)]);
    const j = await runCli(['--json', ...args], cap);
    expect(j.code).toBe(5);
    expect(JSON.parse(j.stderr).error).toMatchObject({
      code: 'database-unreadable',
      message: expect.stringMatching(/full; nothing was written$/),
    });
    expect(tableDump(db, 'clients') + tableDump(db, 'audit_log')).toBe(before);
    expect(inspectImport(db).integrity).toBe('ok');
    // A bad value of the hook is refused like any bad input.
    const bad = await runCli(['--db', db, 'client', 'list'], { PARVANDE_MAX_PAGES: 'lots' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid PARVANDE_MAX_PAGES "lots"/);
  });
});

/** Whether this machine lets the test mount a small tmpfs (Linux as root, and no sandbox refusing it). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'parvande-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

describe.runIf(canMount())('a real full disk: a 1 MiB tmpfs volume', () => {
  it('the import stops with one line and exit 5, the file is intact, and finishes once the volume grows', async () => {
    const volume = mkdtempSync(join(tmpdir(), 'parvande-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', volume]);
    try {
      const db = join(volume, 'office.db');
      await initOffice(db);
      const csv = await writeClientsCsv(join(t.dir, 'tmpfs-clients.csv'), 20_000, 0);
      const r = await runCli(['--db', db, 'import', 'clients', csv, '--batch-size', '500']);
      expect(r.code).toBe(5);
      expect(oneLine(r.stderr)).toEqual([expect.stringMatching(/^error: the disk holding .*office\.db is full; /)]);
      const s = inspectImport(db);
      expect(s.integrity).toBe('ok');
      expect(s.clients).toBeLessThan(20_000);
      expect(s.clients % 500).toBe(0);
      expect(s.prefix).toBe(s.clients);
      expect(s.distinctCodes).toBe(s.clients);
      expect(s.recordedInserted).toBe(s.clients);

      execFileSync('mount', ['-o', 'remount,size=64m', volume]);
      const done = await runCli(['--db', db, '--json', 'import', 'clients', csv, '--batch-size', '500']);
      expect(done.code, done.stderr).toBe(0);
      expect(done.json()).toMatchObject({ inserted: 20_000 - s.clients, unchanged: s.clients });
      expect(inspectImport(db)).toMatchObject({ integrity: 'ok', clients: 20_000, distinctCodes: 20_000, prefix: 20_000 });
    } finally {
      execFileSync('umount', [volume]);
      rmSync(volume, { recursive: true, force: true });
    }
  });
});
