/** Persian of the messages said in roster: see src/messages/fa/index.ts. */
export const ROSTER: Readonly<Record<string, string>> = {
  // Times and dates as typed (src/domain/roster/clock.ts).
  'invalid time for --{field}: expected HH:MM, e.g. 08:00 or 20:30':
    'ساعت نامعتبر برای --{field}: به شکل HH:MM بدهید، مانند ۰۸:۰۰ یا ۲۰:۳۰',
  'invalid date and time for --{field}': 'تاریخ و ساعت نامعتبر برای --{field}',
  'invalid date and time for --{field}: expected e.g. "1405/09/04 22:30", 2026-11-25T22:30, 22:30 or now':
    'تاریخ و ساعت نامعتبر برای --{field}: مانند «۱۴۰۵/۰۹/۰۴ ۲۲:۳۰»، `2026-11-25T22:30`، ۲۲:۳۰ یا «اکنون» بدهید',
  // Ranges and repeats (coverage.ts, repeat.ts; also training and reports).
  '--to is before --from': 'تاریخ --to پیش از --from است',
  'the range has {days} days; at most {max} at a time': 'این بازه {days} روز است؛ هر بار حداکثر {max} روز',
  'give --week or --month, not both': 'یکی از --week یا --month را بدهید، نه هر دو را',
  'give --service or --staff, not both': 'یکی از --service یا --staff را بدهید، نه هر دو را',
  'invalid --repeat: expected {words} or weekday names such as saturday or saturday,tuesday':
    'مقدار --repeat نامعتبر است: یکی از {words} یا نام روزهای هفته را بدهید، مانند `saturday` یا `saturday,tuesday` (یا شنبه، سه‌شنبه)',
  '--repeat is empty': 'مقدار --repeat خالی است',
  // Assignments (assignments.ts).
  'give either --date or --from/--to, not both': 'یا --date را بدهید یا --from و --to را، نه هر دو را',
  '--repeat needs --from and --to': 'گزینهٔ --repeat به --from و --to نیاز دارد',
  'give --date, or --from and --to (with --repeat)': 'گزینهٔ --date را بدهید، یا --from و --to را (همراه با --repeat)',
  '--staff is required': 'گزینهٔ --staff لازم است',
  '--pattern is required': 'گزینهٔ --pattern لازم است',
  'the repeat picks no date in that range': 'با این --repeat هیچ روزی در آن بازه انتخاب نمی‌شود',
  '{date}: {reason}; nothing was assigned (add --skip-conflicts to assign the other dates)':
    '{date}: {reason}؛ هیچ نوبتی ثبت نشد (برای ثبت روزهای دیگر، --skip-conflicts را بیفزایید)',
  'give assignment ids, or --staff with --date or --from/--to, not both':
    'یا شناسهٔ نوبت‌ها را بدهید یا --staff را همراه با --date یا --from و --to، نه هر دو را',
  'give assignment ids, or --staff with --date or --from/--to': 'شناسهٔ نوبت‌ها را بدهید، یا --staff را همراه با --date یا --from و --to',
  'staff member #{id} has no shift there': 'کارمند #{id} در این بازه کشیکی ندارد',
  'give two different assignments': 'دو نوبت متفاوت بدهید',
  "both assignments are staff member #{id}'s: nothing to swap": 'هر دو نوبت از آنِ کارمند #{id} است: چیزی برای جابه‌جایی نیست',
  'both assignments are on the same shift: swapping them changes nothing':
    'هر دو نوبت در یک کشیک است: جابه‌جا کردن آن‌ها چیزی را تغییر نمی‌دهد',
  'cannot give assignment #{id} to staff member #{staff}: {reason}': 'نوبت #{id} را نمی‌توان به کارمند #{staff} داد: {reason}',
  // Shift patterns (patterns.ts).
  '{service} already has a shift pattern with this name (#{id})': 'خدمت {service} از پیش الگوی کشیکی با این نام دارد (#{id})',
  'no shift pattern of {service} has the name given for --{field}':
    'هیچ الگوی کشیکی از خدمت {service} نامی را که برای --{field} داده شد ندارد',
  'no shift pattern has the name given for --{field}': 'هیچ الگوی کشیکی نامی را که برای --{field} داده شد ندارد',
  '{count} services have a shift with the name given for --{field}: give --service or the id ({ids})':
    '{count} خدمت الگوی کشیکی با نامی که برای --{field} داده شد دارند: --service یا شناسه را بدهید ({ids})',
  'nothing to update: give --name, --start, --end, --needed or --from':
    'چیزی برای به‌روزرسانی نیست: --name، --start، --end، --needed یا --from را بدهید',
  'shift pattern #{id} has assignments: its hours cannot change; retire it ("{command}") and add a new pattern':
    'الگوی کشیک #{id} نوبت ثبت‌شده دارد و ساعت‌هایش را نمی‌توان تغییر داد؛ اعتبارش را پایان دهید (`{command}`) و الگوی تازه‌ای بیفزایید',
  'shift pattern #{id} has assignments from {date}: --from cannot be later than that':
    'الگوی کشیک #{id} از {date} نوبت ثبت‌شده دارد: --from نمی‌تواند دیرتر از آن باشد',
  '--from must be before the retirement date': 'تاریخ --from باید پیش از تاریخ پایان اعتبار باشد',
  'shift pattern #{id} is already retired': 'اعتبار الگوی کشیک #{id} پیش‌تر پایان یافته است',
  'shift pattern #{id} starts on {date}: retire it after that date':
    'الگوی کشیک #{id} از {date} آغاز می‌شود: پایان اعتبارش را پس از این تاریخ بگذارید',
  'shift pattern #{id} has {count} assignment(s) on or after that date: unassign them first':
    'الگوی کشیک #{id} در آن تاریخ یا پس از آن {count} نوبت ثبت‌شده دارد: نخست آن نوبت‌ها را بردارید',
  // The roster's rules (rules.ts).
  '{service} "{name}" (assignment #{id}, {start}–{end})': '{service} «{name}» (نوبت #{id}، {start} تا {end})',
  'staff member #{id}': 'کارمند #{id}',
  'shift pattern #{id} has no shift on that date: it starts on {date}': 'الگوی کشیک #{id} در آن تاریخ کشیکی ندارد: از {date} آغاز می‌شود',
  'shift pattern #{id} has no shift on that date: it was retired on {date}':
    'الگوی کشیک #{id} در آن تاریخ کشیکی ندارد: اعتبارش در {date} پایان یافته است',
  '{who} left on {date}: no shifts from that day': '{who} در {date} ترک خدمت کرده است: از آن روز کشیکی به او داده نمی‌شود',
  '{who} is no longer active': '{who} دیگر فعال نیست',
  '{who} starts work on {date}': '{who} از {date} کار را آغاز می‌کند',
  '{who} is already on this shift (assignment #{id})': '{who} از پیش در همین کشیک است (نوبت #{id})',
  '{who} is already on {shift}, which overlaps {start}–{end}': '{who} از پیش در {shift} است که با {start} تا {end} هم‌پوشانی دارد',
  '{who} needs {hours} h of rest after the night shift {shift}: the next shift may start at {at} or later':
    '{who} پس از کشیک شب {shift} به {hours} ساعت استراحت نیاز دارد: کشیک بعدی از {at} به بعد می‌تواند آغاز شود',
  'this night shift ends at {at} and {who} is on {shift} less than {hours} h later (the rest period)':
    'این کشیک شب در {at} پایان می‌یابد و {who} کمتر از {hours} ساعت پس از آن (زمان استراحت) در {shift} است',
  // The worker on duty, for a service logged without one (on-duty.ts).
  '{service} duty roster (on duty at {at})': 'برنامهٔ کشیک {service} (کشیکِ {at})',
  '{service} duty roster (on duty at {at}, noon of the service date)': 'برنامهٔ کشیک {service} (کشیکِ {at}، ظهر روز خدمت)',
  '{service} duty roster (on duty at {at}; also on duty: {others}; took the earliest shift start)':
    'برنامهٔ کشیک {service} (کشیکِ {at}؛ هم‌زمان در کشیک: {others}؛ کسی برگزیده شد که کشیکش زودتر آغاز شده بود)',
  '{service} duty roster (on duty at {at}, noon of the service date; also on duty: {others}; took the earliest shift start)':
    'برنامهٔ کشیک {service} (کشیکِ {at}، ظهر روز خدمت؛ هم‌زمان در کشیک: {others}؛ کسی برگزیده شد که کشیکش زودتر آغاز شده بود)',
};
