/**
 * Month names wherever a month is typed (issue #13): `آذر`, `آذر ۱۴۰۵`, `۱۴۰۵ آذر`, `Azar`,
 * `azar 1405`, `1405-09`, `۱۴۰۵/۹`, with Arabic letters and digits. Every month of 1300-1499
 * round-trips through every accepted spelling; a bad name or year is refused naming the option,
 * never what was typed.
 */
import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jalaliMonthSpellings, parseMonthInput } from '../../src/lang/dates.js';
import { toPersianDigits } from '../../src/lang/digits.js';
import { ValidationError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeOffice } from '../helpers/office.js';

const today = '2026-11-25'; // 1405/09/04

/** The twelve names, written here independently of the program's list. */
const PERSIAN = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const LATIN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];

/** What an Arabic keyboard types for a Persian word: ي for ی, ك for ک. */
const arabicKeyboard = (s: string): string => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const arabicDigits = (s: string): string => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d)));
const pad = (n: number): string => String(n).padStart(2, '0');

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('parseMonthInput: names', () => {
  it('the forms of the issue', () => {
    const parse = (s: string): string => parseMonthInput(s, { today, field: 'month' });
    expect(parse('آذر')).toBe('1405-09');
    expect(parse('آذر ۱۴۰۵')).toBe('1405-09');
    expect(parse('۱۴۰۵ آذر')).toBe('1405-09');
    expect(parse('Azar')).toBe('1405-09');
    expect(parse('azar 1405')).toBe('1405-09');
    expect(parse('1405-09')).toBe('1405-09');
    expect(parse('۱۴۰۵/۹')).toBe('1405-09');
    expect(parse('اذر 1404')).toBe('1404-09');
    expect(parse('آذرماه ۱۴۰۴')).toBe('1404-09');
    expect(parse('دی ماه')).toBe('1405-10');
    expect(parse('Amordad 1403')).toBe('1403-05');
    expect(parse('امرداد')).toBe('1405-05');
    expect(parse('  ESFAND   1399 ')).toBe('1399-12');
    expect(parse('آذر، ۱۴۰۵')).toBe('1405-09');
    expect(parse('\u200fآذر\u200f ۱۴۰۵')).toBe('1405-09');
    expect(parse('Ordibehesht-1402')).toBe('1402-02');
  });

  it('every month of 1300-1499 round-trips through every accepted spelling, in every digit set and letter form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1499 }),
        fc.integer({ min: 1, max: 12 }),
        fc.nat(),
        fc.constantFrom('before', 'after', 'alone'),
        fc.constantFrom('latin', 'persian', 'arabic'),
        fc.constantFrom('plain', 'arabic-letters', 'upper', 'lower'),
        (year, month, pick, place, digits, letters) => {
          const spellings = [PERSIAN[month - 1] as string, LATIN[month - 1] as string, ...(jalaliMonthSpellings[month - 1] ?? [])];
          let name = spellings[pick % spellings.length] as string;
          if (letters === 'arabic-letters') name = arabicKeyboard(name);
          if (letters === 'upper') name = name.toUpperCase();
          if (letters === 'lower') name = name.toLowerCase();
          const y = digits === 'persian' ? toPersianDigits(String(year)) : digits === 'arabic' ? arabicDigits(String(year)) : String(year);
          const typed = place === 'before' ? `${y} ${name}` : place === 'after' ? `${name} ${y}` : name;
          const expected = place === 'alone' ? `1405-${pad(month)}` : `${year}-${pad(month)}`;
          expect(parseMonthInput(typed, { today, field: 'month' })).toBe(expected);
          // The numeric forms of the same month.
          expect(parseMonthInput(`${y}-${pad(month)}`, { today })).toBe(`${year}-${pad(month)}`);
          expect(parseMonthInput(toPersianDigits(`${year}/${month}`), { today })).toBe(`${year}-${pad(month)}`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('every accepted spelling of every month, before and after each year of 1300-1499', () => {
    let checked = 0;
    for (let year = 1300; year <= 1499; year++) {
      for (let m = 1; m <= 12; m++) {
        const want = `${year}-${pad(m)}`;
        for (const name of new Set([PERSIAN[m - 1] as string, LATIN[m - 1] as string, ...(jalaliMonthSpellings[m - 1] ?? [])])) {
          expect(parseMonthInput(`${name} ${toPersianDigits(String(year))}`, { today })).toBe(want);
          expect(parseMonthInput(`${year} ${name}`, { today })).toBe(want);
          checked += 2;
        }
      }
    }
    expect(checked).toBeGreaterThan(200 * 12 * 2 * 3);
  });

  it('no spelling names two months', () => {
    jalaliMonthSpellings.forEach((spellings, i) => {
      for (const name of spellings) expect(parseMonthInput(name, { today })).toBe(`1405-${pad(i + 1)}`);
    });
    expect(jalaliMonthSpellings).toHaveLength(12);
  });

  it('an unknown name, a year out of range, two names or a short year are refused naming the option, never the value', () => {
    const cases: [string, RegExp][] = [
      ['Brumaire', /unknown month name/],
      ['زهرا احمدی', /expected a Jalali month/],
      ['زهرا', /unknown month name/],
      ['November 1405', /unknown month name/],
      ['آذر 2026', /year 2026 is not a Jalali year/],
      ['آذر 0000', /year 0 is out of range/],
      ['آذر 05', /four digits/],
      ['آذر دی', /expected a Jalali month/],
      ['آذر 1405 1406', /expected a Jalali month/],
      ['1405 9', /expected a Jalali month/],
    ];
    for (const [typed, why] of cases) {
      const e = refusal(() => parseMonthInput(typed, { today, field: 'month' }));
      expect(e.message, typed).toMatch(/^invalid month for --month: /);
      expect(e.message, typed).toMatch(why);
      expect(e.field).toBe('month');
      // What was typed never comes back (the month names of the examples are the message's own).
      for (const word of typed.split(' ').filter((w) => !/^\d+$/.test(w) && w !== 'آذر' && w !== 'دی')) {
        expect(e.message, typed).not.toContain(word);
      }
    }
  });
});

describe('the commands that take a month', () => {
  it('report monthly --month آذر and --month "Azar 1405" give the same month as 1405-09; roster show too', async () => {
    const o = await makeOffice('MON01');
    try {
      const a = await o.json(['report', 'monthly', '--month', 'آذر']);
      const b = await o.json(['report', 'monthly', '--month', 'Azar 1405']);
      const c = await o.json(['report', 'monthly', '--month', '1405-09']);
      expect(a).toEqual(c);
      expect(b).toEqual(c);
      const grid = await o.json(['roster', 'show', '--month', '1405-09']);
      expect(await o.json(['roster', 'show', '--month', 'آذر'])).toEqual(grid);
      expect(await o.json(['roster', 'show', '--month', '۱۴۰۵ آذرماه'])).toEqual(grid);
      const nightly = await runCli(['--db', o.db, 'report', 'nightly', '--dir', join(o.dir, 'nightly'), '--month', 'آبان ۱۴۰۵']);
      expect(nightly.code, nightly.stderr).toBe(0);
      expect(readdirSync(join(o.dir, 'nightly')).some((f) => f.includes('1405-08'))).toBe(true);
      expect(readdirSync(join(o.dir, 'nightly')).some((f) => f.includes('1405-09'))).toBe(false);
      const bad = await runCli(['--db', o.db, 'report', 'monthly', '--month', 'Brumaire']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error: invalid month for --month: unknown month name/);
      expect(bad.stderr).not.toContain('Brumaire');
    } finally {
      o.cleanup();
    }
  });
});
