/**
 * Day arithmetic for the generator on plain integers: day 0 is the first day of
 * the demo period, negative days are before it (birth dates). ISO strings and
 * Jalali years are computed once per day, not once per row.
 */
import { addDays, diffDays, isoToJalali, type IsoDate } from '../../lang/dates.js';
import { InternalError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';

/** Oldest birth date needed: a 90-year-old client at the start of the period, with a year to spare. */
const DAYS_BEFORE = 92 * 366;
/** Follow-ups are planned up to 90 days after a close near today; a year covers every plan. */
const DAYS_AFTER = 400;

export class DayTable {
  /** Day number of today (the last day of the period). */
  readonly today: number;
  private readonly iso: string[];
  private readonly jalaliYears: number[];
  private readonly fridays: boolean[];
  private readonly nowruz: boolean[];

  constructor(
    readonly start: IsoDate,
    end: IsoDate,
    nowruzDays: number,
  ) {
    this.today = diffDays(start, end);
    const first = addDays(start, -DAYS_BEFORE);
    const total = DAYS_BEFORE + this.today + 1 + DAYS_AFTER;
    this.iso = new Array<string>(total);
    this.jalaliYears = new Array<number>(this.today + 1);
    this.fridays = new Array<boolean>(this.today + 1);
    this.nowruz = new Array<boolean>(this.today + 1);
    // 1970-01-01 was a Thursday; Friday is the Iranian weekend.
    const epochOffset = diffDays('1970-01-01', start);
    for (let i = 0; i < total; i++) this.iso[i] = i === 0 ? first : addDays(this.iso[i - 1] as string, 1);
    for (let d = 0; d <= this.today; d++) {
      const j = isoToJalali(this.isoOf(d));
      this.jalaliYears[d] = j.year;
      this.nowruz[d] = j.month === 1 && j.day <= nowruzDays;
      this.fridays[d] = (((epochOffset + d + 4) % 7) + 7) % 7 === 5;
    }
  }

  isoOf(day: number): string {
    const s = this.iso[day + DAYS_BEFORE];
    if (s === undefined) throw new InternalError(t('day {day} is outside the demo calendar', { day }));
    return s;
  }

  jalaliYearOf(day: number): number {
    return this.jalaliYears[day] as number;
  }

  isFriday(day: number): boolean {
    return this.fridays[day] === true;
  }

  isNowruz(day: number): boolean {
    return this.nowruz[day] === true;
  }
}

/** `2026-11-25T04:37:12.000Z`-style UTC timestamp: office hours in Tehran, minute of the day given. */
export function stampOf(iso: string, minuteOfDay: number, second = 0): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.floor(minuteOfDay)));
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${iso}T${hh}:${mm}:${String(second).padStart(2, '0')}.000Z`;
}
