/**
 * An office with a people side worth moving: staff (one who has left), shift
 * patterns (an overnight one, a 24-hour one, a retired one), assignments, staff
 * and community courses with a waiting list that has moved, enrolments in every
 * status, and workshops (two identical sessions). Built through the commands.
 * Today is 1405/09/04 (2026-11-25).
 */
import { office, type Office } from '../import/helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from '../import/make-fixtures.mjs';

export const CODES = {
  narges: nationalCode('004455667') as string,
  ali: nationalCode('112233445') as string,
  maryam: nationalCode('223344556') as string,
  zahra: nationalCode('001354241') as string,
  kowsar: nationalCode('123456789') as string,
};

export async function peopleOffice(code = 'KRJ01'): Promise<Office> {
  const o = await office(code);
  const ok = (args: string[]) => o.json(args);
  await ok(['center', 'add', '--name', 'مرکز مداخله در بحران کرج', '--kind', 'social-emergency', '--sector', 'gov']);
  // Staff #1..#5
  await ok([
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
    CODES.narges,
    '--start-date',
    '1398/07/01',
  ]);
  await ok(['staff', 'add', '--first-name', 'حمید', '--last-name', 'رستمی', '--role', 'psychologist', '--sector', 'ngo']);
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
    '--start-date',
    '1400/01/15',
  ]);
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
    CODES.ali,
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
    CODES.maryam,
  ]);
  await ok(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--national-code', CODES.zahra, '--registered', '1405/07/01']);
  await ok([
    'client',
    'add',
    '--first-name',
    'کوثر',
    '--last-name',
    'رضایی',
    '--national-code',
    CODES.kowsar,
    '--registered',
    '1405/07/02',
  ]);

  // Shift patterns #1..#4
  await ok([
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
  await ok([
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
    '--needed',
    '2',
    '--from',
    '1405/08/01',
  ]);
  await ok([
    'roster',
    'pattern',
    'add',
    '--service',
    'mobile-team',
    '--name',
    'شبانه‌روزی',
    '--start',
    '08:00',
    '--end',
    '08:00',
    '--from',
    '1405/08/01',
  ]);
  await ok([
    'roster',
    'pattern',
    'add',
    '--service',
    'hotline',
    '--name',
    'عصر',
    '--start',
    '14:00',
    '--end',
    '20:00',
    '--from',
    '1405/08/01',
  ]);
  const assign = (staff: string, pattern: string, date: string) =>
    ok(['roster', 'assign', '--staff', staff, '--pattern', pattern, '--date', date]);
  await assign('3', '1', '1405/08/10');
  await assign('3', '1', '1405/08/11');
  await assign('3', '2', '1405/08/25'); // removed when she leaves on 1405/08/20
  await assign('4', '2', '1405/09/01');
  await assign('2', '2', '1405/09/01');
  await assign('4', '2', '1405/09/03');
  await assign('4', '1', '1405/09/05');
  await assign('5', '4', '1405/08/15');
  await assign('5', '4', '1405/08/16');
  await assign('1', '3', '1405/09/10');
  await ok(['roster', 'pattern', 'retire', '4', '--date', '1405/09/01']);

  // Courses #1..#3
  await ok([
    'training',
    'course',
    'add',
    '--title',
    'مداخله در بحران خودکشی',
    '--topic',
    'مداخله در بحران',
    '--hours',
    '16',
    '--provider',
    'اداره کل بهزیستی',
    '--from',
    '1405/08/10',
    '--to',
    '1405/08/12',
    '--capacity',
    '3',
    '--mandatory-for',
    'intervener,social-worker',
  ]);
  await ok(['training', 'course', 'add', '--title', 'مهارت‌های زندگی', '--hours', '1.5', '--from', '1405/09/01', '--audience', 'community']);
  await ok(['training', 'course', 'add', '--title', 'مددکاری خانواده', '--hours', '8', '--from', '1405/09/10', '--capacity', '3']);
  await ok(['training', 'enrol', '--course', '1', '--staff', '1,3,4', '--date', '1405/08/01']);
  await ok(['training', 'enrol', '--course', '1', '--staff', '5', '--date', '1405/08/02']); // waiting 1
  await ok(['training', 'enrol', '--course', '1', '--staff', '2', '--date', '1405/08/03']); // waiting 2
  await ok(['training', 'attend', '--course', '1', '--staff', '1', '--date', '1405/08/10']);
  await ok([
    'training',
    'complete',
    '--course',
    '1',
    '--staff',
    '1',
    '--score',
    '18.5',
    '--certificate',
    '1405-0042',
    '--date',
    '1405/08/12',
  ]);
  await ok(['training', 'complete', '--course', '1', '--staff', '3', '--score', '17', '--date', '1405/08/12']);
  await ok(['training', 'attend', '--course', '1', '--staff', '4', '--date', '1405/08/10']);
  await ok(['training', 'drop', '--course', '1', '--staff', '4', '--date', '1405/08/11']); // 5 moves up, 2 is first in line
  await ok(['training', 'enrol', '--course', '2', '--client', `${CODES.zahra},${CODES.kowsar}`, '--date', '1405/08/25']);
  await ok(['training', 'attend', '--course', '2', '--client', CODES.zahra, '--date', '1405/09/01']);
  await ok(['training', 'enrol', '--course', '3', '--staff', '1', '--date', '1405/09/02']);
  await ok(['training', 'enrol', '--course', '3', '--staff', '2', '--date', '1405/09/02']);
  await ok(['training', 'drop', '--course', '3', '--staff', '2', '--date', '1405/09/03']);

  await ok([
    'training',
    'workshop',
    'add',
    '--topic',
    'suicide-prevention',
    '--date',
    '1405/09/02',
    '--center',
    '1',
    '--female',
    '23',
    '--male',
    '9',
  ]);
  await ok([
    'training',
    'workshop',
    'add',
    '--topic',
    'suicide-prevention',
    '--date',
    '1405/09/02',
    '--center',
    '1',
    '--female',
    '23',
    '--male',
    '9',
  ]);
  await ok([
    'training',
    'workshop',
    'add',
    '--topic',
    'life-skills',
    '--title',
    'مهارت حل مسئله',
    '--date',
    '1405/08/20',
    '--place',
    'مدرسه شهید بهشتی',
    '--facilitator',
    '2',
    '--hours',
    '2',
    '--female',
    '12',
    '--male',
    '4',
    '--note',
    'با همکاری آموزش و پرورش',
  ]);

  await ok(['staff', 'leave', '3', '--date', '1405/08/20']);
  return o;
}
