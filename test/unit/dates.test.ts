import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getYear } from 'date-fns-jalali/getYear';
import { getMonth } from 'date-fns-jalali/getMonth';
import { getDate } from 'date-fns-jalali/getDate';
import { isLeapYear } from 'date-fns-jalali/isLeapYear';
import { getDaysInMonth } from 'date-fns-jalali/getDaysInMonth';
import { newDate } from 'date-fns-jalali/newDate';
import { format } from 'date-fns-jalali/format';
import { parse as parseJalali } from 'date-fns-jalali/parse';
import { addDays as addLocalDays } from 'date-fns-jalali/addDays';
import { enUS } from 'date-fns-jalali/locale/en-US';
import { faIR } from 'date-fns-jalali/locale/fa-IR';
import {
  addDays,
  ageOn,
  daysInJalaliMonth,
  diffDays,
  formatDate,
  formatTimestamp,
  isJalaliLeapYear,
  isoToJalali,
  jalaliMonthNames,
  jalaliToIso,
  jalaliYearOf,
  monthOf,
  monthRange,
  monthsOfYear,
  nextMonth,
  parseDateInput,
  parseMonthInput,
  previousMonth,
  todayIso,
  yearStart,
} from '../../src/lang/dates.js';
import { ValidationError } from '../../src/errors.js';
import { toPersianDigits } from '../../src/lang/digits.js';

const today = '2026-11-25'; // 1405/09/04

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

/** ISO of a Date's local calendar day (what date-fns-jalali works in). */
const localIso = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('Jalali <-> ISO', () => {
  it('knows the reference facts', () => {
    expect(jalaliToIso({ year: 1405, month: 1, day: 1 })).toBe('2026-03-21');
    expect(isoToJalali('2026-11-25')).toEqual({ year: 1405, month: 9, day: 4 });
    expect(jalaliToIso({ year: 1403, month: 12, day: 30 })).toBe('2025-03-20');
    expect(isoToJalali('2023-09-27')).toEqual({ year: 1402, month: 7, day: 5 });
    expect(isJalaliLeapYear(1403)).toBe(true);
    expect(isJalaliLeapYear(1402)).toBe(false);
    expect(daysInJalaliMonth(1405, 6)).toBe(31);
    expect(daysInJalaliMonth(1405, 7)).toBe(30);
    expect(daysInJalaliMonth(1402, 12)).toBe(29);
    expect(daysInJalaliMonth(1403, 12)).toBe(30);
  });

  it('turns the year: 1404/12/29 + 1 day = 1405/01/01', () => {
    const lastDay = jalaliToIso({ year: 1404, month: 12, day: 29 });
    expect(addDays(lastDay, 1)).toBe('2026-03-21');
    expect(isoToJalali(addDays(lastDay, 1))).toEqual({ year: 1405, month: 1, day: 1 });
  });

  it('refuses impossible Jalali dates with the month length', () => {
    expect(refusal(() => jalaliToIso({ year: 1402, month: 12, day: 30 })).message).toBe(
      'invalid Jalali date "1402/12/30": Esfand 1402 has 29 days',
    );
    expect(refusal(() => jalaliToIso({ year: 1405, month: 7, day: 31 })).message).toMatch(/Mehr has 30 days/);
    expect(refusal(() => jalaliToIso({ year: 1405, month: 13, day: 1 })).message).toMatch(/month 13 does not exist/);
    expect(refusal(() => jalaliToIso({ year: 1405, month: 1, day: 0 })).message).toMatch(/Farvardin has 31 days/);
    expect(() => isoToJalali('2025-02-29')).toThrow(ValidationError);
    expect(() => isoToJalali('2026-11-25T00:00:00Z')).toThrow(ValidationError);
  });

  it('matches date-fns-jalali on every day of 1300..1500, both ways', () => {
    const first = jalaliToIso({ year: 1300, month: 1, day: 1 });
    const last = jalaliToIso({ year: 1500, month: 12, day: daysInJalaliMonth(1500, 12) });
    let days = 0;
    for (let iso = first; iso <= last; iso = addDays(iso, 1), days++) {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      // A zone that skipped this day (Kiritimati, 1994-12-31) lands on the next one: compare that day.
      const noon = new Date(y, m - 1, d, 12);
      const j = isoToJalali(localIso(noon));
      const theirs = { year: getYear(noon), month: getMonth(noon) + 1, day: getDate(noon) };
      if (j.year !== theirs.year || j.month !== theirs.month || j.day !== theirs.day) expect(j).toEqual(theirs);
      if (jalaliToIso(isoToJalali(iso)) !== iso) expect(jalaliToIso(isoToJalali(iso))).toBe(iso);
    }
    expect(days).toBe(diffDays(first, last) + 1);
    expect(days).toBeGreaterThan(73_000);
    for (let year = 1300; year <= 1500; year++) {
      expect(isJalaliLeapYear(year)).toBe(isLeapYear(newDate(year, 0, 1, 12)));
      for (let month = 1; month <= 12; month++) {
        expect(daysInJalaliMonth(year, month)).toBe(getDaysInMonth(newDate(year, month - 1, 1, 12)));
      }
    }
  });

  it('round-trips random dates far outside that range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9377 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const j = { year: y, month: m, day: Math.min(d, daysInJalaliMonth(y, m)) };
        expect(isoToJalali(jalaliToIso(j))).toEqual(j);
      }),
    );
  });
});

