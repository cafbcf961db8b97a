/**
 * Backups and checks: `db backup` while another process writes (a verified, owner-only,
 * consistent copy), `db restore` only after verifying the file and with a confirmation,
 * keeping the replaced file, and `db check` failing on a damaged file.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS } from '../../src/store/migrations/index.js';
import { runCli } from '../helpers/cli.js';
import { oneLine } from '../helpers/office.js';
import { Dumper, DRIVERS, initAt, scratchDir } from './support.js';

const posix = process.platform !== 'win32';
const t = scratchDir('parvande-backup-');
let savedUmask = 0;
beforeAll(() => {
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
  t.cleanup();
});

const mode = (p: string): number => statSync(p).mode & 0o777;
let n = 0;
/** A fresh office in its own folder. */
async function office(code = 'BKP01'): Promise<string> {
  return initAt(join(t.dir, `office-${n++}`, 'office.db'), code);
}
async function ok(db: string, args: string[]): Promise<any> {
  // The driver below writes back to back, far busier than any clerk: the audit entry of a backup may
  // wait longer than a person's command would for its turn (on a loaded machine, past the default 5 s).
  const r = await runCli(['--db', db, ...args, '--json'], { PARVANDE_USER: 'head', PARVANDE_BUSY_TIMEOUT_MS: '60000' });
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r.json();
}
function one<T>(file: string, sql: string): T {
  const s = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return s.prepare(sql).pluck().get() as T;
  } finally {
    s.close();
  }
}
const dump = (file: string): string => {
  const d = new Dumper(file);
  try {
    return d.dump();
  } finally {
    d.close();
  }
};

/** Overwrites part of one page: the kind of damage a failing disk leaves. */
function damagePage(file: string, page: number, at = 0): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(300, 0x41), 0, 300, (page - 1) * 4096 + at);
  } finally {
    closeSync(fd);
  }
}

async function addClients(db: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await ok(db, ['client', 'add', '--first-name', 'مراجع', '--last-name', `شماره ${i}`]);
}

