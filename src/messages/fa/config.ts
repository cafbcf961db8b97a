/** Persian of the messages said in config: see src/messages/fa/index.ts. */
export const CONFIG: Readonly<Record<string, string>> = {
  // The settings file (settings-file.ts).
  'settings file {path}: {why}; correct it in a text editor, or remove it and set again with "parvande config set"':
    'فایل تنظیمات {path}: {why}؛ آن را در یک ویرایشگر متن اصلاح کنید، یا پاکش کنید و با `parvande config set` دوباره تنظیم کنید',
  'cannot be read: {why}': 'خوانده نمی‌شود: {why}',
  'it is {size} bytes; a settings file is at most {max}': 'حجم آن {size} بایت است؛ فایل تنظیمات حداکثر {max} بایت است',
  'it is not valid JSON (expected e.g. {example})': 'JSON معتبر نیست (نمونهٔ درست: {example})',
  'it is not a JSON object (expected e.g. {example})': 'شیء JSON نیست (نمونهٔ درست: {example})',
  'the value of "{key}" is not a text in quotes': 'مقدار «{key}» متنی درون گیومه نیست',

  // A setting's value refused (settings.ts; also runtime.ts and report formats).
  'invalid {flag}: {rule}': 'مقدار نامعتبر برای {flag}: {rule}',
  'invalid {variable}: {rule}': 'مقدار نامعتبر برای {variable}: {rule}',
  'invalid value for {key}: {rule}': 'مقدار نامعتبر برای {key}: {rule}',
  'invalid {key}: {rule}': 'مقدار نامعتبر برای {key}: {rule}',
  '{variable}: {rule}': '{variable}: {rule}',
  'expected {first} or {second}': 'باید {first} یا {second} باشد',
  'give a file name': 'نام فایل را بدهید',
  'a file name holds no control character': 'نام فایل نباید نویسهٔ کنترلی داشته باشد',
  'expected a full path (parvande config set db makes one)': 'مسیر کامل لازم است (`parvande config set db` آن را می‌سازد)',
  'unknown setting; expected one of {keys}': 'تنظیم ناشناخته؛ یکی از {keys} را بدهید',
  'unknown key "{key}" (known keys: {keys})': 'کلید ناشناختهٔ «{key}» (کلیدهای شناخته: {keys})',
};
