/**
 * The office's code lists and their labels in English and Persian: the one
 * catalogue. Codes are what is stored and what --json prints; labels are for people.
 */
export interface CodeEntry {
  en: string;
  fa: string;
}
export type Catalogue<C extends string> = Readonly<Record<C, CodeEntry>>;

/** A frozen code list; every catalogue of the office is made with this. */
export function catalogue<C extends string>(entries: Record<C, CodeEntry>): Catalogue<C> {
  return Object.freeze(entries);
}

export const CHANNELS = catalogue({
  hotline: { en: 'Hotline 123', fa: 'خط تلفن ۱۲۳' },
  'mobile-team': { en: 'Mobile team', fa: 'تیم سیار' },
  center: { en: 'Crisis-intervention center', fa: 'مرکز مداخله در بحران' },
  base: { en: 'Social-service base', fa: 'پایگاه خدمات اجتماعی' },
  referral: { en: 'Referral', fa: 'ارجاع' },
});
export type Channel = keyof typeof CHANNELS;

export const CATEGORIES = catalogue({
  'family-dispute': { en: 'Acute family dispute', fa: 'اختلافات حاد خانوادگی' },
  'child-abuse': { en: 'Child abuse', fa: 'کودک‌آزاری' },
  'spouse-abuse': { en: 'Spouse abuse', fa: 'همسرآزاری' },
  suicide: { en: 'Suicidal thoughts or attempt', fa: 'افکار یا اقدام به خودکشی' },
  runaway: { en: 'Running away from home', fa: 'فرار از منزل' },
  'neglectful-guardian': { en: 'Neglectful guardianship', fa: 'بدسرپرستی' },
  'elder-abuse': { en: 'Elder abuse', fa: 'سالمندآزاری' },
  divorce: { en: 'Couple applying for divorce', fa: 'زوجین متقاضی طلاق' },
  'social-harm': { en: 'Socially harmed women and girls', fa: 'زنان و دختران آسیب‌دیده اجتماعی' },
  other: { en: 'Other', fa: 'سایر' },
});
export type Category = keyof typeof CATEGORIES;

export const SERVICE_TYPES = catalogue({
  'crisis-intervention': { en: 'Crisis intervention', fa: 'مداخله در بحران' },
  'mobile-team': { en: 'Mobile-team operation', fa: 'عملیات تیم سیار' },
  'hotline-call': { en: 'Hotline call', fa: 'تماس تلفنی ۱۲۳' },
  'social-work': { en: 'Social work', fa: 'مددکاری' },
  psychology: { en: 'Psychological counselling', fa: 'خدمات روانشناختی' },
  legal: { en: 'Legal advice', fa: 'مشاوره حقوقی' },
  referral: { en: 'Referral', fa: 'ارجاع' },
  'follow-up': { en: 'Follow-up contact', fa: 'پیگیری' },
  workshop: { en: 'Workshop', fa: 'کارگاه' },
});
export type ServiceType = keyof typeof SERVICE_TYPES;

export const RISKS = catalogue({
  critical: { en: 'Critical', fa: 'بحرانی' },
  high: { en: 'High', fa: 'زیاد' },
  medium: { en: 'Medium', fa: 'متوسط' },
  low: { en: 'Low', fa: 'کم' },
});
export type Risk = keyof typeof RISKS;
export const CASE_STATUSES = catalogue({
  open: { en: 'Open', fa: 'باز' },
  closed: { en: 'Closed', fa: 'بسته' },
});
export type CaseStatus = keyof typeof CASE_STATUSES;

export const CLOSE_REASONS = catalogue({
  resolved: { en: 'Resolved', fa: 'حل شده' },
  referred: { en: 'Referred', fa: 'ارجاع شده' },
  unreachable: { en: 'Unreachable', fa: 'عدم دسترسی' },
  moved: { en: 'Moved away', fa: 'نقل مکان' },
  other: { en: 'Other', fa: 'سایر' },
});
export type CloseReason = keyof typeof CLOSE_REASONS;