describe('day arithmetic', () => {
  it('adds and subtracts days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(diffDays('2026-03-20', '2026-03-21')).toBe(1);
    expect(diffDays('2026-11-25', '2025-11-25')).toBe(-365);
  });

  it('keeps addDays and diffDays consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 366 }), fc.integer({ min: -5000, max: 5000 }), (offset, n) => {
        const a = addDays('1921-03-21', offset);
        expect(diffDays(a, addDays(a, n))).toBe(n);
      }),
    );
  });

  it('todayIso reads the local calendar day', () => {
    expect(todayIso(new Date(2026, 10, 25, 0, 0, 1))).toBe('2026-11-25');
    expect(todayIso(new Date(2026, 10, 25, 23, 59, 59))).toBe('2026-11-25');
  });
});

describe('parseDateInput', () => {
  const parse = (s: string, field?: string): string => parseDateInput(s, { today, ...(field ? { field } : {}) });

  it.each([
    ['1405/09/04', '2026-11-25'],
    ['1405-9-4', '2026-11-25'],
    ['1405/9/4', '2026-11-25'],
    ['۱۴۰۵/۰۹/۰۴', '2026-11-25'],
    ['١٤٠٥/٠٩/٠٤', '2026-11-25'],
    [' 1405/09/04 ', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['2026/11/25', '2026-11-25'],
    ['۲۰۲۶-۱۱-۲۵', '2026-11-25'],
    ['1403/12/30', '2025-03-20'],
    ['1405/06/31', '2026-09-22'],
    ['today', today],
    ['Today', today],
    ['yesterday', '2026-11-24'],
    ['tomorrow', '2026-11-26'],
    ['امروز', today],
    ['ديروز', '2026-11-24'],
    ['فردا', '2026-11-26'],
    ['+7d', '2026-12-02'],
    ['-3d', '2026-11-22'],
    ['+2w', '2026-12-09'],
    ['-۱w', '2026-11-18'],
    ['+1m', jalaliToIso({ year: 1405, month: 10, day: 4 })],
    ['-1m', jalaliToIso({ year: 1405, month: 8, day: 4 })],
    ['-12m', jalaliToIso({ year: 1404, month: 9, day: 4 })],
  ])('reads %s', (input, expected) => {
    expect(parse(input)).toBe(expected);
  });

  it('clamps ±1m to the length of the target month', () => {
    const d = (y: number, m: number, day: number): string => jalaliToIso({ year: y, month: m, day });
    expect(parseDateInput('+1m', { today: d(1405, 6, 31) })).toBe(d(1405, 7, 30));
    expect(parseDateInput('-1m', { today: d(1405, 1, 31) })).toBe(d(1404, 12, 29));
    expect(parseDateInput('+1m', { today: d(1403, 11, 30) })).toBe(d(1403, 12, 30));
    expect(parseDateInput('+1m', { today: d(1404, 12, 29) })).toBe(d(1405, 1, 29));
  });

  it.each([
    ['1402/12/30', 'opened', 'invalid date for --opened: Esfand 1402 has 29 days'],
    ['1405/07/31', 'opened', 'invalid date for --opened: Mehr has 30 days'],
    ['2025-02-29', 'date', 'invalid date for --date: February 2025 has 28 days'],
    ['2026-04-31', 'date', 'invalid date for --date: April has 30 days'],
    ['1405/13/01', 'date', 'invalid date for --date: month 13 does not exist; expected 1-12'],
    ['1405/00/10', 'date', 'invalid date for --date: month 0 does not exist; expected 1-12'],
    ['1800/01/01', 'date', 'invalid date for --date: year 1800 is neither Jalali (before 1700) nor Gregorian (1900 on)'],
  ])('refuses %s', (input, field, message) => {
    const err = refusal(() => parse(input, field === 'date' ? undefined : field));
    expect(err.message).toBe(message);
    expect(err.field).toBe(field);
  });

  it.each(['', 'next week', '05/09/04', '1405/09-04', '1405.09.04', '+7', '7d', '+1y', '14050904', '1405/09/04/01'])(
    'refuses the malformed input %j',
    (input) => {
      expect(refusal(() => parse(input)).message).toMatch(/expected e\.g\. 1405\/09\/04, 2026-11-25/);
    },
  );

  it('reads back every date it formats, in both calendars and both digit sets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 * 366 }),
        fc.constantFrom('jalali' as const, 'gregorian' as const),
        fc.constantFrom('en' as const, 'fa' as const),
        (offset, calendar, lang) => {
          const iso = addDays('1921-03-21', offset);
          expect(parse(formatDate(iso, { calendar, lang }))).toBe(iso);
        },
      ),
    );
  });

  it('reads what date-fns-jalali formats', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1925, 0, 1), max: new Date(2100, 0, 1), noInvalidDate: true }), (d) => {
        expect(parse(format(d, 'yyyy/M/d'))).toBe(localIso(d));
      }),
    );
  });
});

