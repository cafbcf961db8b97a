/** Persian of the messages said in import: see src/messages/fa/index.ts. */
export const IMPORT: Readonly<Record<string, string>> = {
  // The commands: import and export (src/commands/import.ts, src/commands/export.ts).
  'import {kind}': 'ورود {kind}',
  '{refused} of {rows} rows refused': '{refused} ردیف از {rows} ردیف پذیرفته نشد',
  '{refused} of {rows} rows refused (first: row {row}: {reason})':
    '{refused} ردیف از {rows} ردیف پذیرفته نشد (نخستین: ردیف {row}: {reason})',
  '{refused} of {rows} rows refused (first: row {row}, column {column}: {reason})':
    '{refused} ردیف از {rows} ردیف پذیرفته نشد (نخستین: ردیف {row}، ستون {column}: {reason})',
  '{refused}; the other rows were stored': '{refused}؛ ردیف‌های دیگر ذخیره شد',
  '{refused}; nothing was stored': '{refused}؛ هیچ ردیفی ذخیره نشد',
  "--{option} does not apply to office: the folder's files are read as export office wrote them":
    'گزینهٔ --{option} در ورود اداره به کار نمی‌رود: فایل‌های پوشه همان‌گونه خوانده می‌شود که `parvande export office` نوشته است',
  '--{option} does not apply to office': 'گزینهٔ --{option} در ورود اداره به کار نمی‌رود',
  'import office reads a folder, not standard input': '`parvande import office` پوشه می‌خواند، نه ورودی استاندارد',
  'records given another id (ids the sending office had left free): {kinds}':
    'سوابقی که شناسهٔ دیگری گرفتند (شناسه‌هایی که ادارهٔ فرستنده خالی گذاشته بود): {kinds}',
  'would import office {office} from {folder}: {files} (dry run: nothing was written)':
    'ادارهٔ {office} از {folder} وارد می‌شد: {files} (اجرای آزمایشی: چیزی نوشته نشد)',
  'imported office {office} from {folder}: {files}': 'ادارهٔ {office} از {folder} وارد شد: {files}',
  '{count} {kind}': '{count} {kind}',
  '--format xlsx needs --out FILE (or --out - for standard output)':
    '--format xlsx به --out FILE نیاز دارد (یا --out - برای خروجی استاندارد)',
  '--json prints one JSON document: give --out FILE, or use --format json':
    'گزینهٔ --json یک سند JSON چاپ می‌کند: --out FILE بدهید، یا --format json را به کار ببرید',
  '--from and --to do not apply to {kind}': 'گزینه‌های --from و --to در خروجی {kind} به کار نمی‌رود',
  'exported {rows} {kind} to {file} ({format}, redacted)': '{rows} {kind} در {file} نوشته شد ({format}، بی‌نام‌شده)',
  'exported {rows} {kind} to {file} ({format})': '{rows} {kind} در {file} نوشته شد ({format})',
  '--linkable goes with --redact': 'گزینهٔ --linkable همراه --redact به کار می‌رود',
  '--linkable needs --key-file FILE: the key is kept outside the database':
    'گزینهٔ --linkable به --key-file FILE نیاز دارد: کلید بیرون از پایگاه داده نگه داشته می‌شود',
  '--key-file goes with --linkable': 'گزینهٔ --key-file همراه --linkable به کار می‌رود',
  'made the key file {file}: keep it apart from the database, and keep it safe':
    'فایل کلید {file} ساخته شد: آن را جدا از پایگاه داده و در جای امن نگه دارید',
  '{percent} % of the {rows} records are unique on the columns kept ({columns}): each of those can be told apart by anyone who knows those facts of a person':
    '{percent} درصد از {rows} سابقه در ستون‌های نگه‌داشته ({columns}) یکتاست: هر کس این چند نکته را دربارهٔ کسی بداند، سابقهٔ او را از دیگران بازمی‌شناسد',
  'export office writes CSV files: leave out --format': '`parvande export office` فایل‌های CSV می‌نویسد: گزینهٔ --format را ندهید',
  '--from and --to do not apply to office: it is the whole office':
    'گزینه‌های --from و --to در خروجی اداره به کار نمی‌رود: خروجی اداره همهٔ اداره است',
  'export office needs --out FOLDER (it writes several files)': '`parvande export office` به --out FOLDER نیاز دارد (چند فایل می‌نویسد)',
  'exported office {office} to {folder}: {files} (redacted: it does not import back)':
    'ادارهٔ {office} در {folder} نوشته شد: {files} (بی‌نام‌شده: دوباره وارد نمی‌شود)',
  'exported office {office} to {folder}: {files}': 'ادارهٔ {office} در {folder} نوشته شد: {files}',
  '--from is after --to': 'تاریخ --from پس از --to است',
  '--key-file cannot be read': 'فایل --key-file خوانده نمی‌شود',
  '--key-file does not hold a parvande key (64 hex digits)': 'فایل --key-file کلید parvande (۶۴ رقم شانزده‌شانزدهی) ندارد',

  // The columns of a file (src/domain/import/columns.ts, values.ts, fixed-values.ts, registry.ts).
  'unknown kind: expected {kinds}': 'نوع ناشناخته؛ یکی از این‌ها را بدهید: {kinds}',
  '{field} and {jalali} give different dates: correct one of them': 'ستون‌های {field} و {jalali} دو تاریخ متفاوت دارند: یکی را درست کنید',
  'a value under a column with no header': 'مقداری زیر ستونی بی‌سرستون',
  'invalid --map: expected "header=field", e.g. --map "نام پدر=-"':
    'گزینهٔ --map نادرست است: باید به شکل `--map "header=field"` باشد، مثلاً `--map "نام پدر=-"`',
  'invalid --map: no field has the name given after "="; fields are {fields}':
    'گزینهٔ --map نادرست است: هیچ فیلدی نامی را که پس از «=» آمده ندارد؛ فیلدها: {fields}',
  'invalid --set number {n}: expected "field=value", e.g. --set risk=medium':
    'گزینهٔ --set شمارهٔ {n} نادرست است: باید به شکل `--set field=value` باشد، مثلاً `--set risk=medium`',
  'invalid --set number {n}: no field has the name given before "="; fields are {fields}':
    'گزینهٔ --set شمارهٔ {n} نادرست است: هیچ فیلدی نامی را که پیش از «=» آمده ندارد؛ فیلدها: {fields}',
  '--set {field} is given twice: keep one': '`--set {field}` دو بار داده شده است: یکی را نگه دارید',
  'columns {first} and {second} have the same header: rename or remove one':
    'ستون‌های {first} و {second} سرستون یکسان دارند: نام یکی را عوض کنید یا آن را بردارید',
  'columns {first} and {second} both give {field} (Jalali): remove one or map it elsewhere with --map':
    'ستون‌های {first} و {second} هر دو {field} (شمسی) را می‌دهند: یکی را بردارید یا با --map به فیلد دیگری بدهید',
  'columns {first} and {second} both give {field}: remove one or map it elsewhere with --map':
    'ستون‌های {first} و {second} هر دو {field} را می‌دهند: یکی را بردارید یا با --map به فیلد دیگری بدهید',
  '--map number {n} names a column the file does not have': 'گزینهٔ --map شمارهٔ {n} ستونی را نام می‌برد که در فایل نیست',
  'unknown columns {columns}: map each to a field with --map "header=field", or skip them with --map "header=-" (fields: {fields})':
    'ستون‌های ناشناخته {columns}: هر یک را با `--map "header=field"` به فیلدی بدهید، یا با `--map "header=-"` کنار بگذارید (فیلدها: {fields})',
  'unknown column {columns}: map it to a field with --map "header=field", or skip it with --map "header=-" (fields: {fields})':
    'ستون ناشناخته {columns}: آن را با `--map "header=field"` به فیلدی بدهید، یا با `--map "header=-"` کنار بگذارید (فیلدها: {fields})',
  '--set {field} and the column {column} both give {field}: remove the column with --map "header=-", or drop --set':
    '`--set {field}` و ستون {column} هر دو {field} را می‌دهند: ستون را با `--map "header=-"` کنار بگذارید، یا --set را ندهید',
  'missing required columns: {columns}': 'ستون‌های لازم در فایل نیست: {columns}',
  'missing required column: {columns}': 'ستون لازم در فایل نیست: {columns}',
  'invalid --set {field}: {reason}': 'مقدار `--set {field}` نادرست است: {reason}',

  // The run and its refused rows (src/domain/import/run.ts, claims.ts).
  'column {column}: {reason}': 'ستون {column}: {reason}',
  'the disk holding {path} is full; the batch being written was not stored, the {kept} rows stored before it stay (running the same import again finishes it)':
    'دیسکِ {path} پر است؛ دسته‌ای که در حال نوشتن بود ذخیره نشد و {kept} ردیفی که پیش از آن ذخیره شده بود می‌ماند (اجرای دوبارهٔ همین ورود کار را تمام می‌کند)',
  '{error}; the batch being written was not stored, the {kept} rows stored before it stay (running the same import again finishes it)':
    '{error}؛ دسته‌ای که در حال نوشتن بود ذخیره نشد و {kept} ردیفی که پیش از آن ذخیره شده بود می‌ماند (اجرای دوبارهٔ همین ورود کار را تمام می‌کند)',
  'the same client as row {row} of this file: keep one of the two rows':
    'همان مددجوی ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same case as row {row} of this file: keep one of the two rows':
    'همان پروندهٔ ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same service as row {row} of this file: keep one of the two rows':
    'همان خدمت ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same followup as row {row} of this file: keep one of the two rows':
    'همان پیگیری ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same referral as row {row} of this file: keep one of the two rows':
    'همان ارجاع ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same staff as row {row} of this file: keep one of the two rows':
    'همان کارمند ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same center as row {row} of this file: keep one of the two rows':
    'همان مرکز ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same shift-pattern as row {row} of this file: keep one of the two rows':
    'همان الگوی کشیک ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same roster-assignment as row {row} of this file: keep one of the two rows':
    'همان نوبت کشیک ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same course as row {row} of this file: keep one of the two rows':
    'همان دورهٔ ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same enrolment as row {row} of this file: keep one of the two rows':
    'همان ثبت‌نام ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same workshop as row {row} of this file: keep one of the two rows':
    'همان کارگاه ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',
  'the same {record} as row {row} of this file: keep one of the two rows':
    'همان سابقهٔ ({record}) ردیف {row} همین فایل است: یکی از این دو ردیف را نگه دارید',

  // An office folder (src/domain/import/office-manifest.ts, office-import.ts, office-kinds.ts).
  '{folder} does not exist: give the folder export office wrote':
    '{folder} وجود ندارد: پوشه‌ای را بدهید که `parvande export office` نوشته است',
  '{folder} is not a folder: give the folder export office wrote':
    '{folder} پوشه نیست: پوشه‌ای را بدهید که `parvande export office` نوشته است',
  '{folder} has no {manifest}: give the folder that export office wrote (an export that stopped half-way has none)':
    '{folder} فایل {manifest} ندارد: پوشه‌ای را بدهید که `parvande export office` نوشته است (خروجی‌ای که نیمه‌کاره مانده این فایل را ندارد)',
  'cannot read {file} (unreadable)': '{file} خوانده نمی‌شود (ناخوانا)',
  'cannot read {file} ({code})': '{file} خوانده نمی‌شود ({code})',
  '{manifest} in {folder} is not valid JSON': 'فایل {manifest} در {folder} JSON درستی نیست',
  "{manifest} in {folder} is not an office folder's manifest": 'فایل {manifest} در {folder} فهرست پوشهٔ یک اداره نیست',
  '{folder} was written by a newer parvande (manifest version {version}): upgrade parvande':
    '{folder} را نسخهٔ تازه‌تری از parvande نوشته است (نسخهٔ فهرست {version}): parvande را به‌روز کنید',
  '{manifest} in {folder} is damaged: a field is missing or of the wrong kind':
    'فایل {manifest} در {folder} آسیب دیده است: فیلدی نیست یا از نوع نادرست است',
  '{manifest} in {folder} lists a kind of record this version does not know: upgrade parvande':
    'فایل {manifest} در {folder} نوعی از سوابق را نام می‌برد که این نسخه نمی‌شناسد: parvande را به‌روز کنید',
  "{manifest} in {folder} is damaged: its file list is not one export's":
    'فایل {manifest} در {folder} آسیب دیده است: فهرست فایل‌هایش از یک خروجی نیست',
  '{file} is missing: the folder is not the whole export; copy it again': '{file} نیست: پوشه همهٔ خروجی را ندارد؛ آن را دوباره رونوشت کنید',
  '{file} is not a plain file (a link or a folder): copy the export again':
    '{file} فایل معمولی نیست (پیوند یا پوشه است): خروجی را دوباره رونوشت کنید',
  "{file} has changed since the export (its SHA-256 differs from the manifest's): nothing was imported; copy the export again":
    '{file} پس از خروجی گرفتن تغییر کرده است (SHA-256 آن با فهرست نمی‌خواند): چیزی وارد نشد؛ خروجی را دوباره رونوشت کنید',
  'this office already holds records ({kind}): import office moves an office into an empty one; nothing was imported':
    'این اداره از پیش سوابقی دارد ({kind}): `parvande import office` یک اداره را به اداره‌ای خالی منتقل می‌کند؛ چیزی وارد نشد',
  '{folder} is a redacted export (no names): it does not import back': '{folder} خروجی بی‌نام‌شده است (بی‌نام و نشان): دوباره وارد نمی‌شود',
  '{folder} is an export of office {theirs}, this is office {ours}: import office needs a new office of the same code (parvande init --office-code {theirs})':
    '{folder} خروجی ادارهٔ {theirs} است و این ادارهٔ {ours} است: `parvande import office` اداره‌ای تازه با همان کد می‌خواهد (`parvande init --office-code {theirs}`)',
  '{folder} was written by a newer parvande (schema {schema}; this version knows {known}): upgrade parvande':
    '{folder} را نسخهٔ تازه‌تری از parvande نوشته است (ساختار {schema}؛ این نسخه تا {known} را می‌شناسد): parvande را به‌روز کنید',
  '{file}: {error}': '{file}: {error}',
  '{file} has {rows} rows, its manifest says {listed}: copy the export again':
    '{file} {rows} ردیف دارد و فهرست آن {listed} ردیف می‌گوید: خروجی را دوباره رونوشت کنید',
  '{file} row {row}: {reason}; nothing was imported': '{file} ردیف {row}: {reason}؛ چیزی وارد نشد',
  '{file} row {row} ({field}): {reason}; nothing was imported': '{file} ردیف {row} ({field}): {reason}؛ چیزی وارد نشد',
  '{file} row {row}, column {column}: {reason}; nothing was imported': '{file} ردیف {row}، ستون {column}: {reason}؛ چیزی وارد نشد',
  '{field} names no record of {kind} in this folder': 'ستون {field} سابقه‌ای از {kind} در این پوشه نام نمی‌برد',
  '{field} is empty': 'ستون {field} خالی است',
  '{field} is empty: expected a UTC time such as 2026-11-25T08:30:00.000Z':
    'ستون {field} خالی است: باید زمانی به وقت UTC باشد، مانند `2026-11-25T08:30:00.000Z`',
  'invalid {field}: expected a UTC time such as 2026-11-25T08:30:00.000Z':
    'مقدار ستون {field} نادرست است: باید زمانی به وقت UTC باشد، مانند `2026-11-25T08:30:00.000Z`',
  'invalid id: expected an exported id such as KRJ01:12':
    'مقدار ستون `id` نادرست است: باید شناسه‌ای مانند `KRJ01:12` باشد که خروجی نوشته است',
  'id is given twice': 'شناسهٔ ستون `id` دو بار آمده است',
  'case names no case of this folder': 'ستون `case` پرونده‌ای از این پوشه را نام نمی‌برد',
  'invalid kind: expected one of {codes}': 'مقدار ستون `kind` نادرست است؛ یکی از این‌ها را بدهید: {codes}',
  'kind names no kind of record this office keeps': 'ستون `kind` نوعی از سوابق را که این اداره نگه می‌دارد نام نمی‌برد',
  'invalid key: expected a setting name such as rest-hours': 'مقدار ستون `key` نادرست است: باید نام تنظیمی مانند `rest-hours` باشد',
  'this version keeps no replaced texts: upgrade parvande': 'این نسخه متن‌های جایگزین‌شده را نگه نمی‌دارد: parvande را به‌روز کنید',
  'invalid record-type: expected case, service or client': 'مقدار ستون record-type نادرست است: باید `case`، `service` یا `client` باشد',
  'invalid case-event-id': 'مقدار ستون case-event-id نادرست است',

  // Cases, services, follow-ups and referrals (src/domain/import/entities/).
  'no case {id} in this office': 'پرونده‌ای با شناسهٔ {id} در این اداره نیست',
  'invalid case-number: expected e.g. KRJ01-1405-000012': 'مقدار ستون case-number نادرست است: باید مانند `KRJ01-1405-000012` باشد',
  'the id column names case #{id}, but case number {number} is case #{other}':
    'ستون `id` پروندهٔ #{id} را نام می‌برد، اما شمارهٔ پروندهٔ {number} از آنِ پروندهٔ #{other} است',
  'an open case has no closed-on or close-reason: set status to closed, or empty them':
    'پروندهٔ باز closed-on و close-reason ندارد: ستون `status` را `closed` بگذارید، یا آن دو را خالی کنید',
  'a closed case needs its closed-on date': 'پروندهٔ بسته تاریخ closed-on می‌خواهد',
  'a closed case needs its close-reason': 'پروندهٔ بسته close-reason می‌خواهد',
  'differs from the stored case {number} in {fields}: change a case with the case commands':
    'با پروندهٔ ثبت‌شدهٔ {number} در {fields} فرق دارد: پرونده را با فرمان‌های `parvande case` تغییر دهید',
  'case-number {number} is of year {numberYear}, but the case was opened in {year}':
    'شمارهٔ پروندهٔ {number} از سال {numberYear} است، اما پرونده در سال {year} تشکیل شده است',
  'invalid case-number: its sequence must be at least 000001': 'مقدار ستون case-number نادرست است: شمارهٔ ترتیب آن باید دست‌کم ۰۰۰۰۰۱ باشد',
  'case number {number}: year {year} sequence {seq} is taken by another case here':
    'شمارهٔ پروندهٔ {number}: شمارهٔ ترتیب {seq} سال {year} را پروندهٔ دیگری در این اداره دارد',
  'no service {id} in this office': 'خدمتی با شناسهٔ {id} در این اداره نیست',
  '{column} is required': 'ستون {column} لازم است',
  "channel {channel} differs from the case's channel {caseChannel}: a service takes its case's channel":
    'مسیر دریافت {channel} با مسیر دریافت پرونده ({caseChannel}) فرق دارد: خدمت مسیر دریافت پرونده‌اش را می‌گیرد',
  'voided-at must be a UTC time as exported (e.g. 2026-11-25T08:30:00.000Z) when the service is void':
    'وقتی خدمت باطل شده است، voided-at باید زمانی به وقت UTC باشد، همان‌گونه که خروجی می‌نویسد (مانند `2026-11-25T08:30:00.000Z`)',
  'differs from the stored service #{id} in {fields}: services are not changed by import':
    'با خدمت ثبت‌شدهٔ #{id} در {fields} فرق دارد: خدمات با ورود فایل تغییر نمی‌کند',
  'no follow-up {id} in this office': 'پیگیری‌ای با شناسهٔ {id} در این اداره نیست',
  'a scheduled follow-up has no done-on or outcome: set its status, or empty them':
    'پیگیری برنامه‌ریزی‌شده done-on و `outcome` ندارد: وضعیت آن را بنویسید، یا آن دو را خالی کنید',
  'a {status} follow-up needs its done-on date': 'پیگیری با وضعیت {status} تاریخ done-on می‌خواهد',
  'differs from the stored follow-up #{id} in {fields}: change it with the followup commands':
    'با پیگیری ثبت‌شدهٔ #{id} در {fields} فرق دارد: آن را با فرمان‌های `parvande followup` تغییر دهید',
  'no referral {id} in this office': 'ارجاعی با شناسهٔ {id} در این اداره نیست',
  'a referral still sent has no answer or answered-on: set its status, or empty them':
    'ارجاعی که هنوز پاسخی نگرفته `answer` و answered-on ندارد: وضعیت آن را بنویسید، یا آن دو را خالی کنید',
  'answer is the first answer: accepted, declined or feedback': 'ستون `answer` نخستین پاسخ است: `accepted`، `declined` یا `feedback`',
  'a {status} referral needs its answered-on date': 'ارجاع با وضعیت {status} تاریخ answered-on می‌خواهد',
  'voided-at must be a UTC time as exported (e.g. 2026-11-25T08:30:00.000Z) when the referral is void':
    'وقتی ارجاع باطل شده است، voided-at باید زمانی به وقت UTC باشد، همان‌گونه که خروجی می‌نویسد (مانند `2026-11-25T08:30:00.000Z`)',
  'differs from the stored referral #{id} in {fields}: change it with "parvande referral update"':
    'با ارجاع ثبت‌شدهٔ #{id} در {fields} فرق دارد: آن را با `parvande referral update` تغییر دهید',

  // Clients and staff (src/domain/import/entities/clients.ts, staff.ts, people-refs.ts).
  'no client {id} in this office': 'مددجویی با شناسهٔ {id} در این اداره نیست',
  'same name, same birth date': 'نام یکسان، تاریخ تولد یکسان',
  'same name, a birth date unknown': 'نام یکسان، تاریخ تولد یکی نامعلوم',
  'same name spelled differently, same birth date': 'نام یکسان با نگارش دیگر، تاریخ تولد یکسان',
  'same name spelled differently, a birth date unknown': 'نام یکسان با نگارش دیگر، تاریخ تولد یکی نامعلوم',
  'same name spelled differently': 'نام یکسان با نگارش دیگر',
  'this national code belongs to client #{holder}, but the id column names client #{id}':
    'این کد ملی از آنِ مددجوی #{holder} است، اما ستون `id` مددجوی #{id} را نام می‌برد',
  '{count} clients have this name and birth date ({ids}): add a national-code or id column to tell them apart':
    '{count} مددجو این نام و تاریخ تولد را دارند ({ids}): برای بازشناختن آن‌ها ستون national-code یا `id` بیفزایید',
  'a stored client is merged with client merge, never by an import':
    'مددجوی ثبت‌شده با `parvande client merge` ادغام می‌شود، هرگز با ورود فایل',
  'the client this one was merged into is not stored here: its row must come first':
    'مددجویی که این یکی در او ادغام شده در این اداره ثبت نیست: ردیف او باید زودتر بیاید',
  'client #{id} would be merged into itself': 'مددجوی #{id} در خودش ادغام می‌شد',
  'no staff member {id} in this office': 'کارمندی با شناسهٔ {id} در این اداره نیست',
  'left-on is filled but active says yes: empty one of them': 'ستون left-on پر است، اما ستون `active` «بله» می‌گوید: یکی را خالی کنید',
  '{count} staff members have this name ({ids}): add an id or national-code column':
    '{count} کارمند این نام را دارند ({ids}): ستون `id` یا national-code بیفزایید',
  'the folder holds {count} shifts of staff member #{id} after the day they left':
    'پوشه {count} کشیک از کارمند #{id} پس از روز رفتن او دارد',
  'left-on differs from the stored date of staff member #{id}: change it with the staff commands':
    'ستون left-on با تاریخ ثبت‌شدهٔ کارمند #{id} فرق دارد: آن را با فرمان‌های `parvande staff` تغییر دهید',
  "the name is not that of {who}: check the row's names, id and national code":
    'این نام از آنِ {who} نیست: نام‌ها، شناسه و کد ملی ردیف را بررسی کنید',
  'found by name': 'یافته از روی نام',
  'found by {column}': 'یافته از روی {column}',
  'no staff member has this national code: import or add the person first':
    'هیچ کارمندی این کد ملی را ندارد: نخست این کارمند را وارد یا ثبت کنید',
  "no staff was imported here with the id {id}: import that office's staff file first, or add a national-code column":
    'هیچ کارمندی با شناسهٔ {id} به این اداره وارد نشده است: نخست فایل کارکنان آن اداره را وارد کنید، یا ستون national-code بیفزایید',
  "{field} is required: give the staff member's id, national code or full name":
    'ستون {field} لازم است: شناسه، کد ملی یا نام کامل کارمند را بدهید',
  'the national code is not that of staff member #{id} ({found}): check the row':
    'کد ملی از آنِ کارمند #{id} ({found}) نیست: ردیف را بررسی کنید',
  'staff member #{id} ({found})': 'کارمند #{id} ({found})',
  'no client has this national code': 'هیچ مددجویی این کد ملی را ندارد',
  "no clients was imported here with the id {id}: import that office's clients file first, or add a national-code column":
    'هیچ مددجویی با شناسهٔ {id} به این اداره وارد نشده است: نخست فایل مددجویان آن اداره را وارد کنید، یا ستون national-code بیفزایید',
  "{field} is required: give the client's id or national code": 'ستون {field} لازم است: شناسه یا کد ملی مددجو را بدهید',
  'the national code is not that of client #{id} ({found}): check the row': 'کد ملی از آنِ مددجوی #{id} ({found}) نیست: ردیف را بررسی کنید',
  'client #{id} ({found})': 'مددجوی #{id} ({found})',

  // Centers, shifts, courses, enrolments and workshops.
  'no center {id} in this office': 'مرکزی با شناسهٔ {id} در این اداره نیست',
  'differs from the stored center #{id} in {fields}: centers are not changed by import':
    'با مرکز ثبت‌شدهٔ #{id} در {fields} فرق دارد: مراکز با ورود فایل تغییر نمی‌کنند',
  'no shift pattern {id} in this office': 'الگوی کشیکی با شناسهٔ {id} در این اداره نیست',
  "shift pattern #{id} is a {service} shift: a pattern's service does not change":
    'الگوی کشیک #{id} کشیک {service} است: خدمت یک الگو تغییر نمی‌کند',
  'shift pattern #{id} was retired on {date}: a retirement does not change':
    'الگوی کشیک #{id} در {date} کنار گذاشته شده است: کنار گذاشتن تغییر نمی‌کند',
  'no roster assignment {id} in this office': 'نوبت کشیکی با شناسهٔ {id} در این اداره نیست',
  "no shift pattern was imported here with the id in the pattern column: import that office's shift-patterns file first, or add pattern-name and service columns":
    'هیچ الگوی کشیکی با شناسهٔ ستون `pattern` به این اداره وارد نشده است: نخست فایل shift-patterns آن اداره را وارد کنید، یا ستون‌های pattern-name و `service` را بیفزایید',
  "pattern is required: give the shift pattern's id, or its name (with the service)":
    'ستون `pattern` لازم است: شناسهٔ الگوی کشیک یا نام آن را (همراه خدمت) بدهید',
  'shift pattern #{id} is a {service} shift, not one of the service given':
    'الگوی کشیک #{id} کشیک {service} است، نه کشیک خدمتی که داده شده',
  'shift pattern #{id} is named "{name}", not as the pattern-name column says':
    'نام الگوی کشیک #{id} «{name}» است، نه آنچه ستون pattern-name می‌گوید',
  'shift pattern #{id} runs {start}–{end} on that date, not as the {column} column says':
    'الگوی کشیک #{id} در آن روز از {start} تا {end} است، نه آن‌گونه که ستون {column} می‌گوید',
  'differs from the stored roster assignment #{id} in {fields}: move people with "roster unassign", "roster assign" or "roster swap"':
    'با نوبت کشیک ثبت‌شدهٔ #{id} در {fields} فرق دارد: افراد را با `parvande roster unassign`، `parvande roster assign` یا `parvande roster swap` جابه‌جا کنید',
  'no course {id} in this office': 'دوره‌ای با شناسهٔ {id} در این اداره نیست',
  '{count} runs of this course start that day ({ids}): add an id column':
    '{count} دورهٔ هم‌نام در آن روز آغاز می‌شود ({ids}): ستون `id` بیفزایید',
  'no enrolment {id} in this office': 'ثبت‌نامی با شناسهٔ {id} در این اداره نیست',
  '{field} is filled but the status is {status}: empty one of them': 'ستون {field} پر است، اما وضعیت {status} است: یکی را خالی کنید',
  "no course was imported here with the id in the course column: import that office's courses file first, or add a course-title column":
    'هیچ دوره‌ای با شناسهٔ ستون `course` به این اداره وارد نشده است: نخست فایل دوره‌های آن اداره را وارد کنید، یا ستون course-title بیفزایید',
  "course is required: give the course's id or title": 'ستون `course` لازم است: شناسه یا عنوان دوره را بدهید',
  'course #{id} has another title than the course-title column says': 'عنوان دورهٔ #{id} با آنچه ستون course-title می‌گوید فرق دارد',
  'course #{id} is full ({capacity} places): the person goes on the waiting list, not {status}; leave the status empty or write waiting, or raise the capacity':
    'دورهٔ #{id} پر است ({capacity} جا): این فرد به فهرست انتظار می‌رود، نه {status}؛ وضعیت را خالی بگذارید یا `waiting` بنویسید، یا ظرفیت را بیشتر کنید',
  'enrolment #{id} is on the waiting list (position {position}): it moves up only when a place frees up':
    'ثبت‌نام #{id} در فهرست انتظار است (نوبت {position}): تنها وقتی جایی خالی شود جلو می‌رود',
  'course #{id} has a free place: the person is enrolled, not waiting; leave the status empty or write enrolled':
    'دورهٔ #{id} جای خالی دارد: این فرد ثبت‌نام می‌شود، نه در انتظار؛ وضعیت را خالی بگذارید یا `enrolled` بنویسید',
  'enrolment #{id} is {status}, not waiting': 'وضعیت ثبت‌نام #{id} {status} است، نه `waiting`',
  'enrolment #{id} is {status}: a file does not take it back to {want}':
    'وضعیت ثبت‌نام #{id} {status} است: فایل آن را به {want} برنمی‌گرداند',
  'requested-on, enrolled-on, attended-on and completed-on or dropped-on must follow one another, none in the future':
    'تاریخ‌های requested-on، enrolled-on، attended-on و completed-on یا dropped-on باید به همین ترتیب از پی هم بیایند و هیچ‌کدام در آینده نباشد',
  'course #{id} starts on {date}; attended-on is before that': 'دورهٔ #{id} در {date} آغاز می‌شود؛ attended-on پیش از آن است',
  "enrolment #{id} is not staff member #{person}'s on course #{course}: check the id column":
    'ثبت‌نام #{id} از آنِ کارمند #{person} در دورهٔ #{course} نیست: ستون `id` را بررسی کنید',
  "enrolment #{id} is not client #{person}'s on course #{course}: check the id column":
    'ثبت‌نام #{id} از آنِ مددجوی #{person} در دورهٔ #{course} نیست: ستون `id` را بررسی کنید',
  "the commands' rules give {fields} other than the row says (status {status}): check the row":
    'قواعد فرمان‌ها {fields} را جز آنچه ردیف می‌گوید به دست می‌دهند (وضعیت {status}): ردیف را بررسی کنید',
  'differs from the stored enrolment #{id} ({status}) in {fields}: a file only moves an enrolment on (attended, completed, dropped); use the training commands':
    'با ثبت‌نام ثبت‌شدهٔ #{id} ({status}) در {fields} فرق دارد: فایل ثبت‌نام را تنها پیش می‌برد (`attended`، `completed`، `dropped`)؛ فرمان‌های `parvande training` را به کار ببرید',
  'no workshop {id} in this office': 'کارگاهی با شناسهٔ {id} در این اداره نیست',
};
