// Writes the spreadsheet fixtures that only LibreOffice can make, so that tests read what
// LibreOffice itself writes (CI machines have no LibreOffice: the files are committed):
//   node test/spreadsheets/make-libreoffice-fixtures.mjs
// Needs soffice (Debian: apt-get install libreoffice-calc-nogui).
//
// jalali-dates-libreoffice.xlsx: a clerk's CSV of clients opened in LibreOffice Calc and
// saved as XLSX. Calc takes `1370-05-12` for a date of the year 1370 AD, which it keeps in the
// Julian calendar (before 1582-10-15), and stores a negative serial; `2020-02-29` and
// `1900-03-01` are ordinary Gregorian dates; `1370-06-31` (no such day in June) and
// `1403/07/05` (not a date in Calc's en-US reading) stay text.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'fixtures', 'import');

/** [first name, last name, birth date as typed]: test/spreadsheets/jalali-date-cells.test.ts knows what each must become. */
export const TYPED = [
  ['زهرا', 'احمدی', '1370-05-12'],
  ['علی', 'کریمی', '1365-01-01'],
  ['مریم', 'رضایی', '1300-02-29'],
  ['حسین', 'موسوی', '1372-02-29'],
  ['فاطمه', 'نوری', '1399-12-30'],
  ['رضا', 'حیدری', '1370-06-31'],
  ['سارا', 'قاسمی', '1403/07/05'],
  ['مهدی', 'تهرانی', '1991-08-03'],
  ['لیلا', 'کرمی', '2020-02-29'],
  ['امید', 'صادقی', '1900-03-01'],
];

function main() {
  const work = mkdtempSync(join(tmpdir(), 'parvande-lo-'));
  try {
    const csv = join(work, 'jalali-dates-libreoffice.csv');
    writeFileSync(csv, ['first-name,last-name,birth-date', ...TYPED.map((r) => r.join(','))].join('\n') + '\n');
    // CSV:44,34,76,1 = comma, double quote, UTF-8, from row 1; Calc recognises dates as it does when a person types them.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--infilter=CSV:44,34,76,1',
        '--convert-to',
        'xlsx',
        '--outdir',
        work,
        csv,
      ],
      { stdio: 'inherit' },
    );
    copyFileSync(join(work, 'jalali-dates-libreoffice.xlsx'), join(FIXTURES, 'jalali-dates-libreoffice.xlsx'));
    console.log(`wrote ${join(FIXTURES, 'jalali-dates-libreoffice.xlsx')}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
