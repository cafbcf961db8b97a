import { Command } from 'commander';
import { DUTY_SERVICES } from '../domain/people/codes.js';
import { readSetting, REST_HOURS, writeSetting } from '../domain/people/settings.js';
import { assignShifts, swapAssignments, unassignShifts, type AssignInput, type UnassignInput } from '../domain/roster/assignments.js';
import { findGaps, showRoster, type GapsInput, type RosterShowInput } from '../domain/roster/coverage.js';
import { onDuty } from '../domain/roster/on-duty.js';
import { addPattern, listPatterns, retirePattern, updatePattern, type PatternInput } from '../domain/roster/patterns.js';
import { Runtime } from '../runtime.js';
import {
  assignResultView,
  assignmentTable,
  gapsView,
  onDutyView,
  patternCard,
  patternTable,
  rosterGrid,
  settingsCard,
} from '../ui/views/roster.js';
import { t, tr } from '../messages/catalogue.js';
import { codeCheck, dateCheck, integerCheck, staffCheck, staffSearch } from './pick.js';
import { choose, codeList, fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';

function patternFields(cmd: Command): Command {
  return cmd
    .option('--name <name>', 'shift name, e.g. morning, night (صبح، شب)')
    .option('--start <HH:MM>', 'start time, e.g. 08:00')
    .option('--end <HH:MM>', 'end time; at or before the start means the next morning (20:00–08:00)')
    .option('--needed <n>', 'people the shift needs (default 1)')
    .option('--from <date>', 'first day the pattern is in force (default today)');
}

function patternCommand(): Command {
  const pattern = withExamples(
    new Command('pattern').description('shift patterns: the shifts each service needs every day'),
    'parvande roster pattern add --service hotline --name night --start 20:00 --end 08:00 --needed 2',
    'parvande roster pattern list',
  );

  withExamples(
    patternFields(
      pattern
        .command('add')
        .description('add a shift pattern')
        .option('--service <service>', `service: ${codeList(DUTY_SERVICES)}`),
    ),
    'parvande roster pattern add --service hotline --name morning --start 08:00 --end 14:00',
    'parvande roster pattern add --service hotline --name night --start 20:00 --end 08:00 --needed 2',
  ).action(async (opts: PatternInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'service', option: 'service', message: tr(rt.lang, 'Service'), choices: choose(DUTY_SERVICES, rt) },
        { key: 'name', option: 'name', message: tr(rt.lang, 'Shift name') },
        { key: 'start', option: 'start', message: tr(rt.lang, 'Start time (HH:MM)') },
        { key: 'end', option: 'end', message: tr(rt.lang, 'End time (HH:MM)') },
      ],
      {
        flags: {
          service: codeCheck(DUTY_SERVICES, 'service'),
          needed: integerCheck('needed', { min: 1, max: 100 }),
          from: dateCheck(rt, 'from'),
        },
      },
    );
    const p = rt.write((ctx) => addPattern(ctx, o));
    rt.out.result(p, () => patternCard(p, fmt(rt)));
  });

  withExamples(
    pattern
      .command('list')
      .description('shift patterns in force (or all)')
      .option('--service <service>', `service: ${codeList(DUTY_SERVICES)}`)
      .option('--all', 'include retired patterns'),
    'parvande roster pattern list --service hotline',
  ).action((opts: { service?: string; all?: boolean }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listPatterns(ctx, opts));
    rt.out.result(rows, () => patternTable(rows, fmt(rt)));
  });

  withExamples(
    patternFields(
      pattern
        .command('update')
        .argument('<pattern>', 'pattern id or name')
        .option('--service <service>', 'the service, when two have a shift of that name')
        .description('change a pattern (its hours only while nobody is assigned to it)'),
    ),
    'parvande roster pattern update 3 --needed 2',
  ).action((ref: string, opts: PatternInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const p = rt.write((ctx) => updatePattern(ctx, { ...opts, id: ref }));
    rt.out.result(p, () => patternCard(p, fmt(rt)));
  });

  withExamples(
    pattern
      .command('retire')
      .argument('<pattern>', 'pattern id or name')
      .option('--service <service>', 'the service, when two have a shift of that name')
      .option('--date <date>', 'first day without this shift (default today)')
      .description('stop a shift pattern from a date on (refused while people are assigned from then on)'),
    'parvande roster pattern retire 3 --date 1405/10/01',
  ).action((ref: string, opts: { service?: string; date?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const p = rt.write((ctx) => retirePattern(ctx, ref, opts.date, opts.service));
    rt.out.result(p, () => patternCard(p, fmt(rt)));
  });
  return pattern;
}

