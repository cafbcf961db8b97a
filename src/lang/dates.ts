/**
 * The only module that knows the Jalali (Solar Hijri) calendar. Dates travel
 * through the program as ISO `YYYY-MM-DD` strings (`IsoDate`) and months as
 * Jalali `YYYY-MM` strings (`JalaliMonth`). Day arithmetic runs on whole day
 * numbers (days since 1970-01-01) and never on Date objects, so nothing here
 * depends on the process time zone except the two functions that are about
 * local time by definition: `todayIso` and `formatTimestamp`. (The library's
 * addDays steps over local days: in a zone that skipped a day it never lands on
 * it; "date-fns-jalali's local Dates would move days" and "time zones" in
 * test/unit/dates.test.ts.)
 *
 * The Jalali rule itself (conversion both ways, leap years, month lengths) is
 * date-fns-jalali's, bundled into the program (bin/build.mjs) by named subpath
 * imports, about 2 ms at start-up. The library works on `Date`s read in local
 * time; we hand it `CalendarDay`s, which are read in UTC (see there why).
 */
import { getDate } from 'date-fns-jalali/getDate';
import { getDaysInMonth } from 'date-fns-jalali/getDaysInMonth';
import { getMonth } from 'date-fns-jalali/getMonth';
import { getYear } from 'date-fns-jalali/getYear';
import { isLeapYear } from 'date-fns-jalali/isLeapYear';
import { setYear } from 'date-fns-jalali/setYear';
import { ValidationError } from '../errors.js';
import { t, type Localized, type Text } from '../messages/catalogue.js';
import { toPersianDigits } from './digits.js';
import { matchingKey, normalizeLetters } from './persian.js';

declare const brand: unique symbol;
/** A calendar day as ISO `YYYY-MM-DD`, checked: only this module's functions make one (or `asIsoDate`). */
export type IsoDate = string & { readonly [brand]: 'IsoDate' };
/** A Jalali month as `YYYY-MM`, e.g. `1405-09` (Azar 1405), checked like IsoDate. */
export type JalaliMonth = string & { readonly [brand]: 'JalaliMonth' };
export interface JalaliDate {
  year: number;
  month: number;
  day: number;
}
export interface FormatOptions {
  calendar: 'jalali' | 'gregorian';
  lang: 'en' | 'fa';
}

export const jalaliMonthNames = {
  en: ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'],
  fa: ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'],
} as const satisfies Record<FormatOptions['lang'], readonly string[]>;
const GREGORIAN_MONTH_NAMES_FA = ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'];

const GREGORIAN_MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Highest Jalali year whose dates still have a four-digit Gregorian year.
const MAX_JALALI_YEAR = 9377;
// Typed years below this are Jalali, from GREGORIAN_FROM on Gregorian; between is neither.
const JALALI_BEFORE = 1700;
const GREGORIAN_FROM = 1900;

// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian).
function gregorianToDays(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function daysToGregorian(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/**
 * A calendar day for date-fns-jalali: a Date whose "local" fields are its UTC fields.
 * The library reads and writes a Date through getFullYear, setHours and the like, that
 * is as an instant in the machine's zone; handed local Dates it would move days the
 * zone skipped (Pacific/Apia has no 2011-12-30: the library's own `newDate(1390, 9, 9)`
 * is the 31st there), and its `parse` gives local midnight, whose `toISOString()` is
 * the previous day in Tehran. Test: "date-fns-jalali's local Dates would move days;
 * CalendarDay does not" in test/unit/dates.test.ts. Only the fields the library's
 * calendar functions use are redirected.
 */
class CalendarDay extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override setFullYear(year: number, month = this.getUTCMonth(), date = this.getUTCDate()): number {
    return this.setUTCFullYear(year, month, date);
  }
  override setHours(hours: number, minutes = this.getUTCMinutes(), seconds = this.getUTCSeconds(), ms = this.getUTCMilliseconds()): number {
    return this.setUTCHours(hours, minutes, seconds, ms);
  }
}

const DAY_MS = 86_400_000;
const calendarDay = (days: number): CalendarDay => new CalendarDay(days * DAY_MS);

// Days before each month: six of 31, five of 30, then Esfand (29, or 30 in a leap year).
const MONTH_START = [0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336] as const;

const yearStarts = new Map<number, number>();

// 1970-03-21, 1 Farvardin 1349: setYear keeps the Jalali month and day, so from here it gives 1 Farvardin of any year.
const FARVARDIN_1_1349 = 79;

/**
 * Day number of 1 Farvardin of a Jalali year: where the library's leap-year rule enters. Kept per
 * year: opening a database fingerprints five centuries of year starts (store/report-counts).
 */
function jalaliYearStart(year: number): number {
  let start = yearStarts.get(year);
  if (start === undefined) {
    start = setYear(calendarDay(FARVARDIN_1_1349), year).getTime() / DAY_MS;
    yearStarts.set(year, start);
  }
  return start;
}

/** The day number of a Jalali date (valid: jalaliProblem has checked it). */
const jalaliToDays = (y: number, m: number, d: number): number => jalaliYearStart(y) + (MONTH_START[m - 1] ?? 0) + d - 1;

function daysToJalali(n: number): JalaliDate {
  const day = calendarDay(n);
  return { year: getYear(day), month: getMonth(day) + 1, day: getDate(day) };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysToIso(n: number): IsoDate {
  const [y, m, d] = daysToGregorian(n);
  if (y < 1 || y > 9999) throw new ValidationError(t('date out of range: year {year} cannot be written as YYYY-MM-DD', { year: y }));
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}` as IsoDate;
}

/** A month's name in both languages, for a message. */
function monthName(names: { en: readonly string[]; fa: readonly string[] }, m: number): Localized {
  return { en: names.en[m - 1] ?? '', fa: names.fa[m - 1] ?? '' };
}

function monthLength(name: Localized, y: number, length: number, withYear: boolean): Text {
  return withYear
    ? t('{month} {year} has {days} days', { month: name, year: y, days: length })
    : t('{month} has {days} days', { month: name, days: length });
}

function gregorianProblem(y: number, m: number, d: number): Text | undefined {
  if (y < 1 || y > 9999) return t('year {year} is out of range', { year: y });
  if (m < 1 || m > 12) return t('month {month} does not exist; expected 1-12', { month: m });
  const length = gregorianToDays(m === 12 ? y + 1 : y, (m % 12) + 1, 1) - gregorianToDays(y, m, 1);
  const name = monthName({ en: GREGORIAN_MONTH_NAMES, fa: GREGORIAN_MONTH_NAMES_FA }, m);
  if (d < 1 || d > length) return monthLength(name, y, length, m === 2);
  return undefined;
}

function jalaliProblem(y: number, m: number, d: number): Text | undefined {
  if (!Number.isInteger(y) || y < 1 || y > MAX_JALALI_YEAR) return t('year {year} is out of range', { year: y });
  if (!Number.isInteger(m) || m < 1 || m > 12) return t('month {month} does not exist; expected 1-12', { month: m });
  const length = daysInJalaliMonth(y, m);
  if (!Number.isInteger(d) || d < 1 || d > length) return monthLength(monthName(jalaliMonthNames, m), y, length, m === 12);
  return undefined;
}

function isoToDays(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  const problem = match ? gregorianProblem(y, m, d) : t('expected YYYY-MM-DD');
  if (problem !== undefined) throw new ValidationError(t('invalid ISO date "{date}": {problem}', { date: iso, problem }));
  return gregorianToDays(y, m, d);
}

export function isJalaliLeapYear(year: number): boolean {
  return isLeapYear(calendarDay(jalaliYearStart(year)));
}

export function daysInJalaliMonth(year: number, month: number): number {
  return getDaysInMonth(calendarDay(jalaliToDays(year, month, 1)));
}

export const isoToJalali = (iso: string): JalaliDate => daysToJalali(isoToDays(iso));

export function jalaliToIso(j: JalaliDate): IsoDate {
  const problem = jalaliProblem(j.year, j.month, j.day);
  if (problem !== undefined) {
    throw new ValidationError(t('invalid Jalali date "{date}": {problem}', { date: `${j.year}/${pad(j.month)}/${pad(j.day)}`, problem }));
  }
  return daysToIso(jalaliToDays(j.year, j.month, j.day));
}

/** The machine's local calendar date: the office works in local time. */
export function todayIso(now: Date = new Date()): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` as IsoDate;
}

/** A stored or typed ISO date checked and branded (a date read from the database, a pinned today). */
export const asIsoDate = (text: string): IsoDate => daysToIso(isoToDays(text));

export function addDays(iso: string, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new ValidationError(t('invalid day count {count}; expected a whole number', { count: n }));
  return daysToIso(isoToDays(iso) + n);
}

/** b − a in days. */
export const diffDays = (a: string, b: string): number => isoToDays(b) - isoToDays(a);

/** Same Jalali day n months later (or earlier), clamped to the target month's length. */
function addJalaliMonths(iso: string, n: number): IsoDate {
  const j = isoToJalali(iso);
  const index = j.year * 12 + j.month - 1 + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return jalaliToIso({ year, month, day: Math.min(j.day, daysInJalaliMonth(year, month)) });
}

const DAY_WORDS: Readonly<Record<string, number>> = {
  today: 0,
  yesterday: -1,
  tomorrow: 1,
  امروز: 0,
  دیروز: -1,
  فردا: 1,
};

/**
 * What a date is for, which sets the dates it may plausibly be:
 * - `record`: the date of something the office did or plans (registration, opening,
 *   service, follow-up due or done, closing, shift, course, enrolment, workshop, start and
 *   leaving of staff): from 1300/01/01 (1921-03-21) to one year after the office's today.
 * - `birth`: from 1900-01-01 to today.
 * - `filter`: a bound of a list, an export or a period; nothing is stored, so any date the
 *   calendar can write (what parseDateInput gives without a kind).
 * A date outside its range is refused: year 0001 typed for 1401 must not be stored as 0622.
 */
export type DateKind = 'record' | 'birth' | 'filter';

const RECORDS_FROM = '1921-03-21' as IsoDate; // 1300/01/01
const BIRTHS_FROM = '1900-01-01' as IsoDate;

/** The plausible range of a kind of date on the office's `today`, both ends included; undefined for no limit. */
export function dateRange(kind: DateKind, today: string): { from: IsoDate; to: IsoDate } | undefined {
  switch (kind) {
    case 'record':
      return { from: RECORDS_FROM, to: addJalaliMonths(today, 12) };
    case 'birth':
      return { from: BIRTHS_FROM, to: asIsoDate(today) };
    case 'filter':
      return undefined;
  }
}

export interface DateInputOptions {
  today: string;
  field?: string;
  /** Every stored date names its kind; without one, any date the calendar can write is taken. */
  kind?: DateKind;
}

/**
 * A date as people type it: Jalali `1405/09/04` or `1405-9-4`, ISO `2026-11-25`
 * or `2026/11/25` (in any digits), `today`/`yesterday`/`tomorrow` (or امروز,
 * دیروز, فردا), or relative to today: `+7d`, `-3d`, `+2w`, `-1m`. With a kind, a
 * date outside its plausible range is refused, naming the field and the range
 * (in Jalali, as the office reads dates) but never the value.
 */
export function parseDateInput(input: string, opts: DateInputOptions): IsoDate {
  const iso = parseAnyDate(input, opts);
  const range = opts.kind === undefined ? undefined : dateRange(opts.kind, opts.today);
  if (range !== undefined && (iso < range.from || iso > range.to)) {
    const field = opts.field ?? 'date';
    const jalali = { calendar: 'jalali', lang: 'en' } as const;
    throw new ValidationError(
      t('--{field} must be a date from {from} to {to} (Jalali)', {
        field,
        from: formatDate(range.from, jalali),
        to: formatDate(range.to, jalali),
      }),
      field,
    );
  }
  return iso;
}

function parseAnyDate(input: string, opts: DateInputOptions): IsoDate {
  const field = opts.field ?? 'date';
  const s = normalizeLetters(input).toLowerCase();
  const fail = (reason: Text): ValidationError => new ValidationError(t('invalid date for --{field}: {reason}', { field, reason }), field);

  const word = DAY_WORDS[s];
  if (word !== undefined) return addDays(opts.today, word);

  const relative = /^([+-])(\d{1,5})([dwm])$/.exec(s);
  if (relative) {
    const n = (relative[1] === '-' ? -1 : 1) * Number(relative[2]);
    if (relative[3] === 'm') return addJalaliMonths(opts.today, n);
    return addDays(opts.today, relative[3] === 'w' ? 7 * n : n);
  }

  const date = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/.exec(s);
  if (!date) throw fail(t('expected e.g. 1405/09/04, 2026-11-25, today, +7d, -2w or +1m'));
  const [y, m, d] = [Number(date[1]), Number(date[3]), Number(date[4])];
  if (y < JALALI_BEFORE) {
    const problem = jalaliProblem(y, m, d);
    if (problem !== undefined) throw fail(problem);
    return daysToIso(jalaliToDays(y, m, d));
  }
  if (y >= GREGORIAN_FROM) {
    const problem = gregorianProblem(y, m, d);
    if (problem !== undefined) throw fail(problem);
    return daysToIso(gregorianToDays(y, m, d));
  }
  throw fail(
    t('year {year} is neither Jalali (before {jalaliBefore}) nor Gregorian ({gregorianFrom} on)', {
      year: y,
      jalaliBefore: JALALI_BEFORE,
      gregorianFrom: GREGORIAN_FROM,
    }),
  );
}

function formatDays(n: number, opts: FormatOptions): string {
  let text: string = daysToIso(n);
  if (opts.calendar === 'jalali') {
    const j = daysToJalali(n);
    text = `${pad(j.year, 4)}/${pad(j.month)}/${pad(j.day)}`;
  }
  return opts.lang === 'fa' ? toPersianDigits(text) : text;
}

/** Jalali `1405/09/04` or Gregorian `2026-11-25`; Persian digits for `fa`. */
export function formatDate(iso: string, opts: FormatOptions): string {
  return formatDays(isoToDays(iso), opts);
}

/**
 * An ISO day standing alone in a message (after a space, a parenthesis or the start, before a
 * space, punctuation or the end): not one inside a file name (`backup-2026-11-25.db`), a path or a
 * timestamp (`2026-11-25T08:01`), which stay as they are. The first alternative is a list of
 * examples of what to type (`expected e.g. 1405/09/04, 2026-11-25, today`, in Persian after «نمونه»,
 * «مانند» or «مثلاً», up to the next `;`, `؛` or `)`): there an ISO day is a format a person may type,
 * kept as written.
 */
const ISO_IN_TEXT =
  /(?:\be\.g\.|\bsuch as\b|نمونه|مانند|مثلاً)[^;)؛]*|(?<![\p{L}\p{N}_/\\.-])\d{4}-\d{2}-\d{2}(?![\p{L}\p{N}_/\\-]|\.[\p{L}\p{N}])/gu;

