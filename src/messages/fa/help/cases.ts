/** Persian of the --help texts of cases: see src/messages/fa/help/index.ts. */
export const CASES: Readonly<Record<string, string>> = {
  // Options many commands share (src/commands/page-options.ts, shared.ts) and their common words.
  'table (the terminal) or html (a web page, right to left under fa)': '`table` (در پایانه) یا html (صفحهٔ وب، راست‌به‌چپ با زبان fa)',
  'write the html page to this file (owner-only); - for standard output':
    'نوشتن صفحهٔ html در این فایل (فقط برای مالک)؛ - برای خروجی استاندارد',
  'replace an existing --out file (never a database)': 'جایگزینی فایل موجودِ --out (هرگز پایگاه داده)',
  'show the html page in the default browser (written to a new owner-only temporary file)':
    'نمایش صفحهٔ html در مرورگر پیش‌فرض (در یک فایل موقت تازه، فقط برای مالک، نوشته می‌شود)',
  'most rows to show': 'بیشترین شمار سطرهای نمایش‌داده‌شده',
  'default today': 'پیش‌فرض امروز',
  'staff id or full name': 'شناسه یا نام کامل کارمند',
  'center id or name': 'شناسه یا نام مرکز',
  'client id or national code': 'شناسه یا کد ملی مددجو',
  'case number or id': 'شماره یا شناسهٔ پرونده',
  'channel: {codes}': 'مسیر دریافت: {codes}',
  'risk level: {codes}': 'سطح خطر: {codes}',
  'days, 1 to 365': 'روز، ۱ تا ۳۶۵',
  'on or after': 'در این تاریخ یا پس از آن',
  'on or before': 'در این تاریخ یا پیش از آن',
  'why it is voided (required)': 'علت ابطال (لازم است)',
  note: 'یادداشت',
  county: 'شهرستان',

  // case
  'open a case file for a client, or an anonymous one (hotline callers often stay anonymous)':
    'تشکیل پرونده برای یک مددجو، یا پروندهٔ ناشناس (تماس‌گیرندگان خط ۱۲۳ اغلب ناشناس می‌مانند)',
  'the person stays anonymous': 'فرد ناشناس می‌ماند',
  'primary problem: {codes}': 'مسئلهٔ اصلی: {codes}',
  'further problems, comma separated': 'مسائل دیگر، جداشده با ویرگول',
  'assigned worker: staff id or full name': 'کارشناس پرونده: شناسه یا نام کامل کارمند',
  'opening date (default today)': 'تاریخ تشکیل (پیش‌فرض امروز)',
  'short description': 'شرح کوتاه',
  'a case with its timeline, services and follow-ups (the view is recorded)':
    'یک پرونده با سیر پرونده، خدمات و پیگیری‌هایش (همین دیدن در دفتر رویدادها ثبت می‌شود)',
  'case number (KRJ01-1405-000012), 1405-12, or id': 'شمارهٔ پرونده (KRJ01-1405-000012)، 1405-12 یا شناسه',
  'cases, most urgent first (open before closed, then by risk, then oldest)':
    'پرونده‌ها، به ترتیب فوریت (باز پیش از بسته، سپس بر پایهٔ سطح خطر، سپس قدیمی‌ترها)',
  'open, closed or all': '`open` (باز)، `closed` (بسته) یا `all` (همه)',
  'assigned worker': 'کارشناس پرونده',
  'only cases with nobody assigned': 'فقط پرونده‌هایی که به هیچ کارشناسی واگذار نشده‌اند',
  'carrying this problem (primary or further)': 'دارای این مسئله (اصلی یا دیگر)',
  'opened on or after': 'تشکیل‌شده در این تاریخ یا پس از آن',
  'opened on or before': 'تشکیل‌شده در این تاریخ یا پیش از آن',
  'assign (or reassign) the case to a worker': 'واگذاری پرونده (یا واگذاری دوباره) به یک کارشناس',
  case: 'پرونده',
  'add a note to the case timeline': 'افزودن یادداشت به سیر پرونده',
  'the note': 'متن یادداشت',
  'close the case; optionally schedule a follow-up plan': 'بستن پرونده؛ و در صورت نیاز، برنامه‌ریزی پیگیری‌ها',
  'reason for closing: {codes}': 'علت بستن: {codes}',
  'closing date (default today)': 'تاریخ بستن (پیش‌فرض امروز)',
  'closing note': 'یادداشت بستن',
  'schedule follow-ups this many days after closing, e.g. 7,30,90': 'برنامه‌ریزی پیگیری در این روزها پس از بستن، مثلاً ۷،۳۰،۹۰',
  'who does the planned follow-ups (default the case worker)': 'انجام‌دهندهٔ پیگیری‌های برنامه‌ریزی‌شده (پیش‌فرض کارشناس پرونده)',
  'reopen a closed case': 'بازگشایی پروندهٔ بسته',
  'why it is reopened': 'علت بازگشایی',
  'correct or complete a case: risk, problems, center, summary, channel, opening date, client of an anonymous case':
    'اصلاح یا تکمیل پرونده: سطح خطر، مسائل، مرکز، خلاصه، مسیر دریافت، تاریخ تشکیل، مددجوی پروندهٔ ناشناس',
  'the primary problem: {codes}': 'مسئلهٔ اصلی: {codes}',
  'the further problems, comma separated, replacing the list ("" for none)':
    'مسائل دیگر، جداشده با ویرگول، به جای فهرست ثبت‌شده ("" برای هیچ)',
  'short description, replacing the one recorded': 'شرح کوتاه، به جای شرح ثبت‌شده',
  'the opening date': 'تاریخ تشکیل پرونده',
  'link an anonymous case to a registered client (id or national code), once':
    'پیوند دادن پروندهٔ ناشناس به مددجوی ثبت‌شده (شناسه یا کد ملی)، تنها یک بار',
  'why the record is corrected (needed for --opened, --channel, --category, --categories)':
    'علت اصلاح سابقه (برای --opened، --channel، --category و --categories لازم است)',
  "show or set the days an open high- or critical-risk case may go without a service before its worker's worklist shows it (default 7)":
    'نمایش یا تنظیم شمار روزهایی که پروندهٔ باز با خطر زیاد یا بحرانی می‌تواند بی‌خدمت بماند، پیش از آنکه در کار روزانهٔ کارشناسش بیاید (پیش‌فرض ۷)',

  // client
  'register a client; warns when the name matches someone already registered':
    'ثبت مددجو؛ اگر نام با کسی که پیش‌تر ثبت شده یکی باشد، هشدار می‌دهد',
  'first name (نام)': 'نام',
  'last name (نام خانوادگی)': 'نام خانوادگی',
  'national code (کد ملی), 10 digits, checksum-checked': 'کد ملی، ۱۰ رقم، با وارسی رقم کنترل',
  'birth date, Jalali (1370/05/12) or ISO': 'تاریخ تولد، شمسی (۱۳۷۰/۰۵/۱۲) یا ISO',
  'female or male (زن / مرد)': 'female (زن) یا male (مرد)',
  'mobile number, 09xxxxxxxxx or +989xxxxxxxxx': 'شمارهٔ تلفن همراه، 09xxxxxxxxx یا +989xxxxxxxxx',
  address: 'نشانی',
  'county (شهرستان)': 'شهرستان',
  'lives in an informal settlement': 'ساکن سکونتگاه غیررسمی',
  'a woman heads the household': 'زن سرپرست خانوار',
  notes: 'یادداشت',
  'registration date (default today)': 'تاریخ ثبت (پیش‌فرض امروز)',
  'registration date': 'تاریخ ثبت',
  "change a client's details": 'تغییر مشخصات مددجو',
  "one client's record": 'مشخصات یک مددجو',
  "merge two records of one person: OTHER's cases and enrolments move to KEEP, KEEP's empty fields are filled from OTHER, and OTHER stays as a pointer to KEEP":
    'ادغام دو سابقهٔ یک نفر: پرونده‌ها و ثبت‌نام‌های OTHER به KEEP منتقل می‌شود، جاهای خالی KEEP از OTHER پر می‌شود و OTHER تنها به KEEP اشاره می‌کند',
  'do not ask for confirmation (required without a terminal)': 'بدون پرسیدن تأیید (بیرون از پایانه لازم است)',
  'the client kept: id or national code': 'مددجویی که می‌ماند: شناسه یا کد ملی',
  'the client merged into it: id or national code': 'مددجویی که در آن ادغام می‌شود: شناسه یا کد ملی',
  'clients, newest first': 'مددجویان، به ترتیب از تازه‌ترین',
  'only this county': 'فقط این شهرستان',
  'only those living (or not) in informal settlements': 'فقط ساکنان سکونتگاه‌های غیررسمی (یا فقط دیگران)',
  'only women heads of household (or not)': 'فقط زنان سرپرست خانوار (یا فقط دیگران)',
  'search clients by name, national code or mobile': 'جستجوی مددجویان با نام، کد ملی یا تلفن همراه',
  'part of a name (any spelling of ی/ک, with or without spaces), a national code or a mobile number':
    'بخشی از نام (با هر املای ی/ک، با فاصله یا بی‌فاصله)، کد ملی یا شمارهٔ تلفن همراه',

  // service
  'log a service on a case (a hotline call may have no case)': 'ثبت خدمت در پرونده (تماس خط ۱۲۳ می‌تواند بی‌پرونده باشد)',
  'service type: {codes}': 'نوع خدمت: {codes}',
  'who gave it (default: for a hotline call or mobile-team operation the person on duty, else the case worker)':
    'ارائه‌دهندهٔ خدمت (پیش‌فرض: برای تماس خط ۱۲۳ یا عملیات تیم سیار، فرد کشیک؛ وگرنه کارشناس پرونده)',
  'duration in minutes': 'مدت به دقیقه',
  'services, newest first': 'خدمات، به ترتیب از تازه‌ترین',
  'only voided services': 'فقط خدمات باطل‌شده',
  'voided services too (by default they are left out)': 'خدمات باطل‌شده هم (به طور پیش‌فرض کنار گذاشته می‌شوند)',
  'correct a service logged with a wrong value; the case timeline and the audit trail say what was changed and why':
    'اصلاح خدمتی که با مقدار نادرست ثبت شده؛ سیر پرونده و دفتر رویدادها نشان می‌دهند چه چیزی و چرا تغییر کرد',
  'service id': 'شناسهٔ خدمت',
  'the day it was given (within its case: not before opening, not after closing)':
    'روز ارائهٔ خدمت (در بازهٔ پرونده: نه پیش از تشکیل، نه پس از بستن)',
  'who gave it: staff id or full name (someone who has left too)': 'ارائه‌دهنده: شناسه یا نام کامل کارمند (کسی که رفته است هم)',
  'duration in minutes ("" clears it)': 'مدت به دقیقه ("" آن را پاک می‌کند)',
  'note ("" clears it)': 'یادداشت ("" آن را پاک می‌کند)',
  'why the record is corrected (required)': 'علت اصلاح سابقه (لازم است)',
  'void a service logged by mistake: it stays in the record, marked, and leaves every count and list':
    'ابطال خدمتی که به اشتباه ثبت شده: با نشان ابطال در سوابق می‌ماند و از همهٔ شمارش‌ها و فهرست‌ها بیرون می‌رود',

  // followup
  'schedule a follow-up on a case': 'برنامه‌ریزی پیگیری برای یک پرونده',
  'due date: 1405/09/20, +7d, ...': 'موعد: ۱۴۰۵/۰۹/۲۰، +7d، ...',
  'who follows up (default the case worker)': 'انجام‌دهندهٔ پیگیری (پیش‌فرض کارشناس پرونده)',
  'what to check': 'آنچه باید بررسی شود',
  'record a follow-up as done, with its outcome': 'ثبت انجام پیگیری، با نتیجهٔ آن',
  'record that a follow-up could not be made': 'ثبت انجام‌نشدن پیگیری',
  'cancel a follow-up that is no longer needed': 'لغو پیگیری‌ای که دیگر لازم نیست',
  'follow-up id': 'شناسهٔ پیگیری',
  'what the follow-up found': 'یافتهٔ پیگیری',
  why: 'علت',
  'move a scheduled follow-up to another due date; the case timeline keeps the date it was due before':
    'بردن پیگیری برنامه‌ریزی‌شده به موعدی دیگر؛ موعد پیشین در سیر پرونده می‌ماند',
  'new due date: 1405/09/20, +7d, ...': 'موعد تازه: ۱۴۰۵/۰۹/۲۰، +7d، ...',
  'why it moves': 'علت تغییر موعد',
  'follow-ups, earliest due first (scheduled ones unless --status says otherwise)':
    'پیگیری‌ها، به ترتیب از نزدیک‌ترین موعد (برنامه‌ریزی‌شده‌ها، مگر آنکه --status چیز دیگری بخواهد)',
  'only scheduled ones past their due date': 'فقط برنامه‌ریزی‌شده‌هایی که موعدشان گذشته است',
  'due before this date': 'با موعد پیش از این تاریخ',
  'scheduled, done, missed, cancelled or all':
    '`scheduled` (برنامه‌ریزی‌شده)، `done` (انجام‌شده)، `missed` (انجام‌نشده)، `cancelled` (لغوشده) یا `all` (همه)',

  // referral
  'record that a case was referred to another agency (status: sent)': 'ثبت ارجاع پرونده به دستگاهی دیگر (وضعیت: sent)',
  'kind of agency: {codes}': 'نوع دستگاه: {codes}',
  "the agency's name, e.g. the police station or hospital": 'نام دستگاه، مثلاً کلانتری یا بیمارستان',
  'day it was sent (default today)': 'روز ارسال (پیش‌فرض امروز)',
  'why the case is referred': 'علت ارجاع پرونده',
  "record the agency's answer (or a reminder sent again); each change is kept in the referral's history":
    'ثبت پاسخ دستگاه (یا یادآوری دوباره)؛ هر تغییر در تاریخچهٔ ارجاع می‌ماند',
  'referral id': 'شناسهٔ ارجاع',
  '{codes} (sent again: a reminder, while no answer has come)': '{codes} (ثبت دوبارهٔ sent یعنی یادآوری، تا وقتی پاسخی نرسیده است)',
  'day of the answer (default today)': 'روز پاسخ (پیش‌فرض امروز)',
  'what the agency said': 'پاسخ دستگاه',
  "referrals, oldest first, with the case's worker (who chases the answer)":
    'ارجاع‌ها، به ترتیب از قدیمی‌ترین، با کارشناس پرونده (که پاسخ را پیگیری می‌کند)',
  'only those with no answer yet': 'فقط ارجاع‌هایی که هنوز پاسخی نگرفته‌اند',
  'sent more than this many days ago: 14d, 2w': 'ارسال‌شده بیش از این مدت پیش: 14d، 2w',
  "the case's worker: staff id or full name": 'کارشناس پرونده: شناسه یا نام کامل کارمند',
  'voided referrals too (by default they are left out)': 'ارجاع‌های باطل‌شده هم (به طور پیش‌فرض کنار گذاشته می‌شوند)',
  'void a referral recorded by mistake: it stays in the record, marked, and leaves every count and list':
    'ابطال ارجاعی که به اشتباه ثبت شده: با نشان ابطال در سوابق می‌ماند و از همهٔ شمارش‌ها و فهرست‌ها بیرون می‌رود',
  'show or set the days an agency has to answer before the nightly run lists the referral (default 14)':
    'نمایش یا تنظیم مهلت پاسخ دستگاه به روز، پیش از آنکه اجرای شبانه ارجاع را فهرست کند (پیش‌فرض ۱۴)',

  // worklist
  'staff id, national code or full name (on a terminal, default: the acting user when a staff member)':
    'شناسه، کد ملی یا نام کامل کارمند (در پایانه، پیش‌فرض: کاربر انجام‌دهنده، اگر از کارکنان باشد)',

  // center
  'add a center': 'افزودن مرکز',
  'center name': 'نام مرکز',
  'kind of center: {codes}': 'نوع مرکز: {codes}',
  'gov or ngo (دولتی / غیردولتی)': 'gov (دولتی) یا ngo (غیردولتی)',
  'places (pseudo-family homes must not exceed it)': 'ظرفیت (مراکز شبه‌خانواده نباید از آن فراتر روند)',
  'all centers': 'همهٔ مراکز',
  'gov or ngo': 'gov (دولتی) یا ngo (غیردولتی)',
  'one center with its open cases and staff': 'یک مرکز با پرونده‌های باز و کارکنانش',

  // staff
  'add a staff member to the register': 'افزودن کارمند به فهرست کارکنان',
  'first name': 'نام',
  'last name': 'نام خانوادگی',
  'role: {codes}': 'سمت: {codes}',
  'national code (کد ملی), 10 digits with its check digit': 'کد ملی، ۱۰ رقم با رقم کنترل',
  'degree: {codes}': 'مدرک تحصیلی: `{codes}`',
  'field of study, e.g. social work, psychology': 'رشتهٔ تحصیلی، مثلاً مددکاری اجتماعی، روانشناسی',
  "membership number in the social workers' association": 'شمارهٔ عضویت در انجمن مددکاران اجتماعی',
  'mobile (09…) or landline with area code (021…)': 'تلفن همراه (۰۹…) یا تلفن ثابت با پیش‌شماره (۰۲۱…)',
  'first working day': 'نخستین روز کاری',
  'the register, active first': 'فهرست کارکنان، نخست کارکنان فعال',
  'active, left (or inactive) or all': '`active` (فعال)، `left` یا `inactive` (رفته) یا `all` (همه)',
  'add open cases, follow-ups due in the next 7 days and overdue follow-ups':
    'همراه با پرونده‌های باز، پیگیری‌های ۷ روز آینده و پیگیری‌های معوق',
  'one staff member with caseload: open cases, follow-ups due this week, overdue':
    'یک کارمند با بار کاری‌اش: پرونده‌های باز، پیگیری‌های این هفته، پیگیری‌های معوق',
  "change a staff member's details (an empty value clears an optional field)":
    'تغییر مشخصات کارمند (مقدار خالی، یک مشخصهٔ اختیاری را پاک می‌کند)',
  'yes: rejoins (clears the leaving date); no: leaves today, as "staff leave"':
    '`yes`: بازگشت به کار (تاریخ ترک کار پاک می‌شود)؛ `no`: ترک کار از امروز، همانند «parvande staff leave»',
  'record that a staff member left; their shifts from that day on are taken off the roster':
    'ثبت ترک کار کارمند؛ کشیک‌های او از آن روز به بعد از برنامهٔ کشیک برداشته می‌شود',
  'the first day they no longer work here (default today)': 'نخستین روزی که دیگر اینجا کار نمی‌کند (پیش‌فرض امروز)',
};
