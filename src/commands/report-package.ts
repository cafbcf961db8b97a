/**
 * `parvande report package` (an office's figures for the province, counts only) and the
 * `--package FILE` option of `report monthly | year`, which builds the province's table from
 * packages instead of the offices' files (src/domain/reports/package.ts).
 */
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { UsageError, ValidationError } from '../errors.js';
import { checkOutputPath, isStdio, type OutputGuard } from '../files/output-file.js';
import { Runtime } from '../runtime.js';
import type { ReportKind, ReportPlan, Rollup } from '../domain/reports/build.js';
import type { Period } from '../domain/reports/period.js';
import { jalaliYearOf } from '../lang/dates.js';
import { t, tr } from '../messages/catalogue.js';
import { withExamples } from './shared.js';

/** commander: `--package a.json --package b.json` gathers both. */
export const collectFiles = (value: string, previous: string[] = []): string[] => [...previous, value];

export const PACKAGE_HELP = "build the province's table from report packages (repeat it: one per office), not from --db files";

/** The roll-up of `files` for `report monthly|year --package …`; the period typed with --month / --year must be theirs. */
export async function reportFromPackages(
  rt: Runtime,
  kind: ReportKind,
  files: readonly string[],
  input: { month?: string | undefined; year?: string | undefined; center?: string | undefined; worker?: string | undefined },
): Promise<Rollup> {
  if (kind === 'range') throw new UsageError(t('--package makes a monthly or a year report'), 'package');
  if (rt.dbPaths.length > 1) throw new UsageError(t('give --package files or several --db files, not both'), 'package');
  if (input.center !== undefined || input.worker !== undefined) {
    throw new UsageError(
      t("a package holds an office's totals: --center and --worker do not apply"),
      input.center !== undefined ? 'center' : 'worker',
    );
  }
  const { planReport } = await import('../domain/reports/build.js');
  const { readPackage, rollUpPackages } = await import('../domain/reports/package.js');
  const packages = files.map((file, i) => {
    const which = `--package #${i + 1} (${file})`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ValidationError(t('{package} cannot be read', { package: which }), 'package');
    }
    return { file, pkg: readPackage(text, which) };
  });
  const typed = kind === 'monthly' ? input.month : input.year;
  const plan = planReport(kind, typed === undefined ? { [kind === 'monthly' ? 'month' : 'year']: packages[0]?.pkg.of } : input, rt.today);
  const of = typed === undefined ? undefined : periodName(plan);
  return rollUpPackages(packages, plan, of);
}

function periodName(plan: ReportPlan): string {
  const p = plan.kind === 'monthly' ? plan.periods[0] : plan.periods[plan.periods.length - 1];
  return plan.kind === 'monthly' ? (p?.month as string) : String(jalaliYearOf((p as Period).from));
}

interface PackageOptions {
  month?: string;
  year?: string;
  out?: string;
  force?: boolean;
}

/** `report package --month M | --year Y --out FILE`. */
export function addPackageCommand(report: Command): void {
  withExamples(
    report
      .command('package')
      .description(
        "the office's figures of a month or a year for the province: counts only (no names, codes, notes or rows of people), with a checksum",
      )
      .option('--month <month>', 'Jalali month: 1405-09, 9 (this year), آذر, "Azar 1405", this or last; default the current month')
      .option('--year <year>', 'a whole Jalali year instead of a month')
      .option('--out <file>', 'the package file to write (owner-only JSON); - for standard output')
      .option('--force', 'replace an existing file (never a database)'),
    'parvande report package --month 1405-09 --out KRJ01-1405-09.json',
    'parvande report package --year 1405 --out KRJ01-1405.json',
    'parvande report monthly --month 1405-09 --package KRJ01-1405-09.json --package SVJ01-1405-09.json',
  ).action(async (opts: PackageOptions, cmd: Command) => {
    const rt = Runtime.of(cmd);
    if (rt.dbPaths.length > 1) throw new UsageError(t('report package reads one office: give one --db'), 'db');
    if (opts.month !== undefined && opts.year !== undefined) throw new UsageError(t('give --month or --year, not both'), 'year');
    if (opts.out === undefined) throw new UsageError(t('report package needs --out FILE (or --out - for standard output)'), 'out');
    const toStdout = isStdio(opts.out);
    const guard: OutputGuard = { field: 'out', protect: [rt.dbPath.path], force: opts.force === true };
    // The target is checked before the database is read.
    const target = toStdout ? undefined : checkOutputPath(opts.out, guard);
    const { planReport } = await import('../domain/reports/build.js');
    const { makePackage, packageText } = await import('../domain/reports/package.js');
    const kind = opts.year !== undefined ? 'year' : 'monthly';
    const plan = planReport(kind, opts, rt.today);
    const of = periodName(plan);
    const pkg = rt.read((ctx) => makePackage(ctx, plan, of, new Date().toISOString()), { readonly: true });
    const text = packageText(pkg);
    const result = {
      office: pkg.office.code,
      kind: pkg.kind,
      of: pkg.of,
      schemaVersion: pkg.schemaVersion,
      sha256: pkg.sha256,
      file: opts.out,
    };
    if (target === undefined) {
      rt.out.write(text);
      return;
    }
    const { writePrivateFile } = await import('../files/output-file.js');
    writePrivateFile(target, Buffer.from(text, 'utf8'), guard);
    const wrote = { office: pkg.office.code, period: pkg.of, file: opts.out, hash: pkg.sha256.slice(0, 16) };
    rt.out.result(result, () =>
      pkg.kind === 'year'
        ? tr(rt.lang, 'wrote the year package of {office} for {period} to {file} (sha256 {hash}…)', wrote)
        : tr(rt.lang, 'wrote the monthly package of {office} for {period} to {file} (sha256 {hash}…)', wrote),
    );
  });
}
