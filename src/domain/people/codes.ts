/**
 * Code lists of the staff register, the duty roster and training, with their
 * English and Persian labels. Same shape as src/domain/codes.ts, kept here so
 * the people side of the office has its catalogue in one place.
 */
import { catalogue } from '../codes.js';

export const DEGREES = catalogue({
  diploma: { en: 'High-school diploma', fa: 'دیپلم' },
  associate: { en: 'Associate degree', fa: 'کاردانی' },
  bachelor: { en: "Bachelor's degree", fa: 'کارشناسی' },
  master: { en: "Master's degree", fa: 'کارشناسی ارشد' },
  doctorate: { en: 'Doctorate', fa: 'دکتری' },
});
export type Degree = keyof typeof DEGREES;

/** The services a shift pattern belongs to: hotline and mobile teams work around the clock. */
export const DUTY_SERVICES = catalogue({
  hotline: { en: 'Hotline 123', fa: 'خط تلفن ۱۲۳' },
  'mobile-team': { en: 'Mobile team', fa: 'تیم سیار' },
  center: { en: 'Crisis-intervention center', fa: 'مرکز مداخله در بحران' },
  base: { en: 'Social-service base', fa: 'پایگاه خدمات اجتماعی' },
});
export type DutyService = keyof typeof DUTY_SERVICES;

export const AUDIENCES = catalogue({
  staff: { en: 'Staff', fa: 'کارکنان' },
  community: { en: 'Community', fa: 'عموم مردم' },
});
export type Audience = keyof typeof AUDIENCES;

export const ENROLMENT_STATUSES = catalogue({
  waiting: { en: 'Waiting list', fa: 'فهرست انتظار' },
  enrolled: { en: 'Enrolled', fa: 'ثبت‌نام شده' },
  attended: { en: 'Attended', fa: 'حاضر شد' },
  completed: { en: 'Completed', fa: 'گذرانده' },
  dropped: { en: 'Dropped', fa: 'انصراف' },
});
export type EnrolmentStatus = keyof typeof ENROLMENT_STATUSES;

export const WORKSHOP_TOPICS = catalogue({
  'life-skills': { en: 'Life skills', fa: 'مهارت‌های زندگی' },
  'domestic-violence-prevention': { en: 'Prevention of domestic violence', fa: 'پیشگیری از خشونت خانگی' },
  'suicide-prevention': { en: 'Suicide prevention', fa: 'پیشگیری از خودکشی' },
  'child-abuse-prevention': { en: 'Prevention of child abuse', fa: 'پیشگیری از کودک‌آزاری' },
  'vocational-skills': { en: 'Vocational skills', fa: 'مهارت‌های شغلی' },
  other: { en: 'Other', fa: 'سایر' },
});
export type WorkshopTopic = keyof typeof WORKSHOP_TOPICS;

/** Days of the Iranian week, Saturday first (index 0) as the office calendar counts them. */
export const WEEKDAYS = catalogue({
  saturday: { en: 'Saturday', fa: 'شنبه' },
  sunday: { en: 'Sunday', fa: 'یکشنبه' },
  monday: { en: 'Monday', fa: 'دوشنبه' },
  tuesday: { en: 'Tuesday', fa: 'سه‌شنبه' },
  wednesday: { en: 'Wednesday', fa: 'چهارشنبه' },
  thursday: { en: 'Thursday', fa: 'پنجشنبه' },
  friday: { en: 'Friday', fa: 'جمعه' },
});
export type Weekday = keyof typeof WEEKDAYS;
export const WEEKDAY_ORDER: readonly Weekday[] = ['saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
