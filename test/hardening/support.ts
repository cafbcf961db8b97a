/**
 * Shared pieces of the hardening tests: a fast scratch folder, a ready office file
 * to copy, a cheap "did anything change" dump over one open connection, valid
 * national codes, and the driver scripts that use the built dist/ modules.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Tests that run thousands of commands use a RAM-backed folder where there is one:
 * the office's synchronous=FULL makes every commit an fsync, slow on a disk shared with
 * other work. What these tests prove (atomicity, consistency, modes, sizes) is the same there.
 */
export function scratchDir(prefix = 'parvande-hard-'): { dir: string; cleanup: () => void } {
  const base = process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Creates an office database with `parvande init` (in-process) and returns its path. */
export async function initAt(db: string, code = 'TST01', env: Record<string, string | undefined> = {}): Promise<string> {
  const r = await runCli(['--db', db, 'init', '--office-code', code, '--office-name', 'دفتر آزمایشی'], env);
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  return db;
}

/** Every row of every table through one open read-only connection: equal dumps mean nothing changed. */
export class Dumper {
  private readonly db: Database.Database;
  private readonly tables: Database.Statement[];
  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
    const names = this.db
      // report_months is derived from the calendar's code alone (src/store/report-counts/calendar.ts): no command writes it.
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'report_months' ORDER BY name`)
      .all() as { name: string }[];
    this.tables = names.map(({ name }) => this.db.prepare(`SELECT * FROM "${name}"`));
  }
  dump(): string {
    const parts = [String(this.db.pragma('user_version', { simple: true }))];
    for (const s of this.tables) parts.push(JSON.stringify(s.all()));
    return parts.join('\n');
  }
  all<T>(sql: string, ...args: unknown[]): T[] {
    return this.db.prepare(sql).all(...args) as T[];
  }
  close(): void {
    this.db.close();
  }
}

/** A valid national code made from any 9-digit number (ten equal digits and never-issued codes avoided). */
export function nationalCodeFrom(n: number): string {
  let body = String(Math.abs(Math.trunc(n)) % 1_000_000_000).padStart(9, '0');
  if (/^(\d)\1{8}$/.test(body)) body = `${body.slice(0, 8)}${(Number(body[8]) + 1) % 10}`;
  // Digits 4 to 9 all zero are never issued (and refused).
  if (body.slice(3) === '000000') body = `${body.slice(0, 8)}1`;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const r = sum % 11;
  return `${body}${r < 2 ? r : 11 - r}`;
}

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC = '٠١٢٣٤٥٦٧٨٩';
export const persianDigits = (s: string): string => s.replace(/\d/g, (d) => PERSIAN[Number(d)] as string);
export const arabicDigits = (s: string): string => s.replace(/\d/g, (d) => ARABIC[Number(d)] as string);

/** The driver scripts run in child processes and use the built dist/ modules (build first). */
export const DRIVERS = join(ROOT, 'test', 'hardening', 'drivers');

/** The non-empty lines a command printed on stderr. */
export function stderrLines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}
