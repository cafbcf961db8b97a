/**
 * How a client, a worker or a center reads in a search prompt's list. A clerk's screen is
 * seen by whoever stands at the desk, so a client shows what tells namesakes apart and
 * nothing that would find the person elsewhere: the name (which the clerk typed), the id,
 * the Jalali birth year, and only when no birth date is recorded the last four digits of
 * the national code. Never the whole code, the mobile or the address.
 */
import { CENTER_KINDS, ROLES } from '../domain/codes.js';
import type { CenterPick, ClientPick, StaffPick } from '../domain/pickers.js';
import { jalaliYearOf } from '../lang/dates.js';
import type { Fmt } from './format.js';
import type { Lang } from './labels.js';
import { inLang } from './labels.js';

const WORDS = {
  born: ['born', 'متولد'],
  codeEnd: ['national code …', 'کد ملی …'],
  left: ['(left)', '(رفته)'],
  anonymous: ['Anonymous caller (no client)', 'تماس‌گیرنده ناشناس (بدون مددجو)'],
  typeName: ['(type two letters of the name, the national code or the id)', '(دو حرف از نام، کد ملی یا شناسه را بنویسید)'],
} as const satisfies Record<string, readonly [string, string]>;

export function pickWord(w: keyof typeof WORDS, lang: Lang): string {
  return inLang(WORDS[w], lang);
}

const SEP = ' · ';

export function clientPickLabel(c: ClientPick, f: Fmt): string {
  const tell =
    c.birthDate !== null
      ? `${pickWord('born', f.lang)} ${f.text(String(jalaliYearOf(c.birthDate)))}`
      : c.nationalCodeEnd !== null
        ? `${pickWord('codeEnd', f.lang)}${f.text(c.nationalCodeEnd)}`
        : '';
  return [`${c.firstName} ${c.lastName}`, f.id(c.id), tell].filter((p) => p !== '').join(SEP);
}

export function staffPickLabel(s: StaffPick, f: Fmt): string {
  const role = f.code(ROLES, s.role);
  return [`${s.firstName} ${s.lastName}`, f.id(s.id), s.active ? role : `${role} ${pickWord('left', f.lang)}`].join(SEP);
}

export function centerPickLabel(c: CenterPick, f: Fmt): string {
  return [c.name, f.id(c.id), f.code(CENTER_KINDS, c.kind)].join(SEP);
}
