/**
 * The report counts as a derived set (src/store/derived.ts): the triggers generated from
 * the declaration, the objects of migration 4 they supersede, and how their data is
 * refilled. Takes the raw connection only: src/store/database.ts applies it after the
 * migrations, so nothing here may import database.ts.
 */
import { daysInJalaliMonth, isJalaliLeapYear, monthsOfYear, yearStart, type JalaliMonth } from '../../lang/dates.js';
import type { DerivedSet } from '../derived-set.js';
import type { Sqlite } from '../sqlite.js';
import { FIRST_YEAR, LAST_YEAR, fillMonths } from './calendar.js';
import { rebuildCounts } from './recount.js';
import { MIGRATION_4_OBJECTS, reportCountObjects } from './schema.js';

/**
 * What report_months is filled from: its years, the first of them, and which are leap
 * years (with the fixed month lengths, that is every month boundary). Working it out
 * takes 500 conversions, a few milliseconds that every command would pay on opening the
 * file; so the hash takes CALENDAR_VERSION instead, and test/store/derived.test.ts holds
 * this description to the digest below: a change to the calendar's rule in
 * src/lang/dates.ts fails that test until the version is raised, and the next open
 * then refills the table.
 */
export function calendarDescription(): string {
  let leaps = '';
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) leaps += isJalaliLeapYear(year) ? '1' : '0';
  const months = Array.from({ length: 12 }, (_, i) => daysInJalaliMonth(FIRST_YEAR, i + 1)).join(',');
  return `${FIRST_YEAR}-${LAST_YEAR} from ${yearStart(monthsOfYear(FIRST_YEAR)[0] as JalaliMonth)} months ${months} leap ${leaps}`;
}

/** Raise it when calendarDescription() changes (its SHA-256 is CALENDAR_DIGEST). */
export const CALENDAR_VERSION = 1;
export const CALENDAR_DIGEST = '554f143539b401ba75271204962a160391ec7b5eaa85052130e7656de77bf14b';

export const REPORT_COUNTS: DerivedSet = {
  name: 'report-counts',
  objects: reportCountObjects,
  supersedes: MIGRATION_4_OBJECTS,
  fingerprint: () => `calendar ${CALENDAR_VERSION} ${FIRST_YEAR}-${LAST_YEAR}`,
  refill(s: Sqlite): void {
    fillMonths(s);
    s.exec(`DELETE FROM report_counts_held`);
    // Migration 4's per-day calendar is no longer kept: report_months replaces it.
    s.exec(`DELETE FROM report_calendar`);
    rebuildCounts(s);
  },
  intact: (s: Sqlite): boolean => s.prepare(`SELECT 1 FROM report_counts_held LIMIT 1`).get() === undefined,
};
