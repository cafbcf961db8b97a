import { Command } from 'commander';
import { t, tr } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { digits, decimal } from '../ui/labels.js';
import { fmt, withExamples } from './shared.js';

interface DemoOpts {
  years?: string;
  scale?: string;
  seed?: string;
  force?: boolean;
}

export function demoCommand(): Command {
  return withExamples(
    new Command('demo')
      .description('write a made-up demo office (same seed and day → same data) into the file given by --db; never a real office')
      .option('--years <n>', 'years of activity, ending today', '1')
      .option('--scale <x>', 'size: 1 is a county office (~2,700 cases, ~4,800 services a year)', '1')
      .option('--seed <n>', 'seed of the made-up data', '1405')
      .option('--force', 'replace an earlier demo office in that file (other files are never replaced)'),
    'parvande --db demo-office.db demo',
    'parvande --db demo-office.db demo --force && parvande --db demo-office.db report monthly',
    'parvande --db big.db demo --years 10 --scale 20 --seed 7 --json',
  ).action(async (opts: DemoOpts, cmd: Command) => {
    const rt = Runtime.of(cmd);
    // The generator and its fixtures load only for this command.
    const { buildDemoOffice, parseDemoSettings, prepareDemoFile } = await import('../domain/demo/build.js');
    const settings = parseDemoSettings(opts, rt.today);
    const where = rt.dbPath;
    const replaced = prepareDemoFile(where.path, where.source, opts.force === true);
    const started = Date.now();
    const r = buildDemoOffice(rt.ctx({ create: true }), settings, replaced);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    const seconds = decimal(digits(took, rt.lang), rt.lang);
    rt.out.note(replaced ? t('rebuilt in {seconds} s', { seconds }) : t('built in {seconds} s', { seconds }));
    const f = fmt(rt);
    const c = r.counts;
    rt.out.result(r, () =>
      tr(
        rt.lang,
        'demo office {office} in {path}: {centers} centers, {staff} staff, {clients} clients, {cases} cases, {services} services, {followups} follow-ups ({from} to {to}, seed {seed})',
        {
          office: r.officeCode,
          path: r.path,
          // Counts as the reader writes them, with the thousands separator.
          centers: f.n(c.centers),
          staff: f.n(c.staff),
          clients: f.n(c.clients),
          cases: f.n(c.cases),
          services: f.n(c.services),
          followups: f.n(c.followups),
          from: f.date(r.from),
          to: f.date(r.to),
          seed: r.seed,
        },
      ),
    );
  });
}
