/** commander's own words in every command's help, and the root program's. */
export const COMMANDER: Readonly<Record<string, string>> = {
  'Usage:': 'کاربرد:',
  'Options:': 'گزینه‌ها:',
  'Commands:': 'فرمان‌ها:',
  'Arguments:': 'آرگومان‌ها:',
  'Global Options:': 'گزینه‌های همگانی:',
  'Examples:': 'نمونه‌ها:',
  'choices:': 'یکی از',
  'default:': 'پیش‌فرض:',
  'display help for command': 'نمایش راهنمای فرمان',
  'output the version number': 'نمایش شمارهٔ نسخه',
  'Exit codes: 0 ok, 2 invalid input, 3 not found, 4 conflict with stored data, 5 database locked/unreadable/newer, 1 unexpected.':
    'کدهای خروج: ۰ درست، ۲ ورودی نادرست، ۳ پیدا نشد، ۴ ناسازگار با داده‌های ثبت‌شده، ۵ پایگاه داده قفل/ناخوانا/نسخهٔ تازه‌تر، ۱ پیش‌بینی‌نشده.',
  'Case files of a county Social Emergency office (اورژانس اجتماعی) in one SQLite file':
    'پرونده‌های اورژانس اجتماعی شهرستان در یک فایل SQLite',
  'database file (else PARVANDE_DB, else `config set db`, else the per-user data folder); "report" takes several for a roll-up':
    'فایل پایگاه داده (وگرنه PARVANDE_DB، وگرنه `config set db`، وگرنه پوشهٔ دادهٔ کاربر)؛ `report` برای جمع‌بندی چند فایل می‌گیرد',
  'print one JSON document on stdout (errors as JSON on stderr)': 'چاپ یک سند JSON در خروجی استاندارد (خطاها به صورت JSON در stderr)',
  'labels and digits (else PARVANDE_LANG, else `config set lang`, else en)':
    'زبان برچسب‌ها و رقم‌ها (وگرنه PARVANDE_LANG، وگرنه `config set lang`، وگرنه en)',
  'how dates are shown (else PARVANDE_CALENDAR, else `config set calendar`, else jalali)':
    'تقویم نمایش تاریخ‌ها (وگرنه PARVANDE_CALENDAR، وگرنه `config set calendar`، وگرنه jalali)',
  'who is acting, for the audit trail (else PARVANDE_USER, else `config set actor`, else the OS user)':
    'چه کسی کار را انجام می‌دهد، برای دفتر رویدادها (وگرنه PARVANDE_USER، وگرنه `config set actor`، وگرنه کاربر سیستم‌عامل)',
  'never prompt; fail naming what is missing': 'هرگز پرسش نکن؛ با نام‌بردن آنچه کم است خطا بده',
  'create the database and set the office': 'ساختن پایگاه داده و تنظیم اداره',
  'care centers the office supervises (مراکز)': 'مراکزی که اداره بر آن‌ها نظارت دارد',
  'the staff register (کارکنان): social workers, psychologists, interveners': 'فهرست کارکنان: مددکاران اجتماعی، روان‌شناسان، مداخله‌گران',
  'the round-the-clock duty roster (برنامه کشیک): shifts, gaps, who is on duty':
    'برنامهٔ کشیک شبانه‌روزی: نوبت‌ها، جاهای خالی، چه کسی کشیک است',
  'training courses, enrolments, compliance, community workshops': 'دوره‌های آموزشی، ثبت‌نام‌ها، رعایت الزام‌ها، کارگاه‌های اجتماع‌محور',
  'register, update and find clients (مددجو)': 'ثبت، اصلاح و جستجوی مددجویان',
  'case files (پرونده): open, assign, note, close, reopen, update': 'پرونده‌ها: تشکیل، واگذاری، یادداشت، بستن، بازگشایی، اصلاح',
  'services given (خدمات): interventions, mobile-team operations, hotline calls':
    'خدمات ارائه‌شده: مداخله‌ها، عملیات تیم سیار، تماس‌های خط ۱۲۳',
  'follow-ups (پیگیری) owed on cases': 'پیگیری‌های پرونده‌ها',
  'referrals (ارجاع) to other agencies and their answers': 'ارجاع به دستگاه‌های دیگر و پاسخ آن‌ها',
  "a worker's day: follow-ups due and overdue, quiet high-risk cases, referrals awaiting an answer, shifts":
    'کار روزانهٔ کارشناس: پیگیری‌های امروز و معوق، پرونده‌های پرخطرِ بی‌خبر، ارجاع‌های بی‌پاسخ، کشیک‌ها',
  'activity reports: monthly, year, range, nightly, provincial roll-up': 'گزارش‌های عملکرد: ماهانه، سالانه، بازه، شبانه، جمع‌بندی استانی',
  'bring in spreadsheets (CSV in any encoding, XLSX)': 'ورود صفحه‌گسترده‌ها (CSV با هر رمزگذاری، XLSX)',
  'send records out as CSV, XLSX or JSON': 'خروجی گرفتن از سوابق به صورت CSV، XLSX یا JSON',
  'the audit trail: who wrote or viewed what, when': 'دفتر رویدادها: چه کسی چه چیزی را کی نوشت یا دید',
  'the database file: path, migrations, checks, backup, restore, encryption':
    'فایل پایگاه داده: مسیر، به‌روزرسانی ساختار، بررسی، پشتیبان، بازگردانی، رمزگذاری',
  'build a demo office to try parvande on': 'ساختن یک ادارهٔ نمونه برای آزمودن پرونده',
  'print a shell completion script: bash, zsh or PowerShell': 'چاپ اسکریپت تکمیل خودکار پوسته: bash، zsh یا PowerShell',
  'your own defaults (lang, calendar, db, actor): set once, e.g. parvande config set lang fa':
    'پیش‌فرض‌های شخصی شما (lang، calendar، db، actor): یک بار تنظیم کنید، مثلاً parvande config set lang fa',
};
