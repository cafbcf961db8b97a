/**
 * Dates in messages are shown in the display calendar, never ISO (issue #13): refusals whose
 * message names a day (before the case was opened, closed; a worker who left; a course's
 * start; a referral's entry) run in English and in Persian, by the built program, and stderr
 * holds no YYYY-MM-DD. --json keeps ISO; --calendar gregorian shows the Gregorian day.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { makeOffice, type TestOffice } from '../helpers/office.js';

const ISO = /\d{4}-\d{2}-\d{2}/;
let o: TestOffice;
let caseNumber = '';
let closedCase = '';

beforeAll(async () => {
  o = await makeOffice('MSG01');
  await o.json(['staff', 'add', '--first-name', 'مریم', '--last-name', 'رضایی', '--role', 'social-worker', '--sector', 'gov']);
  await o.json(['staff', 'leave', '1', '--date', '1405/09/01']);
  await o.json(['roster', 'pattern', 'add', '--service', 'hotline', '--name', 'صبح', '--start', '08:00', '--end', '14:00']);
  await o.json(['client', 'add', '--first-name', 'سارا', '--last-name', 'نوری']);
  const c = await o.json([
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
    '--opened',
    '1405/09/02',
  ]);
  caseNumber = c.caseNumber;
  const d = await o.json([
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'low',
    '--opened',
    '1405/09/01',
  ]);
  closedCase = d.caseNumber;
  await o.json(['case', 'close', closedCase, '--reason', 'resolved', '--date', '1405/09/03']);
  await o.json(['training', 'course', 'add', '--title', 'دوره', '--from', '1405/09/04', '--hours', '8']);
  await o.json([
    'referral',
    'add',
    '--case',
    caseNumber,
    '--to',
    'police',
    '--agency',
    'کلانتری',
    '--reason',
    'گزارش',
    '--date',
    '1405/09/03',
  ]);
});
afterAll(() => o.cleanup());

/** Command lines refused with a day in their message. */
const refusals = (): string[][] => [
  ['service', 'log', '--case', caseNumber, '--type', 'social-work', '--date', '1405/09/01'],
  ['followup', 'schedule', '--case', caseNumber, '--due', '1405/08/01'],
  ['case', 'reopen', closedCase, '--date', '1405/09/02'],
  ['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', '1405/09/03'],
  ['referral', 'update', '1', '--status', 'feedback', '--date', '1405/09/02'],
  ['case', 'note', caseNumber, '--text', 'یادداشت', '--date', '1405/09/01'],
];

describe('no ISO date in a message a person reads', () => {
  for (const lang of ['en', 'fa']) {
    it(`--lang ${lang}: every refusal names its day in the Jalali calendar`, async () => {
      for (const args of refusals()) {
        const r = await runBin(['--db', o.db, '--lang', lang, ...args]);
        expect(r.code, args.join(' ')).not.toBe(0);
        expect(r.code, args.join(' ')).not.toBe(1);
        expect(r.stderr, args.join(' ')).not.toMatch(ISO);
        // A day is named: Jalali, in Persian digits under fa.
        expect(r.stderr, args.join(' ')).toMatch(lang === 'fa' ? /۱۴۰۵\/۰۹\/۰[1-9۱-۹]|۱۴۰۵/ : /1405\/09\/0\d/);
      }
    });
  }

  it('the message of a refusal, exactly, in both languages and in the Gregorian calendar; --json keeps ISO', async () => {
    const args = ['service', 'log', '--case', caseNumber, '--type', 'social-work', '--date', '1405/09/01'];
    const en = await runBin(['--db', o.db, ...args]);
    expect(en.stderr).toBe('error: date is before the case was opened (1405/09/02)\n');
    const fa = await runBin(['--db', o.db, '--lang', 'fa', ...args]);
    expect(fa.stderr).toBe('خطا: تاریخ پیش از تشکیل پرونده است (۱۴۰۵/۰۹/۰۲)\n');
    const greg = await runBin(['--db', o.db, '--calendar', 'gregorian', ...args]);
    expect(greg.stderr).toBe('error: date is before the case was opened (2026-11-23)\n');
    const json = await runBin(['--db', o.db, '--json', ...args]);
    expect(JSON.parse(json.stderr).error.message).toBe('date is before the case was opened (2026-11-23)');
  });

  it("an import's refused rows quote their reasons with the day in the display calendar; --json keeps ISO", async () => {
    const file = join(o.dir, 'services.csv');
    writeFileSync(file, `case,type,date,minutes\n${caseNumber},social-work,1405/09/01,30\n`);
    const en = await runBin(['--db', o.db, 'import', 'services', file]);
    expect(en.stdout).toContain('date is before the case was opened (1405/09/02)');
    const fa = await runBin(['--db', o.db, '--lang', 'fa', 'import', 'services', file]);
    expect(fa.stdout).toContain('تاریخ پیش از تشکیل پرونده است (۱۴۰۵/۰۹/۰۲)');
    expect(en.stdout + fa.stdout).not.toMatch(ISO);
    const json = await runBin(['--db', o.db, '--json', 'import', 'services', file]);
    expect(JSON.parse(json.stdout).errors[0].reason).toBe('date is before the case was opened (2026-11-23)');
  });

  it('the settings file decides the calendar of a message too (PARVANDE_CALENDAR)', async () => {
    const args = ['service', 'log', '--case', caseNumber, '--type', 'social-work', '--date', '1405/09/01'];
    const r = await runBin(['--db', o.db, ...args], { env: { PARVANDE_CALENDAR: 'gregorian', PARVANDE_LANG: 'fa' } });
    expect(r.stderr).toBe('خطا: تاریخ پیش از تشکیل پرونده است (۲۰۲۶-۱۱-۲۳)\n');
  });

  it('a file name that holds a day is left as it is', async () => {
    const { datesForReading } = await import('../../src/lang/dates.js');
    const opts = { calendar: 'jalali', lang: 'en' } as const;
    expect(datesForReading('cannot write /x/parvande-MSG01-2026-11-25.csv: the disk is full', opts)).toBe(
      'cannot write /x/parvande-MSG01-2026-11-25.csv: the disk is full',
    );
    expect(datesForReading('closed on 2026-11-25.', opts)).toBe('closed on 1405/09/04.');
    expect(datesForReading('at 2026-11-25T08:00Z', opts)).toBe('at 2026-11-25T08:00Z');
    expect(datesForReading('due 2026-11-25, 2026-11-26 and (2026-11-27)', opts)).toBe('due 1405/09/04, 1405/09/05 and (1405/09/06)');
    expect(datesForReading('in C:\\backups\\2026-11-25\\office.db', opts)).toBe('in C:\\backups\\2026-11-25\\office.db');
    // An example of what to type is a format, not a day.
    expect(datesForReading('invalid date for --from: expected e.g. 1405/09/04, 2026-11-25, today; closed 2026-11-25', opts)).toBe(
      'invalid date for --from: expected e.g. 1405/09/04, 2026-11-25, today; closed 1405/09/04',
    );
  });
});
