/** Persian of the messages said in commands: see src/messages/fa/index.ts. */
export const COMMANDS: Readonly<Record<string, string>> = {
  // Questions asked at a terminal (the Persian of the client, problem and worker questions is what the tmux tests look for).
  'Client (type part of the name, the national code or the id)': 'مددجو (بخشی از نام، کد ملی یا شناسه)',
  'Worker (type part of the name or the id)': 'کارشناس (بخشی از نام یا شناسه)',
  Channel: 'مسیر دریافت',
  'Primary problem': 'مسئله اصلی',
  'Further problems (space ticks, enter ends)': 'مسائل دیگر (با فاصله علامت بزنید، با ENTER تمام کنید)',
  Risk: 'سطح خطر',
  Center: 'مرکز',
  Worker: 'کارشناس',
  Note: 'یادداشت',
  'Reason for closing': 'علت بستن پرونده',
  'Follow-up plan, days after closing (e.g. 7,30,90), empty for none':
    'برنامهٔ پیگیری، روزهای پس از بستن (مثلاً ۷،۳۰،۹۰)؛ اگر پیگیری لازم نیست خالی بگذارید',
  'First name (نام)': 'نام',
  'Last name (نام خانوادگی)': 'نام خانوادگی',
  'National code (کد ملی), empty if unknown': 'کد ملی (اگر معلوم نیست خالی بگذارید)',
  'Sex (جنسیت)': 'جنسیت',
  'Birth date (تاریخ تولد), e.g. 1370/05/12': 'تاریخ تولد، مثلاً ۱۳۷۰/۰۵/۱۲',
  'Mobile (تلفن همراه)': 'تلفن همراه',
  'First name': 'نام',
  'Last name': 'نام خانوادگی',
  Role: 'سمت',
  Sector: 'بخش',
  'Center name': 'نام مرکز',
  Kind: 'نوع',
  'Service type': 'نوع خدمت',
  'Why is the record corrected?': 'علت اصلاح این سابقه چیست؟',
  'Why is the service voided?': 'علت ابطال این خدمت چیست؟',
  'Case number or id': 'شماره یا شناسهٔ پرونده',
  'Due date (1405/09/20, +7d, ...)': 'موعد (۱۴۰۵/۰۹/۲۰، +7d، ...)',
  'New due date (1405/09/20, +7d, ...)': 'موعد تازه (۱۴۰۵/۰۹/۲۰، +7d، ...)',
  Outcome: 'نتیجه',
  'Kind of agency': 'نوع دستگاه',
  "The agency's name": 'نام دستگاه',
  'Why is the case referred?': 'علت ارجاع پرونده چیست؟',
  Status: 'وضعیت',
  'Day of the answer (1405/09/10, today, ...), empty for today': 'روز پاسخ (۱۴۰۵/۰۹/۱۰، امروز، ...)؛ برای امروز خالی بگذارید',
  'Why is the referral voided?': 'علت ابطال این ارجاع چیست؟',
  'Merge client #{other} into client #{keep}? This cannot be undone.':
    'مددجوی #{other} در مددجوی #{keep} ادغام شود؟ این کار برگشت‌پذیر نیست.',

  // Cases.
  'opened case {number}': 'پروندهٔ {number} تشکیل شد',
  'note {id} added': 'یادداشت {id} افزوده شد',
  'case {number} still has {count} follow-up(s) scheduled from before closing; they stay due':
    'پروندهٔ {number} هنوز {count} پیگیری برنامه‌ریزی‌شده از پیش از بستن دارد که موعدش به قوت خود باقی است',

  // Clients.
  'merged into client #{id}: its cases are there': 'در مددجوی #{id} ادغام شده است: پرونده‌هایش آنجاست',
  'a merge cannot be undone: confirm with --yes': 'ادغام برگشت‌پذیر نیست: با --yes تأیید کنید',
  'merge cancelled; nothing was changed': 'ادغام لغو شد؛ چیزی تغییر نکرد',
  "the two records differ on {fields}: client #{id}'s values were kept":
    'دو سابقه در {fields} با هم فرق دارند: مقدارهای مددجوی #{id} نگه داشته شد',
  'client #{merged} merged into client #{kept}': 'مددجوی #{merged} در مددجوی #{kept} ادغام شد',
  'no cases moved': 'هیچ پرونده‌ای منتقل نشد',
  'cases moved: {cases}': 'پرونده‌های منتقل‌شده: {cases}',
  'training enrolments moved: {count}': 'ثبت‌نام‌های آموزشی منتقل‌شده: {count}',
  'enrolments left on #{id} (a course both were in): {count}': 'ثبت‌نام‌های مانده روی #{id} (دوره‌هایی که هر دو در آن بودند): {count}',
  'filled from #{id}: {fields}': 'تکمیل‌شده از روی #{id}: {fields}',

  // Services.
  'worker #{id} taken from the case': 'کارشناس #{id} از روی پرونده تعیین شد',
  'worker #{id} taken from the {roster}': 'کارشناس #{id} از روی {roster} تعیین شد',
  'give --void (only voided services) or --all (every service), not both': 'یا --void (فقط خدمات باطل‌شده) یا --all (همهٔ خدمات)، نه هر دو',
  'service #{id} corrected: {fields}': 'خدمت #{id} اصلاح شد: {fields}',
  'service #{id} voided': 'خدمت #{id} باطل شد',

  // Referrals.
  'referral #{id} recorded on case {number}': 'ارجاع #{id} برای پروندهٔ {number} ثبت شد',
  'referral #{id} voided': 'ارجاع #{id} باطل شد',

  // Staff.
  'removed {count} roster assignment(s) from the leaving date on; see "parvande roster gaps"':
    'از تاریخ ترک کار به بعد، {count} نوبت کشیک از برنامه برداشته شد؛ «parvande roster gaps» را ببینید',
};
