import { checkAuditChain, type AuditChainCheck } from './audit.js';
import type { ReadableDB } from './database.js';
import { t, type Text } from '../messages/catalogue.js';
import { LATEST_VERSION } from './migrations/index.js';
import { checkReportCounts, type CountMismatch } from './report-counts/index.js';

export interface DbCheck {
  path: string;
  ok: boolean;
  schemaVersion: number;
  latestVersion: number;
  integrity: string[];
  /** null: the check itself could not read the file. */
  foreignKeyProblems: number | null;
  /** null: the table is damaged and could not be counted. */
  counts: Record<string, number | null>;
  /**
   * The report counts that triggers keep, against a recount from the tables: how many
   * differ, and the first few. null: not checked (an older schema, or a damaged file).
   */
  reportCounts: { mismatches: number; examples: CountMismatch[] } | null;
  /** The audit trail's hash chain and append-only triggers. null: not checked (an older schema, or a damaged file). */
  auditTrail: AuditChainCheck | null;
}

/** How many differing report counts `db check` lists. */
const MISMATCH_EXAMPLES = 10;

const COUNTED = [
  'clients',
  'cases',
  'services',
  'followups',
  'staff',
  'centers',
  'case_events',
  'shift_patterns',
  'roster_assignments',
  'courses',
  'enrolments',
  'workshops',
  'audit_log',
] as const;

/**
 * integrity_check, foreign_key_check, schema version, row counts and the report
 * counts against a recount (it reads every row: a minute on a million services). A damaged page
 * must not stop the check half-way: what cannot be read is reported as such (null),
 * so the person sees the whole picture and the command still exits non-zero.
 */
export function checkDatabase(db: ReadableDB): DbCheck {
  let integrity: string[];
  try {
    integrity = (db.sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    integrity = [`integrity_check could not run: ${damage(err)}`];
  }
  let foreignKeyProblems: number | null;
  try {
    foreignKeyProblems = (db.sqlite.pragma('foreign_key_check') as unknown[]).length;
  } catch (err) {
    damage(err);
    foreignKeyProblems = null;
  }
  const counts: Record<string, number | null> = {};
  // An older schema lacks later tables: that is for `db migrate`, not damage.
  const present = new Set(
    (db.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name),
  );
  for (const t of COUNTED.filter((name) => present.has(name))) {
    try {
      counts[t] = (db.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    } catch (err) {
      damage(err);
      counts[t] = null;
    }
  }
  const schemaVersion = db.userVersion;
  let reportCounts: DbCheck['reportCounts'] = null;
  let auditTrail: DbCheck['auditTrail'] = null;
  if (schemaVersion === LATEST_VERSION && integrity.length === 1 && integrity[0] === 'ok') {
    try {
      const mismatches = checkReportCounts(db);
      reportCounts = { mismatches: mismatches.length, examples: mismatches.slice(0, MISMATCH_EXAMPLES) };
      auditTrail = checkAuditChain(db);
    } catch (err) {
      damage(err);
    }
  }
  return {
    path: db.path,
    ok:
      integrity.length === 1 &&
      integrity[0] === 'ok' &&
      foreignKeyProblems === 0 &&
      schemaVersion === LATEST_VERSION &&
      Object.values(counts).every((n) => n !== null) &&
      (reportCounts === null || reportCounts.mismatches === 0) &&
      (auditTrail === null || (auditTrail.firstBroken === null && auditTrail.missingGuards.length === 0)),
    schemaVersion,
    latestVersion: LATEST_VERSION,
    integrity,
    foreignKeyProblems,
    counts,
    reportCounts,
    auditTrail,
  };
}

/** SQLite's word for a damaged file; any other failure is not the file's damage and goes on up. */
function damage(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR'))) {
    return `${(err as Error).message} (${code})`;
  }
  throw err;
}

/** The one line `db check` exits with when `check.ok` is false: the file, then the first thing that is wrong. */
export function checkFailure(check: DbCheck): Text {
  const path = check.path;
  const damaged = Object.values(check.counts).some((n) => n === null);
  const sound = check.integrity.join() === 'ok' && !damaged;
  // An older schema is not damage: say how to bring it up to date.
  if (check.schemaVersion < LATEST_VERSION && check.foreignKeyProblems === 0 && sound) {
    return t('{path} is at schema {version} of {latest}: run "parvande db migrate"', {
      path,
      version: check.schemaVersion,
      latest: LATEST_VERSION,
    });
  }
  const trail = check.auditTrail;
  if (sound && trail !== null && trail.missingGuards.length > 0) {
    return t("{path} failed its check: the audit trail's append-only trigger(s) {triggers} are missing", {
      path,
      triggers: trail.missingGuards.join(', '),
    });
  }
  if (sound && trail !== null && trail.firstBroken !== null) {
    const id = trail.firstBroken.id;
    switch (trail.firstBroken.why) {
      case 'changed':
        return t('{path} failed its check: the audit trail is broken at entry #{id} (it was changed, or an entry before it was)', {
          path,
          id,
        });
      case 'missing before':
        return t(
          '{path} failed its check: the audit trail is broken at entry #{id} (it follows a missing entry, or an entry before it was)',
          {
            path,
            id,
          },
        );
      case 'unchained':
        return t('{path} failed its check: the audit trail is broken at entry #{id} (it has no hash, or an entry before it was)', {
          path,
          id,
        });
    }
  }
  if (sound && check.reportCounts !== null && check.reportCounts.mismatches > 0) {
    return t('{path} failed its check: {count} report count(s) differ from a recount of the records', {
      path,
      count: check.reportCounts.mismatches,
    });
  }
  return t('{path} failed its check (integrity or foreign keys)', { path });
}
