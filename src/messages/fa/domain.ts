/** Persian of the messages said in domain: see src/messages/fa/index.ts. */
export const DOMAIN: Readonly<Record<string, string>> = {
  // Fields: every value a person or a file gives (src/domain/fields.ts).
  '{field} contains a bidi control character ({codePoint}); bidi overrides and isolates are not allowed in text':
    'مقدار --{field} نویسهٔ کنترل جهت متن ({codePoint}) دارد؛ نویسه‌های تغییر یا جداسازی جهت متن پذیرفته نمی‌شود',
  '{field} contains a control character ({codePoint}); control characters are not allowed in text':
    'مقدار --{field} نویسهٔ کنترلی ({codePoint}) دارد؛ نویسه‌های کنترلی در متن پذیرفته نمی‌شود',
  '{field} is {length} characters long; at most {max} allowed': 'مقدار --{field} {length} نویسه است؛ حداکثر {max} نویسه پذیرفته می‌شود',
  '{field} is required': 'مقدار --{field} لازم است',
  '{field} cannot be empty': 'مقدار --{field} نمی‌تواند خالی باشد',
  'reason is required: say why {why}': 'دلیل لازم است: بنویسید چرا {why}',
  'the record is changed': 'این سابقه تغییر می‌کند',
  'the referral is voided': 'این ارجاع باطل می‌شود',
  'invalid {field}: {reason}': 'مقدار --{field} نامعتبر است؛ {reason}',
  'expected one of {codes}': 'باید یکی از این‌ها باشد: {codes}',
  'expected yes or no': 'باید «بله» یا «خیر» باشد',
  'expected a whole number': 'باید عدد صحیح باشد',
  'the number is too large': 'عدد بیش از اندازه بزرگ است',
  'must be at least {min}': 'باید دست‌کم {min} باشد',
  'must be at most {max}': 'باید حداکثر {max} باشد',
  'expected a number of days, e.g. 14d or 2w': 'باید شمار روزها باشد، مثلاً ۱۴ روز یا ۲ هفته',
  'expected 2 to 12 Latin letters or digits, e.g. KRJ01': 'باید ۲ تا ۱۲ حرف لاتین یا رقم باشد، مثلاً KRJ01',
  'expected open, closed or all': 'باید یکی از `open`، `closed` یا `all` باشد',
  'expected scheduled, done, missed, cancelled or all': 'باید یکی از `scheduled`، `done`، `missed`، `cancelled` یا `all` باشد',
  'expected active, left (or inactive) or all': 'باید یکی از `active`، `left` (یا `inactive`) یا `all` باشد',
  '--{field} must be an id: digits only, e.g. 12 or #12': 'مقدار --{field} باید شناسه باشد: فقط رقم، مثلاً ۱۲ یا #۱۲',
  'no case has the id given for --{field}': 'هیچ پرونده‌ای با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no client has the id given for --{field}': 'هیچ مددجویی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no staff member has the id given for --{field}': 'هیچ کارمندی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no center has the id given for --{field}': 'هیچ مرکزی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no follow-up has the id given for --{field}': 'هیچ پیگیری‌ای با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no service has the id given for --{field}': 'هیچ خدمتی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no referral has the id given for --{field}': 'هیچ ارجاعی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no course has the id given for --{field}': 'هیچ دوره‌ای با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no enrolment has the id given for --{field}': 'هیچ ثبت‌نامی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no workshop has the id given for --{field}': 'هیچ کارگاهی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no shift pattern has the id given for --{field}': 'هیچ الگوی شیفتی با شناسهٔ داده‌شده برای --{field} یافت نشد',
  'no roster assignment has the id given for --{field}': 'هیچ نوبت کشیکی با شناسهٔ داده‌شده برای --{field} یافت نشد',

  // National codes, mobiles and phones (national-code.ts, mobile.ts, people/phone.ts).
  'national code is empty; expected 10 digits': 'کد ملی خالی است؛ باید ۱۰ رقم باشد',
  'national code must contain only digits, spaces and dashes': 'کد ملی فقط می‌تواند رقم، فاصله و خط تیره داشته باشد',
  'national code has {count} digits; expected 10': 'کد ملی {count} رقم دارد؛ باید ۱۰ رقم باشد',
  'national code has {count} digits; expected 10 (or 8-9 with leading zeros dropped)':
    'کد ملی {count} رقم دارد؛ باید ۱۰ رقم باشد (یا ۸ تا ۹ رقم، اگر صفرهای آغاز آن افتاده باشد)',
  'national code has {count} digits; expected 10: leading zeros may be missing (codes may begin with 0; type all 10 digits)':
    'کد ملی {count} رقم دارد؛ باید ۱۰ رقم باشد: شاید صفرهای آغاز آن افتاده باشد (کد ملی ممکن است با ۰ آغاز شود؛ هر ۱۰ رقم را وارد کنید)',
  'national code cannot be ten equal digits': 'کد ملی نمی‌تواند ده رقم یکسان باشد',
  'not a valid national code: digits 4 to 9 are never all zero': 'کد ملی معتبر نیست: رقم‌های چهارم تا نهم کد ملی هیچ‌گاه همه صفر نیستند',
  'national code fails the checksum': 'رقم کنترل کد ملی درست نیست',
  'not a valid national code': 'کد ملی معتبر نیست',
  'mobile number is empty; expected e.g. 09121234567': 'شمارهٔ تلفن همراه خالی است؛ شماره‌ای مانند ۰۹۱۲۱۲۳۴۵۶۷ بدهید',
  'mobile number must contain only digits (optionally after a leading +)':
    'شمارهٔ تلفن همراه فقط باید رقم داشته باشد (و در صورت نیاز یک + در آغاز آن)',
  'mobile number must start with 09; landline and other numbers are not accepted':
    'شمارهٔ تلفن همراه باید با ۰۹ آغاز شود؛ تلفن ثابت و شماره‌های دیگر پذیرفته نمی‌شود',
  'mobile number has {count} digits in local form; expected 11 (09 and 9 more)':
    'شمارهٔ تلفن همراه در شکل داخلی {count} رقم دارد؛ باید ۱۱ رقم باشد (۰۹ و ۹ رقم دیگر)',
  'mobile number has a foreign country code; only Iranian (+98) numbers are accepted':
    'شمارهٔ تلفن همراه پیش‌شمارهٔ کشور دیگری دارد؛ فقط شماره‌های ایران (+98) پذیرفته می‌شود',
  'not a canonical mobile number; expected +989 and 9 more digits': 'شمارهٔ تلفن همراه به شکل استاندارد نیست؛ باید +989 و ۹ رقم دیگر باشد',
  'phone number is empty': 'شمارهٔ تلفن خالی است',
  'phone number must contain only digits (optionally after a leading +)':
    'شمارهٔ تلفن فقط باید رقم داشته باشد (و در صورت نیاز یک + در آغاز آن)',
  'phone number has a foreign country code; only Iranian (+98) numbers are accepted':
    'شمارهٔ تلفن پیش‌شمارهٔ کشور دیگری دارد؛ فقط شماره‌های ایران (+98) پذیرفته می‌شود',
  'phone number must be a mobile (09…) or a landline with its area code (0 and 10 digits, e.g. 021 and 8 digits)':
    'شمارهٔ تلفن باید تلفن همراه (۰۹…) یا تلفن ثابت با پیش‌شمارهٔ شهر باشد (۰ و ۱۰ رقم، مثلاً ۰۲۱ و ۸ رقم)',

  // Case files (cases.ts, case-updates.ts).
  '--{field} must be a case id (e.g. 12 or #12) or a case number (e.g. 1405-123 or {office}-1405-000123)':
    'مقدار --{field} باید شناسهٔ پرونده (مثلاً ۱۲ یا #۱۲) یا شمارهٔ پرونده (مثلاً ۱۴۰۵-۱۲۳ یا {office}-۱۴۰۵-۰۰۰۱۲۳) باشد',
  'no case {number}': 'پروندهٔ {number} یافت نشد',
  'give either --client or --anonymous, not both': 'یا --client را بدهید یا --anonymous را، نه هر دو را',
  'client is required: give --client ID, or --anonymous for a caller who stays anonymous':
    'مددجو لازم است: شناسهٔ او را با --client بدهید، یا برای تماس‌گیرنده‌ای که ناشناس می‌ماند --anonymous را',
  'opened date is in the future': 'تاریخ تشکیل پرونده در آینده است',
  'date is in the future': 'تاریخ در آینده است',
  'date is before the case was opened ({date})': 'تاریخ پیش از تشکیل پرونده است ({date})',
  'date is before the case was closed ({date})': 'تاریخ پیش از بسته‌شدن پرونده است ({date})',
  'date is before the case was last reopened ({date})': 'تاریخ پیش از آخرین بازگشایی پرونده است ({date})',
  'case {number} is closed: reopen it before assigning': 'پروندهٔ {number} بسته است: پیش از سپردن آن به کارشناس، پرونده را بازگشایی کنید',
  'case {number} is already assigned to #{worker}': 'پروندهٔ {number} از پیش به کارشناس #{worker} سپرده شده است',
  'case {number} is already closed': 'پروندهٔ {number} از پیش بسته شده است',
  'case {number} is not closed': 'پروندهٔ {number} بسته نیست',
  'the case has a service dated after that closing date (last service {date})':
    'پرونده خدمتی با تاریخی پس از این تاریخ بستن دارد (آخرین خدمت: {date})',
  'the case has a referral dated after that closing date (last referral {date})':
    'پرونده ارجاعی با تاریخی پس از این تاریخ بستن دارد (آخرین ارجاع: {date})',
  'nothing to change: give at least one of {options}': 'چیزی برای تغییر نیست: دست‌کم یکی از این گزینه‌ها را بدهید: {options}',
  'summary is empty: give the corrected text': 'خلاصه خالی است: متن اصلاح‌شده را بدهید',
  'case {number} already has a client: a client is linked to an anonymous case only, once':
    'پروندهٔ {number} از پیش مددجو دارد: مددجو فقط به پروندهٔ ناشناس، آن هم یک بار، پیوند داده می‌شود',
  'nothing to change: case {number} already has these values': 'چیزی برای تغییر نیست: پروندهٔ {number} همین مقادیر را دارد',
  'a change of {fields} needs --reason: say why the record is corrected':
    'تغییر `{fields}` به --reason نیاز دارد: بنویسید چرا این سابقه اصلاح می‌شود',
  'the case has a service dated before that opening date (first service {date})':
    'پرونده خدمتی با تاریخی پیش از این تاریخ تشکیل دارد (نخستین خدمت: {date})',
  'the case was closed or reopened before that opening date ({date})': 'پرونده پیش از این تاریخ تشکیل بسته یا بازگشایی شده است ({date})',
  "the case's timeline has an entry dated before that opening date ({date})":
    'سیر پرونده رویدادی با تاریخی پیش از این تاریخ تشکیل دارد ({date})',

  // Clients (clients.ts, client-merges.ts).
  'birth-date is after the registration date': 'تاریخ تولد (birth-date) پس از تاریخ ثبت است',
  'this national code is already registered to client #{id}': 'این کد ملی پیش‌تر برای مددجوی #{id} ثبت شده است',
  'client #{id} was merged into client #{into}: use #{into}': 'مددجوی #{id} در مددجوی #{into} ادغام شده است: #{into} را به کار ببرید',
  'no client with this national code': 'هیچ مددجویی با این کد ملی یافت نشد',
  '{field} must be a client id or a national code; find a client by name with "parvande client find"':
    'مقدار --{field} باید شناسهٔ مددجو یا کد ملی باشد؛ برای یافتن مددجو با نام، `parvande client find` را به کار ببرید',
  'no client has the id given for --{field}; if it is a national code, leading zeros may be missing: give all 10 digits':
    'هیچ مددجویی با شناسهٔ داده‌شده برای --{field} یافت نشد؛ اگر کد ملی است، شاید صفرهای آغاز آن افتاده باشد: هر ۱۰ رقم را بدهید',
  'nothing to update: give at least one field to change': 'چیزی برای به‌روزرسانی نیست: دست‌کم یکی از مشخصات را برای تغییر بدهید',
  'search text is empty': 'متن جست‌وجو خالی است',
  'a client cannot be merged into itself (#{id})': 'مددجو را نمی‌توان با خودش ادغام کرد (#{id})',
  'client #{id} was already merged into client #{into}': 'مددجوی #{id} پیش‌تر در مددجوی #{into} ادغام شده است',
  'client #{id} was merged into client #{into}: merge into #{into} instead':
    'مددجوی #{id} در مددجوی #{into} ادغام شده است: به‌جای آن، در #{into} ادغام کنید',

  // Follow-ups (followups.ts, followup-plan.ts).
  'due date is before the case was opened ({date})': 'موعد پیش از تشکیل پرونده است ({date})',
  'outcome is required: what did the follow-up find?': 'نتیجه لازم است: پیگیری به چه نتیجه‌ای رسید؟',
  'follow-up #{id} is already done': 'پیگیری #{id} پیش‌تر «انجام شد» ثبت شده است',
  'follow-up #{id} is already missed': 'پیگیری #{id} پیش‌تر «انجام نشد» ثبت شده است',
  'follow-up #{id} is already cancelled': 'پیگیری #{id} پیش‌تر لغو شده است',
  'follow-up #{id} is done: only a scheduled one can be rescheduled':
    'پیگیری #{id} «انجام شد» ثبت شده است: موعد فقط پیگیری برنامه‌ریزی‌شده را می‌توان تغییر داد',
  'follow-up #{id} is missed: only a scheduled one can be rescheduled':
    'پیگیری #{id} «انجام نشد» ثبت شده است: موعد فقط پیگیری برنامه‌ریزی‌شده را می‌توان تغییر داد',
  'follow-up #{id} is cancelled: only a scheduled one can be rescheduled':
    'پیگیری #{id} لغو شده است: موعد فقط پیگیری برنامه‌ریزی‌شده را می‌توان تغییر داد',
  'follow-up #{id} is already due on that day': 'موعد پیگیری #{id} همین روز است',
  'followup-plan is empty: expected days after closing, e.g. 7,30,90':
    'برنامهٔ پیگیری (followup-plan) خالی است: روزهای پس از بستن پرونده را بدهید، مثلاً ۷،۳۰،۹۰',

  // Services (services.ts, service-corrections.ts).
  'case {number} is closed: reopen it before logging a service': 'پروندهٔ {number} بسته است: پیش از ثبت خدمت، پرونده را بازگشایی کنید',
  'a {type} service needs --case; only a hotline-call may be logged without a case':
    'خدمت {type} به --case نیاز دارد؛ فقط hotline-call (تماس تلفنی ۱۲۳) را می‌توان بدون پرونده ثبت کرد',
  'nothing to correct: give at least one of --type, --date, --worker, --minutes, --note':
    'چیزی برای اصلاح نیست: دست‌کم یکی از --type، --date، --worker، --minutes یا --note را بدهید',
  'service #{id} is void: it cannot be corrected': 'خدمت #{id} باطل شده است و نمی‌توان آن را اصلاح کرد',
  'date is before case {number} was opened ({date})': 'تاریخ پیش از تشکیل پروندهٔ {number} است ({date})',
  'date is after case {number} was closed ({date})': 'تاریخ پس از بسته‌شدن پروندهٔ {number} است ({date})',
  'nothing to correct: service #{id} already has these values': 'چیزی برای اصلاح نیست: خدمت #{id} همین مقادیر را دارد',
  'service #{id} is already void': 'خدمت #{id} پیش‌تر باطل شده است',

  // Referrals (referrals.ts).
  'reason is required: why is the case referred?': 'دلیل لازم است: پرونده چرا ارجاع می‌شود؟',
  'case {number} was closed on {date}: a referral after that needs the case reopened first':
    'پروندهٔ {number} در {date} بسته شده است: برای ارجاع پس از آن، نخست پرونده را بازگشایی کنید',
  'referral #{id} is void': 'ارجاع #{id} باطل شده است',
  'referral #{id} was answered on {date}: to send it again, record a new referral with "parvande referral add"':
    'به ارجاع #{id} در {date} پاسخ داده شده است: برای فرستادن دوباره، ارجاع تازه‌ای با `parvande referral add` ثبت کنید',
  'referral #{id} is already accepted': 'ارجاع #{id} پیش‌تر «پذیرفته شد» ثبت شده است',
  'referral #{id} is already declined': 'ارجاع #{id} پیش‌تر «نپذیرفت» ثبت شده است',
  'date is before the referral was sent ({date})': 'تاریخ پیش از فرستادن ارجاع است ({date})',
  "date is before the referral's latest entry ({date})": 'تاریخ پیش از آخرین مرحلهٔ ثبت‌شدهٔ ارجاع است ({date})',
  'referral #{id} is already void': 'ارجاع #{id} پیش‌تر باطل شده است',

  // Staff and centers (staff.ts, centers.ts).
  'staff member #{id} already has this national code': 'کارمند #{id} همین کد ملی را دارد',
  'start-date must be before the date the person left': 'تاریخ شروع کار (start-date) باید پیش از تاریخ ترک خدمت باشد',
  'a new staff member is active; record a leaving with "staff deactivate --date"':
    'کارمند تازه فعال ثبت می‌شود؛ ترک خدمت را با `staff deactivate --date` ثبت کنید',
  'no staff member has the national code given for --{field}': 'هیچ کارمندی با کد ملی داده‌شده برای --{field} یافت نشد',
  '--{field} must be a staff id (e.g. 12 or #12), a national code or a name':
    'مقدار --{field} باید شناسهٔ کارمند (مثلاً ۱۲ یا #۱۲)، کد ملی یا نام او باشد',
  'no staff member has the name given for --{field}': 'هیچ کارمندی با نام داده‌شده برای --{field} یافت نشد',
  '{count} staff members share the name given for --{field}: give the id ({ids})':
    '{count} کارمند نام داده‌شده برای --{field} را دارند: شناسه را بدهید ({ids})',
  'staff member #{id} is no longer active': 'کارمند #{id} دیگر فعال نیست',
  '--date is in the future: record the leaving on the day': 'تاریخ --date در آینده است: ترک خدمت را در همان روز ثبت کنید',
  'staff member #{id} is already inactive': 'کارمند #{id} پیش‌تر غیرفعال شده است',
  'the leaving date must be after the start date': 'تاریخ ترک خدمت باید پس از تاریخ شروع کار باشد',
  'a center with this name exists already (#{id})': 'مرکزی با همین نام پیش‌تر ثبت شده است (#{id})',
  '--{field} must be a center id (e.g. 3 or #3) or a name': 'مقدار --{field} باید شناسهٔ مرکز (مثلاً ۳ یا #۳) یا نام آن باشد',
  'no center has the name given for --{field}': 'هیچ مرکزی با نام داده‌شده برای --{field} یافت نشد',

  // The office and the audit trail (office.ts, audit-trail.ts).
  'this database belongs to office {office}; its code cannot change':
    'این پایگاه داده از آنِ ادارهٔ {office} است؛ کد اداره را نمی‌توان تغییر داد',
  'this database has no office yet: run "parvande init --office-code C --office-name N"':
    'این پایگاه داده هنوز اداره‌ای ندارد: `parvande init --office-code C --office-name N` را اجرا کنید',
  '--from is after --to': 'تاریخ --from پس از --to است',
};
