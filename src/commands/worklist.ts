import { Command } from 'commander';
import { resolveStaff } from '../domain/staff.js';
import { buildWorklist, worklistWorkerRef } from '../domain/worklist.js';
import { tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { worklistView } from '../ui/views/worklist.js';
import { staffSearch } from './pick.js';
import { fmt, withExamples } from './shared.js';
import { pageOptions } from './page-options.js';

/** A terminal at both ends: someone is reading at the desk, not a script. */
const onTerminal = (): boolean => process.stdin.isTTY === true && process.stdout.isTTY === true;

export function worklistCommand(): Command {
  return withExamples(
    pageOptions(
      new Command('worklist')
        .description(
          "a worker's day: follow-ups due today and overdue, quiet high-risk cases, referrals awaiting an answer, duty shifts today and tomorrow",
        )
        .option('--worker <staff>', 'staff id, national code or full name (on a terminal, default: the acting user when a staff member)'),
    ),
    'parvande worklist --worker 3',
    'parvande --actor "مریم رضایی" worklist',
    'parvande worklist --worker "مریم رضایی" --json',
    'parvande --lang fa worklist --worker 3 --open',
  ).action(async (opts: { worker?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const ref = rt.read((ctx) => worklistWorkerRef(ctx, { worker: opts.worker, actor: rt.actor, terminal: onTerminal() }));
    // Nobody named and nobody acting who is staff: asked on a terminal, else exit 2 naming --worker.
    const o = await rt.fill({ worker: ref }, [
      {
        key: 'worker',
        option: 'worker',
        message: tr(rt.lang, 'Worker (type part of the name or the id)'),
        search: staffSearch(rt),
      },
    ]);
    const w = rt.read((ctx) => buildWorklist(ctx, resolveStaff(ctx, o.worker as string)));
    rt.out.result(w, () => worklistView(w, fmt(rt)));
  });
}
