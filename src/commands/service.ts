import { Command } from 'commander';
import { CHANNELS, SERVICE_TYPES } from '../domain/codes.js';
import { onDutyWorker } from '../domain/roster/on-duty.js';
import {
  listServices,
  parseLogServiceInput,
  parseServiceDate,
  parseServiceMinutes,
  recordService,
  validateService,
  type RawService,
} from '../domain/services.js';
import {
  parseCorrectServiceInput,
  parseReason,
  recordServiceCorrection,
  recordServiceVoid,
  resolveService,
} from '../domain/service-corrections.js';
import { UsageError } from '../errors.js';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { serviceCard, serviceTable } from '../ui/views/services.js';
import { resolveCase } from '../domain/cases.js';
import { codeCheck, staffCheck } from './pick.js';
import { choose, codeList, fieldList, fmt, limitOption, parseLimit, withExamples } from './shared.js';
import { withPages } from './page-options.js';

interface RawServiceCorrectionOptions {
  type?: string;
  date?: string;
  worker?: string;
  minutes?: string;
  note?: string;
  reason?: string;
}

export function serviceCommand(): Command {
  const service = withExamples(
    new Command('service').description('services given (خدمات): crisis interventions, mobile-team operations, hotline calls, ...'),
    'parvande service log --case 1405-12 --type crisis-intervention --minutes 90',
    'parvande service list --from 1405/09/01',
    'parvande service correct 12 --minutes 45 --reason "typed 450 for 45"',
    'parvande service void 12 --reason "logged twice"',
  );

  withExamples(
    service
      .command('log')
      .description('log a service on a case (a hotline call may have no case)')
      .option('--case <case>', 'case number or id')
      .option('--type <type>', `service type: ${codeList(SERVICE_TYPES)}`)
      .option('--date <date>', 'default today')
      .option(
        '--worker <staff>',
        'who gave it (default: for a hotline call or mobile-team operation the person on duty, else the case worker)',
      )
      .option('--minutes <n>', 'duration in minutes')
      .option('--note <text>', 'note'),
    'parvande service log --case 1405-12 --type crisis-intervention --worker 3 --minutes 90',
    'parvande service log --type hotline-call --minutes 15',
  ).action(async (opts: RawService, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [{ key: 'type', option: 'type', message: tr(rt.lang, 'Service type'), choices: choose(SERVICE_TYPES, rt) }],
      {
        flags: {
          case: (v) => rt.read((ctx) => resolveCase(ctx, v)),
          date: (v) => parseServiceDate(v, rt.today),
          worker: staffCheck(rt),
          minutes: (v) => parseServiceMinutes(v),
        },
      },
    );
    const r = rt.write((ctx) => recordService(ctx, validateService(ctx, parseLogServiceInput(o, ctx.today)), onDutyWorker));
    const worker = r.service.workerId ?? '';
    if (r.workerDefaultedFrom === 'case') rt.out.note(t('worker #{id} taken from the case', { id: worker }));
    // The duty roster's own account (which roster, when, who else was on duty) comes from the domain.
    else if (r.workerDefaultedWhy !== undefined)
      rt.out.note(t('worker #{id} taken from the {roster}', { id: worker, roster: r.workerDefaultedWhy }));
    rt.out.result({ ...r.service, workerDefaultedFrom: r.workerDefaultedFrom }, () => serviceCard(r.service, fmt(rt)));
  });

  withExamples(
    service
      .command('list')
      .description('services, newest first')
      .option('--case <case>', 'case number or id')
      .option('--worker <staff>', 'staff id or full name')
      .option('--type <type>', `service type: ${codeList(SERVICE_TYPES)}`)
      .option('--channel <channel>', `channel: ${codeList(CHANNELS)}`)
      .option('--from <date>', 'on or after')
      .option('--to <date>', 'on or before')
      .option('--void', 'only voided services')
      .option('--all', 'voided services too (by default they are left out)')
      .addOption(limitOption()),
    'parvande service list --from 1405/09/01 --type hotline-call',
    'parvande service list --case 1405-12 --all',
  ).action((opts: Record<string, string | undefined> & { void?: boolean; all?: boolean }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    if (opts.void === true && opts.all === true)
      throw new UsageError(t('give --void (only voided services) or --all (every service), not both'), 'void');
    const { void: onlyVoided, all, ...filter } = opts;
    const voided = all === true ? 'all' : onlyVoided === true ? 'only' : 'exclude';
    const rows = rt.read((ctx) => listServices(ctx, { ...filter, voided, limit: parseLimit(opts.limit) }));
    rt.out.result(rows, () => serviceTable(rows, fmt(rt)));
  });

  withExamples(
    service
      .command('correct')
      .argument('<id>', 'service id')
      .description('correct a service logged with a wrong value; the case timeline and the audit trail say what was changed and why')
      .option('--type <type>', `service type: ${codeList(SERVICE_TYPES)}`)
      .option('--date <date>', 'the day it was given (within its case: not before opening, not after closing)')
      .option('--worker <staff>', 'who gave it: staff id or full name (someone who has left too)')
      .option('--minutes <n>', 'duration in minutes ("" clears it)')
      .option('--note <text>', 'note ("" clears it)')
      .option('--reason <text>', 'why the record is corrected (required)'),
    'parvande service correct 12 --type psychology --date 1405/09/02 --reason "entered as a hotline call by mistake"',
    'parvande service correct 12 --note "" --reason "note written on the wrong case"',
  ).action(async (id: string, opts: RawServiceCorrectionOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [{ key: 'reason', option: 'reason', message: tr(rt.lang, 'Why is the record corrected?') }], {
      given: () => rt.read((ctx) => resolveService(ctx, id)),
      flags: {
        type: codeCheck(SERVICE_TYPES, 'type'),
        date: (v) => parseServiceDate(v, rt.today),
        worker: staffCheck(rt),
        minutes: (v) => parseServiceMinutes(v),
      },
    });
    // The service is looked up first, then the values parsed, then the rules applied: the order errors are reported in.
    const r = rt.write((ctx) => {
      const s = resolveService(ctx, id);
      return recordServiceCorrection(ctx, s, parseCorrectServiceInput(o, ctx.today));
    });
    rt.out.note(t('service #{id} corrected: {fields}', { id: r.service.id, fields: fieldList(r.changed, rt.lang) }));
    rt.out.result({ ...r.service, changed: r.changed }, () => serviceCard(r.service, fmt(rt)));
  });

  withExamples(
    service
      .command('void')
      .argument('<id>', 'service id')
      .description('void a service logged by mistake: it stays in the record, marked, and leaves every count and list')
      .option('--reason <text>', 'why it is voided (required)'),
    'parvande service void 12 --reason "logged twice"',
  ).action(async (id: string, opts: { reason?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(opts, [{ key: 'reason', option: 'reason', message: tr(rt.lang, 'Why is the service voided?') }], {
      given: () => rt.read((ctx) => resolveService(ctx, id)),
    });
    const s = rt.write((ctx) => recordServiceVoid(ctx, resolveService(ctx, id), parseReason(o.reason)));
    rt.out.note(t('service #{id} voided', { id: s.id }));
    rt.out.result(s, () => serviceCard(s, fmt(rt)));
  });
  return withPages(service, 'list');
}
