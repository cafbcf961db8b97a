/**
 * The provincial roll-up: several offices' files read read-only into one report
 * with a column per office and a total; the files it must refuse, each with its
 * exit code; and --db given several times to a command that reads one file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { Db } from '../../src/store/database.js';
import { TestOffice } from './fixture.js';

let a: TestOffice;
let b: TestOffice;

function fill(o: TestOffice, n: number, category: string): void {
  o.batch(() => {
    const c = o.openCase({ opened: '2026-11-01', category });
    for (let i = 0; i < n; i++) o.service({ date: i % 2 ? '2026-11-23' : '2026-11-10', type: 'mobile-team', case: c });
    o.service({ date: '2026-11-24', type: 'hotline-call' });
  });
}

/** Every row of every table: equal dumps mean the file was not changed. */
function dump(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[];
    return JSON.stringify([
      db.pragma('user_version', { simple: true }),
      ...tables.map((t) => db.prepare(`SELECT * FROM "${t.name}"`).all()),
    ]);
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  a = await TestOffice.create('KRJ01', 'krj.db');
  b = await TestOffice.create('SVJ02', 'svj.db');
  fill(a, 7, 'suicide');
  fill(b, 4, 'runaway');
  a.db.close();
  b.db.close();
});
afterAll(() => {
  a.cleanup();
  b.cleanup();
});

describe('report monthly --db a --db b', () => {
  it('gives each office its own report and their sum, and changes neither file', async () => {
    const before = [dump(a.path), dump(b.path), statSync(a.path).mtimeMs, statSync(b.path).mtimeMs];
    const r = await runCli(['--db', a.path, 'report', 'monthly', '--db', b.path, '--json']);
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.kind).toBe('monthly');
    expect(j.offices).toEqual([
      { code: 'KRJ01', name: 'دفتر آزمایشی', file: a.path },
      { code: 'SVJ02', name: 'دفتر آزمایشی', file: b.path },
    ]);
    const alone = (await runCli(['--db', a.path, 'report', 'monthly', '--json'])).json();
    expect(j.byOffice.KRJ01).toEqual(alone);
    expect(j.byOffice.SVJ02.services.total).toBe(3);
    expect(j.total.services.total).toBe(4 + 3);
    expect(j.total.services.byType).toMatchObject({ 'mobile-team': 3 + 2, 'hotline-call': 2 });
    expect(j.total.services.byCategory).toMatchObject({ suicide: 3, runaway: 2, none: 2 });
    expect(j.total.previousMonth.services.total).toBe(4 + 2);
    expect(j.total.yearToDate.services.total).toBe(13);
    expect(j.total.cases).toMatchObject({ opened: 0, openAtEnd: 2, byCenter: [], byWorker: [] });
    expect(j.total.yearToDate.cases.opened).toBe(2);
    expect(j.total.office).toBeNull();
    expect([dump(a.path), dump(b.path), statSync(a.path).mtimeMs, statSync(b.path).mtimeMs]).toEqual(before);
  });

  it('prints a column per office and a total', async () => {
    const r = await runCli(['--db', a.path, '--db', b.path, 'report', 'monthly']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ Services by type\s+│ KRJ01 │ SVJ02 │ Total │/);
    expect(r.stdout).toMatch(/│ Mobile-team operation\s+│\s+3 │\s+2 │\s+5 │/);
    expect(r.stdout).toContain('Year to date');
    const y = await runCli(['--db', a.path, '--db', b.path, 'report', 'year', '--json']);
    expect(y.json().total.total.services.total).toBe(13);
  });

  it('refuses a missing file (3), another schema version (5), a duplicate office (4), a file with no office (3)', async () => {
    const missing = await runCli(['--db', a.path, '--db', join(a.dir, 'nope.db'), 'report', 'monthly', '--json']);
    expect(missing.code).toBe(3);
    expect(JSON.parse(missing.stderr).error.message).toContain('--db #2');

    const old = join(a.dir, 'old.db');
    copyFileSync(b.path, old);
    const raw = new Database(old);
    raw.pragma('user_version = 3');
    raw.close();
    const older = await runCli(['--db', a.path, '--db', old, 'report', 'monthly']);
    expect(older.code).toBe(5);
    expect(older.stderr).toMatch(/schema version 3.*db migrate/);
    const newer = new Database(old);
    newer.pragma('user_version = 99');
    newer.close();
    expect((await runCli(['--db', a.path, '--db', old, 'report', 'monthly'])).code).toBe(5);

    const twin = join(a.dir, 'twin.db');
    copyFileSync(a.path, twin);
    const dup = await runCli(['--db', a.path, '--db', b.path, '--db', twin, 'report', 'monthly', '--json']);
    expect(dup.code).toBe(4);
    expect(JSON.parse(dup.stderr).error.message).toContain('KRJ01');
    expect(dup.stdout).toBe('');

    const empty = join(a.dir, 'empty.db');
    Db.open(empty, { create: true }).close();
    expect((await runCli(['--db', a.path, '--db', empty, 'report', 'monthly'])).code).toBe(3);
  });

  it('every other command takes one --db and says so', async () => {
    for (const args of [
      ['case', 'list'],
      ['client', 'list'],
      ['db', 'path'],
      ['report', 'nightly'],
    ]) {
      const r = await runCli(['--db', a.path, '--db', b.path, ...args, '--json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect(JSON.parse(r.stderr).error.message).toMatch(/--db/);
    }
    expect((await runCli(['--db', a.path, 'case', 'list', '--json'])).code).toBe(0);
  });
});
