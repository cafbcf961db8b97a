/**
 * The report counts: every figure of the activity reports kept as counts per day (and
 * per Jalali month and year), so that a report reads a few thousand small rows of
 * report_counts (period, measure, code, n) and never a range of services, cases,
 * follow-ups or clients.
 *
 * One owner. measures.ts declares each measure once: its source (the kind of row it
 * counts), its levels (day, month and year; day only; the present state), and as SQL
 * over the source's rows the day and code it is counted under. From that declaration
 * come the triggers that keep the counts (schema.ts), the recount that `db check`
 * compares them with and that rebuilds them (recount.ts), and the measure lists and
 * code decoders the reports read them with (src/domain/reports/tally.ts). The Jalali
 * months come from a table that src/lang/dates.ts fills (calendar.ts).
 *
 * The triggers are derived schema (src/store/derived.ts), not a migration: after the
 * migrations, when the hash of their SQL differs from the one stored, they are dropped
 * and created again and the counts rebuilt from a recount, in the same transaction.
 *
 * To add a measure:
 *  1. In measures.ts, add it to its source's `measures` (levels, what it counts, its
 *     code) and make the source's `rows` give rows for it; a new kind of row is a new
 *     Source, with the tables whose changes change what it counts (`watches`).
 *  2. Read it in src/domain/reports/tally.ts (where the figure goes in the report).
 *  3. A new Source also says which of its rows are one center's or one worker's (`scope`):
 *     reports narrowed with --center or --worker recount those rows only (scope.ts).
 *  Nothing else: the next open re-creates the triggers and recounts every measure, and
 *  test/reports/aggregates.test.ts and the model test hold the triggers to the recount.
 */

export {
  CALENDAR_FLOWS,
  CALENDAR_MEASURES,
  DAY_FLOWS,
  MEASURES,
  decodeClientCode,
  decodeGroupId,
  decodeServiceCode,
  type ClientCode,
} from './measures.js';
export {
  checkReportCounts,
  countHeldClients,
  holdNewClients,
  rebuildReportCounts,
  resumeNewClientCounts,
  resumeReportCounts,
  suspendNewClientCounts,
  suspendReportCounts,
  type CountMismatch,
  type HeldClientCounts,
} from './upkeep.js';
export { REPORT_COUNTS } from './set.js';
export { narrowReportCounts, type CountScope, type CountScopeKind } from './scope.js';
export { jalaliMonthSql, monthCountKey, yearCountKey, yearsBeforeSql } from './calendar.js';
