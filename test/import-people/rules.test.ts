/**
 * Files of the people side obey the commands' rules: the roster's (overlap, a
 * person who has left, rest after a night shift), training's (capacity and the
 * waiting list, the order of an enrolment's steps), and the register's (two
 * national codes are two people). Each refused row is named with its column and
 * reason, without a person's name or code; the other rows are stored, and a
 * second run of the same file changes nothing.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { dump, office, query, type Office } from '../import/helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from '../import/make-fixtures.mjs';

const csv = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\r\n') + '\r\n';
const NC = {
  ali: nationalCode('112233445') as string,
  samira: nationalCode('334455667') as string,
  maryam: nationalCode('223344556') as string,
  hamid: nationalCode('556677889') as string,
};
/** The records, leaving out the runs' own bookkeeping. */
const records = (db: string): Record<string, string[]> => {
  const all = JSON.parse(dump(db)) as Record<string, string[]>;
  delete all.import_batches;
  delete all.audit_log;
  return all;
};

let o: Office;
beforeEach(async () => {
  o = await office();
  const ok = (args: string[]) => o.json(args);
  await ok([
    'staff',
    'add',
    '--first-name',
    'علی',
    '--last-name',
    'کریمی',
    '--role',
    'intervener',
    '--sector',
    'gov',
    '--national-code',
    NC.ali,
  ]);
  await ok([
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
    '--national-code',
    NC.samira,
  ]);
  await ok([
    'staff',
    'add',
    '--first-name',
    'مریم',
    '--last-name',
    'رضایی',
    '--role',
    'social-worker',
    '--sector',
    'ngo',
    '--national-code',
    NC.maryam,
  ]);
  await ok([
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
    '--national-code',
    NC.hamid,
  ]);
  await ok(['staff', 'leave', '2', '--date', '1405/08/20']);
});
afterEach(() => o.cleanup());

