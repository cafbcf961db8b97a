/** Labels people read, in English and Persian. Codes themselves come from src/domain/codes.ts. */
import type { Catalogue } from '../domain/codes.js';
import { toPersianDigits } from '../lang/digits.js';

export type { Lang } from '../messages/catalogue.js';
import type { Lang } from '../messages/catalogue.js';

export function codeLabel<C extends string>(cat: Catalogue<C>, code: string | null | undefined, lang: Lang): string {
  if (code === null || code === undefined) return '';
  const entry = (cat as Record<string, { en: string; fa: string } | undefined>)[code];
  return entry === undefined ? code : entry[lang];
}

const WORDS = {
  id: ['ID', 'شناسه'],
  name: ['Name', 'نام'],
  firstName: ['First name', 'نام'],
  lastName: ['Last name', 'نام خانوادگی'],
  nationalCode: ['National code', 'کد ملی'],
  birthDate: ['Birth date', 'تاریخ تولد'],
  sex: ['Sex', 'جنسیت'],
  mobile: ['Mobile', 'تلفن همراه'],
  address: ['Address', 'نشانی'],
  county: ['County', 'شهرستان'],
  province: ['Province', 'استان'],
  informalSettlement: ['Informal settlement', 'سکونتگاه غیررسمی'],
  womanHead: ['Woman head of household', 'زن سرپرست خانوار'],
  notes: ['Notes', 'یادداشت'],
  registeredOn: ['Registered', 'تاریخ ثبت'],
  caseNumber: ['Case', 'شماره پرونده'],
  client: ['Client', 'مددجو'],
  anonymous: ['(anonymous)', '(ناشناس)'],
  channel: ['Channel', 'مسیر دریافت'],
  category: ['Category', 'نوع مسئله'],
  categories: ['Categories', 'مسائل'],
  risk: ['Risk', 'خطر'],
  center: ['Center', 'مرکز'],
  worker: ['Worker', 'کارشناس'],
  openedOn: ['Opened', 'تاریخ تشکیل'],
  status: ['Status', 'وضعیت'],
  closedOn: ['Closed', 'تاریخ بستن'],
  closeReason: ['Close reason', 'علت بستن'],
  reopenCount: ['Reopened', 'بازگشایی'],
  summary: ['Summary', 'خلاصه'],
  date: ['Date', 'تاریخ'],
  type: ['Type', 'نوع'],
  minutes: ['Minutes', 'دقیقه'],
  note: ['Note', 'یادداشت'],
  dueOn: ['Due', 'موعد'],
  doneOn: ['Done on', 'تاریخ انجام'],
  outcome: ['Outcome', 'نتیجه'],
  kind: ['Kind', 'نوع'],
  sector: ['Sector', 'بخش'],
  capacity: ['Capacity', 'ظرفیت'],
  role: ['Role', 'سمت'],
  active: ['Active', 'فعال'],
  openCases: ['Open cases', 'پرونده‌های باز'],
  staff: ['Staff', 'کارکنان'],
  followupsDueThisWeek: ['Follow-ups due this week', 'پیگیری‌های این هفته'],
  followupsOverdue: ['Overdue follow-ups', 'پیگیری‌های معوق'],
  caseCount: ['Cases', 'پرونده‌ها'],
  event: ['Event', 'رویداد'],
  actor: ['By', 'کاربر'],
  timeline: ['Timeline', 'سیر پرونده'],
  services: ['Services', 'خدمات'],
  followups: ['Follow-ups', 'پیگیری‌ها'],
  yes: ['yes', 'بله'],
  no: ['no', 'خیر'],
  code: ['Code', 'کد'],
  path: ['Path', 'مسیر'],
  source: ['Source', 'منبع'],
  office: ['Office', 'اداره'],
  overCapacity: ['Over capacity', 'بیش از ظرفیت'],
  none: ['(none)', '(هیچ)'],
  void: ['VOID', 'باطل'],
  voided: ['Voided', 'ابطال'],
  wasDue: ['was due', 'موعد قبلی'],
  raised: ['raised', 'افزایش'],
  lowered: ['lowered', 'کاهش'],
  rows: ['rows', 'ردیف'],
} as const satisfies Record<string, readonly [string, string]>;

export type Word = keyof typeof WORDS;

/** The tables `db check` counts, in Persian; in English the table's own name is shown. */
const TABLES_FA: Readonly<Record<string, string>> = {
  clients: 'مددجویان',
  cases: 'پرونده‌ها',
  services: 'خدمات',
  followups: 'پیگیری‌ها',
  referrals: 'ارجاع‌ها',
  staff: 'کارکنان',
  centers: 'مراکز',
  case_events: 'سیر پرونده‌ها',
  shift_patterns: 'شیفت‌ها',
  roster_assignments: 'کشیک‌های برنامه',
  courses: 'دوره‌های آموزشی',
  enrolments: 'ثبت‌نام‌ها',
  workshops: 'کارگاه‌ها',
  audit_log: 'دفتر رویدادها',
};

export function tableLabel(table: string, lang: Lang): string {
  return lang === 'fa' ? (TABLES_FA[table] ?? table) : table;
}

/** Items one after another, with the reader's comma (، in Persian). */
export function listOf(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'fa' ? '، ' : ', ');
}

/** A number's text (its digits already the reader's) with the reader's decimal sign (٫ in Persian). */
export function decimal(text: string, lang: Lang): string {
  return lang === 'fa' ? text.replace('.', '٫') : text;
}

/** A word in both languages, as the word tables of the views hold it: [English, Persian]. */
export type WordPair = readonly [en: string, fa: string];

/** The reader's half of a word pair: the one place that says which half is Persian. */
export function inLang(pair: WordPair, lang: Lang): string {
  return pair[lang === 'fa' ? 1 : 0];
}

export function word(w: Word, lang: Lang): string {
  return inLang(WORDS[w], lang);
}

/** Numbers as the reader writes them. */
export function num(n: number | string, lang: Lang): string {
  const s = typeof n === 'number' ? n.toLocaleString('en-US') : n;
  return lang === 'fa' ? toPersianDigits(s.replace(/,/g, '٬')) : s;
}

export function digits(s: string, lang: Lang): string {
  return lang === 'fa' ? toPersianDigits(s) : s;
}
