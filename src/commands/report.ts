import { Command } from 'commander';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { checkBinaryStdout, checkOutputPath, ensurePrivateDir, isStdio, type OutputGuard } from '../files/output-file.js';
import { Runtime } from '../runtime.js';
import type { AnyReport, ReportKind, ReportInput, Rollup } from '../domain/reports/build.js';
import type { ReportDoc } from '../ui/views/report-doc.js';
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
  return cmd
    .option('--center <center>', "only this center's work: its cases, their services, follow-ups, referrals and clients (id or name)")
    .option('--worker <staff>', "only this worker's work: the services they gave, their cases and follow-ups (id, national code or name)")
    .option('--format <format>', 'table (the terminal), csv, xlsx or html', 'table')
    .option('--out <file>', 'write the report to this file (owner-only); - for standard output; needed for xlsx')
    .option('--force', 'replace an existing file (never a database)')
    .option('--redact', REDACT_HELP);
}

async function runReport(kind: ReportKind, input: ReportInput & OutputOptions, cmd: Command): Promise<void> {
  const rt = Runtime.of(cmd);
  // The default format needs no parsing (and --json reports then load one module less).
  const format = input.format === 'table' ? 'table' : (await import('../ui/report-formats/format-name.js')).parseReportFormat(input.format);
  const toStdout = input.out === undefined || isStdio(input.out);
  if (rt.out.json && format !== 'table' && toStdout) {
    throw new UsageError(`--json and --format ${format} both print on stdout: add --out FILE for the ${format} file`, 'format');
  }
  if (format === 'xlsx' && input.out === undefined)
    throw new UsageError('--format xlsx needs --out FILE (or --out - for standard output)', 'out');
  if (format === 'xlsx' && toStdout) checkBinaryStdout(`${kind}.xlsx`);
  const paths = rt.dbPaths;
  // The target is checked before any database is read: a refusal costs nothing and writes nothing.
  const guard: OutputGuard = { field: 'out', protect: paths.length > 1 ? paths : [rt.dbPath.path], force: input.force === true };
  const target = toStdout ? undefined : checkOutputPath(input.out as string, guard);
  const { buildReport, planReport, scopeRef } = await import('../domain/reports/build.js');
  const plan = planReport(kind, input, rt.today);
  const narrowTo = scopeRef(input);
  if (narrowTo !== null && paths.length > 1) {
    throw new UsageError(`--${narrowTo.kind} narrows one office's report: give one --db`, narrowTo.kind);
  }
  let data: AnyReport | Rollup;
  if (narrowTo !== null) {
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
  const doc = (): ReportDoc => (paths.length > 1 ? rollupDoc(data as Rollup, f) : reportDoc(data as AnyReport, f));
  if (format === 'table' && target === undefined) {
    const { renderReportTerminal } = await import('../ui/views/report-terminal.js');
    rt.out.result(data, () => renderReportTerminal(doc(), f));
    return;
  }
  const { renderReport } = await import('../ui/report-formats/index.js');
  const bytes = await renderReport(doc(), format, f);
  if (target === undefined) {
    rt.out.write(format === 'xlsx' ? bytes : bytes.toString('utf8'));
    return;
  }
  const { writePrivateFile } = await import('../files/output-file.js');
  writePrivateFile(target, bytes, guard);
  rt.out.note(`wrote ${input.out}`);
  if (rt.out.json) rt.out.result(data, () => '');
}

/** How many of each nightly list go to stderr (the files hold up to --limit). */
const LOG_LIST_MAX = 20;

interface NightlyOptions {
  dir?: string;
  month?: string;
  limit?: string;
  redact?: boolean;
}

async function runNightly(opts: NightlyOptions, cmd: Command): Promise<void> {
  const rt = Runtime.of(cmd);
  if (rt.dbPaths.length > 1) throw new UsageError('report nightly reads one office: give one --db', 'db');
  const { parseInteger } = await import('../domain/fields.js');
  const limit = parseInteger(opts.limit ?? '200', 'limit', { min: 0, max: 100_000 });
  const { monthsForNightly } = await import('../domain/reports/build.js');
  const { nightlyFileName, readNightly } = await import('../domain/reports/nightly.js');
  const today = rt.today;
  const months = monthsForNightly(opts.month, today);
  const dbPath = rt.dbPath.path;
  // The folder is checked (and made) before the database is read.
  const dir = ensurePrivateDir(opts.dir ?? join(dirname(resolve(dbPath)), 'reports'), 'dir');
  const read = rt.read((ctx) => readNightly(ctx, months, limit), { readonly: true });
  if (opts.redact === true) {
    const { redactReport, reportPseudonyms } = await import('../domain/redact.js');
    const pseudonyms = reportPseudonyms(rt);
    read.reports = read.reports.map((r) => redactReport(r, pseudonyms));
    read.attention = redactReport(read.attention, pseudonyms);
  }
  const { renderReport } = await import('../ui/report-formats/index.js');
  const { writePrivateFile } = await import('../files/output-file.js');
  const { attentionLists, monthlyDoc } = await import('../ui/views/report-document.js');
  const f = fmt(rt);
  // Its own dated names: a re-run the same day replaces them (force), but never a
  // database, and a planted link is replaced as a link, never followed. Every name
  // is checked before the first file is written.
  const guard: OutputGuard = { field: 'dir', protect: [dbPath], force: true };
  const EXTS = ['html', 'csv', 'xlsx'] as const;
  const planned = read.reports.map((report) => ({
    report,
    paths: EXTS.map((ext) =>
      checkOutputPath(join(dir, nightlyFileName((report.office ?? { code: 'office' }).code, report.period.month ?? '', today, ext)), guard),
    ),
  }));
  const files: string[] = [];
  for (const { report, paths } of planned) {
    const doc = monthlyDoc(report, f);
    doc.lists = attentionLists(read.attention, f);
    for (const [i, ext] of EXTS.entries()) {
      const path = paths[i] as string;
      writePrivateFile(path, await renderReport(doc, ext, f), guard);
      files.push(path);
    }
  }
  const current = read.reports[read.reports.length - 1] as (typeof read.reports)[number];
  const a = read.attention;
  const summary = {
    office: current.office?.code ?? '',
    month: current.period.month,
    asOf: current.period.asOf,
    services: current.services.total,
    casesOpened: current.cases.opened,
    casesOpenAtEnd: current.cases.openAtEnd,
    followupsOverdue: a.overdueFollowups.total,
    casesUnassigned: a.unassignedCases.total,
    referralsOverdue: a.overdueReferrals.total,
    files,
  };
  if (!rt.out.json) {
    // A cron mail stays short: the first few of each list here, all of them (up to --limit) in the files.
    for (const o of a.overdueFollowups.items.slice(0, LOG_LIST_MAX)) {
      rt.out.note(
        `overdue follow-up ${f.id(o.id)}: case ${o.caseNumber}, due ${f.date(o.dueOn)}, worker ${o.workerId === null ? '-' : f.id(o.workerId)}`,
      );
    }
    if (a.overdueFollowups.total > LOG_LIST_MAX)
      rt.out.note(`… ${a.overdueFollowups.total - LOG_LIST_MAX} more overdue follow-ups: see the report files`);
    for (const c of a.unassignedCases.items.slice(0, LOG_LIST_MAX)) {
      rt.out.note(`open case with nobody assigned: ${c.caseNumber} (opened ${f.date(c.openedOn)}, risk ${c.risk})`);
    }
    if (a.unassignedCases.total > LOG_LIST_MAX)
      rt.out.note(`… ${a.unassignedCases.total - LOG_LIST_MAX} more open cases with nobody assigned: see the report files`);
    // The kind of agency, never its name nor the reason: this is a log.
    for (const r of a.overdueReferrals.items.slice(0, LOG_LIST_MAX)) {
      rt.out.note(
        `referral ${f.id(r.id)} with no answer after ${a.overdueReferrals.answerDays} days: case ${r.caseNumber}, sent ${f.date(r.sentOn)} to ${r.agencyKind}, worker ${r.workerId === null ? '-' : f.id(r.workerId)}`,
      );
    }
    if (a.overdueReferrals.total > LOG_LIST_MAX)
      rt.out.note(`… ${a.overdueReferrals.total - LOG_LIST_MAX} more referrals with no answer: see the report files`);
  }
  // The summary is a log (a cron job mails it): the files name the workers, it keeps their ids.
  const overdue = a.overdueFollowups.items.map((o) => ({ id: o.id, caseNumber: o.caseNumber, dueOn: o.dueOn, workerId: o.workerId }));
  const referrals = a.overdueReferrals.items.map(({ workerName: _name, ...r }) => r);
  rt.out.result(
    {
      ...summary,
      attention: {
        ...a,
        overdueFollowups: { ...a.overdueFollowups, items: overdue },
        overdueReferrals: { ...a.overdueReferrals, items: referrals },
      },
    },
    () =>
      `parvande nightly ${summary.office} ${summary.month}: ${summary.services} services, ${summary.casesOpened} cases opened, ` +
      `${summary.casesOpenAtEnd} open, ${summary.followupsOverdue} follow-ups overdue, ${summary.casesUnassigned} open cases unassigned, ` +
      `${summary.referralsOverdue} referrals with no answer; ` +
      `${files.length} files in ${dir}`,
  );
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
        .option('--month <month>', 'Jalali month: 1405-09, 9 (this year), this or last; default the current month'),
    ),
    'parvande report monthly',
    'parvande report monthly --month 1405-09 --lang fa',
    'parvande report monthly --month 9 --format html --out azar.html',
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
        .option('--year <year>', 'Jalali year, default the current one'),
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
    const o = await rt.fill(opts, [
      { key: 'from', option: 'from', message: 'First day' },
      { key: 'to', option: 'to', message: 'Last day' },
    ]);
    await runReport('range', o, cmd);
  });

  withExamples(
    report
      .command('nightly')
      .description(
        "for cron / Task Scheduler: writes the month's report files (html, csv, xlsx) and lists what needs attention; never prompts",
      )
      .option('--dir <folder>', 'where the files go (created owner-only); default "reports" beside the database')
      .option('--month <month>', 'the month to write; default the current one (and, on its first day, the month just ended)')
      .option('--limit <n>', 'most overdue follow-ups, unassigned cases and unanswered referrals to list', '200')
      .option('--redact', REDACT_HELP),
    'parvande report nightly --dir /var/lib/parvande/reports',
    'parvande --db C:\\parvande\\office.db report nightly --dir C:\\parvande\\reports',
  ).action((opts: NightlyOptions, cmd: Command) => runNightly(opts, cmd));

  return report;
}
