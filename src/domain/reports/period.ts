/**
 * Which days a report covers. A month is a Jalali month; the year to date runs
 * from 1 Farvardin; state figures (open cases, overdue follow-ups) are taken at
 * the end of the period, or today when the period has not ended yet.
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import {
  addDays,
  daysInJalaliMonth,
  isoToJalali,
  jalaliToIso,
  jalaliYearOf,
  monthOf,
  monthRange,
  monthsOfYear,
  nextMonth,
  parseDateInput,
  parseMonthInput,
  previousMonth,
  yearStart,
  type IsoDate,
  type JalaliMonth,
} from '../../lang/dates.js';
import { isBlank, parseInteger } from '../fields.js';
import type { CountRange } from '../../store/reports.js';
import { monthCountKey, yearCountKey } from '../../store/report-counts/index.js';

export interface Period {
  /** The Jalali month (`1405-09`), or null for a year, a year to date or a free range. */
  month: JalaliMonth | null;
  from: IsoDate;
  to: IsoDate;
  /** The day state figures refer to: `to`, or today if the period has not ended. */
  asOf: IsoDate;
}

const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);

export function makePeriod(month: JalaliMonth | null, from: IsoDate, to: IsoDate, today: IsoDate): Period {
  return { month, from, to, asOf: earlier(to, today) };
}

export function monthPeriod(month: JalaliMonth, today: IsoDate): Period {
  const r = monthRange(month);
  return makePeriod(month, r.from, r.to, today);
}

/** 1 Farvardin of the month's year up to the end of the month. */
export function yearToDatePeriod(month: JalaliMonth, today: IsoDate): Period {
  return makePeriod(null, yearStart(month), monthRange(month).to, today);
}

/** `--month 1405-09`, `--month 9` (this Jalali year), `this`, `last`; default the current month. */
export function resolveMonth(input: string | undefined, today: IsoDate): JalaliMonth {
  return isBlank(input) ? parseMonthInput('this', { today }) : parseMonthInput(input, { today, field: 'month' });
}

/** `--year 1405` (any digits); default the current Jalali year. */
export function resolveYear(input: string | undefined, today: IsoDate): number {
  if (isBlank(input)) return jalaliYearOf(today);
  const year = parseInteger(input, 'year', { min: 1, max: 1699 });
  monthsOfYear(year);
  return year;
}

export function yearMonths(year: number, today: IsoDate): Period[] {
  return monthsOfYear(year).map((m) => monthPeriod(m, today));
}

export function yearPeriod(year: number, today: IsoDate): Period {
  const months = monthsOfYear(year);
  return makePeriod(null, yearStart(months[0] as JalaliMonth), monthRange(months[11] as JalaliMonth).to, today);
}

/** `--from` and `--to` as people type dates (Jalali or ISO), both inclusive. */
export function rangePeriod(fromInput: string, toInput: string, today: IsoDate): Period {
  const from = parseDateInput(fromInput, { today, field: 'from' });
  const to = parseDateInput(toInput, { today, field: 'to' });
  if (to < from) throw new ValidationError(t('--to is before --from'), 'to');
  return makePeriod(null, from, to, today);
}

export { previousMonth };

/** A Jalali month as report_counts keys it (src/store/report-counts/calendar.ts): 140509 for 1405-09. */
export const monthKey = (month: JalaliMonth): number => monthCountKey(...yearAndMonth(month));

/** A Jalali year as report_counts keys it: -1405 for 1405. */
const yearKey = yearCountKey;

/** Beyond every month and year: a range with no end. */
const NO_END = Number.MAX_SAFE_INTEGER;

/**
 * The key ranges of report_counts that add up to the days `from`..`to` (both
 * included; `to` null: with no end). Days outside whole Jalali months are read as
 * days, whole months as months, a whole Jalali year as one year; most of a year
 * whose other months already have data is read as the year less those months
 * (a year to date in its last months is then one year and a few months with
 * nothing in them yet). `today` only guides that choice: every choice gives the
 * same sums.
 */
