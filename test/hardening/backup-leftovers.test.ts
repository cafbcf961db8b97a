/**
 * No whole copy of the office is left lying about: a backup killed with SIGKILL half-way
 * leaves its partial copy, and the next backup removes it and says so; a partial copy
 * of a backup still running is left alone; a restore refused because the database is
 * locked leaves no kept copy and no temporary file.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClient } from '../../src/domain/clients.js';
import { Runtime } from '../../src/runtime.js';
import { partialCopyName } from '../../src/store/backup.js';
import { BIN, runCli } from '../helpers/cli.js';
import { oneLine } from '../helpers/office.js';
import { initAt, scratchDir } from './support.js';

const t = scratchDir('parvande-leftovers-');
afterAll(() => t.cleanup());

/** Every file in `dir` that is a copy in the making: the temporary files of backups and restores. */
const partials = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.partial') || f.endsWith('.tmp'))
    .sort();

let big = '';
beforeAll(async () => {
  big = await initAt(join(t.dir, 'big', 'office.db'), 'BIG01');
  // Big enough that copying and verifying it takes a good part of a second.
  const rt = new Runtime({ db: big }, 'seed');
  try {
    rt.write((ctx) => {
      for (let i = 0; i < 40_000; i++) addClient(ctx, { firstName: 'مراجع', lastName: `شماره ${i}`, notes: `یادداشت ${i} `.repeat(60) });
    });
  } finally {
    rt.close();
  }
}, 120_000);

/** Runs the built CLI and kills it with SIGKILL once a copy it makes in `dir` is being written. */
function killWhileCopying(args: string[], dir: string): Promise<{ killed: boolean; sawPartial: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let sawPartial = false;
    const poll = setInterval(() => {
      const growing = partials(dir).some((f) => {
        try {
          return statSync(join(dir, f)).size > 1024 * 1024;
        } catch {
          return false;
        }
      });
      if (growing) {
        sawPartial = true;
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 2);
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      resolve({ killed: signal === 'SIGKILL', sawPartial, stderr });
    });
  });
}

describe('leftover copies', () => {
  it('a backup killed half-way leaves a partial copy; the next backup removes it and says so', async () => {
    const dir = join(t.dir, 'usb');
    (await import('node:fs')).mkdirSync(dir);
    const first = join(dir, 'first.db');
    const k = await killWhileCopying(['--db', big, 'db', 'backup', '--out', first], dir);
    expect(k.sawPartial, k.stderr).toBe(true);
    expect(k.killed, k.stderr).toBe(true);
    expect(existsSync(first)).toBe(false);
    // What the killed backup left: one partial copy of the office's data.
    expect(partials(dir)).toHaveLength(1);

    const second = join(dir, 'second.db');
    const r = await runCli(['--db', big, 'db', 'backup', '--out', second]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^warning: removed 1 partial copy left by a backup or restore that was stopped \(in .*usb\)\n$/);
    expect(partials(dir)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['second.db']);
    // The database's own folder has none either.
    expect(partials(dirname(big))).toEqual([]);
  }, 60_000);

  it('a restore killed while keeping the replaced file: the database is as it was; the next backup removes the partial copy', async () => {
    const dir = dirname(big);
    const backup = join(t.dir, 'big-backup.db');
    expect((await runCli(['--db', big, 'db', 'backup', '--out', backup])).code).toBe(0);
    const count = (): number => {
      const s = new Database(big, { readonly: true, fileMustExist: true });
      try {
        expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
        return s.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      } finally {
        s.close();
      }
    };
    const before = count();
    const k = await killWhileCopying(['--db', big, 'db', 'restore', backup, '--yes'], dir);
    expect(k.sawPartial, k.stderr).toBe(true);
    expect(k.killed, k.stderr).toBe(true);
    // Nothing was committed: no restore entry in the trail, no kept copy under its name.
    expect(count()).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('.replaced-') && !f.includes('.partial-'))).toEqual([]);
    expect(partials(dir)).toHaveLength(1);
    const r = await runCli(['--db', big, 'db', 'backup', '--out', join(t.dir, 'after-restore-kill.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`warning: removed 1 partial copy left by a backup or restore that was stopped (in ${dir})\n`);
    // With its -journal (VACUUM INTO writes one beside the copy).
    expect(readdirSync(dir).filter((f) => f.includes('.partial'))).toEqual([]);
  }, 60_000);

  it('leaves alone the partial copy of a backup that is still running', async () => {
    const db = await initAt(join(t.dir, 'alive', 'office.db'), 'ALV01');
    const dir = dirname(db);
    // A partial copy named for a process that is running (this one): not stale.
    const mine = join(dir, partialCopyName(join(dir, 'other.db')));
    const fd = openSync(mine, 'wx', 0o600);
    writeSync(fd, Buffer.from('SQLite format 3\0', 'latin1'));
    closeSync(fd);
    const r = await runCli(['--db', db, 'db', 'backup', '--out', join(dir, 'b.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(mine)).toBe(true);
  });

  it('removes the -journal of a stopped copy left alone, and nothing of another machine or another name', async () => {
    const db = await initAt(join(t.dir, 'orphans', 'office.db'), 'ORP01');
    const dir = dirname(db);
    const gone = spawn(process.execPath, ['-e', '0']);
    const pid = gone.pid as number;
    await new Promise((r) => gone.on('close', r));
    const plant = (name: string): string => {
      const file = join(dir, name);
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, Buffer.from('journal bytes'));
      closeSync(fd);
      return file;
    };
    const orphan = plant(`${partialCopyName(join(dir, 'x.db'), pid)}-journal`);
    const otherHost = plant(`.x.db.partial-00000000-${pid}.0123456789abcdef.tmp`);
    const notOurs = plant('.notes.txt.0123456789abcdef.tmp');
    const r = await runCli(['--db', db, 'db', 'backup', '--out', join(dir, 'b.db')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`warning: removed 1 partial copy left by a backup or restore that was stopped (in ${dir})\n`);
    expect([existsSync(orphan), existsSync(otherHost), existsSync(notOurs)]).toEqual([false, true, true]);
  });

  it('a restore refused because the database is locked leaves no kept copy and no temporary file', async () => {
    const db = await initAt(join(t.dir, 'locked', 'office.db'), 'LCK01');
    const backup = join(t.dir, 'locked-backup.db');
    expect((await runCli(['--db', db, 'db', 'backup', '--out', backup])).code).toBe(0);
    const before = readdirSync(dirname(db)).sort();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await runCli(['--db', db, 'db', 'restore', backup, '--yes'], { PARVANDE_BUSY_TIMEOUT_MS: '50' });
      expect(r.code).toBe(5);
      expect(oneLine(r)).toMatch(/is locked by another program; try again in a moment$/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readdirSync(dirname(db)).sort()).toEqual(before);
  });
});
