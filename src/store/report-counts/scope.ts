/**
 * A report narrowed to one center's or one worker's work (`report monthly --center C`,
 * `--worker W`). The counts kept by the triggers are the whole office's; a narrowed report
 * recounts, inside its own read snapshot, only the rows each source says are that center's or
 * that worker's (Source.scope in measures.ts) into a TEMP report_counts, and copies the
 * follow-ups it reads directly into a TEMP followups. SQLite resolves an unqualified name in
 * temp before main, so every report query then reads the narrowed figures, unchanged. The
 * main file is never written (this works on a read-only connection), and the temp tables go
 * with the connection. A recount reads the center's or worker's whole history: a narrowed report
 * costs what `db check` costs for that share of the office, not the milliseconds of the whole.
 */
import type { ReadableDB } from '../database.js';
import { translateSqliteError } from '../database.js';
import { InternalError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { SOURCES, type CountScopeKind } from './measures.js';
import { recountInto } from './recount.js';

export type { CountScopeKind } from './measures.js';

export interface CountScope {
  kind: CountScopeKind;
  /** The center's or staff member's id (a whole number: it is written into the SQL). */
  id: number;
}

const FOLLOWUPS = SOURCES.find((s) => s.name === 'followups');

/** From now on, this connection's report queries read the counts of `scope` only. */
export function narrowReportCounts(db: ReadableDB, scope: CountScope): void {
  if (!Number.isSafeInteger(scope.id) || scope.id < 1) throw new InternalError(t('narrowReportCounts: bad id {id}', { id: scope.id }));
  const s = db.sqlite;
  try {
    s.exec(`DROP TABLE IF EXISTS temp.report_counts; DROP TABLE IF EXISTS temp.followups;
      CREATE TEMP TABLE report_counts (period NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (measure, period, code)) WITHOUT ROWID`);
    recountInto(s, 'temp.report_counts', (source) => source.scope[scope.kind](scope.id));
    const followups = (FOLLOWUPS as NonNullable<typeof FOLLOWUPS>).scope[scope.kind](scope.id);
    // The follow-ups still scheduled are counted from the table itself (store/reports.ts countScheduledBefore), by this index.
    s.exec(`CREATE TEMP TABLE followups AS SELECT * FROM main.followups AS f WHERE ${followups};
      CREATE INDEX temp.followups_status_due ON followups (status, due_on)`);
  } catch (err) {
    throw translateSqliteError(err, db.path);
  }
}
