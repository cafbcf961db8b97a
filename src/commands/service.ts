import { Command } from 'commander';
import { CHANNELS, SERVICE_TYPES } from '../domain/codes.js';
import { onDutyWorker } from '../domain/roster/on-duty.js';
import { listServices, parseLogServiceInput, recordService, validateService, type RawService } from '../domain/services.js';
import { Runtime } from '../runtime.js';
import { serviceCard, serviceTable } from '../ui/views/services.js';
import { choose, codeList, fmt, limitOption, parseLimit, withExamples } from './shared.js';

export function serviceCommand(): Command {
  const service = withExamples(
    new Command('service').description('services given (خدمات): crisis interventions, mobile-team operations, hotline calls, ...'),
    'parvande service log --case 1405-12 --type crisis-intervention --minutes 90',
    'parvande service list --from 1405/09/01',
  );

  withExamples(
    service
      .command('log')
      .description('log a service on a case (a hotline call may have no case)')
      .option('--case <case>', 'case number or id')
      .option('--type <type>', codeList(SERVICE_TYPES))
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
    const o = await rt.fill(opts, [{ key: 'type', option: 'type', message: 'Service type', choices: choose(SERVICE_TYPES, rt) }]);
    const r = rt.write((ctx) => recordService(ctx, validateService(ctx, parseLogServiceInput(o, ctx.today)), onDutyWorker));
    if (r.workerDefaultedFrom !== null) rt.out.note(`worker #${r.service.workerId} taken from the ${r.workerDefaultedFrom}`);
    rt.out.result({ ...r.service, workerDefaultedFrom: r.workerDefaultedFrom }, () => serviceCard(r.service, fmt(rt)));
  });

  withExamples(
    service
      .command('list')
      .description('services, newest first')
      .option('--case <case>', 'case number or id')
      .option('--worker <staff>', 'staff id or full name')
      .option('--type <type>', codeList(SERVICE_TYPES))
      .option('--channel <channel>', codeList(CHANNELS))
      .option('--from <date>', 'on or after')
      .option('--to <date>', 'on or before')
      .addOption(limitOption()),
    'parvande service list --from 1405/09/01 --type hotline-call',
  ).action((opts: Record<string, string | undefined>, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listServices(ctx, { ...opts, limit: parseLimit(opts.limit) }));
    rt.out.result(rows, () => serviceTable(rows, fmt(rt)));
  });
  return service;
}