describe('formatting', () => {
  it('formats dates', () => {
    expect(formatDate('2026-11-25', { calendar: 'jalali', lang: 'en' })).toBe('1405/09/04');
    expect(formatDate('2026-11-25', { calendar: 'jalali', lang: 'fa' })).toBe('۱۴۰۵/۰۹/۰۴');
    expect(formatDate('2026-11-25', { calendar: 'gregorian', lang: 'en' })).toBe('2026-11-25');
    expect(formatDate('2026-11-25', { calendar: 'gregorian', lang: 'fa' })).toBe('۲۰۲۶-۱۱-۲۵');
  });

  it('names the months', () => {
    expect(jalaliMonthNames.en).toHaveLength(12);
    expect(jalaliMonthNames.en[8]).toBe('Azar');
    expect(jalaliMonthNames.fa.join(' ')).toBe('فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند');
  });

  it("keeps the office's month names: date-fns-jalali's Persian ones, and English ones without its Sharivar and Day", () => {
    type Month = Parameters<typeof enUS.localize.month>[0];
    const theirs = (locale: typeof enUS): string[] =>
      Array.from({ length: 12 }, (_, i) => locale.localize.month(i as Month, { width: 'wide' }));
    expect(jalaliMonthNames.fa).toEqual(theirs(faIR));
    const differ = jalaliMonthNames.en.flatMap((name, i) => (name === theirs(enUS)[i] ? [] : [`${name}/${theirs(enUS)[i]}`]));
    expect(differ).toEqual(['Shahrivar/Sharivar', 'Dey/Day']);
  });

  it('refuses malformed timestamps', () => {
    expect(() => formatTimestamp('yesterday', { calendar: 'jalali', lang: 'en' })).toThrow(ValidationError);
    expect(() => formatTimestamp('2026-13-45T99:00:00Z', { calendar: 'jalali', lang: 'en' })).toThrow(ValidationError);
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['Asia/Tehran', '2026-11-26', '1405/09/05 01:31', '۱۴۰۵/۰۹/۰۵ ۰۱:۳۱'],
    ['America/Los_Angeles', '2026-11-25', '1405/09/04 14:01', '۱۴۰۵/۰۹/۰۴ ۱۴:۰۱'],
    ['UTC', '2026-11-25', '1405/09/04 22:01', '۱۴۰۵/۰۹/۰۴ ۲۲:۰۱'],
  ])('in %s, local functions use local time and the rest do not move', (tz, localDay, en, fa) => {
    process.env.TZ = tz;
    const at = '2026-11-25T22:01:02.123Z';
    expect(todayIso(new Date(at))).toBe(localDay);
    expect(formatTimestamp(at, { calendar: 'jalali', lang: 'en' })).toBe(en);
    expect(formatTimestamp(at, { calendar: 'jalali', lang: 'fa' })).toBe(fa);
    expect(formatTimestamp('2026-11-25 22:01:02', { calendar: 'jalali', lang: 'en' })).toBe(en); // SQLite form, UTC
    expect(formatTimestamp(at, { calendar: 'gregorian', lang: 'en' })).toBe(`${localDay} ${en.slice(-5)}`);

    expect(jalaliToIso({ year: 1405, month: 1, day: 1 })).toBe('2026-03-21');
    expect(addDays('2026-03-08', 1)).toBe('2026-03-09'); // US DST starts
    expect(addDays('2022-03-21', 1)).toBe('2022-03-22'); // Tehran's last DST start
    expect(diffDays('2022-01-01', '2023-01-01')).toBe(365);
    expect(parseDateInput('tomorrow', { today })).toBe('2026-11-26');
    expect(monthRange('1405-01')).toEqual({ month: '1405-01', from: '2026-03-21', to: '2026-04-20' });
  });
});