export function countRanges(key: number, from: IsoDate, to: IsoDate | null, today: IsoDate): CountRange[] {
  if (to !== null && to < from) return [];
  const ranges: CountRange[] = [];
  let first = monthOf(from);
  const head = monthRange(first);
  if (head.from !== from) {
    if (to !== null && to <= head.to) return [{ key, from, to, sign: 1 }];
    ranges.push({ key, from, to: head.to, sign: 1 });
    first = nextMonth(first);
  }
  const [firstYear, firstMonth] = yearAndMonth(first);
  if (to === null) {
    let year = firstYear;
    if (firstMonth > 1) {
      ranges.push({ key, from: monthKey(first), to: monthCountKey(year, 12), sign: 1 });
      year++;
    }
    ranges.push({ key, from: -NO_END, to: yearKey(year), sign: 1 });
    return ranges;
  }
  let last = monthOf(to);
  const tail = monthRange(last);
  if (tail.to !== to) last = previousMonth(last);
  const [lastYear, lastMonth] = yearAndMonth(last);
  if (monthKey(first) <= monthKey(last)) {
    const current = monthKey(monthOf(today));
    for (let year = firstYear; year <= lastYear; year++) {
      ranges.push(...monthsOfOneYear(key, year, year === firstYear ? firstMonth : 1, year === lastYear ? lastMonth : 12, current));
    }
  }
  if (tail.to !== to) ranges.push({ key, from: tail.from, to, sign: 1 });
  return ranges;
}

function yearAndMonth(month: JalaliMonth): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

/**
 * Months a..b of one Jalali year: the year itself, the months, or the year less the
 * others, whichever reads less. Months up to `current` (today's) hold most of the data;
 * later ones little (follow-ups due) or none.
 */
function monthsOfOneYear(key: number, year: number, a: number, b: number, current: number): CountRange[] {
  if (a === 1 && b === 12) return [{ key, from: yearKey(year), to: yearKey(year), sign: 1 }];
  let inside = 0;
  let outside = 0;
  for (let m = 1; m <= 12; m++) {
    if (monthCountKey(year, m) > current) continue;
    if (m >= a && m <= b) inside++;
    else outside++;
  }
  if (1 + outside >= inside) return [{ key, from: monthCountKey(year, a), to: monthCountKey(year, b), sign: 1 }];
  const ranges: CountRange[] = [{ key, from: yearKey(year), to: yearKey(year), sign: 1 }];
  if (a > 1) ranges.push({ key, from: monthCountKey(year, 1), to: monthCountKey(year, a - 1), sign: -1 });
  if (b < 12) ranges.push({ key, from: monthCountKey(year, b + 1), to: monthCountKey(year, 12), sign: -1 });
  return ranges;
}

/** Per registration day: the latest birth dates at which a person is 18, and 60, on that day. */
export interface AgeCutoffs {
  day: IsoDate;
  adultBornBy: IsoDate;
  elderlyBornBy: IsoDate;
}

/**
 * For each day from `from` to `to`: the latest birth dates at which a person is
 * 18 and 60 years old that day, by Jalali birthdays (as ageOn counts them). The
 * age groups of the report follow this rule; the report counts' triggers look it
 * up in SQL (src/store/report-counts/calendar.ts), held to it by a test.
 */
export function ageCutoffs(from: IsoDate, to: IsoDate): AgeCutoffs[] {
  const out: AgeCutoffs[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    out.push({ day, adultBornBy: yearsBefore(day, 18), elderlyBornBy: yearsBefore(day, 60) });
  }
  return out;
}

/** The same Jalali day n years earlier; 30 Esfand becomes 29 Esfand in a common year. */
export function yearsBefore(iso: string, n: number): IsoDate {
  const j = isoToJalali(iso);
  const year = j.year - n;
  return jalaliToIso({ year, month: j.month, day: Math.min(j.day, daysInJalaliMonth(year, j.month)) });
}
