/**
 * Export → import into an empty office → export again: every field of every
 * record comes back the same, in CSV, XLSX and JSON. The receiving office
 * already holds a center, a staff member and a client, so its ids differ from
 * the sender's and every reference (a case's client, worker and center, a
 * service's worker) must be carried by the ids recorded on import.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { office, query, type Office } from './helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from './make-fixtures.mjs';

const KINDS = ['centers', 'staff', 'clients', 'cases', 'services', 'followups'] as const;
let from: Office;

async function ok(o: Office, args: string[]): Promise<any> {
  return o.json(args);
}

beforeAll(async () => {
  from = await office('KRJ01');
  await ok(from, [
    'center',
    'add',
    '--name',
    'مرکز مداخله در بحران کرج',
    '--kind',
    'social-emergency',
    '--sector',
    'gov',
    '--capacity',
    '20',
    '--county',
    'کرج',
  ]);
  await ok(from, ['center', 'add', '--name', 'پایگاه خدمات اجتماعی گلشهر', '--kind', 'service-base', '--sector', 'ngo']);
  await ok(from, [
    'staff',
    'add',
    '--first-name',
    'نرگس',
    '--last-name',
    'کاظمی',
    '--role',
    'social-worker',
    '--sector',
    'gov',
    '--center',
    '1',
    '--national-code',
    nationalCode('004455667'),
    '--degree',
    'master',
    '--field',
    'مددکاری اجتماعی',
    '--phone',
    '02632001122',
    '--start-date',
    '1398/07/01',
  ]);
  await ok(from, [
    'staff',
    'add',
    '--first-name',
    'حمید',
    '--last-name',
    'رستمی',
    '--role',
    'psychologist',
    '--sector',
    'ngo',
    '--center',
    '2',
  ]);
  await ok(from, [
    'staff',
    'add',
    '--first-name',
    'سمیرا',
    '--last-name',
    'یزدانی',
    '--role',
    'intervener',
    '--sector',
    'gov',
    '--start-date',
    '1400/01/15',
  ]);
  await ok(from, [
    'client',
    'add',
    '--first-name',
    'زهرا',
    '--last-name',
    'احمدی',
    '--national-code',
    nationalCode('001354241'),
    '--birth-date',
    '1370/05/12',
    '--sex',
    'female',
    '--mobile',
    '09121234567',
    '--address',
    'کرج، گوهردشت، کوچه ۱۲',
    '--county',
    'کرج',
    '--woman-head',
    'yes',
    '--notes',
    'خط اول\nخط "دوم"',
    '--registered',
    '1405/02/01',
  ]);
  await ok(from, [
    'client',
    'add',
    '--first-name',
    'محمد‌علی',
    '--last-name',
    'موسوی',
    '--sex',
    'male',
    '--informal-settlement',
    'yes',
    '--registered',
    '1405/03/10',
  ]);
  await ok(from, [
    'client',
    'add',
    '--first-name',
    'کوثر',
    '--last-name',
    'رضایی',
    '--national-code',
    nationalCode('123456789'),
    '--birth-date',
    '2012-03-01',
    '--sex',
    'female',
    '--registered',
    '1405/04/01',
  ]);
  await ok(from, [
    'case',
    'open',
    '--client',
    '1',
    '--channel',
    'hotline',
    '--category',
    'spouse-abuse',
    '--categories',
    'family-dispute,divorce',
    '--risk',
    'high',
    '--worker',
    '1',
    '--center',
    '1',
    '--opened',
    '1405/04/02',
    '--summary',
    'تماس شبانه',
  ]);
  await ok(from, [
    'case',
    'open',
    '--anonymous',
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'critical',
    '--opened',
    '1405/05/01',
  ]);
  await ok(from, [
    'case',
    'open',
    '--client',
    '3',
    '--channel',
    'referral',
    '--category',
    'child-abuse',
    '--risk',
    'medium',
    '--worker',
    '3',
    '--opened',
    '1405/06/01',
  ]);
  await ok(from, [
    'service',
    'log',
    '--case',
    '1',
    '--type',
    'crisis-intervention',
    '--date',
    '1405/04/03',
    '--minutes',
    '90',
    '--note',
    'بازدید منزل',
  ]);
  await ok(from, ['service', 'log', '--type', 'hotline-call', '--date', '1405/05/01', '--minutes', '15']);
  await ok(from, ['service', 'log', '--type', 'hotline-call', '--date', '1405/05/01', '--minutes', '15']);
  await ok(from, ['service', 'log', '--case', '3', '--type', 'psychology', '--date', '1405/06/05', '--worker', '2']);
  // A voided service travels voided (issue #12).
  await ok(from, ['service', 'void', '3', '--reason', 'دو بار ثبت شد']);
  await ok(from, ['followup', 'schedule', '--case', '1', '--due', '1405/09/20', '--note', 'تماس با مادر']);
  await ok(from, ['case', 'close', '3', '--reason', 'resolved', '--date', '1405/07/01', '--followup-plan', '7,30']);
  await ok(from, ['followup', 'done', '2', '--date', '1405/07/09', '--outcome', 'کودک به مدرسه می‌رود']);
  await ok(from, ['followup', 'cancel', '3', '--reason', 'نقل مکان']);
  await ok(from, ['staff', 'leave', '3', '--date', '1405/08/01']);
});
afterAll(() => from.cleanup());

/** Rows of an office's JSON export, with ids and references replaced by what they point at. */
async function snapshot(o: Office): Promise<Record<string, unknown[]>> {
  const raw: Record<string, any[]> = {};
  for (const kind of KINDS) {
    const r = await o.cli(['export', kind, '--format', 'json']);
    expect(r.code).toBe(0);
    raw[kind] = JSON.parse(r.stdout);
  }
  const byId = (kind: string, key: (x: any) => string): Map<string, string> => new Map(raw[kind]!.map((x) => [x.id, key(x)]));
  const center = byId('centers', (x) => x.name);
  const staff = byId('staff', (x) => `${x.firstName} ${x.lastName}`);
  const client = byId('clients', (x) => `${x.firstName} ${x.lastName} ${x.nationalCode}`);
  const ref = (m: Map<string, string>, v: string | null) => (v === null ? null : (m.get(v) ?? `unknown ${v}`));
  const strip = ({ id: _id, ...rest }: any) => rest;
  return {
    centers: raw.centers!.map(strip),
    staff: raw.staff!.map((x) => ({ ...strip(x), centerId: ref(center, x.centerId) })),
    clients: raw.clients!.map(strip),
    cases: raw.cases!.map((x) => ({
      ...strip(x),
      clientId: ref(client, x.clientId),
      centerId: ref(center, x.centerId),
      workerId: ref(staff, x.workerId),
    })),
    services: raw.services!.map((x) => ({ ...strip(x), workerId: ref(staff, x.workerId) })),
    followups: raw.followups!.map((x) => ({ ...strip(x), workerId: ref(staff, x.workerId) })),
  };
}