describe("date-fns-jalali's local Dates would move days; CalendarDay does not", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('a day the zone skipped (Pacific/Apia had no 2011-12-30 = 1390/10/09)', () => {
    process.env.TZ = 'Pacific/Apia';
    expect(localIso(newDate(1390, 9, 9))).toBe('2011-12-31'); // the library's own Date for 1390/10/09
    expect(localIso(addLocalDays(new Date(2011, 11, 29, 12), 1))).toBe('2011-12-31'); // its day after the 29th
    expect(addDays('2011-12-29', 1)).toBe('2011-12-30');
    expect(jalaliToIso({ year: 1390, month: 10, day: 9 })).toBe('2011-12-30');
    expect(isoToJalali('2011-12-30')).toEqual({ year: 1390, month: 10, day: 9 });
    expect(formatDate('2011-12-30', { calendar: 'jalali', lang: 'en' })).toBe('1390/10/09');
    expect(monthRange('1390-10')).toEqual({ month: '1390-10', from: '2011-12-22', to: '2012-01-20' });
  });

  it('parse gives local midnight: toISOString() is the previous day in Tehran', () => {
    process.env.TZ = 'Asia/Tehran';
    expect(parseJalali('1405/09/04', 'yyyy/MM/dd', new Date()).toISOString().slice(0, 10)).toBe('2026-11-24');
    expect(parseDateInput('1405/09/04', { today })).toBe('2026-11-25');
  });

  it.each(['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Tehran'])('month lengths and leap years are the same in %s', (tz) => {
    process.env.TZ = tz;
    for (let year = 1370; year <= 1410; year++) {
      expect(isJalaliLeapYear(year), String(year)).toBe([1370, 1375, 1379, 1383, 1387, 1391, 1395, 1399, 1403, 1408].includes(year));
      expect(daysInJalaliMonth(year, 12)).toBe(isJalaliLeapYear(year) ? 30 : 29);
      expect(daysInJalaliMonth(year, 6)).toBe(31);
      expect(daysInJalaliMonth(year, 7)).toBe(30);
    }
    expect(jalaliToIso({ year: 1373, month: 10, day: 10 })).toBe('1994-12-31'); // Kiritimati skipped it
  });
});

