/**
 * Shared pieces of the fault tests: a RAM-backed scratch folder, a big valid
 * clients file whose row number can be read back from each stored national
 * code, and a look at what an import left in the database.
 */
import Database from 'better-sqlite3';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A RAM-backed folder where there is one: every commit is an fsync (synchronous=FULL),
 * and a SIGKILL keeps what the OS was given either way, so RAM proves the same thing faster.
 */
export function scratch(prefix = 'parvande-faults-'): { dir: string; cleanup: () => void } {
  const base = process.platform === 'linux' && existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dir = mkdtempSync(join(base, prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Codes start here: row i of a generated file carries the national code made from CODE_BASE + i. */
// Not 100_000_000: its code (digits 4 to 9 all zero) is never issued and is refused.
export const CODE_BASE = 100_000_001;

/** A valid national code from nine digits (the tenth is the check digit). */
export function nationalCodeOf(nine: number): string {
  const body = String(nine).padStart(9, '0');
  let s = 0;
  for (let i = 0; i < 9; i++) s += Number(body[i]) * (10 - i);
  const r = s % 11;
  return body + String(r < 2 ? r : 11 - r);
}

/** The file row (0-based, counted from `first`) a stored national code came from. */
export const rowOfCode = (code: string): number => Number(code.slice(0, 9)) - CODE_BASE;

const FIRST = ['زهرا', 'علی', 'مریم', 'حسین', 'فاطمه', 'رضا', 'سارا', 'مهدی', 'Leila', 'Omid'];
const LAST = ['احمدی', 'کریمی', 'رضایی', 'موسوی', 'نوری', 'حیدری', 'قاسمی', 'Tehrani', 'Karimi'];
const COUNTIES = ['کرج', 'فردیس', 'نظرآباد', 'ساوجبلاغ'];

/**
 * Writes `count` valid client rows, rows `first` … `first + count - 1`: unique
 * national codes that pass the checksum, unique mobiles, ISO birth dates.
 */
export async function writeClientsCsv(path: string, count: number, first = 0): Promise<string> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const write = (s: string): Promise<void> => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', () => r())));
  await write('first-name,last-name,national-code,birth-date,sex,mobile,county\r\n');
  let chunk = '';
  for (let i = first; i < first + count; i++) {
    const birth = `${1940 + (i % 80)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    chunk += `${FIRST[i % FIRST.length]},${LAST[(i * 7) % LAST.length]},${nationalCodeOf(CODE_BASE + i)},${birth},${i % 3 === 0 ? 'male' : 'female'},0912${String(i).padStart(7, '0')},${COUNTIES[i % COUNTIES.length]}\r\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return path;
}

export interface ImportState {
  integrity: string;
  clients: number;
  distinctCodes: number;
  /** Rows inserted according to the committed import_batches records, all runs together. */
  recordedInserted: number;
  /** The highest file row stored, + 1: equals `clients` when what is stored is the file's first rows. */
  prefix: number;
}

/** What the database holds now, seen by a connection of its own. */
export function inspectImport(file: string): ImportState {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const c = db.prepare(`SELECT count(*) AS n, count(DISTINCT national_code) AS d, max(national_code) AS top FROM clients`).get() as {
      n: number;
      d: number;
      top: string | null;
    };
    const recorded = (db.prepare(`SELECT coalesce(sum(inserted), 0) AS n FROM import_batches`).get() as { n: number }).n;
    return { integrity, clients: c.n, distinctCodes: c.d, recordedInserted: recorded, prefix: c.top === null ? 0 : rowOfCode(c.top) + 1 };
  } finally {
    db.close();
  }
}