/** The receiving office's own records, there before the import: left out of the comparison. */
const OWN = { centers: 'مرکز خودی', staff: 'کارمند', clients: 'مددجوی' };
function withoutOwn(s: Record<string, unknown[]>): Record<string, unknown[]> {
  const keep = (x: any) =>
    !JSON.stringify(x).includes(OWN.centers) && !JSON.stringify(x).includes(OWN.staff) && !JSON.stringify(x).includes(OWN.clients);
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.filter(keep)]));
}

describe.each([['csv'], ['xlsx'], ['json']])('round trip through %s', (format) => {
  test('every exported field imports back unchanged, references included', async () => {
    const to = await office('ABC02');
    try {
      await ok(to, ['center', 'add', '--name', OWN.centers, '--kind', 'other', '--sector', 'gov']);
      await ok(to, ['staff', 'add', '--first-name', OWN.staff, '--last-name', 'خودی', '--role', 'admin', '--sector', 'gov']);
      await ok(to, ['client', 'add', '--first-name', OWN.clients, '--last-name', 'خودی']);
      for (const kind of KINDS) {
        const file = join(from.dir, 'files', `${kind}-${format}.${format}`);
        const exported = await from.json(['export', kind, '--format', format, '--out', file]);
        expect(exported).toMatchObject({ kind, format, file });
        if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
        const imported = await to.json(['import', kind, file]);
        expect(imported).toMatchObject({ rejected: 0, updated: 0, unchanged: 0, inserted: exported.rows });
        // And once more: nothing changes.
        expect(await to.json(['import', kind, file])).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: exported.rows });
      }
      expect(withoutOwn(await snapshot(to))).toEqual(await snapshot(from));
      // The timeline of an imported case starts with its opening and shows its closing.
      const events = query(
        to.db,
        `SELECT e.kind, e.on_date, e.reason FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.case_number = 'KRJ01-1405-000003' AND e.kind IN ('opened','closed') ORDER BY e.id`,
      );
      expect(events).toEqual([
        { kind: 'opened', on_date: '2026-08-23', reason: null },
        { kind: 'closed', on_date: '2026-09-23', reason: 'resolved' },
      ]);
    } finally {
      to.cleanup();
    }
  });
});

