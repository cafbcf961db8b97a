/** Persian of the messages said in training: see src/messages/fa/index.ts. */
export const TRAINING: Readonly<Record<string, string>> = {
  // Enrolments (src/domain/training/enrolments.ts).
  '--{field} is in the future': 'تاریخ --{field} در آینده است',
  '--course is required': 'گزینهٔ --course لازم است',
  'give --staff (staff courses) or --client (community courses)': 'گزینهٔ --staff (دوره‌های کارکنان) یا --client (دوره‌های عمومی) را بدهید',
  'course #{id} is for the community: enrol clients with --client': 'دورهٔ #{id} برای عموم مردم است: مددجویان را با --client ثبت‌نام کنید',
  'course #{id} is for staff: enrol staff with --staff': 'دورهٔ #{id} برای کارکنان است: کارکنان را با --staff ثبت‌نام کنید',
  'staff member #{id} does not work here on {date}': 'کارمند #{id} در {date} در این اداره کار نمی‌کند',
  'client #{id}': 'مددجوی #{id}',
  '{who} is already on course #{id} (enrolment #{enrolment}, {status})': '{who} از پیش در دورهٔ #{id} است (ثبت‌نام #{enrolment}، {status})',
  'give the enrolment id, or --course with --staff or --client': 'شناسهٔ ثبت‌نام را بدهید، یا --course را همراه با --staff یا --client',
  'that person is not on course #{id}': 'این فرد در دورهٔ #{id} نیست',
  'course #{id} starts on {date}; --{field} is before that': 'دورهٔ #{id} از {date} آغاز می‌شود؛ --{field} پیش از آن است',
  'enrolment #{id} is {status}: only an enrolled person can attend':
    'ثبت‌نام #{id} در وضعیت {status} است: تنها فرد ثبت‌نام‌شده می‌تواند حاضر شود',
  'invalid score: expected 0 to 100': 'نمرهٔ نامعتبر: عددی از ۰ تا ۱۰۰ بدهید',
  'enrolment #{id} is {status}: only an enrolled or attending person can complete':
    'ثبت‌نام #{id} در وضعیت {status} است: تنها فرد ثبت‌نام‌شده یا حاضر می‌تواند دوره را به پایان برساند',
  'enrolment #{id} is already {status}': 'ثبت‌نام #{id} از پیش در وضعیت {status} است',
  // Workshops and courses (workshops.ts, courses.ts).
  'a workshop is recorded once held: --date is in the future': 'کارگاه پس از برگزاری ثبت می‌شود: تاریخ --date در آینده است',
  'nothing to update: give at least one field to change': 'چیزی برای به‌روزرسانی نیست: دست‌کم یکی از مشخصات را برای تغییر بدهید',
  'invalid {field}: expected hours such as 12 or 1.5': 'مقدار --{field} نامعتبر است: ساعت را مانند ۱۲ یا ۱٫۵ بدهید',
  'a community course cannot be mandatory for a staff role': 'دورهٔ عمومی نمی‌تواند برای هیچ نقشی از کارکنان الزامی باشد',
  'no course has the title given for --{field}': 'هیچ دوره‌ای عنوانی را که برای --{field} داده شد ندارد',
  '{count} runs of the course titled as given for --{field} exist: give the id ({ids})':
    'دوره‌ای با عنوانی که برای --{field} داده شد {count} بار برگزار شده است: شناسه را بدهید ({ids})',
  'course #{id} has {count} places taken: the capacity cannot go below that':
    '{count} جای دورهٔ #{id} پر شده است: ظرفیت نمی‌تواند از این کمتر باشد',
  'course #{id} has enrolments: its audience cannot change': 'دورهٔ #{id} ثبت‌نام دارد: مخاطبانش را نمی‌توان تغییر داد',
};
