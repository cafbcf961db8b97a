/**
 * Which days a report covers. A month is a Jalali month; the year to date runs
 * from 1 Farvardin; state figures (open cases, overdue follow-ups) are taken at
 * the end of the period, or today when the period has not ended yet.
 */
import { ValidationError } from '../../errors.js';
import {
  addDays, daysInJalaliMonth, isoToJalali, jalaliToIso, jalaliYearOf, monthRange, monthsOfYear, parseDateInput,
  parseMonthInput, previousMonth, yearStart, type IsoDate, type JalaliMonth,
} from '../dates.js';
import { isBlank, parseInteger } from '../fields.js';
import type { AgeCutoffs, ReportBucket } from '../../store/reports.js';

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
  return makePeriod(null, yearStart(months[0] as string), monthRange(months[11] as string).to, today);
}

/** `--from` and `--to` as people type dates (Jalali or ISO), both inclusive. */
export function rangePeriod(fromInput: string, toInput: string, today: IsoDate): Period {
  const from = parseDateInput(fromInput, { today, field: 'from' });
  const to = parseDateInput(toInput, { today, field: 'to' });
  if (to < from) throw new ValidationError(`--to (${to}) is before --from (${from})`, 'to');
  return makePeriod(null, from, to, today);
}

export { previousMonth };

/**
 * What the store needs for one period. Follow-ups are overdue when due before
 * the day after the period (or before today while the period runs): at a
 * month's end that is "due in or before the month and still not done", and in
 * the running month it is what `followup list --overdue` shows.
 */
export function toBucket(p: Period, today: IsoDate): ReportBucket {
  return { from: p.from, to: p.to, asOf: p.asOf, before: earlier(addDays(p.to, 1), today) };
}

/**
 * For each day from `from` to `to`: the latest birth dates at which a person is
 * 18 and 60 years old that day, by Jalali birthdays (as ageOn counts them).
 */
export function ageCutoffs(from: IsoDate, to: IsoDate): AgeCutoffs[] {
  const out: AgeCutoffs[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    out.push({ day, adultBornBy: yearsBefore(day, 18), elderlyBornBy: yearsBefore(day, 60) });
  }
  return out;
}

/** The same Jalali day n years earlier; 30 Esfand becomes 29 Esfand in a common year. */
export function yearsBefore(iso: IsoDate, n: number): IsoDate {
  const j = isoToJalali(iso);
  const year = j.year - n;
  return jalaliToIso({ year, month: j.month, day: Math.min(j.day, daysInJalaliMonth(year, j.month)) });
}
