/**
 * The other kinds, from files written by hand the way an office writes them:
 * Persian headers and labels, references by national code, case number or
 * name, and the commands' rules applied to each row.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import { office, query, type Office } from './helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from './make-fixtures.mjs';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const csv = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const NC1 = nationalCode('001354241');

test('centers: Persian headers and labels; a second file with the same names changes nothing; a different capacity is refused', async () => {
  const file = o.file(
    'centers.csv',
    csv([
      ['نام مرکز', 'نوع مرکز', 'بخش', 'ظرفیت'],
      ['مرکز مداخله کرج', 'مرکز اورژانس اجتماعی', 'دولتی', '۲۰'],
      ['خانه شبه‌خانواده', 'pseudo-family', 'ngo', ''],
    ]),
  );
  expect(await o.json(['import', 'centers', file])).toMatchObject({ inserted: 2 });
  expect(query(o.db, 'SELECT name, kind, sector, capacity FROM centers ORDER BY id')).toEqual([
    { name: 'مرکز مداخله کرج', kind: 'social-emergency', sector: 'gov', capacity: 20 },
    { name: 'خانه شبه‌خانواده', kind: 'pseudo-family', sector: 'ngo', capacity: null },
  ]);
  expect(await o.json(['import', 'centers', file])).toMatchObject({ unchanged: 2 });
  const r = await o.cli([
    'import',
    'centers',
    o.file(
      'c2.csv',
      csv([
        ['name', 'kind', 'sector', 'capacity'],
        ['مرکز مداخله کرج', 'social-emergency', 'gov', '30'],
      ]),
    ),
    '--json',
  ]);
  expect(r.json().errors).toEqual([
    {
      row: 2,
      column: 'capacity',
      field: 'capacity',
      value: '30',
      reason: 'differs from the stored center #1 in capacity: centers are not changed by import',
    },
  ]);
});

test('staff: a row saying the person left is recorded as a leaving; the name finds them next time', async () => {
  const file = o.file(
    'staff.csv',
    csv([
      ['نام', 'نام خانوادگی', 'سمت', 'بخش', 'تاریخ شروع به کار', 'تاریخ ترک کار'],
      ['نرگس', 'کاظمی', 'مددکار اجتماعی', 'دولتی', '1398/07/01', ''],
      ['حمید', 'رستمی', 'psychologist', 'ngo', '1399/01/01', '1405/08/01'],
    ]),
  );
  expect(await o.json(['import', 'staff', file])).toMatchObject({ inserted: 2, rejected: 0 });
  expect(query(o.db, 'SELECT first_name, role, active, start_date, left_on FROM staff ORDER BY id')).toEqual([
    { first_name: 'نرگس', role: 'social-worker', active: 1, start_date: '2019-09-23', left_on: null },
    { first_name: 'حمید', role: 'psychologist', active: 0, start_date: '2020-03-20', left_on: '2026-10-23' },
  ]);
  expect(await o.json(['import', 'staff', file])).toMatchObject({ unchanged: 2, inserted: 0 });
});

test('cases: client by national code, worker by name, the number kept; a closed row is closed by the rules of case close', async () => {
  await o.json(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', NC1]);
  await o.json(['staff', 'add', '--first-name', 'نرگس', '--last-name', 'کاظمی', '--role', 'social-worker', '--sector', 'gov']);
  const header = [
    'شماره پرونده',
    'مددجو',
    'مسیر دریافت',
    'نوع مسئله',
    'مسائل دیگر',
    'خطر',
    'کارشناس',
    'تاریخ تشکیل',
    'وضعیت',
    'تاریخ بستن',
    'علت بستن',
  ];
  const file = o.file(
    'cases.csv',
    csv([
      header,
      [
        'KRJ07-1405-000031',
        NC1,
        'خط تلفن ۱۲۳',
        'همسرآزاری',
        '"family-dispute,divorce"',
        'زیاد',
        'نرگس کاظمی',
        '1405/04/02',
        'closed',
        '1405/05/01',
        'resolved',
      ],
      ['', '', 'hotline', 'suicide', '', 'critical', '', '1405/08/01', '', '', ''],
      ['', '', 'hotline', 'suicide', '', 'critical', '', '1405/09/10', '', '', ''],
      ['', '', 'hotline', 'suicide', '', 'critical', '', '1405/08/01', 'closed', '', 'resolved'],
      ['', '999', 'hotline', 'suicide', '', 'high', '', '1405/08/01', '', '', ''],
    ]),
  );
  const r = await o.cli(['import', 'cases', file, '--json']);
  expect(r.code).toBe(2);
  const report = r.json();
  expect(report).toMatchObject({ inserted: 2, rejected: 3 });
  expect(report.errors).toEqual([
    { row: 4, column: 'تاریخ تشکیل', field: 'opened-on', value: '1405/09/10', reason: 'opened date is in the future' },
    { row: 5, column: 'تاریخ بستن', field: 'closed-on', value: '', reason: 'a closed case needs its closed-on date' },
    { row: 6, column: 'مددجو', field: 'client-id', value: '999', reason: 'no client has the id given for --client' },
  ]);
  expect(
    query(
      o.db,
      'SELECT case_number, client_id, channel, primary_category, risk, worker_id, opened_on, status, closed_on, close_reason FROM cases ORDER BY id',
    ),
  ).toEqual([
    {
      case_number: 'KRJ07-1405-000031',
      client_id: 1,
      channel: 'hotline',
      primary_category: 'spouse-abuse',
      risk: 'high',
      worker_id: 1,
      opened_on: '2026-06-23',
      status: 'closed',
      closed_on: '2026-07-23',
      close_reason: 'resolved',
    },
    {
      case_number: 'TST01-1405-000032',
      client_id: null,
      channel: 'hotline',
      primary_category: 'suicide',
      risk: 'critical',
      worker_id: null,
      opened_on: '2026-10-23',
      status: 'open',
      closed_on: null,
      close_reason: null,
    },
  ]);
  expect(
    query(o.db, 'SELECT category FROM case_categories WHERE case_id = 1 ORDER BY is_primary DESC, category').map((c) => c.category),
  ).toEqual(['spouse-abuse', 'divorce', 'family-dispute']);
  // The case that was closed by the file can be changed only by the commands now.
  const again = await o.cli([
    'import',
    'cases',
    o.file(
      'again.csv',
      csv([
        header,
        [
          'KRJ07-1405-000031',
          NC1,
          'hotline',
          'spouse-abuse',
          '"divorce,family-dispute"',
          'critical',
          'نرگس کاظمی',
          '1405/04/02',
          'closed',
          '1405/05/01',
          'resolved',
        ],
      ]),
    ),
    '--json',
  ]);
  expect(again.json().errors[0]).toMatchObject({
    row: 2,
    field: 'risk',
    reason: 'differs from the stored case KRJ07-1405-000031 in risk: change a case with the case commands',
  });
});

test('services and follow-ups: by case number; history on a closed case; a follow-up finished by a later file', async () => {
  await o.json([
    'case',
    'open',
    '--anonymous',
    '--channel',
    'mobile-team',
    '--category',
    'child-abuse',
    '--risk',
    'high',
    '--opened',
    '1405/06/01',
  ]);
  await o.json(['case', 'close', 'TST01-1405-000001', '--reason', 'referred', '--date', '1405/07/01']);
  const services = o.file(
    's.csv',
    csv([
      ['پرونده', 'تاریخ', 'نوع خدمت', 'مدت (دقیقه)'],
      ['TST01-1405-000001', '1405/06/02', 'عملیات تیم سیار', '120'],
      ['TST01-1405-000001', '1405/08/02', 'social-work', ''],
      ['', '1405/08/02', 'hotline-call', '10'],
      ['', '1405/08/02', 'hotline-call', '10'],
    ]),
  );
  const r = await o.cli(['import', 'services', services, '--json']);
  expect(r.json()).toMatchObject({
    inserted: 3,
    rejected: 1,
    errors: [{ row: 3, field: 'case', reason: 'case TST01-1405-000001 is closed: reopen it before logging a service' }],
  });
  expect(query(o.db, 'SELECT case_id, service_date, type, channel, minutes FROM services ORDER BY id')).toEqual([
    { case_id: 1, service_date: '2026-08-24', type: 'mobile-team', channel: 'mobile-team', minutes: 120 },
    { case_id: null, service_date: '2026-10-24', type: 'hotline-call', channel: 'hotline', minutes: 10 },
    { case_id: null, service_date: '2026-10-24', type: 'hotline-call', channel: 'hotline', minutes: 10 },
  ]);
  // The two identical calls stay two, and a second run adds neither again.
  expect((await o.cli(['import', 'services', services, '--json'])).json()).toMatchObject({ inserted: 0, unchanged: 3, rejected: 1 });

  const planned = o.file(
    'f.csv',
    csv([
      ['case', 'due-on', 'note'],
      ['TST01-1405-000001', '1405/09/01', 'تماس با مدرسه'],
    ]),
  );
  expect(await o.json(['import', 'followups', planned])).toMatchObject({ inserted: 1 });
  const done = o.file(
    'f2.csv',
    csv([
      ['case', 'due-on', 'note', 'status', 'done-on', 'outcome'],
      ['TST01-1405-000001', '1405/09/01', 'تماس با مدرسه', 'done', '1405/09/02', 'کودک به مدرسه می‌رود'],
    ]),
  );
  expect(await o.json(['import', 'followups', done])).toMatchObject({ updated: 1, inserted: 0 });
  expect(query(o.db, 'SELECT status, done_on, outcome FROM followups')).toEqual([
    { status: 'done', done_on: '2026-11-23', outcome: 'کودک به مدرسه می‌رود' },
  ]);
  expect(await o.json(['import', 'followups', done])).toMatchObject({ unchanged: 1 });
});
