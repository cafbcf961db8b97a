/** Builds small demo offices for the tests and reads them back with plain SQL. */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { runCli, tempDb } from '../helpers/cli.js';

export const TODAY = '2026-11-25';

export interface BuiltDemo {
  db: string;
  dir: string;
  cleanup: () => void;
  json: { counts: Record<string, number>; from: string; to: string; seed: number; years: number; scale: number; officeCode: string };
}

export async function buildDemo(args: string[] = [], env: Record<string, string> = {}): Promise<BuiltDemo> {
  const t = tempDb('demo.db');
  const r = await runCli(['--db', t.db, '--json', 'demo', ...args], { PARVANDE_TODAY: TODAY, ...env });
  if (r.code !== 0) throw new Error(`demo failed (${r.code}): ${r.stderr}`);
  return { ...t, json: r.json() };
}

export function openRead(path: string): Database.Database {
  return new Database(path, { readonly: true });
}

/** Every table of the generated data, row by row in key order (the audit entry's time is when it ran, so it is left out). */
export function dumpDemo(path: string): string {
  const db = openRead(path);
  try {
    const tables = ['office', 'centers', 'staff', 'clients', 'cases', 'case_categories', 'services', 'followups', 'case_events'];
    const hash = createHash('sha256');
    for (const t of tables) {
      for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).iterate()) hash.update(`${t}:${JSON.stringify(row)}\n`);
    }
    for (const row of db.prepare(`SELECT actor, command, action, record_type, record_id, detail FROM audit_log ORDER BY id`).iterate()) {
      hash.update(`audit:${JSON.stringify(row)}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

export function fileHash(path: string, read: (p: string) => Buffer): string {
  return createHash('sha256').update(read(path)).digest('hex');
}
