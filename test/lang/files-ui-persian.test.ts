/**
 * The file readers', the settings' and the views' messages in Persian: the English stays as it
 * was, the Persian names the same row, column and file with Persian digits.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { fsErrorText } from '../../src/files/output-file.js';
import { fileError } from '../../src/files/source.js';
import { render, t } from '../../src/messages/catalogue.js';
import { settingKey } from '../../src/config/settings.js';
import { duplicatesNote } from '../../src/ui/views/clients.js';

describe('file, settings and view messages in Persian', () => {
  it('a file error names row and column in either language', () => {
    const err = fileError(t('the file has a header but no data rows'), { row: 12, column: 'B' });
    expect(err.message).toBe('row 12, column B: the file has a header but no data rows');
    expect(render(err.text, 'fa')).toBe('ردیف ۱۲، ستون B: فایل ردیف عنوان دارد اما هیچ ردیف داده‌ای ندارد');
  });

  it('an fs failure reads in Persian inside a refusal', () => {
    const why = fsErrorText({ code: 'ENOSPC' });
    const err = new ValidationError(t('cannot write {target}: {why}', { target: 'out.csv', why }), 'out');
    expect(err.message).toBe('cannot write out.csv: the disk is full');
    expect(render(err.text, 'fa')).toBe('نوشتن out.csv ممکن نیست: دیسک پر است');
  });

  it('an unknown setting is refused in Persian without repeating what was typed', () => {
    let caught: unknown;
    try {
      settingKey('زهرا');
    } catch (e) {
      caught = e;
    }
    const err = caught as ValidationError;
    expect(err.message).toBe('unknown setting; expected one of lang, calendar, db, actor');
    expect(render(err.text, 'fa')).toBe('تنظیم ناشناخته؛ یکی از lang, calendar, db, actor را بدهید');
  });

  it('possible duplicates are listed with the language comma and digits', () => {
    const note = duplicatesNote([
      { id: 3, reason: 'same-name-and-birth' },
      { id: 14, reason: 'same-name' },
    ] as Parameters<typeof duplicatesNote>[0]);
    expect(render(note, 'en')).toBe('possible duplicate of #3 (same name and birth date), #14 (same name): check before opening a case');
    expect(render(note, 'fa')).toBe('ممکن است با #۳ (نام و تاریخ تولد یکسان)، #۱۴ (نام یکسان) تکراری باشد: پیش از تشکیل پرونده بررسی کنید');
  });
});
