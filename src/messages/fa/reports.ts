/** Persian of the messages said in reports (and the demo office): see src/messages/fa/index.ts. */
export const REPORTS: Readonly<Record<string, string>> = {
  // Report packages (src/domain/reports/package.ts).
  'a report package is of a month or a year': 'بستهٔ گزارش برای یک ماه یا یک سال ساخته می‌شود',
  '--package #{n} ({file})': '--package شمارهٔ {n} ({file})',
  '{which} is not a report package: not JSON': '{which} بستهٔ گزارش نیست: محتوای آن JSON نیست',
  '{which} is not a report package of this form (version {version})': '{which} بستهٔ گزارشی با این قالب (نسخهٔ {version}) نیست',
  '{which} fails its checksum: it was changed or damaged after it was made':
    'کد وارسی {which} نادرست است: پس از ساخته‌شدن تغییر کرده یا آسیب دیده است',
  '{which} was made at schema version {version}; this parvande reads version {latest}: make it again with this version':
    '{which} با نسخهٔ {version} ساختار پایگاه داده ساخته شده و این parvande نسخهٔ {latest} را می‌خواند: آن را با همین نسخه دوباره بسازید',
  'give at least one --package FILE': 'دست‌کم یک --package FILE بدهید',
  '{which} is a {kind} package, not a {wanted} one': '{which} بستهٔ {kind} است، نه {wanted}',
  '{which} is of {period}, not {wanted}: every package must be of one period':
    '{which} مربوط به {period} است، نه {wanted}: همهٔ بسته‌ها باید از یک بازهٔ زمانی باشند',
  'office {code} is given twice: {first} and {second}': 'ادارهٔ {code} دو بار داده شده است: {first} و {second}',
  // The provincial roll-up of offices' files (rollup.ts).
  '--db #{n} ({file})': '--db شمارهٔ {n} ({file})',
  'no database at {which}': 'در {which} پایگاه داده‌ای نیست',
  '{which} has schema version {version}; this parvande reads version {latest}: upgrade parvande':
    'ساختار پایگاه دادهٔ {which} در نسخهٔ {version} است و این parvande نسخهٔ {latest} را می‌خواند: parvande را به‌روز کنید',
  '{which} has schema version {version}; this parvande reads version {latest}: run "parvande db migrate" on that file first':
    'ساختار پایگاه دادهٔ {which} در نسخهٔ {version} است و این parvande نسخهٔ {latest} را می‌خواند: نخست `parvande db migrate` را روی آن فایل اجرا کنید',
  '{which} has no office: it was never set up with "parvande init"': '{which} اداره‌ای ندارد: هرگز با `parvande init` راه‌اندازی نشده است',
  'office {code} is given twice: {first} and {second}; each office may appear once':
    'ادارهٔ {code} دو بار داده شده است: {first} و {second}؛ هر اداره تنها یک بار می‌تواند بیاید',
  'a roll-up needs at least two --db files': 'جمع‌بندی استانی دست‌کم دو فایل --db می‌خواهد',
  // Letterhead and scope (letterhead.ts, build.ts).
  '--number-prefix is empty: give a prefix, or --no-number-prefix for the office code':
    'گزینهٔ --number-prefix خالی است: پیشوندی بدهید، یا برای کد اداره --no-number-prefix را',
  'staff member #{id} is no longer active and cannot sign the report': 'کارمند #{id} دیگر فعال نیست و نمی‌تواند گزارش را امضا کند',
  'give --center or --worker, not both': 'یکی از --center یا --worker را بدهید، نه هر دو را',
  'this database has no office yet: run "parvande init --office-code C --office-name N"':
    'این پایگاه داده هنوز اداره‌ای ندارد: `parvande init --office-code C --office-name N` را اجرا کنید',
  // The demo office (src/domain/demo).
  'the demo fixtures (fixtures/demo) are missing from this installation': 'داده‌های ادارهٔ نمونه (`fixtures/demo`) در این نصب نیست',
  'cannot read the demo fixture {name} in {dir}: {error}': 'فایل {name} از داده‌های ادارهٔ نمونه در {dir} خوانده نشد: {error}',
  'demo fixture {what} must be a non-empty list of names': '{what} در داده‌های ادارهٔ نمونه باید فهرستی ناتهی از نام‌ها باشد',
  'demo fixture centers.json: center {n} needs a name, a known kind and sector':
    'داده‌های ادارهٔ نمونه، centers.json: مرکز {n} باید نام، نوعی شناخته‌شده و بخش (دولتی یا غیردولتی) داشته باشد',
  'demo fixture centers.json lists no centers': 'centers.json در داده‌های ادارهٔ نمونه هیچ مرکزی ندارد',
  'day {day} is outside the demo calendar': 'روز {day} بیرون از تقویم ادارهٔ نمونه است',
  'pick from an empty list': 'انتخاب از فهرستی خالی',
  'invalid --scale: expected a number from 0.01 to 100': 'مقدار --scale نامعتبر است: عددی از ۰٫۰۱ تا ۱۰۰ بدهید',
  "parvande demo writes only to a file named with --db (never to PARVANDE_DB, the settings file's db or the default database), e.g. --db demo-office.db":
    '`parvande demo` تنها در فایلی می‌نویسد که با --db نام برده شود (هرگز در PARVANDE_DB، پایگاه دادهٔ فایل تنظیمات یا پایگاه دادهٔ پیش‌فرض)، مانند --db demo-office.db',
  '{path} exists and is not a demo office; the demo never replaces it (not even with --force): choose another --db':
    '{path} وجود دارد و ادارهٔ نمونه نیست؛ فرمان `demo` هرگز آن را جایگزین نمی‌کند (حتی با --force): --db دیگری برگزینید',
  '{path} already holds a demo office: add --force to build it again':
    '{path} از پیش یک ادارهٔ نمونه دارد: برای ساختن دوبارهٔ آن --force را بیفزایید',
  'the demo office has no active frontline staff': 'ادارهٔ نمونه هیچ کارشناس فعالی برای خدمت مستقیم ندارد',
};
