/** Persian of the --help texts of db: see src/messages/fa/help/index.ts. */
export const DB: Readonly<Record<string, string>> = {
  // parvande init (src/commands/init.ts).
  'short Latin code that prefixes every case number, e.g. KRJ01': 'کد کوتاه لاتین که آغاز هر شمارهٔ پرونده است، مانند KRJ01',
  'office name, e.g. "اورژانس اجتماعی کرج"': 'نام اداره، مانند «اورژانس اجتماعی کرج»',
  'county (شهرستان)': 'شهرستان',
  'province (استان)': 'استان',
  'encrypt the new file from its first byte: the passphrase is asked twice (or read from PARVANDE_KEY_FILE); without it nothing can be read':
    'رمزگذاری فایل تازه از نخستین بایت: عبارت عبور دو بار پرسیده می‌شود (یا از PARVANDE_KEY_FILE خوانده می‌شود)؛ بدون آن هیچ چیز خوانده نمی‌شود',

  // parvande db (src/commands/db.ts).
  'print which database file commands use, and why (--db, PARVANDE_DB or the default)':
    'نمایش فایل پایگاه داده‌ای که فرمان‌ها به کار می‌برند و چرایی آن (--db، PARVANDE_DB یا پیش‌فرض)',
  'bring the file to the current schema (other commands also do this on open)':
    'رساندن فایل به ساختار کنونی (فرمان‌های دیگر هم هنگام باز کردن همین کار را می‌کنند)',
  'integrity, foreign keys, schema version and row counts; exit 5 when anything is wrong':
    'یکپارچگی، کلیدهای خارجی، نسخهٔ ساختار و شمار ردیف‌ها؛ اگر چیزی نادرست باشد کد خروج ۵',
  'a verified, owner-only copy of the database, safe while others keep writing':
    'نسخه‌ای وارسی‌شده و فقط برای مالک از پایگاه داده، بی‌خطر در حالی که دیگران می‌نویسند',
  'where to write it (default: a "backups" folder beside the database)': 'جای نوشتن آن (پیش‌فرض: پوشهٔ `backups` کنار پایگاه داده)',
  'then keep only the newest n backups of this office in that folder (the new one included); older ones are removed, nothing else is touched':
    'سپس تنها n پشتیبانِ تازه‌ترِ این اداره در آن پوشه نگه داشته می‌شود (پشتیبان تازه هم از آن‌هاست)؛ قدیمی‌ترها پاک می‌شوند و به چیز دیگری دست زده نمی‌شود',
  'a backup made by "parvande db backup"': 'پشتیبانی که `parvande db backup` ساخته است',
  'do not ask for confirmation (required without a terminal)': 'تأیید پرسیده نشود (بدون پایانه لازم است)',
  'allow a backup of another office to replace this one': 'اجازه دادن به پشتیبان ادارهٔ دیگری برای جایگزینی این یکی',
  'replace the database with a verified backup; the replaced file is kept beside it':
    'جایگزینی پایگاه داده با پشتیبانی وارسی‌شده؛ فایل جایگزین‌شده کنار آن نگه داشته می‌شود',
  'encrypt the office file in place with a new passphrase (asked twice, or PARVANDE_KEY_FILE); verified before it replaces the plain file':
    'رمزگذاری فایل اداره در همان جا با عبارت عبور تازه (دو بار پرسیده می‌شود، یا PARVANDE_KEY_FILE)؛ پیش از جایگزینی فایل رمزنشده وارسی می‌شود',
  'change the passphrase of an encrypted office file (the current one from the prompt or PARVANDE_KEY_FILE, the new one asked twice or PARVANDE_NEW_KEY_FILE)':
    'تغییر عبارت عبور فایل رمزگذاری‌شدهٔ اداره (عبارت کنونی از پرسش یا PARVANDE_KEY_FILE، عبارت تازه با دو بار پرسش یا PARVANDE_NEW_KEY_FILE)',
};