describe('db backup', () => {
  it('makes verified, owner-only, consistent copies while another process keeps writing', async () => {
    const db = await office();
    // A clerk with more work than the test waits for: stopped once the copies are made.
    const writer = spawn(process.execPath, [join(DRIVERS, 'clerk.mjs'), db, 'cases', '1000000', '3'], {
      env: { ...process.env, PARVANDE_USER: 'clerk' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    writer.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => writer.on('close', (_code, signal) => resolve(signal)));
    const cases = (file: string): number => one<number>(file, 'SELECT count(*) FROM cases');
    try {
      while (cases(db) < 200) await new Promise((r) => setTimeout(r, 10));
      const copies: { path: string; before: number; after: number; json: any }[] = [];
      for (const out of [undefined, join(dirname(db), 'copy of office.db'), undefined]) {
        const before = cases(db);
        const json = await ok(db, ['db', 'backup', ...(out === undefined ? [] : ['--out', out])]);
        copies.push({ path: json.path, before, after: cases(db), json });
      }
      expect(copies[0]?.json).toEqual({
        path: expect.stringMatching(/[/\\]backups[/\\]parvande-BKP01-\d{8}-\d{6}(-\d+)?\.db$/),
        integrity: 'ok',
        schemaVersion: LATEST_VERSION,
        officeCode: 'BKP01',
        bytes: expect.any(Number),
        // Without --keep nothing is removed (test/hardening/backup-keep.test.ts).
        keep: null,
        removed: [],
        notRemoved: [],
      });
      expect(dirname(copies[0]?.path as string)).toBe(join(dirname(db), 'backups'));
      expect(copies[1]?.json).toMatchObject({ path: join(dirname(db), 'copy of office.db'), integrity: 'ok', officeCode: 'BKP01' });
      // The clerk kept writing while the copies were made.
      expect(copies.some((c) => c.after > c.before)).toBe(true);
      for (const c of copies) {
        expect(one(c.path, 'PRAGMA integrity_check')).toBe('ok');
        // One moment: the clerk opens a case, then logs a service on it.
        const n = cases(c.path);
        const services = one<number>(c.path, 'SELECT count(*) FROM services');
        expect(n - services).toBeGreaterThanOrEqual(0);
        expect(n - services).toBeLessThanOrEqual(1);
        expect(n).toBeGreaterThanOrEqual(c.before);
        expect(n).toBeLessThanOrEqual(c.after);
        if (posix) expect(mode(c.path)).toBe(0o600);
      }
    } finally {
      writer.kill('SIGTERM');
    }
    // The clerk was stopped, not refused: no write of its failed while the copies were made.
    expect(await exited).toBe('SIGTERM');
    expect(stderr).toBe('');
    if (posix) expect(mode(join(dirname(db), 'backups'))).toBe(0o700);
    // The copies are recorded; no half-written file is left behind.
    expect(one(db, `SELECT count(*) FROM audit_log WHERE action = 'backup' AND record_type = 'database' AND actor = 'head'`)).toBe(3);
    expect(readdirSync(dirname(db)).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(readdirSync(join(dirname(db), 'backups')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  }, 60_000);

  it('two backups in the same second get two files', async () => {
    const db = await office();
    const a = await ok(db, ['db', 'backup']);
    const b = await ok(db, ['db', 'backup']);
    const c = await ok(db, ['db', 'backup']);
    expect(new Set([a.path, b.path, c.path]).size).toBe(3);
    for (const f of [a.path, b.path, c.path]) expect(existsSync(f)).toBe(true);
  });

  it('refuses a target that exists, a missing folder and an impossible name (exit 2), writing nothing', async () => {
    const db = await office();
    const dir = dirname(db);
    writeFileSync(join(dir, 'taken.db'), 'mine');
    const cases: [string, string][] = [
      [join(dir, 'taken.db'), `error: ${join(dir, 'taken.db')} exists already; choose another --out`],
      [join(dir, 'no-such-folder', 'b.db'), `error: cannot write ${join(dir, 'no-such-folder', 'b.db')}: its folder does not exist`],
      [join(dir, `${'ب'.repeat(200)}.db`), `error: cannot write ${join(dir, `${'ب'.repeat(200)}.db`)}: the name is too long`],
    ];
    const before = readdirSync(dir).sort();
    for (const [target, message] of cases) {
      const r = await runCli(['--db', db, 'db', 'backup', '--out', target]);
      expect(r.code, target).toBe(2);
      if (posix) expect(oneLine(r)).toBe(message);
      else expect(oneLine(r)).toMatch(/^error: /);
    }
    expect(readFileSync(join(dir, 'taken.db'), 'utf8')).toBe('mine');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(one(db, `SELECT count(*) FROM audit_log WHERE action = 'backup'`)).toBe(0);
  });

  it('refuses the database in use as --out however it is spelled (exit 2), and another SQLite file', async () => {
    const db = await office();
    const dir = dirname(db);
    await addClients(db, 1);
    const other = (await ok(db, ['db', 'backup'])).path;
    const spellings = [db, join(dir, '.', 'office.db'), join(dir, '..', basename(dir), 'office.db'), `${db}-wal`];
    if (posix) {
      symlinkSync(db, join(dir, 'link.db'));
      linkSync(db, join(dir, 'hard.db'));
      spellings.push(join(dir, 'link.db'), join(dir, 'hard.db'));
    }
    const before = readFileSync(db);
    for (const target of spellings) {
      const r = await runCli(['--db', db, 'db', 'backup', '--out', target]);
      expect(r.code, target).toBe(2);
      expect(oneLine(r), target).toMatch(/^error: cannot write .*: it is the database in use( \(its wal file\))?; nothing was written$/);
    }
    const r = await runCli(['--db', db, 'db', 'backup', '--out', other]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(`error: cannot write ${other}: it is an SQLite database (a parvande office or backup?); nothing was written`);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.partial'))).toEqual([]);
    expect(one(db, `SELECT count(*) FROM audit_log WHERE action = 'backup'`)).toBe(1);
  });

  it('leaves no copy behind when its audit entry cannot be written (the database stays locked)', async () => {
    const db = await office();
    const dir = dirname(db);
    const before = readdirSync(dir).sort();
    // Another program holds the write lock for the whole command: the copy (a read) is made, the audit entry is not.
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const r = await runCli(['--db', db, 'db', 'backup', '--out', join(dir, 'copy.db')], { PARVANDE_BUSY_TIMEOUT_MS: '50' });
      expect(r.code).toBe(5);
      expect(oneLine(r)).toMatch(/^error: .*is locked by another program; try again in a moment/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(one(db, `SELECT count(*) FROM audit_log WHERE action = 'backup'`)).toBe(0);
  });
});

describe('db restore', () => {
  let db = '';
  let backup = '';
  beforeAll(async () => {
    db = await office();
    await addClients(db, 2);
    backup = (await ok(db, ['db', 'backup'])).path;
  });

  it('refuses without --yes when not on a terminal (exit 2) and changes nothing', async () => {
    const before = dump(db);
    const r = await runCli(['--db', db, 'db', 'restore', backup]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('error: restore replaces the database: confirm with --yes');
    const j = await runCli(['--db', db, 'db', 'restore', backup, '--json']);
    expect(JSON.parse(j.stderr)).toEqual({
      error: { code: 'usage', message: 'restore replaces the database: confirm with --yes', field: 'yes' },
    });
    expect(dump(db)).toBe(before);
    expect(readdirSync(dirname(db)).filter((f) => f.includes('.replaced-'))).toEqual([]);
  });

  it("refuses a missing, corrupt, foreign or newer file (exit 5) and another office's backup (exit 4), even with --yes", async () => {
    const dir = join(t.dir, 'bad-files');
    mkdirSync(dir);
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database\n'.repeat(500));
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);');
    f.close();
    const newer = join(dir, 'newer.db');
    copyFileSync(backup, newer);
    const nw = new Database(newer);
    nw.pragma('user_version = 999');
    nw.close();
    const damaged = join(dir, 'damaged.db');
    copyFileSync(backup, damaged);
    damagePage(damaged, one<number>(damaged, `SELECT rootpage FROM sqlite_master WHERE name = 'clients'`));
    const other = await office('OTH02');
    const otherBackup = (await ok(other, ['db', 'backup'])).path;

    const before = dump(db);
    const expectations: [string, number, string, RegExp][] = [
      [join(dir, 'missing.db'), 5, 'database-missing', /^no file at /],
      [text, 5, 'database-unreadable', /is not a readable parvande database \(SQLITE_NOTADB\)$/],
      [foreign, 5, 'database-unreadable', /is not a parvande office database \(no office record\)$/],
      [newer, 5, 'database-newer', new RegExp(`was written by a newer parvande \\(schema 999; this version knows ${LATEST_VERSION}\\)$`)],
      [damaged, 5, 'database-unreadable', /(fails its integrity check|SQLITE_CORRUPT)/],
      [otherBackup, 4, 'conflict', /^the backup belongs to office OTH02, the database to BKP01: pass --other-office to replace it anyway$/],
    ];
    for (const [file, exit, code, message] of expectations) {
      const r = await runCli(['--db', db, 'db', 'restore', file, '--yes', '--json']);
      expect(r.code, basename(file)).toBe(exit);
      const e = JSON.parse(oneLine(r)).error;
      expect(e.code, basename(file)).toBe(code);
      expect(e.message, basename(file)).toMatch(message);
      expect(r.stdout).toBe('');
    }
    expect(dump(db)).toBe(before);
    expect(readdirSync(dirname(db)).filter((x) => x.includes('.replaced-'))).toEqual([]);
  });

  it('with --yes: puts the backup in place, keeps the replaced file (owner-only) and passes db check', async () => {
    await addClients(db, 3);
    const replacedDump = dump(db);
    const r = await ok(db, ['db', 'restore', backup, '--yes']);
    expect(r).toEqual({
      backup: { path: backup, integrity: 'ok', schemaVersion: LATEST_VERSION, officeCode: 'BKP01', bytes: expect.any(Number) },
      livePath: db,
      liveOfficeCode: 'BKP01',
      liveDamaged: false,
      keptAs: expect.stringMatching(/office\.db\.replaced-\d{8}-\d{6}(-\d+)?\.db$/),
    });
    // The database is the backup again (two clients), and the restore is in its trail.
    expect(one(db, 'SELECT count(*) FROM clients')).toBe(2);
    expect(one(db, `SELECT actor || ' ' || command || ' ' || action FROM audit_log ORDER BY id DESC LIMIT 1`)).toBe(
      'head db restore restore',
    );
    // The kept file is the database as it was (five clients), whole and owner-only.
    expect(one(r.keptAs, 'SELECT count(*) FROM clients')).toBe(5);
    expect(one(r.keptAs, 'PRAGMA integrity_check')).toBe('ok');
    expect(dump(r.keptAs)).toBe(replacedDump);
    if (posix) {
      expect(mode(r.keptAs)).toBe(0o600);
      expect(mode(db)).toBe(0o600);
    }
    const check = await runCli(['--db', db, 'db', 'check', '--json']);
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyProblems: 0, counts: { clients: 2 } });
    // The backup file itself is untouched by the restore.
    expect(one(backup, 'SELECT count(*) FROM clients')).toBe(2);
    // The restored database is the backup, schema and rows, plus the restore's audit entry.
    const schema = `SELECT group_concat(type || ' ' || name || ' ' || tbl_name || ' ' || sql, char(10)) FROM (SELECT * FROM sqlite_master ORDER BY type, name)`;
    expect(one(db, schema)).toBe(one(backup, schema));
    expect(one(db, 'PRAGMA user_version')).toBe(one(backup, 'PRAGMA user_version'));
    const s = new Database(db, { readonly: true });
    s.exec(`ATTACH '${backup}' AS b`);
    try {
      for (const name of s
        .prepare(`SELECT name FROM b.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        .pluck()
        .all() as string[]) {
        const differ = s
          .prepare(`SELECT count(*) FROM (SELECT * FROM main."${name}" EXCEPT SELECT * FROM b."${name}") `)
          .pluck()
          .get() as number;
        const gone = s
          .prepare(`SELECT count(*) FROM (SELECT * FROM b."${name}" EXCEPT SELECT * FROM main."${name}") `)
          .pluck()
          .get() as number;
        expect({ name, differ, gone }).toEqual({ name, differ: name === 'audit_log' ? 1 : 0, gone: 0 });
      }
    } finally {
      s.close();
    }
  });

  it('a backup of an older schema is brought to the current one in the same transaction, under a held lock', async () => {
    const target = await office('OLD01');
    await addClients(target, 2);
    const old = join(dirname(target), 'schema-1.db');
    const raw = new Database(old);
    MIGRATIONS[0]?.up(raw);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO office (id, code, name, created_at) VALUES (1, 'OLD01', 'old office', '2025-01-01T00:00:00.000Z')`).run();
    raw.close();
    const r = await ok(target, ['db', 'restore', old, '--yes']);
    expect(r).toMatchObject({ backup: { schemaVersion: 1 }, liveOfficeCode: 'OLD01' });
    expect(one(target, 'PRAGMA user_version')).toBe(LATEST_VERSION);
    expect(one(target, 'SELECT name FROM office')).toBe('old office');
    expect(one(target, 'SELECT count(*) FROM clients')).toBe(0);
    expect(one(r.keptAs, 'SELECT count(*) FROM clients')).toBe(2);
    const check = await runCli(['--db', target, 'db', 'check', '--json']);
    expect(check.code, check.stderr).toBe(0);
    // The restored office works: a client can be added.
    await addClients(target, 1);
    expect(one(target, 'SELECT count(*) FROM clients')).toBe(1);
  });

  it("another office's backup with --other-office --yes", async () => {
    const other = await office('OTH03');
    const otherBackup = (await ok(other, ['db', 'backup'])).path;
    const target = await office('TGT04');
    const r = await ok(target, ['db', 'restore', otherBackup, '--other-office', '--yes']);
    expect(r).toMatchObject({ liveOfficeCode: 'TGT04', backup: { officeCode: 'OTH03' } });
    expect(one(target, 'SELECT code FROM office')).toBe('OTH03');
    expect(one(r.keptAs, 'SELECT code FROM office')).toBe('TGT04');
  });

  it('over a damaged database: the damaged file is moved aside as it is, and the office is back', async () => {
    const live = await office();
    await addClients(live, 4);
    const good = (await ok(live, ['db', 'backup'])).path;
    damagePage(live, one<number>(live, `SELECT rootpage FROM sqlite_master WHERE name = 'clients'`));
    const damagedBytes = readFileSync(live);
    const broken = await runCli(['--db', live, 'db', 'check']);
    expect(broken.code).toBe(5);
    const r = await ok(live, ['db', 'restore', good, '--yes']);
    expect(r).toMatchObject({ liveDamaged: true, liveOfficeCode: null });
    expect(readFileSync(r.keptAs).equals(damagedBytes)).toBe(true);
    if (posix) expect(mode(r.keptAs)).toBe(0o600);
    const check = await runCli(['--db', live, 'db', 'check', '--json']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, counts: { clients: 4 } });
  });
});

describe('db check on a damaged file', () => {
  it('exits 5 with one line, and still reports what it could read', async () => {
    const db = await office();
    await addClients(db, 5);
    await ok(db, ['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high']);
    const healthy = await runCli(['--db', db, 'db', 'check']);
    expect(healthy.code).toBe(0);
    let reported = 0;
    for (const [what, name, at] of [
      ['a table page', 'clients', 0],
      ['an index page', 'clients_name_key', 0],
      ['the cells of a table page', 'clients', 3790],
    ] as const) {
      const copy = join(dirname(db), `damaged-${name}-${at}.db`);
      copyFileSync(db, copy);
      damagePage(copy, one<number>(copy, `SELECT rootpage FROM sqlite_master WHERE name = '${name}'`), at);
      const r = await runCli(['--db', copy, 'db', 'check']);
      expect(r.code, what).toBe(5);
      expect(oneLine(r), what).toMatch(
        /failed its check \(integrity or foreign keys\)$|is not a readable parvande database \(SQLITE_(CORRUPT|NOTADB)/,
      );
      const j = await runCli(['--db', copy, 'db', 'check', '--json']);
      expect(j.code, what).toBe(5);
      expect(JSON.parse(oneLine(j)).error.code).toBe('database-unreadable');
      if (j.stdout !== '') {
        reported++;
        expect(j.json()).toMatchObject({ ok: false });
        expect(j.json().integrity).not.toEqual(['ok']);
      }
    }
    // A damaged page does not stop the check half-way: the report is printed beside the error.
    expect(reported).toBeGreaterThan(0);
  });
});
