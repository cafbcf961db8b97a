/**
 * Helpers for the core-command tests: an office database ready for commands, a
 * dump of every table to prove "nothing changed", and normalisation of the values
 * that differ from run to run (timestamps).
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { initOffice, runCli, tempDb, type CliResult } from './cli.js';

export interface TestOffice {
  dir: string;
  db: string;
  /** Runs parvande in-process against this office's database. */
  cli: (args: string[], env?: Record<string, string | undefined>) => Promise<CliResult>;
  /** Like cli, and fails the test when the exit code is not 0; returns stdout parsed as JSON (adds --json). */
  json: <T = any>(args: string[], env?: Record<string, string | undefined>) => Promise<T>;
  cleanup: () => void;
}

export async function makeOffice(code = 'TST01'): Promise<TestOffice> {
  const t = tempDb();
  await initOffice(t.db, code);
  const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(['--db', t.db, ...args], env);
  const json = async <T = any>(args: string[], env: Record<string, string | undefined> = {}): Promise<T> => {
    const r = await cli([...args, '--json'], env);
    if (r.code !== 0) throw new Error(`parvande ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
    return r.json<T>();
  };
  return { dir: t.dir, db: t.db, cli, json, cleanup: t.cleanup };
}

/** Every row of every table (and the schema version), in a stable order: equal dumps mean an unchanged database. */
export function dumpDb(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
    }[];
    const out: Record<string, unknown> = { userVersion: db.pragma('user_version', { simple: true }) };
    for (const { name } of tables) {
      const rows = db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((r) => JSON.stringify(r));
      out[name] = rows.sort();
    }
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

/** Rows of one table as plain objects, by SQL (tests compute expectations independently of the app). */
export function query<T = Record<string, unknown>>(file: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

export const bytesOf = (file: string): Buffer => readFileSync(file);

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Replaces every UTC timestamp (createdAt, updatedAt, at, ...) with "<ts>", deeply. */
export function stamp<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => stamp(v)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stamp(v)])) as T;
  }
  if (typeof value === 'string' && TIMESTAMP.test(value)) return '<ts>' as T;
  return value;
}

/** The one-line error a failing command printed (asserts it is exactly one line). */
export function oneLine(r: CliResult): string {
  const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${r.stderr}`);
  return lines[0] as string;
}