/**
 * A message as a person reads it: every ISO day in it shown in the display calendar
 * (`1405/09/04`, Persian digits for `fa`). Messages carry ISO days, as --json and the rejects
 * files keep them; the terminal's lines (errors, warnings, notes) pass through here
 * (src/ui/output.ts), so a message never shows a person an ISO date as a day.
 */
export function datesForReading(text: string, opts: FormatOptions): string {
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return text;
  return text.replace(ISO_IN_TEXT, (found) => {
    if (!/^\d/.test(found)) return found;
    try {
      return formatDate(found, opts);
    } catch {
      // Not a real day (2026-13-40): left as it was written.
      return found;
    }
  });
}

// SQLite's CURRENT_TIMESTAMP writes `2026-11-25 08:01:02` in UTC with no zone
// designator, and Date would read that as local time: so a missing zone means UTC.
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:\d{2})?$/i;

/** A UTC timestamp shown as local date and `HH:MM`, e.g. `1405/09/04 11:31`. */
export function formatTimestamp(isoUtc: string, opts: FormatOptions): string {
  const match = TIMESTAMP.exec(isoUtc);
  const at = match ? new Date(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`) : undefined;
  if (at === undefined || Number.isNaN(at.getTime())) {
    throw new ValidationError(t('invalid timestamp "{timestamp}"; expected e.g. 2026-11-25T08:01:02.123Z', { timestamp: isoUtc }));
  }
  const day = gregorianToDays(at.getFullYear(), at.getMonth() + 1, at.getDate());
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return `${formatDays(day, opts)} ${opts.lang === 'fa' ? toPersianDigits(time) : time}`;
}

const toMonth = (year: number, month: number): JalaliMonth => `${pad(year, 4)}-${pad(month)}` as JalaliMonth;

function splitMonth(month: string): [number, number] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const [y, m] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || y < 1 || y > MAX_JALALI_YEAR || m < 1 || m > 12) {
    throw new ValidationError(t('invalid month "{month}"; expected a Jalali YYYY-MM such as 1405-09', { month }));
  }
  return [y, m];
}

function shiftMonth(month: string, n: number): JalaliMonth {
  const [y, m] = splitMonth(month);
  const index = y * 12 + m - 1 + n;
  return toMonth(Math.floor(index / 12), (index % 12) + 1);
}

export const jalaliYearOf = (iso: string): number => isoToJalali(iso).year;
export const previousMonth = (month: string): JalaliMonth => shiftMonth(month, -1);
export const nextMonth = (month: string): JalaliMonth => shiftMonth(month, 1);

export function monthOf(iso: string): JalaliMonth {
  const j = isoToJalali(iso);
  return toMonth(j.year, j.month);
}

/** First and last day (inclusive) of a Jalali month. */
export function monthRange(month: string): { month: JalaliMonth; from: IsoDate; to: IsoDate } {
  const [y, m] = splitMonth(month);
  const from = jalaliToDays(y, m, 1);
  return { month: toMonth(y, m), from: daysToIso(from), to: daysToIso(from + daysInJalaliMonth(y, m) - 1) };
}

/** 1 Farvardin of the month's Jalali year: where year-to-date figures start. */
export function yearStart(month: string): IsoDate {
  return daysToIso(jalaliYearStart(splitMonth(month)[0]));
}

export function monthsOfYear(year: number): JalaliMonth[] {
  if (!Number.isInteger(year) || year < 1 || year > MAX_JALALI_YEAR) {
    throw new ValidationError(t('invalid Jalali year {year}', { year }));
  }
  return Array.from({ length: 12 }, (_, i) => toMonth(year, i + 1));
}

const MONTH_WORDS: Readonly<Record<string, number>> = {
  this: 0,
  current: 0,
  last: -1,
  previous: -1,
  'این ماه': 0,
  'ماه جاری': 0,
  'ماه قبل': -1,
  'ماه گذشته': -1,
};

/**
 * The spellings of each Jalali month a person may type, by matching key (src/lang/persian.ts:
 * آ and ا, ي and ی, ك and ک, Latin capitals, ZWNJ and spaces all fold). Persian names and the
 * common Latin transliterations (Mordad is also Amordad; Azar also Adhar); never a Gregorian
 * name, which would be read as another month.
 */
export const jalaliMonthSpellings: readonly (readonly string[])[] = [
  ['فروردین', 'farvardin', 'farvardeen', 'farwardin', 'farvadin'],
  ['اردیبهشت', 'ordibehesht', 'ordibehest', 'ordibahesht', 'ordibeheshet', 'ordibehesh'],
  ['خرداد', 'khordad', 'khordaad', 'khurdad', 'xordad', 'khordat'],
  ['تیر', 'tir', 'teer', 'tire'],
  ['مرداد', 'امرداد', 'mordad', 'mordaad', 'amordad', 'amordaad', 'murdad', 'amurdad'],
  ['شهریور', 'shahrivar', 'shahrivar', 'shahriwar', 'sharivar', 'shahrewar', 'shahrivur'],
  ['مهر', 'mehr', 'mihr'],
  ['آبان', 'aban', 'abaan', 'aabaan', 'aaban'],
  ['آذر', 'azar', 'aazar', 'azaar', 'adhar'],
  ['دی', 'dey', 'dei', 'dai'],
  ['بهمن', 'bahman', 'bahmn', 'bahaman'],
  ['اسفند', 'esfand', 'esfan', 'isfand', 'espand', 'esfend'],
];

let monthNameKeys: Map<string, number> | undefined;

/** The month (1-12) a typed name stands for, or undefined. */
export function monthFromName(name: string): number | undefined {
  if (monthNameKeys === undefined) {
    monthNameKeys = new Map();
    jalaliMonthSpellings.forEach((spellings, i) => {
      for (const s of spellings) monthNameKeys?.set(matchingKey(s), i + 1);
    });
  }
  const key = matchingKey(name).replace(/['’`.]/g, '');
  // «آذرماه», «آذر ماه»: the word for month after the name.
  return monthNameKeys.get(key) ?? (key.endsWith('ماه') ? monthNameKeys.get(key.slice(0, -3)) : undefined);
}

