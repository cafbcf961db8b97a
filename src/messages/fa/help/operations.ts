/** Persian of the --help texts of operations: see src/messages/fa/help/index.ts. */
export const OPERATIONS: Readonly<Record<string, string>> = {
  // roster (a group's own description is its summary in src/cli.ts, translated there)
  'shift patterns: the shifts each service needs every day': 'الگوهای کشیک: کشیک‌هایی که هر خدمت هر روز لازم دارد',
  'add a shift pattern': 'افزودن الگوی کشیک',
  'service: {codes}': 'خدمت: {codes}',
  'shift name, e.g. morning, night (صبح، شب)': 'نام کشیک، مثلاً صبح یا شب',
  'start time, e.g. 08:00': 'ساعت شروع، مثلاً ۰۸:۰۰',
  'end time; at or before the start means the next morning (20:00–08:00)':
    'ساعت پایان؛ اگر برابر یا پیش از ساعت شروع باشد، یعنی صبح روز بعد (۲۰:۰۰ تا ۰۸:۰۰)',
  'people the shift needs (default 1)': 'شمار نفراتی که کشیک لازم دارد (پیش‌فرض ۱)',
  'first day the pattern is in force (default today)': 'نخستین روز اعتبار الگو (پیش‌فرض امروز)',
  'shift patterns in force (or all)': 'الگوهای کشیک معتبر (یا همه)',
  'include retired patterns': 'الگوهایی که اعتبارشان پایان یافته هم آورده شود',
  'pattern id or name': 'شناسه یا نام الگو',
  'the service, when two have a shift of that name': 'خدمت، وقتی دو خدمت کشیکی به این نام دارند',
  'change a pattern (its hours only while nobody is assigned to it)': 'تغییر یک الگو (ساعت‌هایش فقط تا وقتی که کسی در آن کشیک ندارد)',
  'first day without this shift (default today)': 'نخستین روز بدون این کشیک (پیش‌فرض امروز)',
  'stop a shift pattern from a date on (refused while people are assigned from then on)':
    'پایان دادن به یک الگوی کشیک از یک تاریخ به بعد (تا وقتی از آن تاریخ به بعد کسی در آن کشیک دارد، پذیرفته نمی‌شود)',
  'put a person on a shift on a date, or over a range with a repeat': 'تعیین کشیک برای یک نفر در یک تاریخ، یا در یک بازه با تکرار',
  'staff id or full name': 'شناسه یا نام کامل کارمند',
  'shift pattern id or name': 'شناسه یا نام الگوی کشیک',
  'the service, when a pattern name is used by two': 'خدمت، وقتی نام الگو در دو خدمت به کار رفته است',
  'one date': 'یک تاریخ',
  'first date of a range': 'نخستین تاریخ بازه',
  'last date of a range': 'آخرین تاریخ بازه',
  'daily (default), weekdays (Sat–Wed), every-other-day, weekly, or weekday names: saturday,tuesday':
    '`daily` (هر روز؛ پیش‌فرض)، `weekdays` (شنبه تا چهارشنبه)، `every-other-day` (یک روز در میان)، `weekly` (هفتگی)، یا نام روزهای هفته: `saturday,tuesday`',
  'assign the dates that pass the rules and list the others (default: refuse them all)':
    'تعیین کشیک در تاریخ‌هایی که با قواعد سازگارند و فهرست کردن بقیه (پیش‌فرض: رد همه)',
  'assignment ids': 'شناسه‌های تخصیص کشیک',
  "a person's shifts instead of ids": 'کشیک‌های یک نفر، به جای شناسه‌ها',
  'only this shift pattern': 'فقط این الگوی کشیک',
  'on this date': 'در این تاریخ',
  'from this date': 'از این تاریخ',
  'to this date': 'تا این تاریخ',
  'take people off shifts': 'برداشتن افراد از کشیک',
  'assignment id': 'شناسهٔ تخصیص کشیک',
  'two assignments exchange their people (both checked by the roster rules; both change or neither)':
    'جابه‌جایی افراد دو تخصیص کشیک (هر دو با قواعد برنامهٔ کشیک بررسی می‌شوند؛ یا هر دو تغییر می‌کنند یا هیچ‌کدام)',
  'the roster as a grid: a Jalali week (Saturday to Friday) or month, for a service or a person':
    'برنامهٔ کشیک به صورت جدول: یک هفته (شنبه تا جمعه) یا یک ماه شمسی، برای یک خدمت یا یک نفر',
  'the week holding this date (default today)': 'هفته‌ای که این تاریخ در آن است (پیش‌فرض امروز)',
  'a Jalali month such as 1405-09, آذر or "Azar 1405" (default this month)':
    'یک ماه شمسی مانند 1405-09، آذر یا «آذر ۱۴۰۵» (پیش‌فرض ماه جاری)',
  'one person': 'یک نفر',
  'every shift with fewer people than it needs (partly covered ones too)':
    'هر کشیکی که کمتر از نیازش نفر دارد (کشیک‌هایی که بخشی از آن‌ها پر شده هم)',
  'first date (default today)': 'نخستین تاریخ (پیش‌فرض امروز)',
  'last date (default a week from --from)': 'آخرین تاریخ (پیش‌فرض یک هفته پس از --from)',
  'who is on duty on each service now, or at a given moment': 'چه کسی اکنون، یا در لحظه‌ای معین، در هر خدمت کشیک است',
  'e.g. "1405/09/04 22:30", 2026-11-25T22:30, 22:30 (today); default now':
    'مثلاً «1405/09/04 22:30»، 2026-11-25T22:30، 22:30 (امروز)؛ پیش‌فرض اکنون',
  'show or set the rest period after a night shift (default 8 hours)': 'نمایش یا تنظیم مدت استراحت پس از کشیک شب (پیش‌فرض ۸ ساعت)',
  'hours, 0 to 72': 'ساعت، ۰ تا ۷۲',

  // training
  'training courses (دوره‌های آموزشی)': 'دوره‌های آموزشی',
  'add a course': 'افزودن دوره',
  'course title (runs of one course share it)': 'عنوان دوره (نوبت‌های برگزاری یک دوره عنوان یکسان دارند)',
  'subject, e.g. crisis intervention': 'موضوع، مثلاً مداخله در بحران',
  'length in hours, e.g. 16 or 1.5': 'مدت به ساعت، مثلاً ۱۶ یا ۱٫۵',
  'who gives it': 'برگزارکننده',
  'first day': 'نخستین روز',
  'last day (default the first)': 'آخرین روز (پیش‌فرض همان نخستین روز)',
  'places; more requests go on a waiting list': 'ظرفیت؛ درخواست‌های بیشتر به فهرست انتظار می‌روند',
  'audience (default staff): {codes}': 'مخاطب (پیش‌فرض `staff`): `{codes}`',
  'roles that must complete it, comma separated ({codes}); none to clear':
    'سمت‌هایی که باید آن را بگذرانند، جداشده با ویرگول ({codes})؛ `none` برای پاک کردن',
  'courses, newest first': 'دوره‌ها، به ترتیب از تازه‌ترین',
  'running on or after': 'در حال برگزاری در این تاریخ یا پس از آن',
  'running on or before': 'در حال برگزاری در این تاریخ یا پیش از آن',
  'audience: {codes}': 'مخاطب: `{codes}`',
  'mandatory for this role': 'الزامی برای این سمت',
  'course id or title': 'شناسه یا عنوان دوره',
  'a course with its enrolments and waiting list': 'یک دوره با ثبت‌نام‌ها و فهرست انتظار آن',
  'change a course (a larger capacity moves people up from the waiting list)':
    'تغییر یک دوره (با ظرفیت بیشتر، افراد از فهرست انتظار به ثبت‌نام قطعی می‌رسند)',
  'community workshops (کارگاه‌های آموزشی): life skills, prevention of domestic violence, suicide, child abuse; vocational skills':
    'کارگاه‌های آموزشی اجتماع‌محور: مهارت‌های زندگی، پیشگیری از خشونت خانگی، خودکشی و کودک‌آزاری؛ مهارت‌های شغلی',
  'record a workshop session held, with attendees by sex': 'ثبت جلسهٔ برگزارشدهٔ کارگاه، با شمار شرکت‌کنندگان به تفکیک جنسیت',
  'topic: {codes}': 'موضوع: {codes}',
  'title of the session': 'عنوان جلسه',
  'the day it was held': 'روز برگزاری',
  'center id or name': 'شناسه یا نام مرکز',
  'where, when not at a center (e.g. a school, a neighbourhood base)': 'محل برگزاری، وقتی در مرکز نیست (مثلاً یک مدرسه یا پایگاه محله)',
  'length in hours': 'مدت به ساعت',
  'women and girls attending': 'شمار زنان و دختران شرکت‌کننده',
  'men and boys attending': 'شمار مردان و پسران شرکت‌کننده',
  note: 'یادداشت',
  'workshops held, newest first, with totals': 'کارگاه‌های برگزارشده، به ترتیب از تازه‌ترین، با جمع کل',
  'held on or after': 'برگزارشده در این تاریخ یا پس از آن',
  'held on or before': 'برگزارشده در این تاریخ یا پیش از آن',
  'workshop id': 'شناسهٔ کارگاه',
  'correct a workshop record': 'اصلاح سابقهٔ یک کارگاه',
  'enrolment id (or give --course with --staff or --client)': 'شناسهٔ ثبت‌نام (یا --course را همراه با --staff یا --client بدهید)',
  'client id or national code (community courses)': 'شناسه یا کد ملی مددجو (دوره‌های ویژهٔ عموم مردم)',
  'default today': 'پیش‌فرض امروز',
  'enrol people in a course; when it is full they go on the waiting list':
    'ثبت‌نام افراد در یک دوره؛ اگر ظرفیت پر باشد به فهرست انتظار می‌روند',
  'staff ids or full names, comma separated': 'شناسه‌ها یا نام‌های کامل کارکنان، جداشده با ویرگول',
  'clients (community courses), comma separated': 'مددجویان (دوره‌های ویژهٔ عموم مردم)، جداشده با ویرگول',
  'date of the request (default today)': 'تاریخ درخواست (پیش‌فرض امروز)',
  'mark an enrolled person as attending': 'ثبت حضور فرد ثبت‌نام‌شده',
  'record a completion with score and certificate number': 'ثبت گذراندن دوره با نمره و شمارهٔ گواهی',
  'score, 0 to 100': 'نمره، ۰ تا ۱۰۰',
  'certificate number': 'شمارهٔ گواهی',
  'drop out of a course or its waiting list; the next in line moves up':
    'انصراف از دوره یا فهرست انتظار آن؛ نفر بعدی صف به ثبت‌نام قطعی می‌رسد',
  'enrolments: places first, then the waiting list in order': 'ثبت‌نام‌ها: نخست ثبت‌نام‌های قطعی، سپس فهرست انتظار به ترتیب نوبت',
  'status: {codes}': 'وضعیت: `{codes}`',
  'active staff missing a course mandatory for their current role, and certificates older than the validity':
    'کارکنان فعالی که دورهٔ الزامی سمت کنونی خود را نگذرانده‌اند، و گواهی‌هایی که از مدت اعتبار گذشته‌اند',
  'role: {codes}': 'سمت: {codes}',
  'show or set how many months a certificate stays valid (default 24)': 'نمایش یا تنظیم مدت اعتبار گواهی به ماه (پیش‌فرض ۲۴)',
  'months, 1 to 600': 'ماه، ۱ تا ۶۰۰',

  // report
  "only this center's work: its cases, their services, follow-ups, referrals and clients (id or name)":
    'فقط کار این مرکز: پرونده‌های آن و خدمات، پیگیری‌ها، ارجاع‌ها و مددجویان آن پرونده‌ها (شناسه یا نام)',
  "only this worker's work: the services they gave, their cases and follow-ups (id, national code or name)":
    'فقط کار این کارشناس: خدماتی که داده و پرونده‌ها و پیگیری‌های او (شناسه، کد ملی یا نام)',
  'table (the terminal; the default), csv, xlsx or html': '`table` (در پایانه؛ پیش‌فرض)، csv، xlsx یا html',
  'write the report to this file (owner-only); - for standard output; needed for xlsx':
    'نوشتن گزارش در این فایل (فقط برای مالک)؛ - برای خروجی استاندارد؛ برای xlsx لازم است',
  'replace an existing file (never a database)': 'جایگزینی فایل موجود (هرگز پایگاه داده)',
  'for files that leave the office: each worker named by a stable pseudonym (reports hold no client names)':
    'برای فایل‌هایی که از اداره بیرون می‌روند: هر کارشناس با یک نام مستعار ثابت آورده می‌شود (گزارش‌ها نام مددجو ندارند)',
  'a Jalali month beside the previous month and the year to date (several --db: a roll-up of offices)':
    'یک ماه شمسی در کنار ماه پیش و از ابتدای سال تا کنون (با چند --db: جمع‌بندی ادارات)',
  'Jalali month: 1405-09, 9 (this year), آذر, "Azar 1405", this or last; default the current month':
    'ماه شمسی: 1405-09، 9 (امسال)، آذر، «آذر ۱۴۰۵»، `this` یا `last`؛ پیش‌فرض ماه جاری',
  "build the province's table from report packages (repeat it: one per office), not from --db files":
    'ساختن جدول استان از بسته‌های گزارش (تکرارپذیر: یکی برای هر اداره)، نه از فایل‌های --db',
  'a Jalali year with its months as rows, and the whole year': 'یک سال شمسی با ماه‌هایش در سطرها، و جمع کل سال',
  'Jalali year, default the current one': 'سال شمسی؛ پیش‌فرض سال جاری',
  'any period, both days included': 'هر بازهٔ دلخواه، با احتساب هر دو روز',
  'first day: 1405/01/01, 2026-03-21, -30d': 'نخستین روز: 1405/01/01، 2026-03-21، -30d',
  'last day': 'آخرین روز',
  "for cron / Task Scheduler: writes the month's report files (html, csv, xlsx) and lists what needs attention; never prompts":
    'برای `cron` یا Task Scheduler: فایل‌های گزارش ماه (html، csv، xlsx) را می‌نویسد و آنچه را نیازمند رسیدگی است فهرست می‌کند؛ هرگز چیزی نمی‌پرسد',
  'where the files go (created owner-only); default "reports" beside the database':
    'پوشهٔ فایل‌ها (فقط برای مالک ساخته می‌شود)؛ پیش‌فرض پوشهٔ `reports` کنار پایگاه داده',
  'the month to write (1405-09, آذر, "Azar 1405"); default the current one (and, on its first day, the month just ended)':
    'ماهی که نوشته می‌شود (1405-09، آذر، «آذر ۱۴۰۵»)؛ پیش‌فرض ماه جاری (و در روز نخست آن، ماهی که تازه تمام شده)',
  'most overdue follow-ups, unassigned cases and unanswered referrals to list':
    'بیشترین شمار پیگیری‌های معوق، پرونده‌های بدون کارشناس و ارجاع‌های بی‌پاسخ در فهرست',
  'append timestamped lines (start, files written, what needs attention, errors, end) to this file (created owner-only)':
    'افزودن سطرهای زمان‌دار (آغاز، فایل‌های نوشته‌شده، موارد نیازمند رسیدگی، خطاها، پایان) به این فایل (فقط برای مالک ساخته می‌شود)',
  "show or set the printed report's head: who prepares and who approves it (a blank line to sign by hand when unset) and its number's prefix":
    'نمایش یا تنظیم سربرگ گزارش چاپی: تهیه‌کننده و تأییدکنندهٔ آن (اگر تنظیم نشده باشد، جای خالی برای امضای دستی) و پیشوند شمارهٔ آن',
  'who prepares the report (تهیه‌کننده): staff id, national code or name': 'تهیه‌کنندهٔ گزارش: شناسه، کد ملی یا نام کارمند',
  'print a blank "prepared by" line': 'چاپ سطر «تهیه‌کننده» خالی',
  'who approves it (تأییدکننده), usually the office head: staff id, national code or name':
    'تأییدکنندهٔ گزارش، معمولاً رئیس اداره: شناسه، کد ملی یا نام کارمند',
  'print a blank "approved by" line': 'چاپ سطر «تأییدکننده» خالی',
  'the report number is PREFIX/1405/09 for Azar 1405 (default prefix: the office code)':
    'شمارهٔ گزارش آذر ۱۴۰۵ می‌شود PREFIX/1405/09 (پیشوند پیش‌فرض: کد اداره)',
  'go back to the office code as the prefix': 'بازگشت به کد اداره به عنوان پیشوند',
  "the office's figures of a month or a year for the province: counts only (no names, codes, notes or rows of people), with a checksum":
    'آمار یک ماه یا یک سال اداره برای استان: فقط شمارش‌ها (بدون نام، کد، یادداشت یا سطرهای افراد)، همراه با چکیدهٔ وارسی',
  'a whole Jalali year instead of a month': 'یک سال شمسی کامل به جای یک ماه',
  'the package file to write (owner-only JSON); - for standard output':
    'فایل بسته‌ای که نوشته می‌شود (JSON فقط برای مالک)؛ - برای خروجی استاندارد',

  // audit
  'entries of the audit trail, newest first': 'رویدادهای دفتر رویدادها، به ترتیب از تازه‌ترین',
  'e.g. case, case:12, case:KRJ01-1405-000012, client:3, followup:7':
    'مثلاً `case`، `case:12`، `case:KRJ01-1405-000012`، `client:3`، `followup:7`',
  'only entries of this user (here --actor filters; reading the trail records nothing)':
    'فقط رویدادهای این کاربر (اینجا --actor فقط صافی است؛ خواندن دفتر چیزی ثبت نمی‌کند)',
  'on or after this date': 'در این تاریخ یا پس از آن',
  'on or before this date': 'در این تاریخ یا پیش از آن',

  // demo
  'years of activity, ending today': 'سال‌های فعالیت، تا امروز',
  'size: 1 is a county office (~2,700 cases, ~4,800 services a year)':
    'اندازه: ۱ یعنی یک ادارهٔ شهرستان (حدود ۲٬۷۰۰ پرونده و ۴٬۸۰۰ خدمت در سال)',
  'seed of the made-up data': 'بذر داده‌های ساختگی',
  'replace an earlier demo office in that file (other files are never replaced)':
    'جایگزینی ادارهٔ نمونهٔ پیشین در آن فایل (فایل‌های دیگر هرگز جایگزین نمی‌شوند)',

  // config
  'print one setting as commands see it (from a flag, the environment, the file or the default)':
    'چاپ یک تنظیم همان‌گونه که فرمان‌ها آن را می‌بینند (از گزینه، متغیر محیطی، فایل یا پیش‌فرض)',
  'one of {keys}': 'یکی از {keys}',
  'store a default in your settings file (checked as the flag is; the file is written whole, owner-only)':
    'ذخیرهٔ یک پیش‌فرض در فایل تنظیمات شما (مانند همان گزینه بررسی می‌شود؛ فایل یکجا و فقط برای مالک نوشته می‌شود)',
  'the value, e.g. fa; a db file name is stored as its full path': 'مقدار، مثلاً fa؛ نام فایل db با مسیر کاملش ذخیره می‌شود',
  'remove a default from your settings file (the environment or the built-in default applies again)':
    'حذف یک پیش‌فرض از فایل تنظیمات شما (دوباره متغیر محیطی یا پیش‌فرض داخلی به کار می‌رود)',
  'every setting, its value and where it comes from (flag, env, file or default)':
    'همهٔ تنظیم‌ها، مقدار هر یک و منبع آن (گزینه، متغیر محیطی، فایل یا پیش‌فرض)',
  'print where your settings file is (PARVANDE_CONFIG, else the per-user config folder)':
    'چاپ مسیر فایل تنظیمات شما (PARVANDE_CONFIG، وگرنه پوشهٔ تنظیمات کاربر)',

  // completion
  'bash, zsh or powershell': 'bash، zsh یا `powershell`',
};
