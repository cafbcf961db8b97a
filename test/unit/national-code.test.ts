import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidNationalCode, parseNationalCode } from '../../src/domain/national-code.js';
import { ValidationError } from '../../src/errors.js';
import { toPersianDigits } from '../../src/lang/digits.js';

/** Completes nine digits with the check digit, written independently of the module. */
function withCheckDigit(nine: string): string {
  const s = [...nine].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0);
  const r = s % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

const nineDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => d.join(''));
const validCode = nineDigits.map(withCheckDigit).filter((c) => !/^(\d)\1{9}$/.test(c) && c.slice(3, 9) !== '000000');

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('isValidNationalCode', () => {
  it('accepts codes that satisfy the checksum', () => {
    expect(withCheckDigit('001354241')).toBe('0013542419');
    expect(isValidNationalCode('0013542419')).toBe(true);
    expect(isValidNationalCode(withCheckDigit('123456789'))).toBe(true);
    expect(isValidNationalCode(withCheckDigit('000000011'))).toBe(true);
  });

  it('covers both branches of the check digit (r < 2 and r >= 2)', () => {
    expect(isValidNationalCode('0100000010')).toBe(true); // s = 9 + 2 = 11, r = 0, d10 = 0
    expect(isValidNationalCode('1000000011')).toBe(true); // s = 10 + 2 = 12, r = 1, d10 = 1
    expect(isValidNationalCode('1000000141')).toBe(true); // s = 10 + 3 + 8 = 21, r = 10, d10 = 1
    expect(isValidNationalCode('0000000116')).toBe(true); // s = 3 + 2 = 5, r = 5, d10 = 6
    expect(isValidNationalCode('0000000110')).toBe(false);
    expect(isValidNationalCode('0100000011')).toBe(false);
  });

  it('refuses wrong check digits, wrong lengths, non-digits and ten equal digits', () => {
    expect(isValidNationalCode('0013542418')).toBe(false);
    expect(isValidNationalCode('013542419')).toBe(false);
    expect(isValidNationalCode('00135424190')).toBe(false);
    expect(isValidNationalCode('۰۰۱۳۵۴۲۴۱۹')).toBe(false); // callers parse first
    expect(isValidNationalCode('0000000000')).toBe(false);
    expect(isValidNationalCode('1111111111')).toBe(false); // passes the checksum
  });

  it('refuses codes whose digits 4 to 9 are all zero, as the reference validators do: never issued', () => {
    expect(isValidNationalCode('0010000003')).toBe(false); // passes the checksum
    expect(isValidNationalCode('1000000001')).toBe(false); // passes the checksum
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (head) => {
        const code = withCheckDigit(`${String(head).padStart(3, '0')}000000`);
        expect(isValidNationalCode(code)).toBe(false);
        const err = refusal(() => parseNationalCode(code));
        if (code !== '0000000000') expect(err.message).toBe('not a valid national code: digits 4 to 9 are never all zero');
        expect(err.message).not.toContain(code);
        // Padding a spreadsheet's lost zeros does not let one through either.
        if (code.replace(/^0+/, '').length >= 8)
          expect(() => parseNationalCode(code.replace(/^0+/, ''), { repairLeadingZeros: true })).toThrow(ValidationError);
      }),
    );
  });

  it('agrees with an independent oracle on random ten-digit strings', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), (nine, last) => {
        const code = nine + String(last);
        const expected = withCheckDigit(nine) === code && !/^(\d)\1{9}$/.test(code) && code.slice(3, 9) !== '000000';
        expect(isValidNationalCode(code)).toBe(expected);
      }),
    );
  });
});

describe('parseNationalCode', () => {
  it('accepts Persian and Arabic digits, spaces and dashes', () => {
    expect(parseNationalCode('0013542419')).toEqual({ code: '0013542419', repaired: false });
    expect(parseNationalCode('۰۰۱۳۵۴۲۴۱۹')).toEqual({ code: '0013542419', repaired: false });
    expect(parseNationalCode('٠٠١-٣٥٤٢٤١-٩')).toEqual({ code: '0013542419', repaired: false });
    expect(parseNationalCode(' 001 354 2419 ')).toEqual({ code: '0013542419', repaired: false });
  });

  it('pads 8 or 9 digits only when asked to repair leading zeros', () => {
    expect(parseNationalCode('13542419', { repairLeadingZeros: true })).toEqual({ code: '0013542419', repaired: true });
    expect(parseNationalCode('013542419', { repairLeadingZeros: true })).toEqual({ code: '0013542419', repaired: true });
    expect(parseNationalCode('0013542419', { repairLeadingZeros: true })).toEqual({ code: '0013542419', repaired: false });
    expect(refusal(() => parseNationalCode('13542419')).message).toBe(
      'national code has 8 digits; expected 10: leading zeros may be missing (codes may begin with 0; type all 10 digits)',
    );
    expect(refusal(() => parseNationalCode('3542419', { repairLeadingZeros: true })).message).toMatch(
      /^national code has 7 digits; expected 10/,
    );
  });

  it('refuses with a one-line message naming the field but not the code', () => {
    const cases: Array<[string, RegExp]> = [
      ['0013542418', /^national code fails the checksum$/],
      ['001354241', /^national code has 9 digits; expected 10: leading zeros may be missing/],
      ['00135424190', /^national code has 11 digits; expected 10$/],
      ['00135A2419', /^national code must contain only digits/],
      ['', /^national code is empty/],
      ['1111111111', /^national code cannot be ten equal digits$/],
    ];
    for (const [input, message] of cases) {
      const err = refusal(() => parseNationalCode(input));
      expect(err.message).toMatch(message);
      expect(err.message).not.toContain('\n');
      expect(err.field).toBe('national-code');
      if (input.length > 4) expect(err.message).not.toContain(input.slice(2, 8));
    }
    expect(refusal(() => parseNationalCode('12', { field: 'guardian-national-code' })).field).toBe('guardian-national-code');
  });

  it('parses every valid code, in any digits', () => {
    fc.assert(
      fc.property(validCode, fc.boolean(), (code, persian) => {
        expect(parseNationalCode(persian ? toPersianDigits(code) : code)).toEqual({ code, repaired: false });
      }),
    );
  });

  it('repairs every valid code that lost one or two leading zeros', () => {
    const withLeadingZeros = fc
      .tuple(fc.constantFrom('0', '00'), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }))
      .map(([zeros, rest]) => withCheckDigit((zeros + rest.join('')).slice(0, 9)))
      .filter((c) => !/^(\d)\1{9}$/.test(c) && c.slice(3, 9) !== '000000');
    fc.assert(
      fc.property(withLeadingZeros, (code) => {
        const dropped = code.replace(/^0+/, '');
        fc.pre(dropped.length >= 8);
        expect(parseNationalCode(dropped, { repairLeadingZeros: true })).toEqual({ code, repaired: true });
      }),
    );
  });
});
