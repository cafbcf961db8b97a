// Writes the import fixtures under fixtures/import/, byte for byte the same on every run:
//   node test/import/make-fixtures.mjs
// The files are committed; test/import/fixtures.test.ts checks every one and that this
// script still produces them unchanged.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'fixtures', 'import');

/** A valid national code from nine digits (the tenth is the check digit). */
export function nationalCode(nine) {
  const d = nine.split('').map(Number);
  const s = d.reduce((sum, x, i) => sum + x * (10 - i), 0);
  const r = s % 11;
  return nine + String(r < 2 ? r : 11 - r);
}

// Five clients as an office's spreadsheet holds them. Two national codes start with 00 (a
// numeric cell drops those zeros), names use Arabic ي/ك, digits are Persian or ASCII, and
// dates are Jalali text.
export const PEOPLE = [
  {
    first: 'زهرا',
    last: 'احمدی',
    code: nationalCode('001354241'),
    birth: '۱۳۷۰/۰۵/۱۲',
    birthIso: '1991-08-03',
    sex: 'زن',
    mobile: '09121234567',
    address: 'کرج، گوهردشت، کوچه ۱۲',
    county: 'کرج',
  },
  {
    first: 'علي',
    last: 'كريمي',
    code: nationalCode('002000013'),
    birth: '1365/1/1',
    birthIso: '1986-03-21',
    sex: 'مرد',
    mobile: '+989351112233',
    address: 'فردیس',
    county: 'فردیس',
  },
  {
    first: 'مریم',
    last: 'رضایی',
    code: nationalCode('123456789'),
    birth: '1380/12/29',
    birthIso: '2002-03-20',
    sex: 'female',
    mobile: '00989121112233',
    address: '',
    county: 'کرج',
  },
  {
    first: 'محمد‌علی',
    last: 'موسوی',
    code: '',
    birth: '',
    birthIso: null,
    sex: 'male',
    mobile: '9191234567',
    address: 'نظرآباد',
    county: 'نظرآباد',
  },
  {
    first: 'فاطمه',
    last: 'نوری',
    code: nationalCode('456789123'),
    birth: '1399/07/05',
    birthIso: '2020-09-26',
    sex: 'زن',
    mobile: '',
    address: 'کرج',
    county: 'کرج',
  },
];

const FA_HEADER = ['ردیف', 'نام', 'نام خانوادگی', 'کد ملی', 'تاریخ تولد', 'جنسیت', 'تلفن همراه', 'نشانی', 'شهرستان'];
const EN_HEADER = ['first-name', 'last-name', 'national-code', 'birth-date', 'sex', 'mobile', 'address', 'county'];

const faRow = (p, i) => [String(i + 1), p.first, p.last, p.code, p.birth, p.sex, p.mobile, p.address, p.county];
const enRow = (p) => [p.first, p.last, p.code, p.birth, p.sex, p.mobile, p.address, p.county];

function csvLine(cells, sep) {
  return cells.map((c) => (/[",;\t\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);
}

function table(header, rows, sep, eol) {
  return [header, ...rows].map((r) => csvLine(r, sep)).join(eol) + eol;
}

/** exceljs stamps the time into the zip entries and docProps: both are pinned here. */
function pinZipTimes(buf) {
  const out = Buffer.from(buf);
  const TIME = 0x0000;
  const DATE = ((2025 - 1980) << 9) | (1 << 5) | 1;
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 14 <= out.length) {
      out.writeUInt16LE(TIME, i + 10);
      out.writeUInt16LE(DATE, i + 12);
    } else if (sig === 0x02014b50 && i + 16 <= out.length) {
      out.writeUInt16LE(TIME, i + 12);
      out.writeUInt16LE(DATE, i + 14);
    }
  }
  return out;
}

async function xlsx(build) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'parvande fixtures';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = new Date(Date.UTC(2025, 0, 1));
  build(wb);
  return pinZipTimes(await wb.xlsx.writeBuffer());
}

const dateCell = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

