/**
 * The report counts recounted from the tables, by the same declaration the triggers
 * come from (measures.ts): what `parvande db check` compares with what the triggers
 * kept, what rebuilds them when the derived schema changes, and what a bulk load (the
 * demo) writes once at its end. A recount reads every service, case, event, follow-up
 * and client: it belongs to checks, repairs and bulk loads, never to a report.
 */
import type { Sqlite } from '../sqlite.js';
import { jalaliMonthSql, yearOfMonthSql } from './calendar.js';
import { CALENDAR_MEASURES, SOURCES, type Source } from './measures.js';

const CALENDAR = CALENDAR_MEASURES.map((m) => `'${m}'`).join(', ');

/**
 * Fills `target` (a table like report_counts) with the counts recounted from the tables, at each
 * day (month and year); `where`: only each source's rows matching it (scope.ts).
 */
export function recountInto(s: Sqlite, target: string, where: (source: Source) => string = () => '1'): void {
  s.exec(`DROP TABLE IF EXISTS temp.report_recount_days; DROP TABLE IF EXISTS temp.report_recount_months;
    CREATE TEMP TABLE report_recount_days (day NOT NULL, measure TEXT NOT NULL, code NOT NULL, n INTEGER NOT NULL);
    CREATE TEMP TABLE report_recount_months (day PRIMARY KEY, month INTEGER NOT NULL) WITHOUT ROWID`);
  try {
    for (const source of SOURCES) {
      s.exec(
        `INSERT INTO temp.report_recount_days SELECT day, measure, code, sum(n) FROM (${source.rows(where(source))}) GROUP BY 1, 2, 3`,
      );
    }
    // The Jalali month of each day, looked up once per day.
    s.exec(`INSERT INTO temp.report_recount_months SELECT day, month FROM (
        SELECT day, ${jalaliMonthSql('day')} AS month FROM (SELECT DISTINCT day FROM temp.report_recount_days WHERE day <> '' AND measure IN (${CALENDAR})))
      WHERE month IS NOT NULL`);
    s.exec(`INSERT INTO ${target} (period, measure, code, n)
      SELECT period, measure, code, sum(n) FROM (
        SELECT day AS period, measure, code, n FROM temp.report_recount_days
        UNION ALL SELECT k.month, d.measure, d.code, d.n
          FROM temp.report_recount_days AS d CROSS JOIN temp.report_recount_months AS k WHERE k.day = d.day AND d.measure IN (${CALENDAR})
        UNION ALL SELECT ${yearOfMonthSql('k.month')}, d.measure, d.code, d.n
          FROM temp.report_recount_days AS d CROSS JOIN temp.report_recount_months AS k WHERE k.day = d.day AND d.measure IN (${CALENDAR}))
      GROUP BY period, measure, code HAVING sum(n) <> 0`);
  } finally {
    s.exec(`DROP TABLE temp.report_recount_days; DROP TABLE temp.report_recount_months`);
  }
}

/** Writes the report counts afresh from the tables (the recount is the truth); inside a write transaction. */
export function rebuildCounts(s: Sqlite): void {
  s.exec(`DELETE FROM report_counts`);
  recountInto(s, 'main.report_counts');
}
