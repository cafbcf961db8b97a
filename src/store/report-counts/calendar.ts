/**
 * The Jalali calendar as the report counts' SQL needs it: the month of a day, and
 * the same Jalali day some years earlier (the age groups). SQL does not work the
 * calendar out: it looks the month up in report_months, a table of month starts
 * that src/lang/dates.ts fills (the one owner of the month boundaries). The table
 * is derived data: src/store/derived.ts refills it whenever the derived schema is
 * re-created.
 */
import { monthRange, monthsOfYear } from '../../lang/dates.js';
import type { Sqlite } from '../sqlite.js';

/**
 * The Jalali years in the table. Record dates run from 1300 (src/lang/dates.ts
 * dateRange); an age group looks 60 years further back; a typed year from 1700 on
 * is Gregorian. A day outside has no month (counted per day only, by the triggers
 * and by the recount alike).
 */
export const FIRST_YEAR = 1200;
export const LAST_YEAR = 1699;

/**
 * The periods of report_counts beside ISO days (text): a Jalali month as year × 100 +
 * month (140509) and a Jalali year negative (-1405). SQLite orders every integer before
 * every text and the years before the months, so a range of one kind never meets another.
 */
export const monthCountKey = (year: number, month: number): number => year * 100 + month;
export const yearCountKey = (year: number): number => -year;
/** The year period of a month period, in SQL. */
export const yearOfMonthSql = (month: string): string => `-(${month} / 100)`;

/** report_months: (month 140509, first_day '2026-11-22', days 30). */
export function fillMonths(sqlite: Sqlite): void {
  sqlite.exec(`DELETE FROM report_months`);
  const insert = sqlite.prepare(`INSERT INTO report_months (month, first_day, days) VALUES (?, ?, ?)`);
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const month of monthsOfYear(year)) {
      const r = monthRange(month);
      const days = Math.round((Date.parse(r.to) - Date.parse(r.from)) / 86_400_000) + 1;
      insert.run(monthCountKey(year, Number(month.slice(5, 7))), r.from, days);
    }
  }
}

/** The report_months row of the month holding `day` (NULL for a day outside the table or malformed). */
const monthRow = (day: string): string =>
  `(SELECT max(first_day) FROM report_months WHERE first_day <= ${day} AND first_day > date(${day}, '-32 days'))`;

/** The Jalali month of an ISO date as year × 100 + month (140509 for 1405/09), NULL outside the table. */
export const jalaliMonthSql = (day: string): string => `(SELECT month FROM report_months WHERE first_day = ${monthRow(day)})`;

/**
 * The same Jalali day `years` earlier as an ISO date, 30 Esfand becoming 29 Esfand
 * in a common year (what src/domain/reports/period.ts yearsBefore gives).
 */
export function yearsBeforeSql(day: string, years: number): string {
  return `(SELECT date(t.first_day, (min(CAST(julianday(${day}) - julianday(m.first_day) AS INTEGER), t.days - 1)) || ' days')
    FROM report_months AS m CROSS JOIN report_months AS t
    WHERE m.first_day = ${monthRow(day)} AND t.month = m.month - ${years * 100})`;
}
