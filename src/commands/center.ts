import { Command } from 'commander';
import { listCenters, parseCenterInput, registerCenter, showCenter } from '../domain/centers.js';
import { CENTER_KINDS, SECTORS } from '../domain/codes.js';
import { tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { centerCard, centerTable } from '../ui/views/staff.js';
import { codeCheck, integerCheck } from './pick.js';
import { choose, codeList, fmt, withExamples } from './shared.js';
import { withPages } from './page-options.js';

export function centerCommand(): Command {
  const center = withExamples(
    new Command('center').description('care centers the office supervises (مراکز)'),
    'parvande center add --name "پایگاه خدمات اجتماعی اسلام‌آباد" --kind service-base --sector ngo',
    'parvande center list',
  );

  withExamples(
    center
      .command('add')
      .description('add a center')
      .option('--name <name>', 'center name')
      .option('--kind <kind>', `kind of center: ${codeList(CENTER_KINDS)}`)
      .option('--sector <sector>', 'gov or ngo (دولتی / غیردولتی)')
      .option('--capacity <n>', 'places (pseudo-family homes must not exceed it)')
      .option('--county <name>', 'county'),
    'parvande center add --name "مرکز مداخله در بحران کرج" --kind social-emergency --sector gov --capacity 20',
  ).action(async (opts: { name?: string; kind?: string; sector?: string; capacity?: string; county?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'name', option: 'name', message: tr(rt.lang, 'Center name') },
        { key: 'kind', option: 'kind', message: tr(rt.lang, 'Kind'), choices: choose(CENTER_KINDS, rt) },
        { key: 'sector', option: 'sector', message: tr(rt.lang, 'Sector'), choices: choose(SECTORS, rt) },
      ],
      {
        flags: {
          kind: codeCheck(CENTER_KINDS, 'kind'),
          sector: codeCheck(SECTORS, 'sector'),
          capacity: integerCheck('capacity', { min: 0 }),
        },
      },
    );
    const c = rt.write((ctx) => registerCenter(ctx, parseCenterInput(o)));
    rt.out.result(c, () => centerCard(c, fmt(rt)));
  });

  withExamples(
    center
      .command('list')
      .description('all centers')
      .option('--kind <kind>', `kind of center: ${codeList(CENTER_KINDS)}`)
      .option('--sector <sector>', 'gov or ngo'),
    'parvande center list --sector ngo',
  ).action((opts: { kind?: string; sector?: string }, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const rows = rt.read((ctx) => listCenters(ctx, opts));
    rt.out.result(rows, () => centerTable(rows, fmt(rt)));
  });

  withExamples(
    center.command('show').argument('<center>', 'center id or name').description('one center with its open cases and staff'),
    'parvande center show 2',
  ).action((ref: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const c = rt.read((ctx) => showCenter(ctx, ref));
    rt.out.result(c, () => centerCard(c, fmt(rt)));
  });
  return withPages(center, 'list', 'show');
}
