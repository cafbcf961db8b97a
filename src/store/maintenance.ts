import type { Db } from './database.js';
import { LATEST_VERSION } from './migrations/index.js';

export interface DbCheck {
  path: string;
  ok: boolean;
  schemaVersion: number;
  latestVersion: number;
  integrity: string[];
  foreignKeyProblems: number;
  counts: Record<string, number>;
}

const COUNTED = [
  'clients', 'cases', 'services', 'followups', 'staff', 'centers', 'case_events',
  'shift_patterns', 'roster_assignments', 'courses', 'enrolments', 'workshops', 'audit_log',
] as const;

/** integrity_check, foreign_key_check, schema version and row counts. */
export function checkDatabase(db: Db): DbCheck {
  const integrity = (db.sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const fk = db.sqlite.pragma('foreign_key_check') as unknown[];
  const counts: Record<string, number> = {};
  for (const t of COUNTED) counts[t] = (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  const schemaVersion = db.userVersion;
  return {
    path: db.path,
    ok: integrity.length === 1 && integrity[0] === 'ok' && fk.length === 0 && schemaVersion === LATEST_VERSION,
    schemaVersion,
    latestVersion: LATEST_VERSION,
    integrity,
    foreignKeyProblems: fk.length,
    counts,
  };
}