export async function makeFixtures(dir = FIXTURES) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  const put = (name, data) => {
    files[name] = Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8');
  };

  // Text files in every encoding, separator and line end.
  const rows = PEOPLE.map(faRow);
  put('clients-utf8.csv', table(FA_HEADER, rows, ',', '\n'));
  put(
    'clients-utf8-bom-semicolon.csv',
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(table(EN_HEADER, PEOPLE.map(enRow), ';', '\r\n'))]),
  );
  // Windows-1256 has no Persian ی or ک: Excel writes the Arabic letters, as here.
  const arabic = (s) =>
    s
      .replace(/ی/g, 'ي')
      .replace(/ک/g, 'ك')
      .replace(/\u200c/g, ' ')
      .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  put(
    'clients-windows-1256.csv',
    iconv.encode(
      table(
        FA_HEADER.map(arabic),
        rows.map((r) => r.map(arabic)),
        ',',
        '\r\n',
      ),
      'windows-1256',
    ),
  );
  put('clients-utf16le.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(table(FA_HEADER, rows, '\t', '\r\n'), 'utf16le')]));
  put(
    'clients-multiline.csv',
    table(
      ['first-name', 'last-name', 'national-code', 'notes'],
      [
        ['زهرا', 'احمدی', PEOPLE[0].code, 'تماس اول:\r\nمادر "نگران" است، پیگیری شود'],
        ['علی', 'کریمی', PEOPLE[1].code, 'یک خط\nو خط دوم'],
      ],
      ',',
      '\r\n',
    ),
  );
  put(
    'clients.json',
    JSON.stringify(
      PEOPLE.map((p) => ({
        firstName: p.first,
        lastName: p.last,
        nationalCode: p.code || null,
        birthDate: p.birth || null,
        sex: p.sex,
        mobile: p.mobile || null,
        county: p.county,
      })),
      null,
      1,
    ) + '\n',
  );

  // Broken text files.
  put('empty.csv', '');
  put('header-only.csv', table(EN_HEADER, [], ',', '\r\n'));
  put('duplicate-headers.csv', table(['نام', 'نام خانوادگی', 'نام'], [['زهرا', 'احمدی', 'زهرا']], ',', '\r\n'));
  put(
    'huge-cell.csv',
    table(
      ['first-name', 'last-name', 'notes'],
      [
        ['زهرا', 'احمدی', 'ن'.repeat(40000)],
        ['علی', 'کریمی', ''],
      ],
      ',',
      '\r\n',
    ),
  );
  put(
    'too-many-fields.csv',
    'first-name,last-name,address,county\r\nزهرا,احمدی,کرج,کرج\r\nعلی,کریمی,کرج، خیابان 5, پلاک 3,کرج\r\nمریم,رضایی,,کرج\r\n',
  );
  put('unclosed-quote.csv', 'first-name,last-name,notes\r\nزهرا,احمدی,"بدون پایان\r\nعلی,کریمی,\r\n');
  put('unknown-column.csv', table(['first-name', 'last-name', 'نام پدر'], [['زهرا', 'احمدی', 'حسن']], ',', '\r\n'));
  put('missing-column.csv', table(['first-name', 'national-code'], [['زهرا', PEOPLE[0].code]], ',', '\r\n'));
  put(
    'bad-rows.csv',
    table(
      EN_HEADER,
      [
        enRow(PEOPLE[0]),
        ['علی', 'کریمی', '1234567890', '', 'male', '', '', ''],
        ['', 'رضایی', '', '', '', '', '', ''],
        ['مریم', 'رضایی', '', '1480/01/01', 'female', '', '', ''],
        ['سارا', 'نوری', '', '', 'unknown', '09121234567', '', ''],
        enRow(PEOPLE[4]),
      ],
      ',',
      '\r\n',
    ),
  );

  // XLSX: a merged title row above the header, numeric cells that lost leading zeros,
  // Excel date cells, a bare date serial, a formula read by its value, rich text.
  put(
    'clients.xlsx',
    await xlsx((wb) => {
      const ws = wb.addWorksheet('مددجویان', { views: [{ rightToLeft: true }] });
      ws.addRow(['فهرست مددجویان اورژانس اجتماعی']);
      ws.mergeCells('A1:H1');
      ws.addRow(['نام', 'نام خانوادگی', 'کد ملی', 'تاریخ تولد', 'جنسیت', 'تلفن همراه', 'شهرستان', 'تاریخ ثبت']);
      PEOPLE.forEach((p, i) => {
        const row = ws.addRow([
          i === 1 ? { richText: [{ text: 'عل' }, { text: 'ي', font: { bold: true } }] } : p.first,
          p.last,
          p.code === '' ? null : Number(p.code),
          p.birthIso === null ? null : dateCell(p.birthIso),
          p.sex,
          p.mobile === '' ? null : p.mobile.startsWith('09') ? Number(p.mobile.slice(1)) : p.mobile,
          i === 2 ? { formula: 'LEFT("کرجی",3)', result: 'کرج' } : p.county,
          i === 0 ? 45196 : '1404/01/15',
        ]);
        row.getCell(4).numFmt = 'yyyy/mm/dd';
      });
    }),
  );
  put(
    'two-sheets.xlsx',
    await xlsx((wb) => {
      wb.addWorksheet('یادداشت').addRow(['این برگه خالی است']);
      const ws = wb.addWorksheet('clients');
      ws.addRow(EN_HEADER);
      ws.addRow(enRow(PEOPLE[0]));
    }),
  );
  put(
    'merged.xlsx',
    await xlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['نام', 'نام خانوادگی', 'شهرستان']);
      ws.addRow(['زهرا', 'احمدی', 'کرج']);
      ws.addRow(['علی', 'کریمی', null]);
      ws.addRow(['مریم', 'رضایی', null]);
      ws.mergeCells('C2:C4');
    }),
  );
  put(
    'formulas.xlsx',
    await xlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['نام', 'نام خانوادگی', 'کد ملی', 'شهرستان']);
      ws.addRow([
        'زهرا',
        { formula: 'CONCATENATE("احم","دی")', result: 'احمدی' },
        { formula: `${Number(PEOPLE[0].code)}+0`, result: Number(PEOPLE[0].code) },
        'کرج',
      ]);
      ws.addRow(['علی', 'کریمی', PEOPLE[1].code, { formula: 'A2&"?"' }]);
    }),
  );
  const good = files['clients.xlsx'];
  put('truncated.xlsx', good.subarray(0, Math.floor(good.length * 0.6)));
  // A Windows-1256 file that claims nothing: for the wrong --encoding case the tests pass --encoding utf8.
  put('wrong-encoding.csv', iconv.encode('first-name,last-name,county\r\nزهرا,احمدي,كرج\r\n'.replace(/ی/g, 'ي'), 'windows-1256'));

  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await makeFixtures();
  console.log(`wrote ${Object.keys(files).length} files to ${FIXTURES}`);
}
