/**
 * The Jalali calendar as SQL expressions, for the recount of the report counts
 * (src/store/report-aggregates.ts) that the triggers of migration 4 key by Jalali
 * month and age group. The arithmetic is that of src/domain/dates.ts (1 Farvardin
 * of year y is day 365·y + ⌊(8·y + 21) / 33⌋ − 492633 since 1970-01-01); a test
 * holds the two to the same answer for every day of five centuries.
 */

/** Days since 1970-01-01 of an ISO date (NULL for a malformed one). */
const dayNumber = (day: string): string => `CAST(julianday(${day}) - 2440587.5 AS INTEGER)`;

/** Day number of 1 Farvardin of Jalali year y. */
const yearStart = (y: string): string => `(365 * (${y}) + (8 * (${y}) + 21) / 33 - 492633)`;

/** A subquery of one row: jy, jm, jd (the Jalali date of `day`) and ms (days of the year before month jm); no row for a malformed date. */
function jalaliOf(day: string): string {
  return `(SELECT dn, jy, jm, dn - ys - ms + 1 AS jd, ms FROM
    (SELECT dn, jy, ys, jm, CASE WHEN jm <= 7 THEN (jm - 1) * 31 ELSE 186 + (jm - 7) * 30 END AS ms FROM
      (SELECT dn, jy, ys, CASE WHEN dn - ys < 186 THEN (dn - ys) / 31 + 1 ELSE (dn - ys - 186) / 30 + 7 END AS jm FROM
        (SELECT dn, jy, ${yearStart('jy')} AS ys FROM
          (SELECT dn, y0 - (dn < ${yearStart('y0')}) AS jy FROM
            (SELECT dn, 1 + (33 * (dn + 492268) + 3) / 12053 AS y0 FROM (SELECT ${dayNumber(day)} AS dn) WHERE dn IS NOT NULL))))))`;
}

/** The Jalali month of an ISO date as year × 100 + month (140509 for 1405/09), NULL for a malformed date. */
export const jalaliMonthSql = (day: string): string => `(SELECT jy * 100 + jm FROM ${jalaliOf(day)})`;

/**
 * The same Jalali day `years` earlier as an ISO date, 30 Esfand becoming 29 Esfand
 * in a common year (what src/domain/reports/period.ts yearsBefore gives).
 */
export function yearsBeforeSql(day: string, years: number): string {
  return `(SELECT date(2440587.5 + ${yearStart('y2')} + ms + min(jd, CASE WHEN jm <= 6 THEN 31 WHEN jm <= 11 THEN 30
      WHEN ${yearStart('y2 + 1')} - ${yearStart('y2')} = 366 THEN 30 ELSE 29 END) - 1)
    FROM (SELECT jm, jd, ms, jy - ${years} AS y2 FROM ${jalaliOf(day)}))`;
}
