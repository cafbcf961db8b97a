import { Command } from 'commander';
import { ROLES, SECTORS } from '../domain/codes.js';
import { addStaff, deactivateStaff, listStaff, showStaff, updateStaff, type StaffInput } from '../domain/staff.js';
import { Runtime } from '../runtime.js';
import { staffCard, staffTable } from '../ui/views/staff.js';
import { choose, codeList, fmt, withExamples } from './shared.js';

function staffFields(cmd: Command): Command {
  return cmd
    .option('--first-name <name>', 'first name')
    .option('--last-name <name>', 'last name')
    .option('--role <role>', codeList(ROLES))
    .option('--sector <sector>', 'gov or ngo')
    .option('--center <center>', 'center id or name');
}

export function staffCommand(): Command {
  const staff = new Command('staff').description('social workers, psychologists, interveners and other staff (کارکنان)');

  withExamples(
    staffFields(staff.command('add').description('add a staff member')),
    'parvande staff add --first-name مریم --last-name رضایی --role social-worker --sector gov --center 1',
  ).action(async (opts: StaffInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [
      { key: 'firstName', option: 'first-name', message: 'First name' },
      { key: 'lastName', option: 'last-name', message: 'Last name' },
      { key: 'role', option: 'role', message: 'Role', choices: choose(ROLES, rt) },
      { key: 'sector', option: 'sector', message: 'Sector', choices: choose(SECTORS, rt) },
    ]);
    const s = rt.write((ctx) => addStaff(ctx, o));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staff
      .command('list')
      .description('staff, active first')
      .option('--role <role>', codeList(ROLES))
      .option('--sector <sector>', 'gov or ngo')
      .option('--center <center>', 'center id or name')
      .option('--status <status>', 'active, inactive or all', 'all'),
    'parvande staff list --role psychologist --status active',
  ).action((opts: { role?: string; sector?: string; center?: string; status?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listStaff(ctx, opts));
    rt.out.result(rows, () => staffTable(rows, fmt(rt)));
  });

  withExamples(
    staff.command('show').argument('<staff>', 'staff id or full name').description('one staff member with caseload'),
    'parvande staff show 3',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.read((ctx) => showStaff(ctx, ref));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staffFields(staff.command('update').argument('<staff>', 'staff id or full name').description("change a staff member's details")),
    'parvande staff update 3 --role psychologist',
  ).action((ref: string, opts: StaffInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.write((ctx) => updateStaff(ctx, { ...opts, id: ref }));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });

  withExamples(
    staff.command('deactivate').argument('<staff>', 'staff id or full name').description('mark a staff member as no longer working here'),
    'parvande staff deactivate 3',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const s = rt.write((ctx) => deactivateStaff(ctx, ref));
    rt.out.result(s, () => staffCard(s, fmt(rt)));
  });
  return staff;
}
