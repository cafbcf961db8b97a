/** Persian of the messages said in db: see src/messages/fa/index.ts. */
export const DB: Readonly<Record<string, string>> = {
  // Opening the office file (src/store/database.ts).
  'invalid PARVANDE_WAL_LIMIT_BYTES "{value}": expected a whole number of bytes':
    'مقدار PARVANDE_WAL_LIMIT_BYTES نادرست است («{value}»): یک عدد درست بر حسب بایت بدهید',
  'invalid PARVANDE_MAX_PAGES "{value}": expected a whole number of pages':
    'مقدار PARVANDE_MAX_PAGES نادرست است («{value}»): یک عدد درست بر حسب صفحه بدهید',
  'no database at {path}: run "parvande init" first, or pass --db':
    'در {path} پایگاه داده‌ای نیست: نخست `parvande init` را اجرا کنید، یا --db را بدهید',
  'cannot create the folder {dir} ({code})': 'پوشهٔ {dir} ساخته نشد ({code})',
  'cannot create {path} ({code})': '{path} ساخته نشد ({code})',
  '{path} was written by a newer parvande (schema {version}; this version knows {latest}): upgrade parvande; the file was not touched':
    '{path} را نسخهٔ تازه‌تری از پرونده نوشته است (ساختار {version}؛ این نسخه تا {latest} را می‌شناسد): پرونده را به‌روز کنید؛ به فایل دست زده نشد',
  '{path} is an SQLite file of another program, not a parvande database; it was not touched':
    '{path} فایل SQLite برنامهٔ دیگری است، نه پایگاه دادهٔ پرونده؛ به آن دست زده نشد',
  '{path} is empty: run "parvande init" first, or pass --db': '{path} خالی است: نخست `parvande init` را اجرا کنید، یا --db را بدهید',
  '{path} is open read-only': '{path} فقط برای خواندن باز شده است',
  '{path} is locked by another program; try again in a moment': '{path} را برنامهٔ دیگری قفل کرده است؛ چند لحظه بعد دوباره بکوشید',
  '{path} is not a readable parvande database ({code}): "parvande db check" shows what is damaged; "parvande db restore FILE" puts a backup in its place':
    '{path} پایگاه دادهٔ خوانای پرونده نیست ({code}): `parvande db check` آسیب را نشان می‌دهد؛ `parvande db restore FILE` پشتیبانی را جای آن می‌گذارد',
  'cannot use {path} ({code})': 'از {path} نمی‌توان استفاده کرد ({code})',
  'the disk holding {path} is full; nothing was written': 'دیسکِ {path} پر است؛ چیزی نوشته نشد',

  // Encryption at rest (src/store/cipher.ts, src/store/encrypt.ts, src/domain/encryption.ts).
  'the key file {file} ({variable}) can be read by other accounts: make it owner-only (chmod 600 {file}) and try again':
    'فایل کلید {file} ({variable}) را حساب‌های دیگر هم می‌توانند بخوانند: آن را فقط برای مالک کنید (`chmod 600 {file}`) و دوباره بکوشید',
  'cannot read the key file {file} ({variable}): {code}': 'فایل کلید {file} ({variable}) خوانده نشد: {code}',
  'the office file is encrypted: {path} needs its key; give it with PARVANDE_KEY_FILE (a file only its owner can read) or type it at the prompt on a terminal':
    'فایل اداره رمزگذاری شده است: {path} کلید خود را می‌خواهد؛ آن را با PARVANDE_KEY_FILE (فایلی که فقط مالکش می‌تواند بخواند) بدهید یا در پایانه هنگام پرسش بنویسید',
  'the office file is encrypted: {path} does not open with the key given; give the office key with PARVANDE_KEY_FILE or at the prompt':
    'فایل اداره رمزگذاری شده است: {path} با کلید داده‌شده باز نمی‌شود؛ کلید اداره را با PARVANDE_KEY_FILE یا هنگام پرسش بدهید',
  'the encrypted copy of the office could not be verified': 'نسخهٔ رمزگذاری‌شدهٔ اداره وارسی نشد',
  '{path} is encrypted already: "parvande db rekey" changes its key':
    '{path} از پیش رمزگذاری شده است: `parvande db rekey` کلید آن را تغییر می‌دهد',
  '{path} is not encrypted: "parvande db encrypt" encrypts it': '{path} رمزگذاری نشده است: `parvande db encrypt` آن را رمزگذاری می‌کند',
  'a new key is needed: give it with {variable} (a file only its owner can read), or run on a terminal to type it':
    'کلید تازه لازم است: آن را با {variable} (فایلی که فقط مالکش می‌تواند بخواند) بدهید، یا فرمان را در پایانه اجرا کنید تا آن را بنویسید',
  '{path} exists and is not encrypted: "parvande db encrypt" encrypts it in place':
    '{path} هست و رمزگذاری نشده است: `parvande db encrypt` آن را در همان جا رمزگذاری می‌کند',
  'encrypted {path} ({rows} rows verified); keep the passphrase sealed: without it nothing in the file can be read':
    '{path} رمزگذاری شد ({rows} ردیف وارسی شد)؛ عبارت عبور را مهروموم‌شده نگه دارید: بدون آن هیچ چیز در فایل خوانده نمی‌شود',
  'changed the key of {path} ({rows} rows verified); the old passphrase no longer opens it':
    'کلید {path} تغییر کرد ({rows} ردیف وارسی شد)؛ عبارت عبور پیشین دیگر آن را باز نمی‌کند',
  Encryption: 'رمزگذاری',
  'encrypted (sqlcipher)': 'رمزگذاری‌شده (sqlcipher)',
  none: 'ندارد',

  // Backups and restore (src/store/backup.ts, src/domain/backups.ts).
  'no file at {path}': 'فایلی در {path} نیست',
  '{path} fails its integrity check: {problems}': '{path} در بررسی یکپارچگی رد شد: {problems}',
  '{path} was written by a newer parvande (schema {version}; this version knows {latest})':
    '{path} را نسخهٔ تازه‌تری از پرونده نوشته است (ساختار {version}؛ این نسخه تا {latest} را می‌شناسد)',
  '{path} is not a parvande office database (no office record)': '{path} پایگاه دادهٔ ادارهٔ پرونده نیست (رکورد اداره ندارد)',
  '{path} is not a readable parvande database ({code})': '{path} پایگاه دادهٔ خوانای پرونده نیست ({code})',
  '{path} exists already; choose another --out': '{path} از پیش هست؛ --out دیگری برگزینید',
  'cannot write {path}: {why}': '{path} نوشته نشد: {why}',
  'cannot move the damaged {path} aside ({code}); close every program using it and try again':
    '{path} آسیب‌دیده کنار گذاشته نشد ({code})؛ همهٔ برنامه‌هایی را که از آن استفاده می‌کنند ببندید و دوباره بکوشید',
  'cannot create the backups folder {dir} ({code}): give --out FILE': 'پوشهٔ پشتیبان‌ها {dir} ساخته نشد ({code}): --out FILE را بدهید',
  '--keep 0 would remove the backup just made: give 1 or more (the new backup is one of them)':
    '--keep 0 پشتیبانی را که همین حالا ساخته شد پاک می‌کند: ۱ یا بیشتر بدهید (پشتیبان تازه یکی از آن‌هاست)',
  'the backup belongs to office {backup}, the database to {live}: pass --other-office to replace it anyway':
    'پشتیبان از آنِ ادارهٔ {backup} است و پایگاه داده از آنِ {live}: برای جایگزینی با این همه، --other-office را بدهید',
  'the backup is encrypted and the database {path} is not: run "parvande db encrypt" first, then restore':
    'پشتیبان رمزگذاری شده است و پایگاه دادهٔ {path} نه: نخست `parvande db encrypt` را اجرا کنید، سپس بازگردانی کنید',

  // The db commands (src/commands/db.ts).
  'not checked': 'بررسی نشد',
  'append-only trigger(s) missing: {triggers}': 'تریگرهای «فقط افزودنی» از میان رفته‌اند: {triggers}',
  'broken at entry #{id} ({why})': 'گسسته در رویداد #{id} ({why})',
  empty: 'خالی',
  '{entries} entries chained; head {head}…': '{entries} رویداد زنجیر شده؛ سر زنجیره {head}…',
  'schema {version} is current': 'ساختار {version} به‌روز است',
  'migrated {path} from schema {from} to {to}': 'ساختار {path} از {from} به {to} رسید',
  Schema: 'ساختار',
  Integrity: 'یکپارچگی',
  'Foreign-key problems': 'ایرادهای کلید خارجی',
  'could not be checked': 'بررسی نشد',
  'damaged: could not be read': 'آسیب‌دیده: خوانده نشد',
  'Report counts': 'شمارش‌های گزارش',
  '{count} differ from a recount': '{count} با شمارش دوباره یکی نیست',
  'Audit trail': 'دفتر رویدادها',
  'could not remove the older backup {path}: {reason}': 'پشتیبان قدیمی‌تر {path} پاک نشد: {reason}',
  'the audit trail could not record the removed backups: {reason}': 'دفتر رویدادها پشتیبان‌های پاک‌شده را ثبت نکرد: {reason}',
  'backup written to {path} ({size} KiB, integrity ok)': 'پشتیبان در {path} نوشته شد ({size} KiB، یکپارچگی درست)',
  'removed the older backup {path}': 'پشتیبان قدیمی‌تر {path} پاک شد',
  'restore replaces the database: confirm with --yes': 'بازگردانی پایگاه داده را جایگزین می‌کند: با --yes تأیید کنید',
  'Replace {path} with the backup of office {office}? The current file is kept beside it.':
    '{path} با پشتیبان ادارهٔ {office} جایگزین شود؟ فایل کنونی کنار آن نگه داشته می‌شود.',
  'restore cancelled; nothing was changed': 'بازگردانی لغو شد؛ چیزی تغییر نکرد',
  'restored {path} from {backup}; the replaced file is kept as {kept}':
    '{path} از {backup} بازگردانی شد؛ فایل جایگزین‌شده با نام {kept} نگه داشته شد',
  'restored {path} from {backup}': '{path} از {backup} بازگردانی شد',
  'removed 1 partial copy left by a backup or restore that was stopped (in {folders})':
    'یک نسخهٔ نیمه‌کاره که از پشتیبان‌گیری یا بازگردانیِ متوقف‌شده مانده بود پاک شد (در {folders})',
  'removed {count} partial copies left by a backup or restore that was stopped (in {folders})':
    '{count} نسخهٔ نیمه‌کاره که از پشتیبان‌گیری یا بازگردانیِ متوقف‌شده مانده بود پاک شد (در {folders})',

  // init (src/commands/init.ts).
  'Office code (Latin letters and digits, e.g. KRJ01)': 'کد اداره (حروف و رقم‌های لاتین، مانند KRJ01)',
  'Office name (نام اداره)': 'نام اداره',
  'County (شهرستان)': 'شهرستان',
  'Province (استان)': 'استان',
  'created office {code} in {path}': 'ادارهٔ {code} در {path} ساخته شد',
  'updated office {code}': 'ادارهٔ {code} به‌روز شد',
  ok: 'درست',
};
