/**
 * Wall-clock time of the office. Shifts are planned in local time ("hotline
 * 20:00–08:00"), so an instant is kept as local `YYYY-MM-DDTHH:MM` text and
 * measured in minutes from 1970-01-01 00:00 local: plain arithmetic that never
 * asks the machine's time zone. (Iran has kept no daylight-saving time since
 * 2022, so local minutes are real minutes.) Only `localNow` reads the clock.
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { addDays, diffDays, parseDateInput, type IsoDate } from '../../lang/dates.js';
import { toLatinDigits } from '../../lang/digits.js';
import { normalizeLetters } from '../../lang/persian.js';

/** `HH:MM`, 00:00–23:59. */
export type ClockTime = string;
/** Local wall-clock instant `YYYY-MM-DDTHH:MM`: text order is time order. */
export type LocalInstant = string;

const EPOCH = '1970-01-01';
const DAY = 1440;
const pad = (n: number): string => String(n).padStart(2, '0');

/** `8`, `08`, `8:30`, `08:30`, `۲۰:۰۰`, `20.30`; `24:00` means midnight at the end of the day (00:00). */
export function parseClockTime(input: string, field: string): ClockTime {
  const s = toLatinDigits(input).trim();
  const m = /^(\d{1,2})(?:[:.٫](\d{2}))?$/.exec(s);
  const h = m ? Number(m[1]) : NaN;
  const min = m && m[2] !== undefined ? Number(m[2]) : 0;
  if (m && h === 24 && min === 0) return '00:00';
  if (!m || h > 23 || min > 59)
    throw new ValidationError(t('invalid time for --{field}: expected HH:MM, e.g. 08:00 or 20:30', { field }), field);
  return `${pad(h)}:${pad(min)}`;
}

export const clockMinutes = (t: ClockTime): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export const toInstant = (date: string, time: ClockTime): LocalInstant => `${date}T${time}`;

export function instantMinutes(at: LocalInstant): number {
  return diffDays(EPOCH, at.slice(0, 10)) * DAY + clockMinutes(at.slice(11, 16));
}

export function instantFromMinutes(n: number): LocalInstant {
  const day = Math.floor(n / DAY);
  const min = n - day * DAY;
  return toInstant(addDays(EPOCH, day), `${pad(Math.floor(min / 60))}:${pad(min % 60)}`);
}

export const addMinutes = (at: LocalInstant, n: number): LocalInstant => instantFromMinutes(instantMinutes(at) + n);

/**
 * The real start and end of a shift that starts on `date`. An end at or before
 * the start means the shift runs past midnight into the next day (equal times:
 * a 24-hour shift).
 */
export function shiftSpan(date: string, start: ClockTime, end: ClockTime): { startsAt: LocalInstant; endsAt: LocalInstant } {
  const endDate = clockMinutes(end) <= clockMinutes(start) ? addDays(date, 1) : date;
  return { startsAt: toInstant(date, start), endsAt: toInstant(endDate, end) };
}

export const crossesMidnight = (start: ClockTime, end: ClockTime): boolean => clockMinutes(end) <= clockMinutes(start);

// Night hours as Iran's Labour Code counts them: 22:00 to 06:00.
const NIGHT_FROM = 22 * 60;
const NIGHT_TO = 30 * 60;

/** A night shift has some of its time between 22:00 and 06:00. */
export function isNightShift(startsAt: LocalInstant, endsAt: LocalInstant): boolean {
  const s = instantMinutes(startsAt);
  const e = instantMinutes(endsAt);
  for (let day = Math.floor(s / DAY) - 1; day * DAY <= e; day++) {
    const from = day * DAY + NIGHT_FROM;
    const to = day * DAY + NIGHT_TO;
    if (s < to && from < e) return true;
  }
  return false;
}

/** Saturday 0 … Friday 6: the Iranian week starts on Saturday (1970-01-01 was a Thursday). */
export function weekdayIndex(date: string): number {
  return (((diffDays(EPOCH, date) + 5) % 7) + 7) % 7;
}

/** The Saturday that starts the week holding `date`. */
export const weekStart = (date: IsoDate): IsoDate => addDays(date, -weekdayIndex(date));

/** The office's current wall-clock instant: the office date (PARVANDE_TODAY may pin it) at the local clock time. */
export function localNow(ctx: { today: IsoDate; now: () => string }): LocalInstant {
  const at = new Date(ctx.now());
  return toInstant(ctx.today, `${pad(at.getHours())}:${pad(at.getMinutes())}`);
}

const ZONED = /^(\d{4}-\d{2}-\d{2})t(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})$/;

/**
 * A moment as people type it: one of the office's date inputs and a time
 * (`1405/09/04 22:30`, `today 08:00`, `2026-11-25T22:30`), a time alone (today),
 * `now`, or an ISO datetime with a zone (`…Z`, `…+03:30`), which is turned into
 * the local clock.
 */
export function parseLocalDateTime(input: string, ctx: { today: IsoDate; now: () => string }, field = 'at'): LocalInstant {
  const s = normalizeLetters(input).toLowerCase();
  if (s === 'now' || s === 'اکنون' || s === 'الان') return localNow(ctx);
  const zoned = ZONED.exec(s);
  if (zoned) {
    const at = new Date(`${zoned[1]}T${zoned[2]}${zoned[3] === 'z' ? 'Z' : (zoned[3] as string).replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
    if (Number.isNaN(at.getTime())) throw new ValidationError(t('invalid date and time for --{field}', { field }), field);
    return toInstant(`${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, `${pad(at.getHours())}:${pad(at.getMinutes())}`);
  }
  const parts = /^(.+?)(?:[t\s]+|\s*,\s*)(\d{1,2}[:.]\d{2})(?::\d{2})?$/.exec(s);
  if (parts) {
    const date = parseDateInput(parts[1] as string, { today: ctx.today, field });
    return toInstant(date, parseClockTime(parts[2] as string, field));
  }
  if (/^\d{1,2}[:.]\d{2}$/.test(s)) return toInstant(ctx.today, parseClockTime(s, field));
  throw new ValidationError(
    t('invalid date and time for --{field}: expected e.g. "1405/09/04 22:30", 2026-11-25T22:30, 22:30 or now', { field }),
    field,
  );
}
