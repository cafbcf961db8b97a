import { Command } from 'commander';
import { ROLES, SECTORS } from '../domain/codes.js';
import { DEGREES } from '../domain/people/codes.js';
import {
  listStaff,
  listStaffWithCaseload,
  parseLeaveDate,
  parseStaffInput,
  parseStaffUpdateInput,
  recordStaffLeaving,
  recordStaffUpdate,
  registerStaff,
  resolveStaff,
  showStaff,
  type RawStaff,
} from '../domain/staff.js';
import { t, tr, type Text } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { staffCard, staffTable } from '../ui/views/staff.js';
import { parseNationalCode } from '../domain/national-code.js';
import { centerCheck, codeCheck, dateCheck } from './pick.js';
import { choose, codeList, fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';

function staffFields(cmd: Command): Command {
  return cmd
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--role <role>', `role: ${codeList(ROLES)}`)
    .option('--sector <sector>', 'gov or ngo')
    .option('--center <center>', 'center id or name')
    .option('--national-code <code>', 'national code (کد ملی), 10 digits with its check digit')
    .option('--degree <degree>', `degree: ${codeList(DEGREES)}`)
    .option('--field <text>', 'field of study, e.g. social work, psychology')
    .option('--membership-no <no>', "membership number in the social workers' association")
    .option('--phone <number>', 'mobile (09…) or landline with area code (021…)')
    .option('--start-date <date>', 'first working day');
}

/** A leaver's shifts taken off the roster: the gaps they leave are for the roster's keeper to fill. */
function removedShifts(count: number): Text {
  return t('removed {count} roster assignment(s) from the leaving date on; see "parvande roster gaps"', { count });
}

type ListOptions = { role?: string; sector?: string; center?: string; status?: string; caseload?: boolean };

export function staffCommand(): Command {
  const staff = withExamples(
    new Command('staff').description('the staff register (کارکنان): social workers, psychologists, interveners and other staff'),
    'parvande staff add --first-name مریم --last-name رضایی --role social-worker --sector gov --center 1',
    'parvande staff list --status active --caseload',
    'parvande staff leave 3 --date 1405/09/01',
  );

  withExamples(
    staffFields(staff.command('add').description('add a staff member to the register')),
    'parvande staff add --first-name مریم --last-name رضایی --role social-worker --sector gov --center 1',
    'parvande staff add --first-name علی --last-name کریمی --role psychologist --sector ngo --national-code 0012345679 --degree master --phone 09121234567 --start-date 1403/07/01',
  ).action(async (opts: RawStaff, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'firstName', option: 'first-name', message: tr(rt.lang, 'First name') },
        { key: 'lastName', option: 'last-name', message: tr(rt.lang, 'Last name') },
        { key: 'role', option: 'role', message: tr(rt.lang, 'Role'), choices: choose(ROLES, rt) },
        { key: 'sector', option: 'sector', message: tr(rt.lang, 'Sector'), choices: choose(SECTORS, rt) },
      ],
      {
        flags: {
          role: codeCheck(ROLES, 'role'),
          sector: codeCheck(SECTORS, 'sector'),
          center: centerCheck(rt),
          nationalCode: (v) => parseNationalCode(v, { field: 'national-code' }),
          degree: codeCheck(DEGREES, 'degree'),
          startDate: dateCheck(rt, 'start-date'),
        },
      },
    );
    const s = rt.write((ctx) => registerStaff(ctx, parseStaffInput(o, ctx.today)));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staff
      .command('list')
      .description('the register, active first')
      .option('--role <role>', `role: ${codeList(ROLES)}`)
      .option('--sector <sector>', 'gov or ngo')
      .option('--center <center>', 'center id or name')
      .option('--status <status>', 'active, left (or inactive) or all', 'all')
      .option('--caseload', 'add open cases, follow-ups due in the next 7 days and overdue follow-ups'),
    'parvande staff list --role psychologist --status active',
    'parvande staff list --center 2 --caseload',
  ).action((opts: ListOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => (opts.caseload === true ? listStaffWithCaseload(ctx, opts) : listStaff(ctx, opts)));
    rt.out.result(rows, () => staffTable(rows, fmt(rt)));
  });

  withExamples(
    staff
      .command('show')
      .argument('<staff>', 'staff id or full name')
      .description('one staff member with caseload: open cases, follow-ups due this week, overdue'),
    'parvande staff show 3',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.read((ctx) => showStaff(ctx, ref));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staffFields(
      staff
        .command('update')
        .argument('<staff>', 'staff id or full name')
        .description("change a staff member's details (an empty value clears an optional field)"),
    ).option('--active <yes|no>', 'yes: rejoins (clears the leaving date); no: leaves today, as "staff leave"'),
    'parvande staff update 3 --role psychologist',
    'parvande staff update 3 --phone 02632123456 --membership-no 12345',
  ).action((ref: string, opts: RawStaff, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.write((ctx) => recordStaffUpdate(ctx, resolveStaff(ctx, ref, 'id'), parseStaffUpdateInput(opts, ctx.today)));
    if ('removedAssignments' in s && s.removedAssignments > 0) rt.out.warn(removedShifts(s.removedAssignments));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staff
      .command('leave')
      .alias('deactivate')
      .argument('<staff>', 'staff id or full name')
      .option('--date <date>', 'the first day they no longer work here (default today)')
      .description('record that a staff member left; their shifts from that day on are taken off the roster'),
    'parvande staff leave 3 --date 1405/09/01',
    'parvande staff deactivate 3',
  ).action((ref: string, opts: { date?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.write((ctx) => recordStaffLeaving(ctx, resolveStaff(ctx, ref, 'id'), parseLeaveDate(opts.date, ctx.today)));
    if (s.removedAssignments > 0) rt.out.warn(removedShifts(s.removedAssignments));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });
  return withPages(staff, 'list', 'show');
}