export function rosterCommand(): Command {
  const roster = withExamples(
    new Command('roster').description('the round-the-clock duty roster (برنامه کشیک): shift patterns, assignments, gaps, who is on duty'),
    'parvande roster assign --staff 3 --pattern 2 --from 1405/09/01 --to 1405/09/30 --repeat weekdays',
    'parvande roster show --week --service hotline',
    'parvande roster gaps --from 1405/09/01 --to 1405/09/30',
    'parvande roster on-duty',
  );
  roster.addCommand(patternCommand());

  withExamples(
    roster
      .command('assign')
      .description('put a person on a shift on a date, or over a range with a repeat')
      .option('--staff <staff>', 'staff id or full name')
      .option('--pattern <pattern>', 'shift pattern id or name')
      .option('--service <service>', 'the service, when a pattern name is used by two')
      .option('--date <date>', 'one date')
      .option('--from <date>', 'first date of a range')
      .option('--to <date>', 'last date of a range')
      .option('--repeat <repeat>', 'daily (default), weekdays (Sat–Wed), every-other-day, weekly, or weekday names: saturday,tuesday')
      .option('--skip-conflicts', 'assign the dates that pass the rules and list the others (default: refuse them all)'),
    'parvande roster assign --staff 3 --pattern 2 --date 1405/09/04',
    'parvande roster assign --staff 3 --pattern night --service hotline --from 1405/09/01 --to 1405/09/30 --repeat every-other-day',
    'parvande roster assign --staff 5 --pattern 1 --from 1405/09/01 --to 1405/09/30 --repeat saturday',
  ).action(async (opts: AssignInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        {
          key: 'staff',
          option: 'staff',
          message: tr(rt.lang, 'Staff (type part of the name or the id)'),
          search: staffSearch(rt),
        },
        { key: 'pattern', option: 'pattern', message: tr(rt.lang, 'Shift pattern (id or name)') },
      ],
      { flags: { staff: staffCheck(rt, 'staff'), date: dateCheck(rt, 'date'), from: dateCheck(rt, 'from'), to: dateCheck(rt, 'to') } },
    );
    const r = rt.write((ctx) => assignShifts(ctx, o));
    for (const s of r.skipped) rt.out.warn(t('not assigned on {date}: {reason}', { date: s.date, reason: s.why }));
    rt.out.result(r, () => assignResultView(r, fmt(rt)));
  });

  withExamples(
    roster
      .command('unassign')
      .argument('[assignments...]', 'assignment ids')
      .option('--staff <staff>', "a person's shifts instead of ids")
      .option('--pattern <pattern>', 'only this shift pattern')
      .option('--service <service>', 'the service, when a pattern name is used by two')
      .option('--date <date>', 'on this date')
      .option('--from <date>', 'from this date')
      .option('--to <date>', 'to this date')
      .description('take people off shifts'),
    'parvande roster unassign 41 42',
    'parvande roster unassign --staff 3 --from 1405/09/10 --to 1405/09/20',
  ).action((ids: string[], opts: Omit<UnassignInput, 'ids'>, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.write((ctx) => unassignShifts(ctx, { ...opts, ids }));
    rt.out.note(t('removed {count} assignment(s)', { count: rows.length }));
    rt.out.result(rows, () => assignmentTable(rows, fmt(rt)));
  });

  withExamples(
    roster
      .command('swap')
      .argument('<a>', 'assignment id')
      .argument('<b>', 'assignment id')
      .description('two assignments exchange their people (both checked by the roster rules; both change or neither)'),
    'parvande roster swap 41 57',
  ).action((a: string, b: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.write((ctx) => swapAssignments(ctx, a, b));
    rt.out.result(rows, () => assignmentTable(rows, fmt(rt)));
  });

  withExamples(
    roster
      .command('show')
      .description('the roster as a grid: a Jalali week (Saturday to Friday) or month, for a service or a person')
      .option('--week [date]', 'the week holding this date (default today)')
      .option('--month [month]', 'a Jalali month such as 1405-09, آذر or "Azar 1405" (default this month)')
      .option('--service <service>', `service: ${codeList(DUTY_SERVICES)}`)
      .option('--staff <staff>', 'one person'),
    'parvande roster show --week --service hotline',
    'parvande roster show --month 1405-09 --staff 3',
  ).action((opts: RosterShowInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const v = rt.read((ctx) => showRoster(ctx, opts));
    rt.out.result(v, () => rosterGrid(v, fmt(rt)));
  });

  withExamples(
    roster
      .command('gaps')
      .description('every shift with fewer people than it needs (partly covered ones too)')
      .option('--from <date>', 'first date (default today)')
      .option('--to <date>', 'last date (default a week from --from)')
      .option('--service <service>', `service: ${codeList(DUTY_SERVICES)}`),
    'parvande roster gaps --from 1405/09/01 --to 1405/09/30',
    'parvande roster gaps --service mobile-team --json',
  ).action((opts: GapsInput, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const r = rt.read((ctx) => findGaps(ctx, opts));
    rt.out.result(r, () => gapsView(r, fmt(rt)));
  });

  withExamples(
    roster
      .command('on-duty')
      .description('who is on duty on each service now, or at a given moment')
      .option('--at <datetime>', 'e.g. "1405/09/04 22:30", 2026-11-25T22:30, 22:30 (today); default now')
      .option('--service <service>', `service: ${codeList(DUTY_SERVICES)}`),
    'parvande roster on-duty',
    'parvande roster on-duty --at "1405/09/04 22:30" --service hotline',
  ).action((opts: { at?: string; service?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const v = rt.read((ctx) => onDuty(ctx, opts));
    rt.out.result(v, () => onDutyView(v, fmt(rt)));
  });

  withExamples(
    roster
      .command('settings')
      .description('show or set the rest period after a night shift (default 8 hours)')
      .option('--rest-hours <n>', 'hours, 0 to 72'),
    'parvande roster settings --rest-hours 12',
  ).action((opts: { restHours?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const restHours =
      opts.restHours === undefined
        ? rt.read((ctx) => readSetting(ctx, REST_HOURS))
        : rt.write((ctx) => writeSetting(ctx, REST_HOURS, opts.restHours as string));
    rt.out.result({ restHours }, () => settingsCard({ restHours }, fmt(rt)));
  });
  return withPages(roster, 'pattern list', 'show', 'gaps', 'on-duty');
}
