/** Persian of the messages said in files: see src/messages/fa/index.ts. */
export const FILES: Readonly<Record<string, string>> = {
  // Where in the file (src/files/source.ts fileError).
  'row {row}, column {column}: {message}': 'ردیف {row}، ستون {column}: {message}',
  'row {row}: {message}': 'ردیف {row}: {message}',
  'column {column}: {message}': 'ستون {column}: {message}',
  '{path} is not a file': '{path} فایل نیست',
  'no file at {path}': 'فایلی در {path} نیست',

  // Choosing the reader (table.ts, stdin.ts).
  'old Excel .xls files cannot be read: save the sheet as .xlsx or as CSV UTF-8':
    'فایل‌های قدیمی Excel با پسوند .xls خوانده نمی‌شوند: برگه را با قالب .xlsx یا CSV UTF-8 ذخیره کنید',
  'OpenDocument .ods files cannot be read: save the sheet as .xlsx or as CSV UTF-8':
    'فایل‌های `.ods` خوانده نمی‌شوند: برگه را با قالب .xlsx یا CSV UTF-8 ذخیره کنید',
  '--encoding applies to CSV and text files, not XLSX': '--encoding فقط برای فایل‌های CSV و متنی است، نه XLSX',
  '--sheet applies to XLSX files only': '--sheet فقط برای فایل‌های XLSX است',
  'standard input is a terminal: pipe a file into parvande (… - < clients.csv) or give the file name':
    'ورودی استاندارد پایانه است: فایلی را به parvande بدهید (`… - < clients.csv`) یا نام فایل را بنویسید',

  // CSV and encodings (csv-source.ts, csv-tokenizer.ts, encoding.ts).
  'unknown --separator: expected comma, semicolon or tab': 'مقدار --separator شناخته نیست: یکی از `comma`، `semicolon` یا `tab` را بدهید',
  'unknown --encoding: expected utf8, windows-1256 or utf16le':
    'مقدار --encoding شناخته نیست: یکی از utf8، windows-1256 یا utf16le را بدهید',
  'the file is empty': 'فایل خالی است',
  'the file starts with a {found} byte-order mark, but --encoding says {declared}':
    'فایل با نشانهٔ ترتیب بایت (BOM) {found} شروع می‌شود، اما --encoding می‌گوید {declared}',
  'the file does not look like {declared} text (--encoding): drop --encoding to detect it':
    'فایل به متن {declared} نمی‌ماند (--encoding): --encoding را بردارید تا رمزگذاری فایل خودکار تشخیص داده شود',
  'the file looks like {found} text, but --encoding says {declared}': 'فایل به متن {found} می‌ماند، اما --encoding می‌گوید {declared}',
  'the file changed while it was being read': 'فایل در حین خواندن تغییر کرد',
  '{cells} cells, but the header has {columns} columns (a separator inside a value that is not quoted?)':
    '{cells} خانه دارد، اما ردیف عنوان {columns} ستون دارد (جداکننده‌ای درون مقداری که در گیومه نیست؟)',
  'the file has no header row: it holds only blank lines': 'فایل ردیف عنوان ندارد: فقط سطرهای خالی دارد',
  'the text is not valid {encoding}: the file looks like Windows-1256 (try --encoding windows-1256, or drop --encoding)':
    'متن در رمزگذاری {encoding} معتبر نیست: فایل به Windows-1256 می‌ماند (`--encoding windows-1256` را امتحان کنید، یا --encoding را بردارید)',
  'the text is not valid {encoding}': 'متن در رمزگذاری {encoding} معتبر نیست',
  'the file is UTF-8 text, but --encoding says Windows-1256: drop --encoding or give --encoding utf8':
    'فایل متن UTF-8 است، اما --encoding می‌گوید Windows-1256: --encoding را بردارید یا `--encoding utf8` بدهید',
  'the file has no header row': 'فایل ردیف عنوان ندارد',
  'the file has a header but no data rows': 'فایل ردیف عنوان دارد اما هیچ ردیف داده‌ای ندارد',
  'a quoted cell is never closed (a missing " ?)': 'خانه‌ای که با گیومه باز شده هرگز بسته نمی‌شود (یک " جاافتاده؟)',
  'text after the closing quote of a quoted cell (a quote inside it not doubled?)':
    'پس از گیومهٔ پایانی خانه متن آمده است (گیومه‌ای درون آن دوتایی نوشته نشده؟)',
  'more than {max} cells in one row': 'بیش از {max} خانه در یک ردیف',
  'a cell is longer than {max} characters (more than Excel holds; an unclosed quote?)':
    'خانه‌ای بلندتر از {max} نویسه است (بیش از گنجایش Excel؛ گیومه‌ای بسته نشده؟)',
  'invalid text': 'متن نامعتبر',

  // JSON (json-source.ts).
  'the JSON file is not an array of records (it must start with "[")': 'فایل JSON آرایه‌ای از رکوردها نیست (باید با «[» شروع شود)',
  'text after the end of the JSON array': 'پس از پایان آرایهٔ JSON متن آمده است',
  'a JSON record is larger than {size} MB': 'یک رکورد JSON بزرگ‌تر از {size} مگابایت است',
  'the JSON array is never closed (a truncated file?)': 'آرایهٔ JSON هرگز بسته نمی‌شود (فایل ناقص است؟)',
  'an empty element in the JSON array (two commas in a row?)': 'عنصری خالی در آرایهٔ JSON (دو ویرگول پشت سر هم؟)',
  'a nested value; expected text, a number, true/false or null': 'مقدار تودرتو؛ باید متن، عدد، `true`/`false` یا `null` باشد',
  'not valid JSON': 'JSON معتبر نیست',
  'not a JSON object': 'شیء JSON نیست',
  'the JSON file is not valid UTF-8 text': 'فایل JSON متن UTF-8 معتبر نیست',
  'the JSON array has no records': 'آرایهٔ JSON هیچ رکوردی ندارد',

  // XLSX (xlsx-source.ts, xlsx-cells.ts, zip.ts).
  'the XLSX file is truncated or damaged ({reason}): save it again from Excel':
    'فایل XLSX ناقص یا آسیب‌دیده است ({reason}): آن را دوباره از Excel ذخیره کنید',
  'not an XLSX workbook (no xl/workbook.xml): save it as .xlsx from Excel':
    'کتاب کار XLSX نیست (`xl/workbook.xml` ندارد): آن را از Excel با قالب .xlsx ذخیره کنید',
  'the workbook has no sheets': 'کتاب کار هیچ برگه‌ای ندارد',
  'no sheet has the name given for --sheet; the workbook has {sheets}':
    'هیچ برگه‌ای نامی را که برای --sheet داده شده ندارد؛ برگه‌های کتاب کار: {sheets}',
  'sheet "{sheet}" is missing': 'برگهٔ «{sheet}» وجود ندارد',
  'sheet "{sheet}" is empty': 'برگهٔ «{sheet}» خالی است',
  'merged cells {ref} cannot be imported (only the first cell holds the value): unmerge them and fill in every cell':
    'خانه‌های ادغام‌شدهٔ {ref} را نمی‌توان وارد کرد (فقط خانهٔ نخست مقدار دارد): ادغام را بردارید و همهٔ خانه‌ها را پر کنید',
  'sheet "{sheet}" has a header but no data rows': 'برگهٔ «{sheet}» ردیف عنوان دارد اما هیچ ردیف داده‌ای ندارد',
  'a value in column {column}, which has no header': 'مقداری در ستون {column} که عنوان ندارد',
  'sheet "{sheet}" could not be read from the workbook': 'برگهٔ «{sheet}» از کتاب کار خوانده نشد',
  'the XLSX file could not be read ({reason}): save it again from Excel':
    'فایل XLSX خوانده نشد ({reason}): آن را دوباره از Excel ذخیره کنید',
  'a date Excel cannot show': 'تاریخی که Excel نمی‌تواند نشان دهد',
  'a formula with no stored result (open and save the file in Excel)': 'فرمولی بدون نتیجهٔ ذخیره‌شده (فایل را در Excel باز و ذخیره کنید)',
  'the Excel error {error}': 'خطای Excel {error}',
  'a value that is not text, a number or a date': 'مقداری که نه متن است، نه عدد و نه تاریخ',
  'too short to be a ZIP file': 'کوتاه‌تر از آن است که فایل ZIP باشد',
  'not a ZIP file': 'فایل ZIP نیست',
  'its end (the ZIP directory) is missing': 'انتهای آن (فهرست ZIP) وجود ندارد',
  'ZIP64 files are not supported': 'فایل‌های ZIP64 پشتیبانی نمی‌شوند',
  'its ZIP directory points past the end of the file': 'فهرست ZIP آن به فراتر از پایان فایل اشاره می‌کند',
  'its ZIP directory is damaged': 'فهرست ZIP آن آسیب‌دیده است',
  'its part {part} runs past the end of the data': 'بخش {part} آن از پایان داده‌ها فراتر می‌رود',
  'its part {part} is not where the part before it ends': 'بخش {part} آن درست پس از بخش پیشین نیامده است',
  'its part {part} is damaged': 'بخش {part} آن آسیب‌دیده است',
  'its parts do not reach the ZIP directory': 'بخش‌های آن به فهرست ZIP نمی‌رسند',
  'its part {part} is encrypted': 'بخش {part} آن رمزگذاری شده است',
  'its part {part} uses an unknown compression': 'بخش {part} آن با روش فشرده‌سازی ناشناخته‌ای فشرده شده است',

  // Writing files (output-file.ts).
  'its folder does not exist': 'پوشهٔ آن وجود ندارد',
  'part of the path is a file, not a folder': 'بخشی از مسیر فایل است، نه پوشه',
  'it is a folder': 'پوشه است',
  'permission denied (or the file is open in another program, such as Excel)':
    'اجازهٔ دسترسی نیست (یا فایل در برنامهٔ دیگری مانند Excel باز است)',
  'the file is open in another program (such as Excel); close it and try again':
    'فایل در برنامهٔ دیگری (مانند Excel) باز است؛ آن را ببندید و دوباره تلاش کنید',
  'the disk is read-only': 'دیسک فقط‌خواندنی است',
  'the disk is full': 'دیسک پر است',
  'the disk quota is used up': 'سهمیهٔ دیسک تمام شده است',
  'the name is too long': 'نام بیش از حد بلند است',
  'a file of that name appeared while writing': 'در حین نوشتن، فایلی با همین نام پدید آمد',
  'it is a loop of symbolic links': 'حلقه‌ای از پیوندهای نمادین است',
  'cannot be written ({code})': 'نوشتن ممکن نیست ({code})',
  'it is the database in use; nothing was written': 'پایگاه دادهٔ در حال استفاده است؛ چیزی نوشته نشد',
  'it is the database in use (its {side} file); nothing was written': 'پایگاه دادهٔ در حال استفاده است (فایل {side} آن)؛ چیزی نوشته نشد',
  '{flag} is empty: give a file name': '{flag} خالی است: نام فایل را بدهید',
  'cannot write {target}: {why}': 'نوشتن {target} ممکن نیست: {why}',
  'it belongs to the database {database}; nothing was written': 'متعلق به پایگاه دادهٔ {database} است؛ چیزی نوشته نشد',
  'it is not a regular file (a device or a pipe); use --out - for standard output':
    'فایل عادی نیست (دستگاه یا لوله است)؛ برای خروجی استاندارد `--out -` را به کار ببرید',
  'it is not a regular file (a device or a pipe)': 'فایل عادی نیست (دستگاه یا لوله است)',
  'it is an SQLite database (a parvande office or backup?); nothing was written':
    'پایگاه دادهٔ SQLite است (فایل اداره یا پشتیبان؟)؛ چیزی نوشته نشد',
  'cannot tell whether it is a database ({why}); nothing was written': 'معلوم نیست پایگاه داده است یا نه ({why})؛ چیزی نوشته نشد',
  'the file exists; add --force to replace it': 'فایل وجود دارد؛ برای جایگزینی آن --force را اضافه کنید',
  '{flag} is empty: give a folder': '{flag} خالی است: یک پوشه بدهید',
  'cannot use the folder {folder}: it is a file': 'پوشهٔ {folder} را نمی‌توان به کار برد: فایل است',
  'cannot create the folder {folder}: {why}': 'ساختن پوشهٔ {folder} ممکن نیست: {why}',
  'cannot write into {folder}: {why}': 'نوشتن در {folder} ممکن نیست: {why}',
  'it is a symbolic link: give the folder itself; nothing was written': 'پیوند نمادین است: خود پوشه را بدهید؛ چیزی نوشته نشد',
  'it is a file, not a folder; nothing was written': 'فایل است، نه پوشه؛ چیزی نوشته نشد',
  "the folder is not empty; add --force to write into it (only the export's own files are replaced)":
    'پوشه خالی نیست؛ برای نوشتن در آن --force را اضافه کنید (فقط فایل‌های خود برون‌بری جایگزین می‌شوند)',
  'cannot write {target}: {count} files of that name exist already': 'نوشتن {target} ممکن نیست: از پیش {count} فایل با این نام وجود دارد',
  'cannot write in the temporary folder {folder}: {why}': 'نوشتن در پوشهٔ موقت {folder} ممکن نیست: {why}',
  'standard output is a terminal: XLSX is binary; redirect it to a file (> {suggestion}) or give --out FILE':
    'خروجی استاندارد پایانه است: XLSX دودویی است؛ آن را به یک فایل هدایت کنید (> {suggestion}) یا `--out FILE` بدهید',
  'it is a symbolic link: give the file itself; nothing was written': 'پیوند نمادین است: خود فایل را بدهید؛ چیزی نوشته نشد',
  'the file was replaced while it was being opened; nothing was written': 'فایل در حین باز شدن جایگزین شد؛ چیزی نوشته نشد',
};
