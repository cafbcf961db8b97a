import { Command } from 'commander';
import { parseDateInput } from '../lang/dates.js';
import {
  listFollowups,
  parseFinishFollowupInput,
  parseRescheduleFollowupInput,
  parseScheduleFollowupInput,
  recordFollowupEnd,
  recordFollowupReschedule,
  recordFollowupSchedule,
  resolveFollowup,
  resolveFollowupCase,
  validateFollowupSchedule,
  type RawFollowupSchedule,
} from '../domain/followups.js';
import { tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { followupCard, followupTable } from '../ui/views/followups.js';
import { dateCheck, staffCheck } from './pick.js';
import { fmt, limitOption, parseLimit, validateWith, withExamples } from './shared.js';
import { withPages } from './page-options.js';

export function followupCommand(): Command {
  const followup = withExamples(
    new Command('followup').description('follow-ups (پیگیری) owed on cases: schedule, then done, missed or cancelled'),
    'parvande followup schedule --case 1405-12 --due +7d',
    'parvande followup list --overdue',
    'parvande followup reschedule 7 --due 1405/09/20',
  );

  withExamples(
    followup
      .command('schedule')
      .description('schedule a follow-up on a case')
      .option('--case <case>', 'case number or id')
      .option('--due <date>', 'due date: 1405/09/20, +7d, ...')
      .option('--worker <staff>', 'who follows up (default the case worker)')
      .option('--note <text>', 'what to check'),
    'parvande followup schedule --case 1405-12 --due +7d --note "call the mother"',
  ).action(async (opts: RawFollowupSchedule, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'case', option: 'case', message: tr(rt.lang, 'Case number or id') },
        {
          key: 'due',
          option: 'due',
          message: tr(rt.lang, 'Due date (1405/09/20, +7d, ...)'),
          validate: validateWith((v) => parseDateInput(v, { today: rt.today, field: 'due', kind: 'record' })),
        },
      ],
      { flags: { case: (v) => rt.read((ctx) => resolveFollowupCase(ctx, v)), worker: staffCheck(rt) } },
    );
    const f = rt.write((ctx) => {
      const c = resolveFollowupCase(ctx, o.case);
      return recordFollowupSchedule(ctx, validateFollowupSchedule(ctx, c, parseScheduleFollowupInput(o, ctx.today)));
    });
    rt.out.result(f, () => followupCard(f, fmt(rt)));
  });

  const finishers = [
    ['done', 'record a follow-up as done, with its outcome', 'parvande followup done 7 --outcome "no recurrence; child attends school"'],
    ['missed', 'record that a follow-up could not be made', 'parvande followup missed 7 --reason "no answer after three calls"'],
    ['cancelled', 'cancel a follow-up that is no longer needed', 'parvande followup cancel 7 --reason "client moved to another county"'],
  ] as const;
  for (const [status, description, example] of finishers) {
    const verb = status === 'cancelled' ? 'cancel' : status;
    const c = followup.command(verb).argument('<id>', 'follow-up id').description(description).option('--date <date>', 'default today');
    if (status === 'done') c.option('--outcome <text>', 'what the follow-up found');
    else c.option('--reason <text>', 'why');
    withExamples(c, example).action(async (id: string, opts: { date?: string; outcome?: string; reason?: string }, cmd: Command) => {
      const rt = Runtime.of(cmd);
      const o =
        status === 'done'
          ? await rt.fill(opts, [{ key: 'outcome', option: 'outcome', message: tr(rt.lang, 'Outcome') }], {
              given: () => rt.read((ctx) => resolveFollowup(ctx, id)),
              flags: { date: dateCheck(rt, 'date') },
            })
          : opts;
      const f = rt.write((ctx) =>
        recordFollowupEnd(
          ctx,
          resolveFollowup(ctx, id),
          parseFinishFollowupInput(status, { date: o.date, outcome: o.outcome ?? o.reason }, ctx.today),
        ),
      );
      rt.out.result(f, () => followupCard(f, fmt(rt)));
    });
  }

  withExamples(
    followup
      .command('reschedule')
      .argument('<id>', 'follow-up id')
      .description('move a scheduled follow-up to another due date; the case timeline keeps the date it was due before')
      .option('--due <date>', 'new due date: 1405/09/20, +7d, ...')
      .option('--reason <text>', 'why it moves'),
    'parvande followup reschedule 7 --due +3d --reason "the family asked for next week"',
  ).action(async (id: string, opts: { due?: string; reason?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        {
          key: 'due',
          option: 'due',
          message: tr(rt.lang, 'New due date (1405/09/20, +7d, ...)'),
          validate: validateWith((v) => parseDateInput(v, { today: rt.today, field: 'due', kind: 'record' })),
        },
      ],
      { given: () => rt.read((ctx) => resolveFollowup(ctx, id)) },
    );
    const f = rt.write((ctx) => recordFollowupReschedule(ctx, resolveFollowup(ctx, id), parseRescheduleFollowupInput(o, ctx.today)));
    rt.out.result(f, () => followupCard(f, fmt(rt)));
  });

  withExamples(
    followup
      .command('list')
      .description('follow-ups, earliest due first (scheduled ones unless --status says otherwise)')
      .option('--overdue', 'only scheduled ones past their due date')
      .option('--worker <staff>', 'staff id or full name')
      .option('--case <case>', 'case number or id')
      .option('--due-before <date>', 'due before this date')
      .option('--status <status>', 'scheduled, done, missed, cancelled or all', 'scheduled')
      .addOption(limitOption()),
    'parvande followup list --overdue',
    'parvande followup list --worker 3 --due-before +7d',
  ).action(
    (opts: { overdue?: boolean; worker?: string; case?: string; dueBefore?: string; status?: string; limit?: string }, cmd: Command) => {
      const rt = Runtime.of(cmd);
      const rows = rt.read((ctx) => listFollowups(ctx, { ...opts, limit: parseLimit(opts.limit) }));
      rt.out.result(rows, () => followupTable(rows, fmt(rt), rt.today));
    },
  );
  return withPages(followup, 'list');
}
