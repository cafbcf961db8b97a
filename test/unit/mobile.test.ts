import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatMobileLocal, parseMobile } from '../../src/domain/mobile.js';
import { ValidationError } from '../../src/errors.js';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

function refusal(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('parseMobile', () => {
  it.each([
    '09121234567',
    '9121234567',
    '+989121234567',
    '00989121234567',
    '989121234567',
    '۰۹۱۲۱۲۳۴۵۶۷',
    '٠٩١٢١٢٣٤٥٦٧',
    '0912 123 4567',
    '0912-123-4567',
    '(0912) 123.45.67',
    '+98 912 123 4567',
    '+98 (0) 912 123 4567',
    ' 0098-912-1234567 ',
  ])('canonicalises %s', (input) => {
    expect(parseMobile(input)).toBe('+989121234567');
  });

  it('keeps 10-digit numbers that begin with 98 as local numbers missing their 0', () => {
    expect(parseMobile('9891234567')).toBe('+989891234567');
  });

  it.each([
    ['02112345678', /must start with 09; landline/],
    ['2112345678', /must start with 09/],
    ['+982112345678', /must start with 09/],
    ['0912123456', /has 10 digits in local form; expected 11/],
    ['091212345678', /has 12 digits in local form; expected 11/],
    ['+9891212345678', /has 12 digits in local form/],
    ['+447911123456', /foreign country code/],
    ['0044791112345', /foreign country code/],
    ['0912123456x', /only digits/],
    ['0912+1234567', /only digits/],
    ['', /is empty/],
    ['   ', /is empty/],
  ])('refuses %s', (input, message) => {
    const err = refusal(() => parseMobile(input, 'guardian-mobile'));
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('\n');
    const digits = input.replace(/\D/g, '');
    if (digits.length >= 8) expect(err.message).not.toContain(digits.slice(-7)); // never echoes the number
    expect(err.field).toBe('guardian-mobile');
  });

  it('names the mobile field by default', () => {
    expect(refusal(() => parseMobile('021')).field).toBe('mobile');
  });

  it('gives one canonical value for every spelling of a number', () => {
    const subscriber = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((d) => `9${d.join('')}`);
    const prefix = fc.constantFrom('0', '', '+98', '0098', '98', '+980', '+98 (0)');
    const digitSet = fc.constantFrom('latin', 'persian', 'arabic');
    const separators = fc.array(fc.constantFrom('', '', ' ', '-', '.', '  '), { minLength: 10, maxLength: 10 });
    fc.assert(
      fc.property(subscriber, prefix, digitSet, separators, (sub, pre, set, seps) => {
        const digits = [...sub].map((d) => (set === 'latin' ? d : (set === 'persian' ? PERSIAN : ARABIC_INDIC)[Number(d)]));
        const spelled = pre + digits.map((d, i) => d + (seps[i] ?? '')).join('');
        const canonical = parseMobile(spelled);
        expect(canonical).toBe(`+98${sub}`);
        expect(canonical).toHaveLength(13);
        expect(parseMobile(formatMobileLocal(canonical))).toBe(canonical);
      }),
    );
  });
});

describe('formatMobileLocal', () => {
  it('writes the local 11-digit form', () => {
    expect(formatMobileLocal('+989121234567')).toBe('09121234567');
  });

  it('refuses values that are not canonical', () => {
    expect(() => formatMobileLocal('09121234567')).toThrow(ValidationError);
    expect(() => formatMobileLocal('+98912123456')).toThrow(ValidationError);
  });
});
