/** Persian of the messages said in store: see src/messages/fa/index.ts. */
export const STORE: Readonly<Record<string, string>> = {
  'cannot remove {file} ({code}): is another program using it?': '{file} حذف نشد ({code}): آیا برنامهٔ دیگری از آن استفاده می‌کند؟',
  'narrowReportCounts: bad id {id}': '`narrowReportCounts`: شناسهٔ نادرست {id}',
  // `db check` (src/store/maintenance.ts).
  '{path} is at schema {version} of {latest}: run "parvande db migrate"':
    'ساختار پایگاه دادهٔ {path} در نسخهٔ {version} از {latest} است: `parvande db migrate` را اجرا کنید',
  "{path} failed its check: the audit trail's append-only trigger(s) {triggers} are missing":
    '{path} در بررسی رد شد: تریگرهای «فقط افزودنی» دفتر رویدادها ({triggers}) از میان رفته‌اند',
  '{path} failed its check: the audit trail is broken at entry #{id} (it was changed, or an entry before it was)':
    '{path} در بررسی رد شد: زنجیرهٔ دفتر رویدادها در رویداد #{id} گسسته است (این رویداد یا رویدادی پیش از آن تغییر کرده است)',
  '{path} failed its check: the audit trail is broken at entry #{id} (it follows a missing entry, or an entry before it was)':
    '{path} در بررسی رد شد: زنجیرهٔ دفتر رویدادها در رویداد #{id} گسسته است (پیش از این رویداد یا پیش از رویدادی قبل از آن، رویدادی از میان رفته است)',
  '{path} failed its check: the audit trail is broken at entry #{id} (it has no hash, or an entry before it was)':
    '{path} در بررسی رد شد: زنجیرهٔ دفتر رویدادها در رویداد #{id} گسسته است (این رویداد یا رویدادی پیش از آن هش ندارد)',
  '{path} failed its check: {count} report count(s) differ from a recount of the records':
    '{path} در بررسی رد شد: {count} شمارش گزارش با شمارش دوبارهٔ سوابق یکی نیست',
  '{path} failed its check (integrity or foreign keys)': '{path} در بررسی رد شد (یکپارچگی یا کلیدهای خارجی)',
};
