/** Helpers for the import/export tests: an office, fixtures copied out of the repository, a database dump. */
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { initOffice, ROOT, runCli, tempDb, type CliResult } from '../helpers/cli.js';

export const FIXTURES = join(ROOT, 'fixtures', 'import');

export interface Office {
  dir: string;
  db: string;
  cli: (args: string[], env?: Record<string, string | undefined>) => Promise<CliResult>;
  /** Runs with --json; fails unless the exit code is `code` (default 0); returns stdout parsed. */
  json: <T = any>(args: string[], code?: number) => Promise<T>;
  /** A copy of a fixture in this office's folder (so rejects files land there, not in the repository). */
  fixture: (name: string) => string;
  /** Writes a file in this office's folder. */
  file: (name: string, content: string | Buffer) => string;
  cleanup: () => void;
}

export async function office(code = 'TST01'): Promise<Office> {
  const t = tempDb();
  await initOffice(t.db, code);
  const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(['--db', t.db, ...args], env);
  const files = join(t.dir, 'files');
  mkdirSync(files);
  return {
    dir: t.dir,
    db: t.db,
    cli,
    async json<T = any>(args: string[], code = 0): Promise<T> {
      const r = await cli([...args, '--json']);
      if (r.code !== code) throw new Error(`parvande ${args.join(' ')} exited ${r.code}, expected ${code}: ${r.stderr}`);
      return r.json<T>();
    },
    fixture(name) {
      const to = join(files, name);
      copyFileSync(join(FIXTURES, name), to);
      return to;
    },
    file(name, content) {
      const to = join(files, name);
      writeFileSync(to, content);
      return to;
    },
    cleanup: t.cleanup,
  };
}

/** Every row of every table, in a stable order: equal dumps mean an unchanged database. */
export function dump(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as {
      name: string;
    }[];
    const out: Record<string, string[]> = {};
    for (const { name } of tables)
      out[name] = db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
    return JSON.stringify(out);
  } finally {
    db.close();
  }
}

export function query<T = any>(file: string, sql: string, ...args: unknown[]): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...args) as T[];
  } finally {
    db.close();
  }
}

export const listFiles = (dir: string): string[] => readdirSync(dir).sort();
