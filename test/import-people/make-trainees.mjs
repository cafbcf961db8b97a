// Writes fixtures/import/trainees-354.xlsx, byte for byte the same on every run:
//   node test/import-people/make-trainees.mjs
// The province's list of the 354 experts it trains in Azar 1405, as its Excel
// file comes: a title row, Persian headers, national codes in number cells (so
// those starting with 0 lost their zeros), names with Arabic ي/ك now and then,
// request dates as Jalali text in Persian or ASCII digits or as Excel date cells.
// The file is committed; test/import-people/trainees.test.ts checks that this
// script still produces it unchanged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { FIXTURES, nationalCode } from '../import/make-fixtures.mjs';

export const FILE = 'trainees-354.xlsx';
export const HEADER = ['ردیف', 'نام', 'نام خانوادگی', 'کد ملی', 'سمت', 'بخش', 'عنوان دوره', 'تاریخ ثبت نام'];

/** The six courses of the month; the last has fewer places than requests. */
export const COURSES = [
  { title: 'مداخله در بحران خودکشی', hours: 16, from: '1405/09/10', to: '1405/09/12', capacity: 60, mandatoryFor: 'intervener' },
  { title: 'مددکاری اجتماعی با خانواده', hours: 24, from: '1405/09/13', to: '1405/09/16', capacity: 60, mandatoryFor: 'social-worker' },
  { title: 'پیشگیری از کودک‌آزاری', hours: 12, from: '1405/09/17', to: '1405/09/18', capacity: 60, mandatoryFor: '' },
  { title: 'مشاوره تلفنی خط ۱۲۳', hours: 8, from: '1405/09/20', to: '1405/09/20', capacity: 60, mandatoryFor: '' },
  { title: 'کار با زنان آسیب‌دیده اجتماعی', hours: 16, from: '1405/09/22', to: '1405/09/24', capacity: 60, mandatoryFor: '' },
  { title: 'مراقبت از سالمندان و افراد دارای معلولیت', hours: 20, from: '1405/09/25', to: '1405/09/28', capacity: 50, mandatoryFor: '' },
];

const FIRST = [
  'زهرا',
  'علی',
  'مریم',
  'محمد',
  'فاطمه',
  'حسین',
  'سمیرا',
  'رضا',
  'نرگس',
  'مهدی',
  'لیلا',
  'امیر',
  'کبری',
  'یاسر',
  'سکینه',
  'کاظم',
  'مینا',
  'حمید',
  'الهام',
  'یوسف',
];
const LAST = [
  'احمدی',
  'کریمی',
  'رضایی',
  'موسوی',
  'حسینی',
  'کاظمی',
  'یزدانی',
  'رستمی',
  'نوری',
  'جعفری',
  'قاسمی',
  'صادقی',
  'کیانی',
  'یعقوبی',
  'محمدی',
  'شریفی',
  'بیگی',
  'زارعی',
  'فرهادی',
  'عباسی',
];
const ROLES = ['مددکار اجتماعی', 'روانشناس', 'مداخله‌گر', 'مداخله گر', 'روانشناس', 'مددکار اجتماعی'];
const SECTORS = ['دولتی', 'غیردولتی', 'غير دولتي'];

const arabic = (s) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const persianDigits = (s) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
const GREGORIAN_ABAN_1 = Date.UTC(2026, 9, 23); // 1405/08/01

/** The 354 trainees, each with the values the tests expect after import. */
export const TRAINEES = Array.from({ length: 354 }, (_, i) => {
  const a = Math.floor(i / 20);
  const b = i % 20;
  // Every pair of first and last name once; a code from the row number, a tenth starting with 00.
  const made = i % 10 === 3 ? `00${String(1000000 + i * 2713).slice(-7)}` : String(100000000 + i * 2_345_671).slice(-9);
  // Digits 4 to 9 all zero are never issued (row 0 made one): change the ninth digit.
  const nine = made.slice(3) === '000000' ? `${made.slice(0, 8)}7` : made;
  const day = 1 + (i % 30);
  return {
    first: FIRST[b],
    last: LAST[(a + b) % 20],
    code: nationalCode(nine),
    role: ROLES[i % ROLES.length],
    roleCode: ['social-worker', 'psychologist', 'intervener', 'intervener', 'psychologist', 'social-worker'][i % ROLES.length],
    sector: SECTORS[i % SECTORS.length],
    sectorCode: i % 3 === 0 ? 'gov' : 'ngo',
    course: i % COURSES.length,
    day,
    requestedIso: new Date(GREGORIAN_ABAN_1 + (day - 1) * 86_400_000).toISOString().slice(0, 10),
    spelledArabic: i % 7 === 5,
  };
});

function pinZipTimes(buf) {
  const out = Buffer.from(buf);
  const DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 14 <= out.length) {
      out.writeUInt16LE(0, i + 10);
      out.writeUInt16LE(DATE, i + 12);
    } else if (sig === 0x02014b50 && i + 16 <= out.length) {
      out.writeUInt16LE(0, i + 12);
      out.writeUInt16LE(DATE, i + 14);
    }
  }
  return out;
}

export async function makeTrainees() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parvande fixtures';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = new Date(Date.UTC(2025, 0, 1));
  const ws = wb.addWorksheet('فراگیران آذر ۱۴۰۵', { views: [{ rightToLeft: true }] });
  ws.addRow(['فهرست فراگیران دوره‌های تخصصی آذر ۱۴۰۵ - اداره کل بهزیستی استان']);
  ws.mergeCells('A1:H1');
  ws.addRow(HEADER);
  TRAINEES.forEach((t, i) => {
    const jalali = `1405/${i % 2 === 0 ? '08' : '8'}/${i % 2 === 0 ? String(t.day).padStart(2, '0') : t.day}`;
    const requested = i % 3 === 0 ? persianDigits(jalali) : i % 3 === 1 ? jalali : new Date(`${t.requestedIso}T00:00:00Z`);
    const title = COURSES[t.course].title;
    const row = ws.addRow([
      i % 2 === 0 ? persianDigits(String(i + 1)) : i + 1,
      t.spelledArabic ? arabic(t.first) : t.first,
      t.spelledArabic ? arabic(t.last) : t.last,
      Number(t.code),
      t.role,
      t.sector,
      i % 11 === 4 ? arabic(title) : title,
      requested,
    ]);
    if (requested instanceof Date) row.getCell(8).numFmt = 'yyyy/mm/dd';
  });
  return pinZipTimes(await wb.xlsx.writeBuffer());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const data = await makeTrainees();
  writeFileSync(join(FIXTURES, FILE), data);
  console.log(`wrote ${FILE} (${TRAINEES.length} trainees) to ${FIXTURES}`);
}
