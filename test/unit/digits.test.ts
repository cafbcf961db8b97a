import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toLatinDigits, toPersianDigits } from '../../src/lang/digits.js';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

describe('toLatinDigits', () => {
  it('converts Persian and Arabic-Indic digits', () => {
    expect(toLatinDigits(PERSIAN)).toBe('0123456789');
    expect(toLatinDigits(ARABIC_INDIC)).toBe('0123456789');
    expect(toLatinDigits('۱۴۰۵/۰۹/۰۴')).toBe('1405/09/04');
    expect(toLatinDigits('٠٩١٢ ۱۲۳ 4567')).toBe('0912 123 4567');
  });

  it('turns the Arabic decimal separator into a dot and leaves the Persian comma alone', () => {
    expect(toLatinDigits('۳٫۵')).toBe('3.5');
    expect(toLatinDigits('۱،۲')).toBe('1،2');
  });

  it('leaves letters and ASCII untouched', () => {
    expect(toLatinDigits('کد ملی: abc 123')).toBe('کد ملی: abc 123');
    expect(toLatinDigits('')).toBe('');
  });
});

describe('toPersianDigits', () => {
  it('converts ASCII digits only', () => {
    expect(toPersianDigits('2026-11-25')).toBe('۲۰۲۶-۱۱-۲۵');
    expect(toPersianDigits('0123456789')).toBe(PERSIAN);
    expect(toPersianDigits('a1 ۲ ٣')).toBe('a۱ ۲ ٣');
  });
});

describe('digit conversion properties', () => {
  it('round-trips ASCII text through Persian digits', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const persian = toPersianDigits(s);
        expect(persian).not.toMatch(/[0-9]/);
        expect(toLatinDigits(persian)).toBe(s);
      }),
    );
  });

  it('reads any mix of digit sets as the same number', () => {
    const digit = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('latin', 'persian', 'arabic'));
    fc.assert(
      fc.property(fc.array(digit, { minLength: 1, maxLength: 15 }), (digits) => {
        const typed = digits.map(([d, set]) => (set === 'latin' ? String(d) : (set === 'persian' ? PERSIAN : ARABIC_INDIC)[d])).join('');
        expect(toLatinDigits(typed)).toBe(digits.map(([d]) => String(d)).join(''));
      }),
    );
  });
});