describe('Jalali months', () => {
  it('parses month input', () => {
    const parse = (s: string): string => parseMonthInput(s, { today });
    expect(parse('1405-09')).toBe('1405-09');
    expect(parse('1405/9')).toBe('1405-09');
    expect(parse('۱۴۰۵-۰۹')).toBe('1405-09');
    expect(parse('9')).toBe('1405-09');
    expect(parse('03')).toBe('1405-03');
    expect(parse('۱۲')).toBe('1405-12');
    expect(parse('this')).toBe('1405-09');
    expect(parse('current')).toBe('1405-09');
    expect(parse('last')).toBe('1405-08');
    expect(parse('previous')).toBe('1405-08');
    expect(parse('ماه قبل')).toBe('1405-08');
    expect(parseMonthInput('last', { today: '2026-03-21' })).toBe('1404-12');
  });

  it('refuses month 0, month 13, Gregorian and malformed months', () => {
    const err = refusal(() => parseMonthInput('1405-13', { today, field: 'month' }));
    expect(err.message).toBe('invalid month for --month: month 13 does not exist; expected 1-12');
    expect(err.field).toBe('month');
    expect(refusal(() => parseMonthInput('0', { today })).message).toMatch(/month 0 does not exist/);
    expect(refusal(() => parseMonthInput('2026-11', { today })).message).toMatch(/not a Jalali year/);
    expect(refusal(() => parseMonthInput('Brumaire', { today, field: 'report-month' })).field).toBe('report-month');
    expect(() => parseMonthInput('1405-09-04', { today })).toThrow(ValidationError);
  });

  it('gives month ranges, neighbours and year starts', () => {
    expect(monthRange('1405-09')).toEqual({ month: '1405-09', from: '2026-11-22', to: '2026-12-21' });
    expect(monthRange('1403-12')).toEqual({ month: '1403-12', from: '2025-02-19', to: '2025-03-20' });
    expect(monthRange('1402-12').to).toBe('2024-03-19');
    expect(monthRange('1405-06').to).toBe(jalaliToIso({ year: 1405, month: 6, day: 31 }));
    expect(previousMonth('1405-01')).toBe('1404-12');
    expect(nextMonth('1404-12')).toBe('1405-01');
    expect(nextMonth('1405-09')).toBe('1405-10');
    expect(monthOf('2026-11-25')).toBe('1405-09');
    expect(monthOf('2026-03-20')).toBe('1404-12');
    expect(yearStart('1405-09')).toBe('2026-03-21');
    expect(jalaliYearOf('2026-03-20')).toBe(1404);
    expect(monthsOfYear(1405)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `1405-${m}`));
    expect(() => monthRange('1405-9')).toThrow(ValidationError);
    expect(() => previousMonth('1405-13')).toThrow(ValidationError);
  });

  it('tiles every year with its months, without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1600 }), (year) => {
        const ranges = monthsOfYear(year).map(monthRange);
        expect(ranges[0]!.from).toBe(yearStart(`${year}-05`));
        for (let i = 1; i < 12; i++) expect(diffDays(ranges[i - 1]!.to, ranges[i]!.from)).toBe(1);
        expect(diffDays(ranges[0]!.from, ranges[11]!.to) + 1).toBe(isJalaliLeapYear(year) ? 366 : 365);
        expect(addDays(ranges[11]!.to, 1)).toBe(yearStart(`${year + 1}-01`));
        for (const r of ranges) expect(monthOf(r.from)).toBe(r.month);
      }),
    );
  });
});

describe('ageOn', () => {
  it('counts whole Jalali years', () => {
    expect(ageOn('1990-03-21', '2026-11-25')).toBe(36);
    expect(ageOn('2000-11-25', '2026-11-24')).toBe(25); // 1379/09/05 → 1405/09/04: birthday is tomorrow
    expect(ageOn('2000-11-25', '2026-11-26')).toBe(26);
    expect(ageOn('2026-11-25', '2026-11-25')).toBe(0);
    // Born 1403/12/30 (leap): in common years the birthday falls on 1 Farvardin.
    expect(ageOn('2025-03-20', jalaliToIso({ year: 1404, month: 12, day: 29 }))).toBe(0);
    expect(ageOn('2025-03-20', jalaliToIso({ year: 1405, month: 1, day: 1 }))).toBe(1);
    expect(() => ageOn('2026-11-26', '2026-11-25')).toThrow(ValidationError);
  });

  it('grows by one exactly on the Jalali birthday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1450 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 29 }),
        fc.integer({ min: 1, max: 90 }),
        (y, m, d, years) => {
          const birth = jalaliToIso({ year: y, month: m, day: d });
          const birthday = jalaliToIso({ year: y + years, month: m, day: d });
          expect(ageOn(birth, birthday)).toBe(years);
          expect(ageOn(birth, addDays(birthday, -1))).toBe(years - 1);
        },
      ),
    );
  });
});

it('has Persian digit output that parses back', () => {
  expect(parseDateInput(toPersianDigits('1405/09/04'), { today })).toBe('2026-11-25');
});
