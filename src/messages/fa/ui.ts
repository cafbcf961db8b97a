/** Persian of the messages said in ui: see src/messages/fa/index.ts. */
export const UI: Readonly<Record<string, string>> = {
  // The runtime (src/runtime.ts).
  '--db was given {count} times: only "parvande report" reads several offices\' files; give one --db':
    '--db {count} بار داده شده است: فقط `parvande report` فایل چند اداره را با هم می‌خواند؛ یک --db بدهید',
  'expected a whole number of milliseconds': 'باید عددی صحیح بر حسب میلی‌ثانیه باشد',
  'expected {choices}': 'باید یکی از {choices} باشد',

  // Web pages (page-delivery.ts, opener.ts).
  '{flag} writes the web page: use it with --format html': '{flag} صفحهٔ وب را می‌نویسد: آن را همراه `--format html` به کار ببرید',
  '--json and --format html both print on stdout: add --out FILE (or --open) for the page':
    '--json و `--format html` هر دو در stdout چاپ می‌کنند: برای صفحه `--out FILE` (یا --open) را اضافه کنید',
  '--open shows a file: give --out FILE, or leave --out out for a temporary file':
    '--open فایلی را نشان می‌دهد: `--out FILE` بدهید، یا --out را ندهید تا فایلی موقت ساخته شود',
  'wrote {file}': '{file} نوشته شد',
  'opening {file}': 'در حال باز کردن {file}',
  'could not start {command} ({reason}); open {file} yourself': 'اجرای {command} ممکن نشد ({reason})؛ {file} را خودتان باز کنید',

  // The import's progress bar (progress.ts): cli-progress fills {bar}, {percentage}, {value}, {total} and {rate}.
  '{label} [{bar}] {percentage}% | {value}/{total} rows | {rate} rows/s | {eta} left':
    '{label} [{bar}] {percentage}% | {value}/{total} ردیف | {rate} ردیف در ثانیه | {eta} مانده',
  '{label} {value} rows | {rate} rows/s': '{label} {value} ردیف | {rate} ردیف در ثانیه',

  // Questions at the terminal (prompts.ts).
  'You must provide a value': 'مقداری وارد کنید',
  Yes: 'بله',
  No: 'خیر',
  'You must answer with "{yes}" or "{no}"': 'پاسخ باید «{yes}» یا «{no}» باشد',

  // The office passphrase (passphrase.ts).
  'Passphrase of the office file {file}': 'عبارت عبور فایل اداره {file}',
  'New passphrase (at least 8 characters; without it nothing can be read)':
    'عبارت عبور تازه (دست‌کم ۸ نویسه؛ بدون آن هیچ چیز خوانده نمی‌شود)',
  'the passphrase is too short: give at least 8 characters': 'عبارت عبور کوتاه است: دست‌کم ۸ نویسه بدهید',
  'The same passphrase again': 'همان عبارت عبور را دوباره بنویسید',
  'the two passphrases differ; nothing was changed': 'دو عبارت عبور یکسان نیستند؛ چیزی تغییر نکرد',

  // Clients (views/clients.ts).
  '#{id} (same name and birth date)': '#{id} (نام و تاریخ تولد یکسان)',
  '#{id} (same name)': '#{id} (نام یکسان)',
  '{first}, {rest}': '{first}، {rest}',
  'possible duplicate of {list}: check before opening a case': 'ممکن است با {list} تکراری باشد: پیش از تشکیل پرونده بررسی کنید',

  // The import summary (views/import.ts).
  comma: 'ویرگول',
  semicolon: 'نقطه‌ویرگول',
  tab: 'تب',
  'sheet "{sheet}"': 'برگهٔ «{sheet}»',
  '{file} ({what}): {rows} rows of {entity}': '{file} ({what}): {rows} ردیف {entity}',
  'would be inserted': 'افزوده می‌شد',
  'would be updated': 'به‌روز می‌شد',
  inserted: 'افزوده شد',
  updated: 'به‌روز شد',
  'not stored, would be inserted': 'ذخیره نشد؛ افزوده می‌شد',
  'not stored, would be updated': 'ذخیره نشد؛ به‌روز می‌شد',
  unchanged: 'بدون تغییر',
  refused: 'رد شد',
  'national codes that had lost their leading zeros, padded: {count}': 'کدهای ملی که صفرهای آغازشان افتاده بود و تکمیل شد: {count}',
  'possible duplicates (stored separately, check them): {count}': 'موارد احتمالاً تکراری (جداگانه ذخیره شد؛ بررسی کنید): {count}',
  'row {row} ({id}) and {existing}: {reason}': 'ردیف {row} ({id}) و {existing}: {reason}',
  '(--json lists up to {max})': '(--json تا {max} مورد را فهرست می‌کند)',
  'refused rows:': 'ردیف‌های ردشده:',
  '(empty)': '(خالی)',
  '(value hidden)': '(مقدار پنهان)',
  'row {row}: {reason}': 'ردیف {row}: {reason}',
  'row {row}, column {column}{shown}: {reason}': 'ردیف {row}، ستون {column}{shown}: {reason}',
  'and {count} more': 'و {count} مورد دیگر',
  'the refused rows, with an error column, are in {file}: fix them there and import that file':
    'ردیف‌های ردشده، همراه ستون خطا، در {file} است: آن‌ها را همان‌جا اصلاح کنید و همان فایل را وارد کنید',
  'dry run: nothing was written.': 'اجرای آزمایشی: چیزی نوشته نشد.',
  '--all-or-nothing: nothing was stored, because rows were refused.': '--all-or-nothing: چون ردیف‌هایی رد شد، چیزی ذخیره نشد.',
};
