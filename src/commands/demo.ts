import { Command } from 'commander';
import { Runtime } from '../runtime.js';
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
    rt.out.note(`${replaced ? 'rebuilt' : 'built'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const f = fmt(rt);
    const c = r.counts;
    rt.out.result(r, () =>
      rt.lang === 'fa'
        ? `دفتر نمونه ${r.officeCode} در ${r.path}: ${f.n(c.centers)} مرکز، ${f.n(c.staff)} کارمند، ${f.n(c.clients)} مددجو، ${f.n(c.cases)} پرونده، ${f.n(c.services)} خدمت، ${f.n(c.followups)} پیگیری (${f.date(r.from)} تا ${f.date(r.to)}، بذر ${f.text(String(r.seed))})`
        : `demo office ${r.officeCode} in ${r.path}: ${f.n(c.centers)} centers, ${f.n(c.staff)} staff, ${f.n(c.clients)} clients, ${f.n(c.cases)} cases, ${f.n(c.services)} services, ${f.n(c.followups)} follow-ups (${f.date(r.from)} to ${f.date(r.to)}, seed ${r.seed})`,
    );
  });
}
