/** Persian of the messages said in operations: see src/messages/fa/index.ts. */
export const OPERATIONS: Readonly<Record<string, string>> = {
  // roster
  Service: 'خدمت',
  'Shift name': 'نام کشیک',
  'Start time (HH:MM)': 'ساعت شروع (ساعت:دقیقه)',
  'End time (HH:MM)': 'ساعت پایان (ساعت:دقیقه)',
  'Staff (type part of the name or the id)': 'کارمند (بخشی از نام یا شناسه را بنویسید)',
  'Shift pattern (id or name)': 'الگوی کشیک (شناسه یا نام)',
  'not assigned on {date}: {reason}': 'برای {date} کشیک تعیین نشد: {reason}',
  'removed {count} assignment(s)': '{count} کشیک از برنامه برداشته شد',

  // training
  Title: 'عنوان',
  Hours: 'مدت (ساعت)',
  'First day': 'نخستین روز',
  'Last day': 'آخرین روز',
  Topic: 'موضوع',
  'Date held': 'تاریخ برگزاری',
  'Course (id or title)': 'دوره (شناسه یا عنوان)',
  'enrolment #{id}': 'ثبت‌نام #{id}',
  'moved up from the waiting list: {enrolments}': 'از فهرست انتظار به ثبت‌نام قطعی رسید: {enrolments}',
  'enrolment #{id} waits at position {position}': 'ثبت‌نام #{id} در نوبت {position} فهرست انتظار است',
  'the course is full: {waiting}': 'ظرفیت دوره پر است: {waiting}',
  'enrolment #{id} moved up from the waiting list': 'ثبت‌نام #{id} از فهرست انتظار به ثبت‌نام قطعی رسید',

  // report
  '--json and --format {format} both print on stdout: add --out FILE for the {format} file':
    '--json و --format {format} هر دو در خروجی استاندارد چاپ می‌کنند: برای فایل {format} گزینهٔ --out FILE را بدهید',
  '--format xlsx needs --out FILE (or --out - for standard output)':
    '--format xlsx به --out FILE نیاز دارد (یا --out - برای خروجی استاندارد)',
  "{option} narrows one office's report: give one --db": '{option} گزارش یک اداره را محدود می‌کند: فقط یک --db بدهید',
  'wrote {file}': '{file} نوشته شد',

  // report package
  '--package makes a monthly or a year report': 'با --package فقط گزارش ماهانه یا سالانه ساخته می‌شود',
  'give --package files or several --db files, not both': 'یا فایل‌های --package را بدهید یا چند فایل --db را، نه هر دو',
  "a package holds an office's totals: --center and --worker do not apply":
    'بستهٔ گزارش فقط جمع‌های یک اداره را دارد: --center و --worker در آن به کار نمی‌آیند',
  '{package} cannot be read': '{package} خوانده نمی‌شود',
  'report package reads one office: give one --db': '`report package` فقط یک اداره را می‌خواند: یک --db بدهید',
  'give --month or --year, not both': '--month یا --year را بدهید، نه هر دو',
  'report package needs --out FILE (or --out - for standard output)':
    '`report package` به --out FILE نیاز دارد (یا --out - برای خروجی استاندارد)',
  'wrote the year package of {office} for {period} to {file} (sha256 {hash}…)':
    'بستهٔ گزارش سالانهٔ {office} برای {period} در {file} نوشته شد (sha256 {hash}…)',
  'wrote the monthly package of {office} for {period} to {file} (sha256 {hash}…)':
    'بستهٔ گزارش ماهانهٔ {office} برای {period} در {file} نوشته شد (sha256 {hash}…)',

  // report nightly: its stderr and its result (its --log stays English, as its ids and ISO days)
  'unexpected failure': 'خطای پیش‌بینی‌نشده',
  'the audit trail could not record this run: {why}': 'دفتر رویدادها نتوانست این اجرا را ثبت کند: {why}',
  'report nightly reads one office: give one --db': '`report nightly` فقط یک اداره را می‌خواند: یک --db بدهید',
  '--log {file} is one of the report files of this run: give the log another name':
    '--log {file} یکی از فایل‌های گزارش همین اجراست: برای --log نام دیگری بدهید',
  'audit trail: {count} entries, head {head}': 'دفتر رویدادها: {count} رویداد، سر زنجیره {head}',
  'overdue follow-up {id}: case {case}, due {due}, worker {worker}': 'پیگیری معوق {id}: پرونده {case}، موعد {due}، کارشناس {worker}',
  '… {count} more overdue follow-ups: see the report files': '… {count} پیگیری معوق دیگر: فایل‌های گزارش را ببینید',
  'open case with nobody assigned: {case} (opened {opened}, risk {risk})': 'پروندهٔ باز بدون کارشناس: {case} (تشکیل {opened}، خطر {risk})',
  '… {count} more open cases with nobody assigned: see the report files': '… {count} پروندهٔ باز دیگر بدون کارشناس: فایل‌های گزارش را ببینید',
  'referral {id} with no answer after {days} days: case {case}, sent {sent} to {agency}, worker {worker}':
    'ارجاع {id} پس از {days} روز بی‌پاسخ: پرونده {case}، فرستاده‌شده در {sent} به {agency}، کارشناس {worker}',
  '… {count} more referrals with no answer: see the report files': '… {count} ارجاع بی‌پاسخ دیگر: فایل‌های گزارش را ببینید',
  'parvande nightly {office} {month}: {services} services, {opened} cases opened, {open} open, {followups} follow-ups overdue, {unassigned} open cases unassigned, {referrals} referrals with no answer; {files} files in {folder}':
    'اجرای شبانهٔ {office} {month}: {services} خدمت، {opened} پروندهٔ تشکیل‌شده، {open} پروندهٔ باز، {followups} پیگیری معوق، {unassigned} پروندهٔ باز بدون کارشناس، {referrals} ارجاع بی‌پاسخ؛ {files} فایل در {folder}',

  // audit
  Command: 'فرمان',
  Action: 'عمل',
  Record: 'سابقه',
  Fields: 'فیلدها',

  // demo
  'built in {seconds} s': 'در {seconds} ثانیه ساخته شد',
  'rebuilt in {seconds} s': 'در {seconds} ثانیه از نو ساخته شد',
  'demo office {office} in {path}: {centers} centers, {staff} staff, {clients} clients, {cases} cases, {services} services, {followups} follow-ups ({from} to {to}, seed {seed})':
    'دفتر نمونه {office} در {path}: {centers} مرکز، {staff} کارمند، {clients} مددجو، {cases} پرونده، {services} خدمت، {followups} پیگیری ({from} تا {to}، بذر {seed})',

  // config
  '{variable} is set and wins over the file while it is': '{variable} تنظیم شده است و تا وقتی هست، بر فایل تنظیمات مقدم است',
  '{key} removed ({path})': '{key} حذف شد ({path})',
  '{key} was not set in {path}': '{key} در {path} تنظیم نشده بود',
  key: 'کلید',
  value: 'مقدار',
  from: 'منبع',
  // config --help: the keys after the options
  'Keys:': 'کلیدها:',
  'labels and digits: en or fa (default en)': 'زبان برچسب‌ها و رقم‌ها: en یا fa (پیش‌فرض en)',
  'how dates are shown: jalali or gregorian (default jalali)': 'تقویم نمایش تاریخ‌ها: jalali یا gregorian (پیش‌فرض jalali)',
  'the office file when no --db is given (default: your data folder)': 'فایل اداره وقتی --db داده نشود (پیش‌فرض: پوشهٔ دادهٔ شما)',
  'who acts, for the audit trail (default: your login name)': 'چه کسی کار را انجام می‌دهد، برای دفتر رویدادها (پیش‌فرض: نام کاربری شما)',
  'flag --{flag}, env {env}': 'گزینهٔ --{flag}، متغیر محیطی {env}',
  'A flag wins over its environment variable, which wins over the settings file,\nwhich wins over the default.':
    'گزینهٔ فرمان بر متغیر محیطی‌اش مقدم است، متغیر محیطی بر فایل تنظیمات،\nو فایل تنظیمات بر پیش‌فرض.',

  // completion
  // completion --help: how to install each script (the lines to add stay as they are typed)
  'Install (once; then open a new terminal):': 'نصب (یک بار؛ سپس یک پایانهٔ تازه باز کنید):',
  '  bash        add to ~/.bashrc:        {line}': '  bash: این سطر را به `~/.bashrc` بیفزایید:\n    $ {line}',
  '  zsh         add to ~/.zshrc, after compinit:   {line}': '  zsh: این سطر را پس از `compinit` به `~/.zshrc` بیفزایید:\n    $ {line}',
  '  PowerShell  add to your profile (notepad $PROFILE):\n              {line}':
    '  PowerShell: این سطر را به پروفایل خود بیفزایید (`notepad $PROFILE`):\n    $ {line}',
  "The script is made from this version's commands: after an upgrade, the next terminal has the new ones.":
    'اسکریپت از فرمان‌های همین نسخه ساخته می‌شود: پس از ارتقا، پایانهٔ بعدی فرمان‌های تازه را دارد.',
  'unknown shell: expected bash, zsh or powershell': 'پوستهٔ ناشناخته: یکی از bash، zsh یا `powershell` را بدهید',
  flag: 'گزینهٔ فرمان',
  env: 'متغیر محیطی',
  file: 'فایل تنظیمات',
  default: 'پیش‌فرض',
  'rows {count}, {format}, redacted': '{count} ردیف، {format}، بی‌نام‌شده',
  'rows {count}, {format}, not redacted': '{count} ردیف، {format}، بی‌نام‌نشده',
};
