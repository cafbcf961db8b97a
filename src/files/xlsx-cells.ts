/**
 * The value of one XLSX cell, as exceljs gives it, turned into the text the
 * spreadsheet shows: numbers without an exponent or ".0", dates as the spreadsheet
 * shows them (Julian before 1582-10-15, as LibreOffice keeps them), times of day as
 * HH:MM, a formula's stored result. A value that cannot be read is a problem of the
 * row, never a guess.
 */
import { t, type Text } from '../messages/catalogue.js';
import { numberText } from './source.js';

const DAY_MS = 86_400_000;
/** 1582-10-15, the first Gregorian day, in days since 1970-01-01: spreadsheets show the days before it as Julian dates. */
const FIRST_GREGORIAN_DAY = -141_427;

/** The Julian-calendar year, month and day of a day (days since 1970-01-01). */
function julianDate(days: number): [number, number, number] {
  const c = days + 2_440_588 + 32_082; // Julian Day Number, shifted to 4801 BC
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return [d - 4800 + Math.floor(m / 10), m + 3 - 12 * Math.floor(m / 10), e - Math.floor((153 * m + 2) / 5) + 1];
}

/**
 * A date cell's year, month and day as the spreadsheet shows them. exceljs gives the day
 * in the proleptic Gregorian calendar, but LibreOffice shows (and takes what is typed for)
 * days before 1582-10-15 in the Julian calendar: a clerk's Jalali 1370-05-12 typed into a
 * date cell is stored as the Julian 12 May 1370 and must come back as 1370-05-12, which the
 * date parser then reads as Jalali (a year below 1700), not as 1370-05-20.
 */
function isoFromDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const days = Math.floor(d.getTime() / DAY_MS);
  const [y, m, day] = days < FIRST_GREGORIAN_DAY ? julianDate(days) : [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  if (y < 1 || y > 9999) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A cell formatted as a time alone holds a fraction of a day, which reads as a
 * time on Excel's day zero (1899-12-30): it is given as `HH:MM` (`HH:MM:SS` when
 * it has seconds), not as that date. Null for any other date.
 */
function timeOfDay(d: Date): string | null {
  const ms = d.getTime() - Date.UTC(1899, 11, 30);
  // A whole day (serial 1) is a date: 1899-12-31, as LibreOffice shows it.
  if (Number.isNaN(ms) || ms < 0 || ms >= DAY_MS) return null;
  const seconds = Math.round(ms / 1000);
  const s = seconds % 86_400;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const hm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}`;
  return s % 60 === 0 ? hm : `${hm}:${pad(s % 60)}`;
}

/** A cell's value as text; `problem` when it has none that can be read. */
export function cellText(value: unknown): { text: string; problem?: Text } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: numberText(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) {
    const time = timeOfDay(value);
    if (time !== null) return { text: time };
    const iso = isoFromDate(value);
    return iso === null ? { text: '', problem: t('a date Excel cannot show') } : { text: iso };
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null) {
        return { text: '', problem: t('a formula with no stored result (open and save the file in Excel)') };
      }
      return cellText(v.result);
    }
    if (Array.isArray(v.richText)) return { text: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('error' in v) return { text: '', problem: t('the Excel error {error}', { error: String(v.error) }) };
    if ('text' in v) return cellText(v.text);
  }
  return { text: '', problem: t('a value that is not text, a number or a date') };
}
