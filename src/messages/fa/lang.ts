/** Persian of the messages said in src/lang (dates and months as people type them): see src/messages/fa/index.ts. */
export const LANG: Readonly<Record<string, string>> = {
  'date out of range: year {year} cannot be written as YYYY-MM-DD': 'تاریخ خارج از بازه است: سال {year} را نمی‌توان به شکل YYYY-MM-DD نوشت',
  '{month} {year} has {days} days': '{month} {year} {days} روز دارد',
  '{month} has {days} days': '{month} {days} روز دارد',
  'year {year} is out of range': 'سال {year} خارج از بازه است',
  'month {month} does not exist; expected 1-12': 'ماه {month} وجود ندارد؛ عددی از ۱ تا ۱۲ بدهید',
  'expected YYYY-MM-DD': 'به شکل YYYY-MM-DD بدهید',
  'invalid ISO date "{date}": {problem}': 'تاریخ میلادی «{date}» نادرست است: {problem}',
  'invalid Jalali date "{date}": {problem}': 'تاریخ شمسی «{date}» نادرست است: {problem}',
  'invalid day count {count}; expected a whole number': 'شمار روزها ({count}) نادرست است؛ عدد درست بدهید',
  '--{field} must be a date from {from} to {to} (Jalali)': '--{field} باید تاریخی از {from} تا {to} (شمسی) باشد',
  'invalid date for --{field}: {reason}': 'تاریخ --{field} نادرست است: {reason}',
  'expected e.g. 1405/09/04, 2026-11-25, today, +7d, -2w or +1m': 'نمونه‌های درست: ۱۴۰۵/۰۹/۰۴، 2026-11-25، امروز، +7d، -2w یا +1m',
  'year {year} is neither Jalali (before {jalaliBefore}) nor Gregorian ({gregorianFrom} on)':
    'سال {year} نه شمسی است (پیش از {jalaliBefore}) و نه میلادی (از {gregorianFrom} به بعد)',
  'invalid timestamp "{timestamp}"; expected e.g. 2026-11-25T08:01:02.123Z':
    'زمان «{timestamp}» نادرست است؛ نمونهٔ درست: 2026-11-25T08:01:02.123Z',
  'invalid month "{month}"; expected a Jalali YYYY-MM such as 1405-09':
    'ماه «{month}» نادرست است؛ ماه شمسی به شکل YYYY-MM بدهید، مانند 1405-09',
  'invalid Jalali year {year}': 'سال شمسی {year} نادرست است',
  'expected a Jalali month such as 1405-09, 1405/9, 9, آذر, آذر ۱۴۰۵, Azar 1405, this or last':
    'ماه شمسی بدهید، مانند 1405-09، ۱۴۰۵/۹، ۹، آذر، آذر ۱۴۰۵، «این ماه» یا «ماه قبل»',
  'invalid month for --{field}: {reason}': 'ماه --{field} نادرست است: {reason}',
  'year {year} is not a Jalali year; months are Jalali, e.g. 1405-09': 'سال {year} سال شمسی نیست؛ ماه‌ها شمسی‌اند، مانند 1405-09',
  'unknown month name; {examples}': 'نام ماه شناخته نشد؛ {examples}',
  "a month's year has four digits, e.g. آذر ۱۴۰۵ or Azar 1405": 'سالِ ماه چهار رقم دارد، مانند آذر ۱۴۰۵',
  'birth date {birth} is after {on}': 'تاریخ تولد {birth} پس از {on} است',
};
