import { Command } from 'commander';
import { UsageError } from '../errors.js';
import { parseDateInput } from '../lang/dates.js';
import { t, tr } from '../messages/catalogue.js';
import { checkBinaryStdout, checkOutputPath, isStdio, type OutputGuard } from '../files/output-file.js';
import type { NightlyOptions } from './report-nightly.js';
import type { ReportSettingsOptions } from './report-settings.js';
import { Runtime } from '../runtime.js';
import type { AnyReport, ReportKind, ReportInput, Rollup } from '../domain/reports/build.js';
import type { ReportDoc } from '../ui/views/report-doc.js';
import { addPackageCommand, collectFiles, PACKAGE_HELP } from './report-package.js';
import { fmt, withExamples } from './shared.js';

// The report modules load inside the actions: other commands must not pay for them at start-up.

interface OutputOptions {
  format?: string;
  out?: string;
  redact?: boolean;
  force?: boolean;
}

const REDACT_HELP = 'for files that leave the office: each worker named by a stable pseudonym (reports hold no client names)';

function outputOptions(cmd: Command): Command {
  return (
    cmd
      .option('--center <center>', "only this center's work: its cases, their services, follow-ups, referrals and clients (id or name)")
      .option('--worker <staff>', "only this worker's work: the services they gave, their cases and follow-ups (id, national code or name)")
      // No commander default: the help says it in words (a quoted default would stay English under fa).
      .option('--format <format>', 'table (the terminal; the default), csv, xlsx or html')
      .option('--out <file>', 'write the report to this file (owner-only); - for standard output; needed for xlsx')
      .option('--force', 'replace an existing file (never a database)')
      .option('--redact', REDACT_HELP)
  );
}

async function runReport(kind: ReportKind, input: ReportInput & OutputOptions, cmd: Command): Promise<void> {
  const rt = Runtime.of(cmd);
  // The default format needs no parsing (and --json reports then load one module less).
  const format =
    (input.format ?? 'table') === 'table' ? 'table' : (await import('../ui/report-formats/format-name.js')).parseReportFormat(input.format);
  const toStdout = input.out === undefined || isStdio(input.out);
  if (rt.out.json && format !== 'table' && toStdout) {
    throw new UsageError(
      t('--json and --format {format} both print on stdout: add --out FILE for the {format} file', { format }),
      'format',
    );
  }
  if (format === 'xlsx' && input.out === undefined)
    throw new UsageError(t('--format xlsx needs --out FILE (or --out - for standard output)'), 'out');
  if (format === 'xlsx' && toStdout) checkBinaryStdout(`${kind}.xlsx`);
  const paths = rt.dbPaths;
  // The target is checked before any database is read: a refusal costs nothing and writes nothing.
  const guard: OutputGuard = { field: 'out', protect: paths.length > 1 ? paths : [rt.dbPath.path], force: input.force === true };
  const target = toStdout ? undefined : checkOutputPath(input.out as string, guard);
  const { buildReport, planReport, scopeRef } = await import('../domain/reports/build.js');
  const plan = planReport(kind, input, rt.today);
  const narrowTo = scopeRef(input);
  if (narrowTo !== null && paths.length > 1) {
    throw new UsageError(t("{option} narrows one office's report: give one --db", { option: `--${narrowTo.kind}` }), narrowTo.kind);
  }
  const packages = (input as { package?: string[] }).package ?? [];
  // Several offices' figures: their files (several --db) or their report packages (--package).
  const rollup = paths.length > 1 || packages.length > 0;
  let data: AnyReport | Rollup;
  if (packages.length > 0) {
    const { reportFromPackages } = await import('./report-package.js');
    data = await reportFromPackages(rt, kind, packages, input);
  } else if (narrowTo !== null) {
    const { resolveReportScope } = await import('../domain/reports/scope.js');
    data = rt.read((ctx) => buildReport(ctx, { ...plan, scope: resolveReportScope(ctx, narrowTo) }), { readonly: true });
    if (input.redact === true) {
      const { redactReport, reportPseudonyms } = await import('../domain/redact.js');
      data = redactReport(data, reportPseudonyms(rt));
    }
  } else if (paths.length > 1) {
    const { rollUpOffices } = await import('../domain/reports/rollup.js');
    data = rollUpOffices(paths, plan, { today: rt.today, redact: input.redact === true ? { who: () => rt.who() } : undefined });
  } else {
    data = rt.read((ctx) => buildReport(ctx, plan), { readonly: true });
    if (input.redact === true) {
      const { redactReport, reportPseudonyms } = await import('../domain/redact.js');
      data = redactReport(data, reportPseudonyms(rt));
    }
  }
  if (rt.out.json && target === undefined) {
    rt.out.result(data, () => '');
    return;
  }
  const { reportDoc, rollupDoc } = await import('../ui/views/report-document.js');
  const f = fmt(rt);
  const doc = (): ReportDoc => (rollup ? rollupDoc(data as Rollup, f) : reportDoc(data as AnyReport, f));
  if (format === 'table' && target === undefined) {
    const { renderReportTerminal } = await import('../ui/views/report-terminal.js');
    rt.out.result(data, () => renderReportTerminal(doc(), f));
    return;
  }
  const { renderReport } = await import('../ui/report-formats/index.js');
  const printed = doc();
  if (format === 'html' && !rollup) {
    // The printed page's head: the office, the report's number, who prepares and approves it (none named with --redact).
    const { readLetterhead } = await import('../domain/reports/letterhead.js');
    const { letterheadDoc } = await import('../ui/views/report-letterhead.js');
    const period = (data as AnyReport).period;
    printed.letterhead = letterheadDoc(
      rt.read((ctx) => readLetterhead(ctx, period, { redact: input.redact === true, narrowed: narrowTo !== null }), { readonly: true }),
      f,
    );
  }
  const bytes = await renderReport(printed, format, f);
  if (target === undefined) {
    rt.out.write(format === 'xlsx' ? bytes : bytes.toString('utf8'));
    return;
  }
  const { writePrivateFile } = await import('../files/output-file.js');
  writePrivateFile(target, bytes, guard);
  rt.out.note(t('wrote {file}', { file: input.out as string }));
  if (rt.out.json) rt.out.result(data, () => '');
}