const MONTH_EXAMPLES = (): Text => t('expected a Jalali month such as 1405-09, 1405/9, 9, آذر, آذر ۱۴۰۵, Azar 1405, this or last');

/**
 * A month as people type it: `1405-09`, `1405/9` (any digits), a bare `9` for that month of
 * this Jalali year, `this`, `last`, or a month's name, alone (this Jalali year) or with its
 * year before or after it: `آذر`, `آذر ۱۴۰۵`, `۱۴۰۵ آذر`, `Azar`, `azar 1405`, `آذرماه ۱۴۰۵`.
 * A refusal names the option and the rule, never what was typed.
 */
export function parseMonthInput(input: string, opts: { today: string; field?: string }): JalaliMonth {
  const field = opts.field ?? 'month';
  const s = normalizeLetters(input).toLowerCase().trim();
  const fail = (reason: Text): ValidationError => new ValidationError(t('invalid month for --{field}: {reason}', { field, reason }), field);
  const current = monthOf(opts.today);

  const word = MONTH_WORDS[s];
  if (word !== undefined) return shiftMonth(current, word);

  const checked = (year: number, month: number): JalaliMonth => {
    if (year >= JALALI_BEFORE) throw fail(t('year {year} is not a Jalali year; months are Jalali, e.g. 1405-09', { year }));
    if (year < 1) throw fail(t('year {year} is out of range', { year }));
    if (month < 1 || month > 12) throw fail(t('month {month} does not exist; expected 1-12', { month }));
    return toMonth(year, month);
  };

  const match = /^(?:(\d{4})[/-])?(\d{1,2})$/.exec(s);
  if (match) return checked(match[1] === undefined ? jalaliYearOf(opts.today) : Number(match[1]), Number(match[2]));

  // A name, with or without its year on either side («ماه» after the name is a word of its own or joined).
  const words = s.split(/[\s,،/-]+/).filter((w) => w !== '' && w !== 'ماه');
  const years = words.filter((w) => /^\d+$/.test(w));
  const names = words.filter((w) => !/^\d+$/.test(w));
  if (names.length !== 1 || years.length > 1 || words.length > 2) throw fail(MONTH_EXAMPLES());
  const month = monthFromName(names[0] as string);
  if (month === undefined) throw fail(t('unknown month name; {examples}', { examples: MONTH_EXAMPLES() }));
  const year = years[0];
  if (year === undefined) return checked(jalaliYearOf(opts.today), month);
  if (year.length !== 4) throw fail(t("a month's year has four digits, e.g. آذر ۱۴۰۵ or Azar 1405"));
  return checked(Number(year), month);
}

/** Whole years, counted by Jalali birthdays (someone born on 30 Esfand has it on 1 Farvardin in common years). */
export function ageOn(birthIso: string, onIso: string): number {
  const birth = isoToJalali(birthIso);
  const on = isoToJalali(onIso);
  if (diffDays(birthIso, onIso) < 0) {
    throw new ValidationError(t('birth date {birth} is after {on}', { birth: birthIso, on: onIso }), 'birth-date');
  }
  const hadBirthday = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (hadBirthday ? 0 : 1);
}
