/** Persian of the --help texts of import-export: see src/messages/fa/help/index.ts. */
export const IMPORT_EXPORT: Readonly<Record<string, string>> = {
  // import
  'what the file holds: {kinds}; office: a folder export office wrote, into an empty office':
    'آنچه فایل دارد: `{kinds}`؛ `office`: پوشه‌ای که `parvande export office` نوشته است، به درون اداره‌ای خالی',
  'CSV or tab-separated text (UTF-8, Windows-1256 or UTF-16), .xlsx, or .json; - reads standard input; office: the folder':
    'متن CSV یا جداشده با تب (UTF-8، Windows-1256 یا UTF-16)، فایل .xlsx یا .json؛ `-` ورودی استاندارد را می‌خواند؛ برای `office`: پوشه',
  "the file's format (default: from its name; csv for standard input)": 'قالب فایل (پیش‌فرض: از روی نام آن؛ csv برای ورودی استاندارد)',
  'XLSX: the sheet to read (default: the first)': 'XLSX: برگه‌ای که خوانده می‌شود (پیش‌فرض: نخستین برگه)',
  'text files: utf8, windows-1256 or utf16le (default: detected)':
    'فایل‌های متنی: utf8، windows-1256 یا utf16le (پیش‌فرض: خودکار تشخیص داده می‌شود)',
  'text files: comma, semicolon or tab (default: detected)':
    'فایل‌های متنی: `comma` (ویرگول)، `semicolon` (نقطه‌ویرگول) یا `tab` (تب) (پیش‌فرض: خودکار تشخیص داده می‌شود)',
  'read a column as a field, e.g. "نام پدر=-" to skip it (repeatable)':
    'خواندن یک ستون به‌عنوان یک فیلد، مثلاً `"نام پدر=-"` برای کنار گذاشتن آن (تکرارپذیر)',
  'give every row this value for a field the file has no column for, e.g. --set risk=medium (repeatable)':
    'دادن این مقدار به همهٔ ردیف‌ها برای فیلدی که فایل ستونی برایش ندارد، مثلاً `--set risk=medium` (تکرارپذیر)',
  'check every row and say what would be inserted, updated, unchanged and refused; write nothing':
    'بررسی همهٔ ردیف‌ها و گفتن اینکه چه چیزی افزوده، به‌روز، بی‌تغییر یا رد می‌شد؛ چیزی نوشته نمی‌شود',
  'store nothing if any row is refused': 'اگر حتی یک ردیف رد شود، هیچ چیز ذخیره نمی‌شود',
  'rows per transaction': 'شمار ردیف‌ها در هر تراکنش',

  // export
  "what to export: {kinds}; office: every kind and every case's timeline, into the folder --out":
    'آنچه خروجی گرفته می‌شود: `{kinds}`؛ `office`: همهٔ انواع سوابق و تاریخچهٔ همهٔ پرونده‌ها، در پوشهٔ --out',
  'file format (default: from --out, else csv)': 'قالب فایل (پیش‌فرض: از روی --out، وگرنه csv)',
  'write to this file, owner-only; - or none: standard output (xlsx only when redirected); office: a folder':
    'نوشتن در این فایل، فقط برای مالک؛ `-` یا هیچ: خروجی استاندارد (xlsx فقط وقتی به جای دیگری هدایت شود)؛ برای `office`: یک پوشه',
  'replace an existing file (never a database)': 'جایگزینی فایل موجود (هرگز پایگاه داده)',
  'only records dated on or after (clients: registered, cases: opened, services: date, followups: due, referrals: sent, roster-assignments: shift date, courses: running, enrolments: requested, workshops: held)':
    'فقط سوابقی با تاریخ همین روز یا پس از آن (`clients`: ثبت، `cases`: تشکیل، `services`: تاریخ خدمت، `followups`: سررسید، `referrals`: ارسال، roster-assignments: روز کشیک، `courses`: برگزاری، `enrolments`: درخواست، `workshops`: برگزاری)',
  'only records dated on or before': 'فقط سوابقی با تاریخ همین روز یا پیش از آن',
  'for files that leave the office: no names, national codes, phones, addresses or notes; dates as months; people and cases as pseudonyms new to this file (does not import back)':
    'برای فایل‌هایی که از اداره بیرون می‌روند: بی‌نام، کد ملی، تلفن، نشانی و یادداشت؛ تاریخ‌ها به ماه؛ افراد و پرونده‌ها با نام مستعاری تازه در همین فایل (دوباره وارد نمی‌شود)',
  'with --redact: the same pseudonyms as other files made with the same --key-file':
    'همراه --redact: همان نام‌های مستعار فایل‌های دیگری که با همین --key-file ساخته شده‌اند',
  'with --linkable: the key, kept outside the database (made owner-only when missing)':
    'همراه --linkable: کلید، که بیرون از پایگاه داده نگه داشته می‌شود (اگر نباشد، فقط برای مالک ساخته می‌شود)',
};