test('CSV exports start with a BOM, carry Jalali twins of dates, and keep national codes whole', async () => {
  const r = await from.cli(['export', 'clients']);
  expect(r.code).toBe(0);
  const lines = r.stdout.split('\r\n');
  expect(lines[0]).toBe(
    '\ufeffid,first-name,last-name,national-code,birth-date,birth-date-jalali,sex,mobile,address,county,informal-settlement,woman-head,notes,registered-on,registered-on-jalali,merged-into',
  );
  expect(lines[1]).toBe(
    `KRJ01:1,زهرا,احمدی,${nationalCode('001354241')},1991-08-03,1370/05/12,female,09121234567,کرج، گوهردشت، کوچه ۱۲,کرج,no,yes,"خط اول\nخط ""دوم""",2026-04-21,1405/02/01,`,
  );
});

test('--lang fa writes Persian headers, which import reads back', async () => {
  const file = join(from.dir, 'files', 'fa.csv');
  await from.json(['--lang', 'fa', 'export', 'clients', '--out', file]);
  expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe(
    '\ufeffشناسه,نام,نام خانوادگی,کد ملی,تاریخ تولد,تاریخ تولد (شمسی),جنسیت,تلفن همراه,نشانی,شهرستان,سکونتگاه غیررسمی,زن سرپرست خانوار,یادداشت,تاریخ ثبت,تاریخ ثبت (شمسی),ادغام شده در',
  );
  expect(await from.json(['import', 'clients', file])).toMatchObject({ unchanged: 3, inserted: 0 });
});

test('--from and --to pick records by their date; XLSX needs --out', async () => {
  const r = await from.cli(['export', 'services', '--from', '1405/05/01', '--to', '1405/05/31', '--format', 'json']);
  expect(JSON.parse(r.stdout).map((s: any) => s.serviceDate)).toEqual(['2026-07-23', '2026-07-23']);
  const x = await from.cli(['export', 'clients', '--format', 'xlsx']);
  expect([x.code, x.stderr]).toEqual([2, 'error: --format xlsx needs --out FILE (or --out - for standard output)\n']);
  const c = await from.cli(['export', 'centers', '--from', '1405/01/01']);
  expect([c.code, c.stderr]).toEqual([2, 'error: --from and --to do not apply to centers\n']);
});

test('a Jalali twin that disagrees with its ISO date refuses the row', async () => {
  const o = await office();
  try {
    const file = o.file(
      'c.csv',
      'first-name,last-name,birth-date,birth-date-jalali\r\nزهرا,احمدی,1991-08-03,1370/05/13\r\nعلی,کریمی,,1365/01/01\r\n',
    );
    const r = await o.cli(['import', 'clients', file, '--json']);
    expect(r.json()).toMatchObject({
      inserted: 1,
      rejected: 1,
      errors: [{ row: 2, column: 'birth-date', reason: 'birth-date and birth-date-jalali give different dates: correct one of them' }],
    });
    expect(query(o.db, 'SELECT birth_date FROM clients')).toEqual([{ birth_date: '1986-03-21' }]);
  } finally {
    o.cleanup();
  }
});
