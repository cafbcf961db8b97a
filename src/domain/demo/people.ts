/**
 * Made-up people: Persian names (some spelled the way Arabic keyboards and hurried
 * typists write them), national codes that pass the checksum, +989 mobiles.
 */
import { isValidNationalCode } from '../national-code.js';
import type { DemoFixtures } from './fixtures.js';
import { ARABIC_LETTERS, ZWNJ_VARIANT } from './proportions.js';
import type { Rng } from './random.js';

const ZWNJ = '\u200c';

/**
 * A name as a clerk might have typed it: usually as in the list, sometimes with
 * Arabic ي/ك, and a ZWNJ name sometimes with a space or nothing in its place.
 * All of them give the same matching key.
 */
export function typedName(rng: Rng, name: string): string {
  let typed = name;
  if (typed.includes(ZWNJ) && rng.chance(ZWNJ_VARIANT)) typed = typed.replaceAll(ZWNJ, rng.chance(0.5) ? ' ' : '');
  if (/[یک]/.test(typed) && rng.chance(ARABIC_LETTERS)) typed = typed.replaceAll('ی', '\u064a').replaceAll('ک', '\u0643');
  return typed;
}

export function pickName(rng: Rng, fx: DemoFixtures, sex: 'female' | 'male'): { firstName: string; lastName: string } {
  return { firstName: typedName(rng, rng.pick(fx.names[sex])), lastName: typedName(rng, rng.pick(fx.names.last)) };
}

// 3^18 is coprime with 10^9, so i → i·3^18 + c (mod 10^9) visits every nine-digit
// body once: national codes are unique without remembering the ones given out.
const CODE_MULTIPLIER = 387_420_489n;
const CODE_OFFSET = 123_456_789n;
const CODE_SPACE = 1_000_000_000n;

/** The n-th national code of the office (n ≥ 1): ten digits with a valid check digit, unique per n. */
export function nationalCodeFor(n: number): string {
  // A few bodies give codes that are never issued (ten equal digits; digits 4–9 all zero): such an n
  // takes the body of an n above 500,000,000, which no office reaches, so codes stay unique. The
  // step is odd, so it also changes digits 4–9 (a step of 500,000,000 alone moves only the first
  // digit and would return to the same refused body for ever).
  for (let k = BigInt(n); ; k += 500_000_001n) {
    const body = ((k * CODE_MULTIPLIER + CODE_OFFSET) % CODE_SPACE).toString().padStart(9, '0');
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
    const r = sum % 11;
    const code = body + String(r < 2 ? r : 11 - r);
    if (isValidNationalCode(code)) return code;
  }
}

const MOBILE_PREFIXES = [
  '910',
  '911',
  '912',
  '913',
  '914',
  '915',
  '919',
  '930',
  '933',
  '935',
  '936',
  '937',
  '938',
  '939',
  '901',
  '902',
  '990',
  '991',
];

/** Canonical +989… form, as the store keeps it. */
export function mobileNumber(rng: Rng): string {
  return `+98${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
}