export const EVENT_KINDS = catalogue({
  opened: { en: 'Opened', fa: 'تشکیل پرونده' },
  assigned: { en: 'Assigned', fa: 'ارجاع به کارشناس' },
  note: { en: 'Note', fa: 'یادداشت' },
  service: { en: 'Service', fa: 'خدمت' },
  'follow-up': { en: 'Follow-up', fa: 'پیگیری' },
  closed: { en: 'Closed', fa: 'بسته شد' },
  reopened: { en: 'Reopened', fa: 'بازگشایی' },
  'service-corrected': { en: 'Service corrected', fa: 'اصلاح خدمت' },
  'service-voided': { en: 'Service voided', fa: 'ابطال خدمت' },
  'follow-up-rescheduled': { en: 'Follow-up rescheduled', fa: 'تغییر موعد پیگیری' },
  'risk-changed': { en: 'Risk changed', fa: 'تغییر سطح خطر' },
  updated: { en: 'Corrected', fa: 'اصلاح پرونده' },
  'client-merged': { en: 'Client merged', fa: 'ادغام مددجو' },
  referral: { en: 'Referral', fa: 'ارجاع به دستگاه دیگر' },
});
export type EventKind = keyof typeof EVENT_KINDS;

/** The agencies a case is referred to (ارجاع): the kind, not the agency's own name. */
export const REFERRAL_AGENCIES = catalogue({
  police: { en: 'Police', fa: 'پلیس / کلانتری' },
  court: { en: 'Court or judiciary', fa: 'دادگاه / مراجع قضایی' },
  hospital: { en: 'Hospital', fa: 'بیمارستان' },
  school: { en: 'School', fa: 'مدرسه' },
  health: { en: 'Health center', fa: 'مرکز بهداشت' },
  'welfare-center': { en: 'Welfare center', fa: 'مرکز بهزیستی' },
  ngo: { en: 'NGO', fa: 'سازمان مردم‌نهاد' },
  other: { en: 'Other', fa: 'سایر' },
});
export type ReferralAgency = keyof typeof REFERRAL_AGENCIES;

/** Where a referral stands: sent, then the agency's answer (accepted, declined, feedback received). */
export const REFERRAL_STATUSES = catalogue({
  sent: { en: 'Sent', fa: 'ارسال شده' },
  accepted: { en: 'Accepted', fa: 'پذیرفته شد' },
  declined: { en: 'Declined', fa: 'نپذیرفت' },
  feedback: { en: 'Feedback received', fa: 'بازخورد دریافت شد' },
});
export type ReferralStatus = keyof typeof REFERRAL_STATUSES;

export const FOLLOWUP_STATUSES = catalogue({
  scheduled: { en: 'Scheduled', fa: 'برنامه‌ریزی شده' },
  done: { en: 'Done', fa: 'انجام شد' },
  missed: { en: 'Missed', fa: 'انجام نشد' },
  cancelled: { en: 'Cancelled', fa: 'لغو شد' },
});
export type FollowupStatus = keyof typeof FOLLOWUP_STATUSES;

export const CENTER_KINDS = catalogue({
  'social-emergency': { en: 'Social-emergency center', fa: 'مرکز اورژانس اجتماعی' },
  'service-base': { en: 'Social-service base', fa: 'پایگاه خدمات اجتماعی' },
  'pseudo-family': { en: 'Pseudo-family home', fa: 'مرکز شبه‌خانواده' },
  'positive-life': { en: 'Positive-life center', fa: 'مرکز مثبت زندگی' },
  'social-work-clinic': { en: 'Social-work clinic', fa: 'کلینیک مددکاری اجتماعی' },
  other: { en: 'Other', fa: 'سایر' },
});
export type CenterKind = keyof typeof CENTER_KINDS;

export const SECTORS = catalogue({
  gov: { en: 'Government', fa: 'دولتی' },
  ngo: { en: 'Non-government', fa: 'غیردولتی' },
});
export type Sector = keyof typeof SECTORS;

export const ROLES = catalogue({
  'social-worker': { en: 'Social worker', fa: 'مددکار اجتماعی' },
  psychologist: { en: 'Psychologist', fa: 'روانشناس' },
  intervener: { en: 'Crisis intervener', fa: 'مداخله‌گر' },
  admin: { en: 'Administration', fa: 'اداری' },
  other: { en: 'Other', fa: 'سایر' },
});
export type Role = keyof typeof ROLES;

export const SEXES = catalogue({
  female: { en: 'Female', fa: 'زن' },
  male: { en: 'Male', fa: 'مرد' },
});
export type Sex = keyof typeof SEXES;

export function codesOf<C extends string>(cat: Catalogue<C>): C[] {
  return Object.keys(cat) as C[];
}

export function isCode<C extends string>(cat: Catalogue<C>, value: string): value is C {
  return Object.hasOwn(cat, value);
}
