import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, LATEST_VERSION } from '../../src/store/migrations/index.js';
import { runCli, tempDb } from '../helpers/cli.js';
import { bytesOf, makeOffice, oneLine, query, type TestOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
async function office(): Promise<TestOffice> {
  const o = await makeOffice();
  cleanups.push(o.cleanup);
  return o;
}
function folder(): string {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('db path', () => {
  it('--db wins over PARVANDE_DB, which wins over the per-user default', async () => {
    const dir = folder();
    const opt = await runCli(['db', 'path', '--db', join(dir, 'a.db'), '--json'], { PARVANDE_DB: join(dir, 'b.db') });
    expect(opt.json()).toEqual({ path: join(dir, 'a.db'), source: 'option' });
    const env = await runCli(['db', 'path', '--json'], { PARVANDE_DB: join(dir, 'b.db') });
    expect(env.json()).toEqual({ path: join(dir, 'b.db'), source: 'env' });
    const def = await runCli(['db', 'path', '--json'], {
      PARVANDE_DB: undefined,
      XDG_DATA_HOME: join(dir, 'xdg'),
      LOCALAPPDATA: join(dir, 'xdg'),
    });
    expect(def.json()).toEqual({ path: join(dir, 'xdg', 'parvande', 'parvande.db'), source: 'default' });
    const human = await runCli(['db', 'path'], { PARVANDE_DB: join(dir, 'b.db') });
    expect(human.stdout).toBe(`${join(dir, 'b.db')}\n`);
  });
});

describe('db migrate', () => {
  it('reports nothing to do on a current file', async () => {
    const o = await office();
    const r = await o.json(['db', 'migrate']);
    expect(r).toEqual({ path: o.db, from: LATEST_VERSION, to: LATEST_VERSION, applied: [] });
    const human = await o.cli(['db', 'migrate']);
    expect(human.stdout).toBe(`schema ${LATEST_VERSION} is current\n`);
  });

  it('brings a file at schema 1 to the latest schema, keeping its rows', async () => {
    const dir = folder();
    const file = join(dir, 'old.db');
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    MIGRATIONS[0]?.up(raw);
    raw.pragma('user_version = 1');
    raw.prepare(`INSERT INTO office (id, code, name, created_at) VALUES (1, 'OLD01', 'old office', '2025-01-01T00:00:00.000Z')`).run();
    raw.close();
    const r = await runCli(['--db', file, 'db', 'migrate', '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ path: resolve(file), from: 1, to: LATEST_VERSION, applied: MIGRATIONS.slice(1).map((m) => m.version) });
    expect(query(file, 'SELECT code FROM office')).toEqual([{ code: 'OLD01' }]);
  });
});

describe('db check', () => {
  it('reports integrity, schema and row counts', async () => {
    const o = await office();
    await o.json(['client', 'add', '--first-name', 'a', '--last-name', 'b']);
    await o.json(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'other', '--risk', 'low']);
    const r = await o.json(['db', 'check']);
    expect(r).toEqual({
      path: o.db,
      ok: true,
      schemaVersion: LATEST_VERSION,
      latestVersion: LATEST_VERSION,
      integrity: ['ok'],
      foreignKeyProblems: 0,
      counts: expect.objectContaining({
        clients: 1,
        cases: 1,
        services: 0,
        followups: 0,
        staff: 0,
        centers: 0,
        case_events: 1,
        audit_log: 3,
      }),
      reportCounts: { mismatches: 0, examples: [] },
      auditTrail: { entries: 3, head: expect.stringMatching(/^[0-9a-f]{64}$/), firstBroken: null, missingGuards: [] },
    });
    const human = await o.cli(['db', 'check']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`Schema                ${LATEST_VERSION} / ${LATEST_VERSION}`);
    expect(human.stdout).toContain('Integrity             ok');
  });
});

describe('db check on an older file', () => {
  it.runIf(LATEST_VERSION > 1)('says to migrate (5) and leaves the file as it was', async () => {
    const file = join(folder(), 'old.db');
    const raw = new Database(file);
    MIGRATIONS[0]?.up(raw);
    raw.pragma('user_version = 1');
    raw.close();
    const before = bytesOf(file);
    const r = await runCli(['--db', file, 'db', 'check']);
    expect(r.code).toBe(5);
    expect(r.stderr).toBe(`error: ${resolve(file)} is at schema 1 of ${LATEST_VERSION}: run "parvande db migrate"\n`);
    expect(r.stdout).toContain(`Schema                1 / ${LATEST_VERSION}`);
    expect(bytesOf(file).equals(before)).toBe(true);
  });
});

describe('files the program must refuse (exit 5)', () => {
  it('a database written by a newer version is refused and left byte for byte as it was', async () => {
    const o = await office();
    const raw = new Database(o.db);
    raw.pragma('user_version = 999');
    raw.close();
    const before = bytesOf(o.db);
    for (const args of [
      ['client', 'list'],
      ['client', 'add', '--first-name', 'a', '--last-name', 'b'],
      ['db', 'migrate'],
      ['db', 'check'],
      ['init', '--office-code', 'TST01', '--office-name', 'x'],
    ]) {
      const r = await o.cli([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(5);
      expect(JSON.parse(r.stderr)).toEqual({
        error: {
          code: 'database-newer',
          message: `${o.db} was written by a newer parvande (schema 999; this version knows ${LATEST_VERSION}): upgrade parvande; the file was not touched`,
          field: null,
        },
      });
    }
    expect(bytesOf(o.db).equals(before)).toBe(true);
  });

  it('a database another program holds a write lock on: exit 5 "locked" after the busy timeout', async () => {
    const o = await office();
    const other = new Database(o.db);
    try {
      other.exec('BEGIN IMMEDIATE');
      const r = await o.cli(['client', 'add', '--first-name', 'a', '--last-name', 'b'], { PARVANDE_BUSY_TIMEOUT_MS: '50' });
      expect(r.code).toBe(5);
      expect(oneLine(r)).toBe(`error: ${o.db} is locked by another program; try again in a moment`);
      const j = await o.cli(['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low', '--json'], {
        PARVANDE_BUSY_TIMEOUT_MS: '0',
      });
      expect(j.code).toBe(5);
      expect(JSON.parse(j.stderr).error.code).toBe('database-locked');
      // Readers are not blocked by a writer (WAL).
      expect((await o.cli(['client', 'list'])).code).toBe(0);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(query(o.db, 'SELECT count(*) AS n FROM clients')).toEqual([{ n: 0 }]);
    const bad = await o.cli(['client', 'list'], { PARVANDE_BUSY_TIMEOUT_MS: 'soon' });
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: invalid PARVANDE_BUSY_TIMEOUT_MS: expected a whole number of milliseconds');
  });

  it('a file that is not a database is refused and not touched', async () => {
    const dir = folder();
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'these are not the droids you are looking for\n'.repeat(200));
    const before = bytesOf(file);
    for (const args of [
      ['client', 'list'],
      ['db', 'check'],
      ['db', 'migrate'],
      ['init', '--office-code', 'AB', '--office-name', 'x'],
    ]) {
      const r = await runCli(['--db', file, ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(5);
      expect(JSON.parse(r.stderr).error).toEqual({
        code: 'database-unreadable',
        message: `${file} is not a readable parvande database (SQLITE_NOTADB): "parvande db check" shows what is damaged; "parvande db restore FILE" puts a backup in its place`,
        field: null,
      });
    }
    expect(bytesOf(file).equals(before)).toBe(true);
  });

  it('a missing database: every command but init says to run init, and creates nothing', async () => {
    const dir = folder();
    const file = join(dir, 'nothing-here.db');
    for (const args of [
      ['client', 'list'],
      ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low'],
      ['db', 'check'],
      ['db', 'migrate'],
    ]) {
      const r = await runCli(['--db', file, ...args]);
      expect(r.code, args.join(' ')).toBe(5);
      expect(oneLine(r)).toBe(`error: no database at ${file}: run "parvande init" first, or pass --db`);
    }
    const j = await runCli(['--db', file, 'client', 'list', '--json']);
    expect(JSON.parse(j.stderr).error.code).toBe('database-missing');
    expect(existsSync(file)).toBe(false);
  });

  it('an SQLite file of another program is refused and not touched; an empty file is left for init', async () => {
    const dir = folder();
    const foreign = join(dir, 'other.db');
    const raw = new Database(foreign);
    raw.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1);');
    raw.close();
    const before = bytesOf(foreign);
    for (const args of [
      ['client', 'list'],
      ['init', '--office-code', 'AB', '--office-name', 'x'],
      ['db', 'migrate'],
    ]) {
      const r = await runCli(['--db', foreign, ...args]);
      expect(r.code, args.join(' ')).toBe(5);
      expect(oneLine(r)).toBe(`error: ${foreign} is an SQLite file of another program, not a parvande database; it was not touched`);
    }
    expect(bytesOf(foreign).equals(before)).toBe(true);

    const empty = join(dir, 'empty.db');
    writeFileSync(empty, '');
    const list = await runCli(['--db', empty, 'case', 'list']);
    expect(list.code).toBe(5);
    expect(oneLine(list)).toBe(`error: ${empty} is empty: run "parvande init" first, or pass --db`);
    expect(bytesOf(empty).length).toBe(0);
    expect((await runCli(['--db', empty, 'init', '--office-code', 'AB', '--office-name', 'x'])).code).toBe(0);
  });

  it('a database with no office yet points to init (3)', async () => {
    const dir = folder();
    const file = join(dir, 'bare.db');
    const raw = new Database(file);
    for (const m of MIGRATIONS) {
      m.up(raw);
      raw.pragma(`user_version = ${m.version}`);
    }
    raw.close();
    const r = await runCli(['--db', file, 'case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'other', '--risk', 'low']);
    expect(r.code).toBe(3);
    expect(oneLine(r)).toBe('error: this database has no office yet: run "parvande init --office-code C --office-name N"');
  });
});