export function reportCommand(): Command {
  const report = withExamples(
    new Command('report').description('activity reports: monthly, year, range, the nightly run and the provincial roll-up'),
    'parvande report monthly --month 1405-09',
    'parvande report year --year 1405 --format html --out 1405.html',
    'parvande report nightly --dir reports',
    'parvande --db krj.db --db svj.db report monthly',
  );

  withExamples(
    outputOptions(
      report
        .command('monthly')
        .description('a Jalali month beside the previous month and the year to date (several --db: a roll-up of offices)')
        .option('--month <month>', 'Jalali month: 1405-09, 9 (this year), آذر, "Azar 1405", this or last; default the current month')
        .option('--package <file>', PACKAGE_HELP, collectFiles),
    ),
    'parvande report monthly',
    'parvande report monthly --month 1405-09 --lang fa',
    'parvande report monthly --month 9 --format html --out azar.html',
    'parvande report monthly --month "آذر ۱۴۰۵"',
    'parvande report monthly --json',
    'parvande report monthly --worker 12',
    'parvande report monthly --center "مرکز مداخله در بحران کرج" --format html --out center.html',
    'parvande --db krj.db --db svj.db report monthly --format xlsx --out province.xlsx',
  ).action((opts: ReportInput & OutputOptions, cmd: Command) => runReport('monthly', opts, cmd));

  withExamples(
    outputOptions(
      report
        .command('year')
        .description('a Jalali year with its months as rows, and the whole year')
        .option('--year <year>', 'Jalali year, default the current one')
        .option('--package <file>', PACKAGE_HELP, collectFiles),
    ),
    'parvande report year --year 1405',
    'parvande report year --format csv --out 1405.csv',
    'parvande report year --redact --format xlsx --out 1405-for-province.xlsx',
    'parvande report year --center 2',
  ).action((opts: ReportInput & OutputOptions, cmd: Command) => runReport('year', opts, cmd));

  withExamples(
    outputOptions(
      report
        .command('range')
        .description('any period, both days included')
        .option('--from <date>', 'first day: 1405/01/01, 2026-03-21, -30d')
        .option('--to <date>', 'last day'),
    ),
    'parvande report range --from 1405/01/01 --to 1405/06/31',
  ).action(async (opts: ReportInput & OutputOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const o = await rt.fill(
      opts,
      [
        { key: 'from', option: 'from', message: tr(rt.lang, 'First day') },
        { key: 'to', option: 'to', message: tr(rt.lang, 'Last day') },
      ],
      {
        flags: {
          from: (v) => parseDateInput(v, { today: rt.today, field: 'from' }),
          to: (v) => parseDateInput(v, { today: rt.today, field: 'to' }),
        },
      },
    );
    await runReport('range', o, cmd);
  });

  addPackageCommand(report);

  withExamples(
    report
      .command('nightly')
      .description(
        "for cron / Task Scheduler: writes the month's report files (html, csv, xlsx) and lists what needs attention; never prompts",
      )
      .option('--dir <folder>', 'where the files go (created owner-only); default "reports" beside the database')
      .option(
        '--month <month>',
        'the month to write (1405-09, آذر, "Azar 1405"); default the current one (and, on its first day, the month just ended)',
      )
      .option('--limit <n>', 'most overdue follow-ups, unassigned cases and unanswered referrals to list', '200')
      .option('--redact', REDACT_HELP)
      .option(
        '--log <file>',
        'append timestamped lines (start, files written, what needs attention, errors, end) to this file (created owner-only)',
      ),
    'parvande report nightly --dir /var/lib/parvande/reports',
    'parvande report nightly --log /var/log/parvande/nightly.log',
    'parvande --db C:\\parvande\\office.db report nightly --dir C:\\parvande\\reports --log C:\\parvande\\nightly.log',
  ).action(async (opts: NightlyOptions, cmd: Command) => (await import('./report-nightly.js')).runNightly(opts, cmd));

  withExamples(
    report
      .command('settings')
      .description(
        "show or set the printed report's head: who prepares and who approves it (a blank line to sign by hand when unset) and its number's prefix",
      )
      .option('--prepared-by <staff>', 'who prepares the report (تهیه‌کننده): staff id, national code or name')
      .option('--no-prepared-by', 'print a blank "prepared by" line')
      .option('--approved-by <staff>', 'who approves it (تأییدکننده), usually the office head: staff id, national code or name')
      .option('--no-approved-by', 'print a blank "approved by" line')
      .option('--number-prefix <text>', 'the report number is PREFIX/1405/09 for Azar 1405 (default prefix: the office code)')
      .option('--no-number-prefix', 'go back to the office code as the prefix'),
    'parvande report settings',
    'parvande report settings --prepared-by 12 --approved-by 3 --number-prefix "۷۲۰/ص"',
    'parvande report settings --no-prepared-by',
    'parvande report settings --no-approved-by --no-number-prefix',
  ).action(async (opts: ReportSettingsOptions, cmd: Command) => (await import('./report-settings.js')).runReportSettings(opts, cmd));

  return report;
}
