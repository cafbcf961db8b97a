/**
 * Owner-only files under the usual umask 022 (which would give 0644 files and 0755
 * folders): the database and its folder, its -wal and -shm while it is open, backups and
 * their folder, the file a restore replaced, and the nightly report folder and files.
 * Windows has no such modes: these checks run where the OS has them.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { runCli } from '../helpers/cli.js';
import { scratchDir } from './support.js';

const t = scratchDir('parvande-modes-');
let savedUmask = 0;
beforeAll(() => {
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
  t.cleanup();
});

const mode = (p: string): number => statSync(p).mode & 0o777;
const octal = (p: string): string => `${p}: ${mode(p).toString(8)}`;

async function ok(args: string[]): Promise<any> {
  const r = await runCli([...args, '--json']);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.json();
}

describe.runIf(process.platform !== 'win32')('owner-only files under umask 022', () => {
  const db = join(t.dir, 'new folder', 'nested', 'office.db');

  it('init: the folders it creates are 0700 and the database 0600', async () => {
    await ok(['--db', db, 'init', '--office-code', 'MOD01', '--office-name', 'دفتر']);
    expect(octal(db)).toBe(`${db}: 600`);
    expect(octal(dirname(db))).toBe(`${dirname(db)}: 700`);
    expect(octal(dirname(dirname(db)))).toBe(`${dirname(dirname(db))}: 700`);
  });

  it('the -wal and -shm files while a connection is open', async () => {
    await ok(['--db', db, 'case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    const open = Db.open(db);
    try {
      open.write(() => open.sqlite.prepare(`UPDATE office SET county = 'کرج'`).run());
      for (const side of ['-wal', '-shm']) expect(octal(db + side)).toBe(`${db}${side}: 600`);
      // A second program opening it meanwhile (a report, read-only) changes nothing.
      const report = await runCli(['--db', db, 'report', 'monthly', '--json']);
      expect(report.code, report.stderr).toBe(0);
      for (const side of ['', '-wal', '-shm']) expect(octal(db + side)).toBe(`${db}${side}: 600`);
    } finally {
      open.close();
    }
  });

  it('backups and their folder; the file a restore replaced', async () => {
    const auto = await ok(['--db', db, 'db', 'backup']);
    expect(octal(auto.path)).toBe(`${auto.path}: 600`);
    expect(octal(dirname(auto.path))).toBe(`${dirname(auto.path)}: 700`);
    const out = join(t.dir, 'office-copy.db');
    await ok(['--db', db, 'db', 'backup', '--out', out]);
    expect(octal(out)).toBe(`${out}: 600`);
    const restored = await ok(['--db', db, 'db', 'restore', out, '--yes']);
    expect(octal(restored.keptAs)).toBe(`${restored.keptAs}: 600`);
    expect(octal(db)).toBe(`${db}: 600`);
    // Restoring into a new file makes it owner-only too.
    const fresh = join(t.dir, 'fresh.db');
    await ok(['--db', fresh, 'db', 'restore', out, '--yes']);
    expect(octal(fresh)).toBe(`${fresh}: 600`);
  });

  it('the nightly report folder and its files, and a report written with --out', async () => {
    const nightly = await ok(['--db', db, 'report', 'nightly']);
    const dir = join(dirname(db), 'reports');
    expect(octal(dir)).toBe(`${dir}: 700`);
    expect(nightly.files).toHaveLength(3);
    for (const f of readdirSync(dir)) expect(octal(join(dir, f))).toBe(`${join(dir, f)}: 600`);
    const given = join(t.dir, 'cron', 'reports');
    await ok(['--db', db, 'report', 'nightly', '--dir', given]);
    expect(octal(given)).toBe(`${given}: 700`);
    for (const f of readdirSync(given)) expect(octal(join(given, f))).toBe(`${join(given, f)}: 600`);
    const html = join(t.dir, 'azar.html');
    const r = await runCli(['--db', db, 'report', 'monthly', '--format', 'html', '--out', html]);
    expect(r.code, r.stderr).toBe(0);
    expect(octal(html)).toBe(`${html}: 600`);
  });
});
