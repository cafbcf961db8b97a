/** Labels of the staff register, roster and training views, in English and Persian. */
import type { LocalInstant } from '../../domain/roster/clock.js';
import type { Fmt } from '../format.js';
import { digits, inLang } from '../labels.js';

const WORDS = {
  nationalCode: ['National code', 'کد ملی'],
  degree: ['Degree', 'مدرک تحصیلی'],
  field: ['Field of study', 'رشته'],
  membershipNo: ['Association no.', 'شماره عضویت انجمن'],
  phone: ['Phone', 'تلفن'],
  startDate: ['Started', 'تاریخ شروع'],
  leftOn: ['Left', 'تاریخ ترک خدمت'],
  removedAssignments: ['Shifts removed', 'شیفت‌های حذف‌شده'],
  due7: ['Due 7d', 'موعد ۷ روز'],
  overdue: ['Overdue', 'معوق'],
  open: ['Open', 'باز'],
  service: ['Service', 'خدمت'],
  shift: ['Shift', 'شیفت'],
  hours: ['Hours', 'ساعت'],
  start: ['Start', 'شروع'],
  end: ['End', 'پایان'],
  needed: ['Needed', 'نیاز'],
  assigned: ['Assigned', 'حاضر'],
  missing: ['Missing', 'کسری'],
  validFrom: ['In force from', 'از تاریخ'],
  retiredOn: ['Retired on', 'پایان اعتبار'],
  overnight: ['Overnight', 'شبانه'],
  people: ['People', 'افراد'],
  nobody: ['nobody', 'هیچ‌کس'],
  short: ['short', 'کسری'],
  day: ['Day', 'روز'],
  weekday: ['Weekday', 'روز هفته'],
  skipped: ['Skipped', 'رد شده'],
  reason: ['Reason', 'علت'],
  at: ['At', 'زمان'],
  noGaps: ['no gaps: every shift has the people it needs', 'کسری ندارد: همه شیفت‌ها تکمیل است'],
  title: ['Title', 'عنوان'],
  topic: ['Topic', 'موضوع'],
  provider: ['Provider', 'برگزارکننده'],
  from: ['From', 'از'],
  to: ['To', 'تا'],
  capacity: ['Capacity', 'ظرفیت'],
  audience: ['Audience', 'مخاطب'],
  mandatoryFor: ['Mandatory for', 'الزامی برای'],
  placesTaken: ['Places taken', 'ثبت‌نام'],
  waiting: ['Waiting', 'انتظار'],
  position: ['Position', 'نوبت'],
  course: ['Course', 'دوره'],
  person: ['Person', 'فرد'],
  score: ['Score', 'نمره'],
  certificate: ['Certificate', 'گواهی'],
  completedOn: ['Completed', 'تاریخ پایان دوره'],
  expiredOn: ['Expired', 'تاریخ انقضا'],
  mandatory: ['Mandatory', 'الزامی'],
  promoted: ['Moved up from the waiting list', 'از فهرست انتظار ثبت‌نام شد'],
  missingCourses: ['Missing mandatory courses', 'دوره‌های الزامی گذرانده‌نشده'],
  expiredCertificates: ['Expired certificates', 'گواهی‌های منقضی'],
  staffChecked: ['Staff checked', 'کارکنان بررسی‌شده'],
  nonCompliant: ['Not compliant', 'ناقص'],
  validity: ['Certificate validity (months)', 'اعتبار گواهی (ماه)'],
  restHours: ['Rest after a night shift (hours)', 'استراحت پس از شیفت شب (ساعت)'],
  female: ['Female', 'زن'],
  male: ['Male', 'مرد'],
  total: ['Total', 'جمع'],
  held: ['Held', 'برگزار شده'],
  place: ['Place', 'محل'],
  facilitator: ['Facilitator', 'مجری'],
  allCompliant: ['everyone is compliant', 'همه کارکنان دوره‌های الزامی را گذرانده‌اند'],
} as const satisfies Record<string, readonly [string, string]>;

export type PeopleWord = keyof typeof WORDS;

export function pw(f: Fmt, w: PeopleWord): string {
  return inLang(WORDS[w], f.lang);
}

/** A local instant as the reader's date and `HH:MM`. */
export function instant(f: Fmt, at: LocalInstant): string {
  return `${f.date(at.slice(0, 10))} ${digits(at.slice(11, 16), f.lang)}`;
}

/** `20:00–08:00` from two instants or clock times. */
export function hoursSpan(f: Fmt, start: string, end: string): string {
  return digits(`${start.slice(-5)}–${end.slice(-5)}`, f.lang);
}