describe('roster-assignments', () => {
  beforeEach(async () => {
    await o.json([
      'roster',
      'pattern',
      'add',
      '--service',
      'hotline',
      '--name',
      'صبح',
      '--start',
      '08:00',
      '--end',
      '14:00',
      '--from',
      '1405/08/01',
    ]);
    await o.json([
      'roster',
      'pattern',
      'add',
      '--service',
      'hotline',
      '--name',
      'شب',
      '--start',
      '20:00',
      '--end',
      '08:00',
      '--from',
      '1405/08/01',
    ]);
    await o.json([
      'roster',
      'pattern',
      'add',
      '--service',
      'hotline',
      '--name',
      'روز',
      '--start',
      '10:00',
      '--end',
      '18:00',
      '--from',
      '1405/08/01',
    ]);
    await o.json([
      'roster',
      'pattern',
      'add',
      '--service',
      'mobile-team',
      '--name',
      'صبح',
      '--start',
      '07:00',
      '--end',
      '15:00',
      '--from',
      '1405/08/01',
    ]);
    await o.json(['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', '1405/09/01']);
    await o.json(['roster', 'assign', '--staff', '1', '--pattern', '2', '--date', '1405/09/02']);
  });

  test('every rule of roster assign applies; the refused rows are named and written to a rejects file; the rest is stored once', async () => {
    const header = ['ردیف', 'تاریخ', 'خدمت', 'شیفت', 'کد ملی', 'نام', 'نام خانوادگی'];
    const file = o.file(
      'roster.csv',
      csv([
        header,
        ['1', '1405/09/05', 'خط تلفن ۱۲۳', 'صبح', NC.ali, 'علي', 'كريمي'], // stored
        ['2', '1405/09/01', 'hotline', 'روز', NC.ali, 'علی', 'کریمی'], // overlaps 08–14 that day
        ['3', '1405/08/25', 'hotline', 'صبح', NC.samira, 'سمیرا', 'یزدانی'], // she left on 1405/08/20
        ['4', '1405/09/03', 'hotline', 'صبح', NC.ali, 'علی', 'کریمی'], // 08:00, the night shift ended 08:00
        ['5', '1405/09/01', 'hotline', 'صبح', NC.ali, 'علی', 'کریمی'], // already there: unchanged
        ['6', '۱۴۰۵/۰۹/۰۵', 'hotline', 'صبح', NC.ali, 'علی', 'کریمی'], // row 2 again
        ['7', '1405/09/06', '', 'صبح', NC.maryam, 'مریم', 'رضایی'], // two services have a صبح
        ['8', '1405/09/06', 'hotline', 'صبح', NC.maryam, 'مریم', 'احمدی'], // the name is not that code's
        ['9', '1405/09/06', 'mobile-team', 'صبح', '', 'حمید', 'رستمی'], // by name
      ]),
    );
    const r = await o.cli(['import', 'roster-assignments', file, '--json']);
    expect(r.code).toBe(2);
    const report = r.json();
    expect(report).toMatchObject({ rows: 9, inserted: 2, unchanged: 1, updated: 0, rejected: 6 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: 'کد ملی',
        field: 'national-code',
        value: '(hidden)',
        reason:
          'staff member #1 is already on hotline "صبح" (assignment #1, 2026-11-22 08:00–2026-11-22 14:00), which overlaps 2026-11-22 10:00–2026-11-22 18:00',
      },
      {
        row: 4,
        column: 'کد ملی',
        field: 'national-code',
        value: '(hidden)',
        reason: 'staff member #2 left on 2026-11-11: no shifts from that day',
      },
      {
        row: 5,
        column: 'کد ملی',
        field: 'national-code',
        value: '(hidden)',
        reason:
          'staff member #1 needs 8 h of rest after the night shift hotline "شب" (assignment #2, 2026-11-23 20:00–2026-11-24 08:00): the next shift may start at 2026-11-24 16:00 or later',
      },
      {
        row: 7,
        column: null,
        field: null,
        value: null,
        reason: 'the same roster-assignment as row 2 of this file: keep one of the two rows',
      },
      {
        row: 8,
        column: 'شیفت',
        field: 'pattern',
        value: '(hidden)',
        reason: '2 services have a shift with the name given for --pattern: give --service or the id (#1, #4)',
      },
      {
        row: 9,
        column: 'نام',
        field: 'first-name',
        value: '(hidden)',
        reason: "the name is not that of staff member #3 (found by national-code): check the row's names, id and national code",
      },
    ]);
    expect(JSON.stringify(report)).not.toContain(NC.ali);
    expect(query(o.db, 'SELECT pattern_id, shift_date, staff_id, starts_at, ends_at FROM roster_assignments ORDER BY id')).toEqual([
      { pattern_id: 1, shift_date: '2026-11-22', staff_id: 1, starts_at: '2026-11-22T08:00', ends_at: '2026-11-22T14:00' },
      { pattern_id: 2, shift_date: '2026-11-23', staff_id: 1, starts_at: '2026-11-23T20:00', ends_at: '2026-11-24T08:00' },
      { pattern_id: 1, shift_date: '2026-11-26', staff_id: 1, starts_at: '2026-11-26T08:00', ends_at: '2026-11-26T14:00' },
      { pattern_id: 4, shift_date: '2026-11-27', staff_id: 4, starts_at: '2026-11-27T07:00', ends_at: '2026-11-27T15:00' },
    ]);
    const rejects = readFileSync(report.rejectsFile, 'utf8').split('\r\n');
    expect(rejects[0]).toBe('ردیف,تاریخ,خدمت,شیفت,کد ملی,نام,نام خانوادگی,error');
    expect(rejects.slice(1, -1).map((l) => l.split(',')[0])).toEqual(['2', '3', '4', '6', '7', '8']);

    // The same file again: the stored rows are unchanged, the others refused again, nothing written.
    const before = records(o.db);
    expect((await o.cli(['import', 'roster-assignments', file, '--json'])).json()).toMatchObject({
      inserted: 0,
      unchanged: 3,
      rejected: 6,
    });
    expect(records(o.db)).toEqual(before);
  });

  test('--all-or-nothing stores nothing when one row is refused; times from another office with other hours are refused', async () => {
    const before = dump(o.db);
    const file = o.file(
      'r.csv',
      csv([
        ['date', 'service', 'pattern-name', 'staff', 'starts-at', 'ends-at'],
        ['1405/09/07', 'hotline', 'شب', '1', '2026-11-28T20:00', '2026-11-29T08:00'],
        ['1405/09/08', 'hotline', 'شب', '1', '2026-11-29 19:00', '2026-11-30 07:00'],
      ]),
    );
    const r = await o.cli(['import', 'roster-assignments', file, '--all-or-nothing', '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ committed: false, inserted: 1, rejected: 1 });
    expect(r.json().errors).toEqual([
      {
        row: 3,
        column: 'starts-at',
        field: 'starts-at',
        value: '2026-11-29 19:00',
        reason: 'shift pattern #2 runs 2026-11-29 20:00–2026-11-30 08:00 on that date, not as the starts-at column says',
      },
    ]);
    expect(dump(o.db)).toBe(before);
  });
});

describe('enrolments', () => {
  beforeEach(async () => {
    await o.json([
      'training',
      'course',
      'add',
      '--title',
      'مداخله در بحران خودکشی',
      '--hours',
      '16',
      '--from',
      '1405/09/10',
      '--capacity',
      '2',
    ]);
  });
  const header = ['دوره', 'کد ملی', 'نام', 'نام خانوادگی', 'تاریخ ثبت نام'];
  const row = (code: string, first: string, last: string, date: string) => ['مداخله در بحران خودكشي', code, first, last, date];

  test('a full course puts the next requests on its waiting list, in the order of the rows; a second run changes nothing', async () => {
    const file = o.file(
      'e.csv',
      csv([
        header,
        row(NC.maryam, 'مریم', 'رضایی', '1405/08/05'),
        row(NC.hamid, 'حمید', 'رستمی', '1405/08/06'),
        row(NC.ali, 'علی', 'کریمی', '1405/08/07'),
        row(NC.samira, 'سمیرا', 'یزدانی', '1405/08/21'), // left on 1405/08/20
      ]),
    );
    const r = await o.cli(['import', 'enrolments', file, '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ inserted: 3, rejected: 1 });
    expect(r.json().errors).toEqual([
      { row: 5, column: 'کد ملی', field: 'national-code', value: '(hidden)', reason: 'staff member #2 does not work here on 2026-11-12' },
    ]);
    const stored = () => query(o.db, 'SELECT staff_id, status, waiting_position, requested_on, enrolled_on FROM enrolments ORDER BY id');
    expect(stored()).toEqual([
      { staff_id: 3, status: 'enrolled', waiting_position: null, requested_on: '2026-10-27', enrolled_on: '2026-10-27' },
      { staff_id: 4, status: 'enrolled', waiting_position: null, requested_on: '2026-10-28', enrolled_on: '2026-10-28' },
      { staff_id: 1, status: 'waiting', waiting_position: 1, requested_on: '2026-10-29', enrolled_on: null },
    ]);
    const before = records(o.db);
    expect((await o.cli(['import', 'enrolments', file, '--json'])).json()).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 3,
      rejected: 1,
    });
    expect(records(o.db)).toEqual(before);

    // A later file records a drop-out: the first in line moves up on that day, as `training drop` does.
    const drop = o.file(
      'drop.csv',
      csv([
        ['course', 'national-code', 'status', 'dropped-on'],
        ['1', NC.hamid, 'انصراف', '1405/09/01'],
      ]),
    );
    expect(await o.json(['import', 'enrolments', drop])).toMatchObject({ updated: 1, rejected: 0 });
    expect(stored()).toEqual([
      { staff_id: 3, status: 'enrolled', waiting_position: null, requested_on: '2026-10-27', enrolled_on: '2026-10-27' },
      { staff_id: 4, status: 'dropped', waiting_position: null, requested_on: '2026-10-28', enrolled_on: '2026-10-28' },
      { staff_id: 1, status: 'enrolled', waiting_position: null, requested_on: '2026-10-29', enrolled_on: '2026-11-22' },
    ]);
  });

  test('a status the rules would not give is refused, as are steps backwards and rows that contradict themselves', async () => {
    const file = o.file(
      'e.csv',
      csv([
        ['course-title', 'staff', 'status', 'requested-on', 'attended-on', 'completed-on', 'score', 'certificate'],
        ['مداخله در بحران خودکشی', NC.maryam, 'enrolled', '1405/08/05', '', '', '', ''],
        ['مداخله در بحران خودکشی', NC.hamid, 'completed', '1405/08/06', '', '1405/08/30', '18', 'C-1'], // before the course starts
        ['مداخله در بحران خودکشی', NC.hamid, 'enrolled', '1405/08/06', '', '', '', ''],
        ['مداخله در بحران خودکشی', NC.ali, 'enrolled', '1405/08/07', '', '', '', ''], // full
        ['مداخله در بحران خودکشی', 'حمید رستمی', 'enrolled', '1405/08/06', '1405/09/02', '', '', ''], // attended-on with enrolled
        ['دوره ناموجود', NC.ali, '', '1405/08/07', '', '', '', ''],
      ]),
    );
    const r = await o.cli(['import', 'enrolments', file, '--json']);
    expect(r.json()).toMatchObject({ inserted: 2, rejected: 4 });
    expect(r.json().errors).toEqual([
      {
        row: 3,
        column: 'completed-on',
        field: 'completed-on',
        value: '1405/08/30',
        reason: 'course #1 starts on 2026-12-01; completed-on is before that',
      },
      {
        row: 5,
        column: 'status',
        field: 'status',
        value: 'enrolled',
        reason:
          'course #1 is full (2 places): the person goes on the waiting list, not enrolled; leave the status empty or write waiting, or raise the capacity',
      },
      {
        row: 6,
        column: 'attended-on',
        field: 'attended-on',
        value: '1405/09/02',
        reason: 'attended-on is filled but the status is enrolled: empty one of them',
      },
      {
        row: 7,
        column: 'course-title',
        field: 'course-title',
        value: 'دوره ناموجود',
        reason: 'no course has the title given for --course-title',
      },
    ]);
    // Back from dropped to enrolled is not a file's to say: that is a new request, `training enrol`.
    await o.json(['training', 'drop', '--course', '1', '--staff', NC.maryam, '--date', '1405/09/01']);
    const back = await o.cli([
      'import',
      'enrolments',
      o.file(
        'back.csv',
        csv([
          ['course', 'staff', 'status'],
          ['1', NC.maryam, 'ثبت‌نام شده'],
        ]),
      ),
      '--json',
    ]);
    expect(back.json().errors).toEqual([
      {
        row: 2,
        column: 'status',
        field: 'status',
        value: 'ثبت‌نام شده',
        reason: 'enrolment #1 is dropped: a file does not take it back to enrolled',
      },
    ]);
  });

  test('a dry run reports what would happen and writes nothing', async () => {
    const before = dump(o.db);
    const file = o.file(
      'e.csv',
      csv([
        header,
        row(NC.maryam, 'مریم', 'رضایی', '1405/08/05'),
        row(NC.hamid, 'حمید', 'رستمی', '1405/08/06'),
        row(NC.ali, 'علی', 'کریمی', '1405/08/07'),
      ]),
    );
    expect(await o.json(['import', 'enrolments', file, '--dry-run'])).toMatchObject({
      dryRun: true,
      committed: false,
      inserted: 3,
      rejected: 0,
    });
    expect(dump(o.db)).toBe(before);
  });
});

test('courses: a second file with a larger capacity updates the course and moves the waiting list up', async () => {
  const file = (cap: string) =>
    o.file(
      `c${cap}.csv`,
      csv([
        ['عنوان دوره', 'ساعت', 'تاریخ شروع', 'ظرفیت', 'الزامی برای'],
        ['کار با خانواده', '۱٫۵', '1405/09/10', cap, 'مددکار اجتماعی،مداخله‌گر'],
      ]),
    );
  expect(await o.json(['import', 'courses', file('1')])).toMatchObject({ inserted: 1 });
  expect(query(o.db, 'SELECT title, hours, starts_on, ends_on, capacity FROM courses')).toEqual([
    { title: 'کار با خانواده', hours: 1.5, starts_on: '2026-12-01', ends_on: '2026-12-01', capacity: 1 },
  ]);
  expect(query(o.db, 'SELECT role FROM course_mandatory_roles ORDER BY role')).toEqual([{ role: 'intervener' }, { role: 'social-worker' }]);
  await o.json(['training', 'enrol', '--course', '1', '--staff', '1,3', '--date', '1405/09/01']);
  expect(await o.json(['import', 'courses', file('1')])).toMatchObject({ unchanged: 1 });
  const r = await o.cli(['import', 'courses', file('0'), '--json']);
  expect(r.json().errors).toEqual([
    { row: 2, column: 'ظرفیت', field: 'capacity', value: '0', reason: 'invalid capacity: must be at least 1' },
  ]);
  expect(await o.json(['import', 'courses', file('2')])).toMatchObject({ updated: 1 });
  expect(query(o.db, 'SELECT staff_id, status, enrolled_on FROM enrolments ORDER BY id')).toEqual([
    { staff_id: 1, status: 'enrolled', enrolled_on: '2026-11-22' },
    { staff_id: 3, status: 'enrolled', enrolled_on: '2026-11-25' },
  ]);
});

test('shift patterns: a time a spreadsheet keeps as a fraction of a day; hours do not change under people assigned', async () => {
  const file = (end: string) =>
    o.file(
      `p${end}.csv`,
      csv([
        ['خدمت', 'نام شیفت', 'ساعت شروع', 'ساعت پایان', 'تعداد لازم', 'تاریخ اجرا'],
        ['تیم سیار', 'شب', '0.8333333333', end, '2', '1405/08/01'],
      ]),
    );
  expect(await o.json(['import', 'shift-patterns', file('08:00')])).toMatchObject({ inserted: 1 });
  expect(query(o.db, 'SELECT service, name, start_time, end_time, people_needed, valid_from FROM shift_patterns')).toEqual([
    { service: 'mobile-team', name: 'شب', start_time: '20:00', end_time: '08:00', people_needed: 2, valid_from: '2026-10-23' },
  ]);
  await o.json(['roster', 'assign', '--staff', '1', '--pattern', '1', '--date', '1405/09/01']);
  expect(await o.json(['import', 'shift-patterns', file('08:00')])).toMatchObject({ unchanged: 1 });
  const r = await o.cli(['import', 'shift-patterns', file('۰۷:۰۰'), '--json']);
  expect(r.json().errors).toEqual([
    {
      row: 2,
      column: 'ساعت شروع',
      field: 'start',
      value: '0.8333333333',
      reason: 'shift pattern #1 has assignments: its hours cannot change; retire it ("roster pattern retire 1") and add a new pattern',
    },
  ]);
});

test('shift patterns from an Excel sheet whose hour cells are formatted as times (not read as the date 1899-12-30)', async () => {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('شیفت‌ها');
  sheet.addRow(['خدمت', 'نام شیفت', 'ساعت شروع', 'ساعت پایان', 'تعداد لازم', 'تاریخ اجرا']);
  // As Excel stores them: fractions of a day under a time format (exceljs hands them over as dates on
  // day zero), 08:00 as the float it may become (07:59:59.999).
  const atTime = (h: number, m: number, s = 0, ms = 0): Date => new Date(Date.UTC(1899, 11, 30, h, m, s, ms));
  sheet.addRow(['تیم سیار', 'شب', atTime(20, 0), atTime(8, 0), 2, '1405/08/01']);
  sheet.addRow(['hotline', 'روز', atTime(7, 59, 59, 999), atTime(14, 30), 1, '1405/08/01']);
  sheet.addRow(['hotline', 'عصر', atTime(14, 30, 15), atTime(20, 0), 1, '1405/08/01']);
  for (const row of [2, 3, 4]) for (const col of [3, 4]) sheet.getCell(row, col).numFmt = 'hh:mm';
  const file = o.file('patterns.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
  const r = await o.cli(['import', 'shift-patterns', file, '--json']);
  expect(r.json()).toMatchObject({ inserted: 2, rejected: 1 });
  expect(query(o.db, 'SELECT service, name, start_time, end_time FROM shift_patterns ORDER BY id')).toEqual([
    { service: 'mobile-team', name: 'شب', start_time: '20:00', end_time: '08:00' },
    { service: 'hotline', name: 'روز', start_time: '08:00', end_time: '14:30' },
  ]);
  // A time with seconds is shown with them and refused in words, not as a date.
  expect(r.json().errors).toEqual([
    {
      row: 4,
      column: 'ساعت شروع',
      field: 'start',
      value: '14:30:15',
      reason: 'invalid time for --start: expected HH:MM, e.g. 08:00 or 20:30',
    },
  ]);
});

test('workshops: two identical sessions stay two, a second run changes nothing, a future session is refused', async () => {
  await o.json(['center', 'add', '--name', 'مرکز کرج', '--kind', 'social-emergency', '--sector', 'gov']);
  const file = o.file(
    'w.csv',
    csv([
      ['موضوع', 'تاریخ برگزاری', 'مرکز', 'مجری', 'زن', 'مرد'],
      ['پیشگیری از خودکشی', '1405/09/02', 'مرکز کرج', 'حمید رستمی', '23', '9'],
      ['پیشگیری از خودکشی', '1405/09/02', 'مرکز کرج', 'حمید رستمی', '23', '9'],
      ['life-skills', '1405/09/10', '', '', '5', '5'],
    ]),
  );
  const r = await o.cli(['import', 'workshops', file, '--json']);
  expect(r.json()).toMatchObject({ inserted: 2, rejected: 1 });
  expect(r.json().errors).toEqual([
    {
      row: 4,
      column: 'تاریخ برگزاری',
      field: 'date',
      value: '1405/09/10',
      reason: 'a workshop is recorded once held: --date is in the future',
    },
  ]);
  expect(query(o.db, 'SELECT topic, held_on, center_id, facilitator_id, attendees_female, attendees_male FROM workshops')).toEqual([
    { topic: 'suicide-prevention', held_on: '2026-11-23', center_id: 1, facilitator_id: 4, attendees_female: 23, attendees_male: 9 },
    { topic: 'suicide-prevention', held_on: '2026-11-23', center_id: 1, facilitator_id: 4, attendees_female: 23, attendees_male: 9 },
  ]);
  expect((await o.cli(['import', 'workshops', file, '--json'])).json()).toMatchObject({ inserted: 0, unchanged: 2, rejected: 1 });
});

test('staff: a namesake with another national code is another person, never merged; one spelled differently is reported', async () => {
  await o.json(['staff', 'add', '--first-name', 'محمد‌علی', '--last-name', 'موسوی', '--role', 'admin', '--sector', 'gov']);
  const other = nationalCode('667788990') as string;
  const file = o.file(
    's.csv',
    csv([
      ['نام', 'نام خانوادگی', 'کد ملی', 'سمت', 'بخش', 'تاریخ ترک خدمت'],
      ['علی', 'کریمی', other, 'روانشناس', 'غیردولتی', ''],
      ['محمدعلی', 'موسوی', '', 'اداری', 'دولتی', ''],
    ]),
  );
  const r = await o.json(['import', 'staff', file]);
  expect(r).toMatchObject({
    inserted: 2,
    updated: 0,
    possibleDuplicates: 1,
    duplicates: [{ row: 3, id: 7, existingId: 5, reason: 'same name spelled differently' }],
  });
  expect(query(o.db, 'SELECT id, national_code, role FROM staff WHERE id IN (1, 6) ORDER BY id')).toEqual([
    { id: 1, national_code: NC.ali, role: 'intervener' },
    { id: 6, national_code: other, role: 'psychologist' },
  ]);
});
