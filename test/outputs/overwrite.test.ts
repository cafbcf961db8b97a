/**
 * --out never writes over the database in use (whatever the spelling: relative,
 * `x/../`, a symlink, a hard link), its -wal/-shm, any SQLite file, or any
 * existing file without --force; --force only ever replaces a file that is not a
 * database. Refusals are exit 2, one line, and nothing is written. The nightly
 * run replaces its own dated files but never follows a planted link; the import
 * rejects file never replaces anything.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initOffice, runCli } from '../helpers/cli.js';
import { dumpDb, query } from '../helpers/office.js';
import { fingerprint, isLink, modeOf, office, posixOnly, refused, temporaryFiles, type Office } from './helpers.js';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const DB_IN_USE = /^error: cannot write .*: it is the database in use; nothing was written$/;
const SQLITE = /^error: cannot write .*: it is an SQLite database \(a parvande office or backup\?\); nothing was written$/;
const EXISTS = /^error: cannot write .*: the file exists; add --force to replace it$/;

describe('the database in use', () => {
  it('export --out onto the database is refused, even with --force, and the database is untouched', async () => {
    const before = fingerprint(o.db);
    for (const force of [[], ['--force']]) {
      for (const format of ['csv', 'xlsx', 'json']) {
        refused(await o.cli(['export', 'clients', '--format', format, '--out', o.db, ...force]), DB_IN_USE);
      }
    }
    expect(fingerprint(o.db)).toBe(before);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('compares files, not spellings: x/../office.db, a symlink and a hard link', async () => {
    const before = fingerprint(o.db);
    mkdirSync(join(o.dir, 'x'));
    // Spelled by hand: path.join would tidy the "..".
    refused(await o.cli(['export', 'clients', '--out', `${o.dir}/x/../office.db`, '--force']), DB_IN_USE);
    const link = join(o.dir, 'clients.csv');
    symlinkSync(o.db, link);
    refused(await o.cli(['export', 'clients', '--out', link, '--force']), DB_IN_USE);
    expect(isLink(link)).toBe(true);
    const hard = join(o.dir, 'hard.csv');
    linkSync(o.db, hard);
    refused(await o.cli(['export', 'clients', '--out', hard, '--force']), DB_IN_USE);
    expect(fingerprint(o.db)).toBe(before);
  });

  it('its -wal and -shm files, present or not, are refused', async () => {
    for (const side of ['-wal', '-shm']) {
      refused(
        await o.cli(['export', 'clients', '--out', o.db + side, '--force']),
        /^error: cannot write .*: it is the database in use \((its|the) (wal|shm) file\); nothing was written$/,
      );
      expect(existsSync(o.db + side)).toBe(false);
    }
  });

  it('report monthly, year and range refuse the database too', async () => {
    const before = fingerprint(o.db);
    refused(await o.cli(['report', 'monthly', '--format', 'html', '--out', o.db, '--force']), DB_IN_USE);
    refused(await o.cli(['report', 'year', '--format', 'csv', '--out', o.db]), DB_IN_USE);
    refused(
      await o.cli(['report', 'range', '--from', '1405/01/01', '--to', '1405/06/31', '--format', 'xlsx', '--out', o.db, '--force']),
      DB_IN_USE,
    );
    expect(fingerprint(o.db)).toBe(before);
  });

  it('the roll-up protects every --db it reads', async () => {
    const second = join(o.dir, 'second.db');
    await initOffice(second, 'OUT02');
    const before = fingerprint(second);
    refused(
      await runCli(['--db', o.db, '--db', second, 'report', 'monthly', '--format', 'csv', '--out', second, '--force']),
      /cannot write .*second\.db: it is the database in use/,
    );
    expect(fingerprint(second)).toBe(before);
  });

  it('is checked before the database is read: a missing database is not even opened', async () => {
    const existing = join(o.dir, 'existing.csv');
    writeFileSync(existing, 'keep me');
    const r = await runCli(['--db', join(o.dir, 'missing.db'), 'export', 'clients', '--out', existing]);
    refused(r, EXISTS);
    expect(existsSync(join(o.dir, 'missing.db'))).toBe(false);
    refused(await runCli(['--db', join(o.dir, 'missing.db'), 'report', 'monthly', '--format', 'csv', '--out', existing]), EXISTS);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
  });
});

describe('other files', () => {
  it('any SQLite file (a backup) is refused even with --force; by export and by report', async () => {
    const backup = join(o.dir, 'backup-1405-09-01.db');
    copyFileSync(o.db, backup);
    const before = fingerprint(backup);
    refused(await o.cli(['export', 'clients', '--out', backup, '--force']), SQLITE);
    refused(await o.cli(['report', 'monthly', '--format', 'html', '--out', backup, '--force']), SQLITE);
    const link = join(o.dir, 'azar.html');
    symlinkSync(backup, link);
    refused(await o.cli(['report', 'monthly', '--format', 'html', '--out', link, '--force']), SQLITE);
    expect(fingerprint(backup)).toBe(before);
    // A write-ahead log or a journal copied aside is SQLite's too (recognised by its first bytes).
    const wal = join(o.dir, 'saved-log.bin');
    writeFileSync(wal, Buffer.concat([Buffer.from([0x37, 0x7f, 0x06, 0x82]), Buffer.alloc(28)]));
    refused(await o.cli(['export', 'clients', '--out', wal, '--force']), SQLITE);
    // And the -wal or -shm name of a database that is not in use, present or not.
    refused(
      await o.cli(['export', 'clients', '--out', `${backup}-shm`, '--force']),
      /^error: cannot write .*-shm: it belongs to the database backup-1405-09-01\.db; nothing was written$/,
    );
    expect(existsSync(`${backup}-shm`)).toBe(false);
  });

  it('an existing file needs --force; with it the file is replaced owner-only', async () => {
    const out = join(o.dir, 'clients.csv');
    writeFileSync(out, 'old', { mode: 0o644 });
    refused(await o.cli(['export', 'clients', '--out', out]), EXISTS);
    expect(readFileSync(out, 'utf8')).toBe('old');
    const r = await o.cli(['export', 'clients', '--out', out, '--force']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('زهرا');
    if (posixOnly) expect(modeOf(out)).toBe(0o600);
    for (const kind of ['monthly', 'year'] as const) {
      const html = join(o.dir, `${kind}.html`);
      writeFileSync(html, 'old');
      refused(await o.cli(['report', kind, '--format', 'html', '--out', html]), EXISTS);
      expect(readFileSync(html, 'utf8')).toBe('old');
      expect((await o.cli(['report', kind, '--format', 'html', '--out', html, '--force'])).code).toBe(0);
      expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
    }
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('--force replaces a symlink as a link: the file it pointed to is untouched', async () => {
    const other = join(o.dir, 'other.txt');
    writeFileSync(other, 'someone else', { mode: 0o644 });
    const link = join(o.dir, 'clients.csv');
    symlinkSync(other, link);
    expect((await o.cli(['export', 'clients', '--out', link, '--force'])).code).toBe(0);
    expect(isLink(link)).toBe(false);
    expect(readFileSync(other, 'utf8')).toBe('someone else');
    if (posixOnly) expect(modeOf(other)).toBe(0o644);
  });

  it.runIf(posixOnly)('a device is never replaced, even with --force', async () => {
    refused(
      await o.cli(['export', 'clients', '--out', '/dev/null', '--force']),
      /^error: cannot write \/dev\/null: it is not a regular file/,
    );
  });
});

describe('report nightly', () => {
  const NAMES = ['csv', 'html', 'xlsx'].map((ext) => `parvande-OUT01-1405-09-2026-11-25.${ext}`);

  it('a re-run the same day replaces its own files', async () => {
    const dir = join(o.dir, 'nightly');
    expect((await o.cli(['report', 'nightly', '--dir', dir])).code).toBe(0);
    const r = await o.cli(['report', 'nightly', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(NAMES);
  });

  it('a planted link to the database is refused; nothing is written (the trail records the failed run)', async () => {
    const dir = join(o.dir, 'nightly');
    mkdirSync(dir);
    const records = (): unknown => {
      const { audit_log: _trail, ...rest } = JSON.parse(dumpDb(o.db)) as Record<string, unknown>;
      return rest;
    };
    const before = records();
    symlinkSync(o.db, join(dir, NAMES[1] as string));
    refused(await o.cli(['report', 'nightly', '--dir', dir]), DB_IN_USE);
    // Every record as it was; the run's one write is its entry in the audit trail (docs/decisions.md, issue #13).
    expect(records()).toEqual(before);
    expect(query(o.db, `SELECT record_type, detail FROM audit_log WHERE action = 'nightly'`)).toEqual([
      { record_type: 'report', detail: 'files:0,outcome:exit-2' },
    ]);
    expect(readdirSync(dir)).toEqual([NAMES[1]]);
  });

  it('a planted link to another file is replaced as a link, never followed', async () => {
    const dir = join(o.dir, 'nightly');
    mkdirSync(dir);
    const other = join(o.dir, 'other.txt');
    writeFileSync(other, 'someone else', { mode: 0o644 });
    symlinkSync(other, join(dir, NAMES[0] as string));
    const r = await o.cli(['report', 'nightly', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(isLink(join(dir, NAMES[0] as string))).toBe(false);
    expect(readFileSync(other, 'utf8')).toBe('someone else');
    if (posixOnly) expect(modeOf(other)).toBe(0o644);
  });
});

describe('the import rejects file', () => {
  it('never replaces a file: X.rejects.csv, then X.rejects-2.csv, X.rejects-3.csv', async () => {
    const input = join(o.dir, 'refused.csv');
    writeFileSync(input, 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n');
    const first = join(o.dir, 'refused.rejects.csv');
    writeFileSync(first, 'a clerk was fixing these');
    const r2 = await o.cli(['import', 'clients', input, '--json']);
    expect(r2.code).toBe(2);
    expect(r2.json().rejectsFile).toBe(join(o.dir, 'refused.rejects-2.csv'));
    const r3 = await o.cli(['import', 'clients', input, '--json']);
    expect(r3.json().rejectsFile).toBe(join(o.dir, 'refused.rejects-3.csv'));
    expect(readFileSync(first, 'utf8')).toBe('a clerk was fixing these');
    expect(readFileSync(join(o.dir, 'refused.rejects-3.csv'), 'utf8')).toContain('unknown');
    if (posixOnly) expect(modeOf(join(o.dir, 'refused.rejects-3.csv'))).toBe(0o600);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('a planted link at the rejects name is left alone (the next free name is used)', async () => {
    const input = join(o.dir, 'refused.csv');
    writeFileSync(input, 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n');
    symlinkSync(o.db, join(o.dir, 'refused.rejects.csv'));
    const r = await o.cli(['import', 'clients', input, '--json']);
    expect(r.json().rejectsFile).toBe(join(o.dir, 'refused.rejects-2.csv'));
    expect(isLink(join(o.dir, 'refused.rejects.csv'))).toBe(true);
    // (The import itself records its run in the database, so its bytes may change: it must still be a database.)
    expect(readFileSync(o.db).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  });
});
