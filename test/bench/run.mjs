// `npm run bench`: times the built CLI as whole processes on big demo offices, each figure
// beside `node -e 0` in the same run, and writes the figures (test/bench/results/latest.json,
// a Markdown table; --update-docs puts that table in docs/performance.md).
//
//   node test/bench/run.mjs [--quick] [--update-docs] [--runs N] [--only startup,reports,encrypted,plans,import]
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchKeyFile, benchToday, cacheDir, clientsCsv, demoOffice, encryptedOffice } from './lib/data.mjs';
import { machine, markdown, updateReadme } from './lib/output.mjs';
import { ROOT } from './lib/proc.mjs';
import { importSection, reportQueryPlans, reportsAvailable, timeCommand } from './lib/sections.mjs';

const SIZES = {
  // Ten years with at least 1,000,000 services; a file with at least 100,000 cases.
  full: {
    mode: 'full',
    office: { years: 10, scale: 24, minimum: { services: 1_000_000 } },
    cases: { years: 10, scale: 4.5, minimum: { cases: 100_000 } },
    csvRows: 200_000,
    bigCsvRows: 1_000_000,
    runs: 7,
    importRuns: 3,
  },
  quick: {
    mode: 'quick',
    office: { years: 2, scale: 2 },
    cases: { years: 2, scale: 1 },
    csvRows: 20_000,
    bigCsvRows: 50_000,
    runs: 3,
    importRuns: 1,
  },
};

function parseArgs(argv) {
  const opts = { quick: false, updateReadme: false, runs: undefined, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--update-docs' || a === '--update-readme') opts.updateReadme = true;
    else if (a === '--runs') opts.runs = Number(argv[++i]);
    else if (a === '--only') opts.only = new Set(String(argv[++i]).split(','));
    else if (a === '--help' || a === '-h') {
      console.log('node test/bench/run.mjs [--quick] [--update-docs] [--runs N] [--only startup,reports,plans,import]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (opts.runs !== undefined && !(Number.isInteger(opts.runs) && opts.runs >= 1)) throw new Error('--runs needs a whole number ≥ 1');
  if (opts.updateReadme && (opts.quick || opts.only))
    throw new Error('--update-docs takes the figures of a full run (no --quick, no --only)');
  return opts;
}

const log = (s) => process.stderr.write(`${s}\n`);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'dist', 'main.js'))) throw new Error('dist/ is missing: run "npm run build" (npm run bench does)');
  const sizes = opts.quick ? SIZES.quick : SIZES.full;
  const runs = opts.runs ?? sizes.runs;
  const want = (s) => opts.only === null || opts.only.has(s);
  const started = Date.now();

  const dir = cacheDir({ mode: sizes.mode, office: sizes.office, cases: sizes.cases, csv: [sizes.csvRows, sizes.bigCsvRows] });
  log(`benchmark data in ${dir}`);
  const office = demoOffice(dir, 'office', sizes.office, log);
  const casesFile = demoOffice(dir, 'cases', sizes.cases, log);
  const today = benchToday(dir);
  const results = {
    mode: sizes.mode,
    runs,
    machine: machine(),
    today,
    data: {
      office: {
        years: office.years,
        scale: office.scale,
        counts: office.counts,
        buildSeconds: office.buildSeconds,
        megabytes: office.megabytes,
      },
      casesFile: { years: casesFile.years, scale: casesFile.scale, counts: casesFile.counts, buildSeconds: casesFile.buildSeconds },
    },
    timings: [],
  };

  const reports = reportsAvailable();
  const noReports = 'report command not available';
  const nightlyDir = mkdtempSync(join(tmpdir(), 'parvande-bench-nightly-'));
  const clearNightly = () => {
    for (const f of readdirSync(nightlyDir)) rmSync(join(nightlyDir, f), { recursive: true, force: true });
  };
  try {
    const plan = [];
    if (want('startup')) {
      plan.push({ name: 'parvande --version', args: ['--version'], target: 1.3 });
      plan.push({
        name: `case list --json (${casesFile.counts.cases.toLocaleString('en-US')} cases)`,
        args: ['--db', casesFile.path, 'case', 'list', '--json'],
        target: 2,
      });
    }
    if (want('reports') || want('encrypted')) {
      // The same report on the same office encrypted (issue #14): each beside node -e 0, and the two medians' ratio below.
      const on = `(${office.counts.services.toLocaleString('en-US')} services)`;
      const encrypted = encryptedOffice(dir, office, log);
      plan.push({
        name: `report monthly --json ${on}, plain file`,
        key: 'monthlyPlain',
        args: ['--db', office.path, 'report', 'monthly', '--json'],
        available: reports,
        skipReason: noReports,
      });
      plan.push({
        name: `report monthly --json ${on}, encrypted file`,
        key: 'monthlyEncrypted',
        args: ['--db', encrypted.path, 'report', 'monthly', '--json'],
        env: { PARVANDE_KEY_FILE: benchKeyFile(dir) },
        available: reports,
        skipReason: noReports,
      });
    }
    if (want('reports')) {
      const on = `(${office.counts.services.toLocaleString('en-US')} services)`;
      plan.push({
        name: `report monthly --json ${on}`,
        args: ['--db', office.path, 'report', 'monthly', '--json'],
        target: 1.35,
        available: reports,
        skipReason: noReports,
      });
      plan.push({
        name: `report year --json ${on}`,
        args: ['--db', office.path, 'report', 'year', '--json'],
        available: reports,
        skipReason: noReports,
      });
      plan.push({
        name: `report nightly --dir ${on}`,
        args: ['--db', office.path, 'report', 'nightly', '--dir', nightlyDir],
        available: reports,
        skipReason: noReports,
        before: clearNightly,
      });
    }
    for (const p of plan) {
      log(`timing ${p.name} …`);
      const t = { ...timeCommand({ ...p, runs, today }), ...(p.key ? { key: p.key } : {}) };
      results.timings.push(t);
      log(
        t.skipped
          ? `  skipped: ${t.skipped}`
          : t.failed
            ? `  failed: ${t.failed}`
            : `  ${t.medianMs} ms vs node -e 0 ${t.baselineMs} ms: ${t.ratio}×, CPU ${t.cpuRatio}×${t.target ? ` (target ≤ ${t.target}×)` : ''}`,
      );
    }
  } finally {
    rmSync(nightlyDir, { recursive: true, force: true });
  }
  const plainMonthly = results.timings.find((t) => t.key === 'monthlyPlain');
  const encryptedMonthly = results.timings.find((t) => t.key === 'monthlyEncrypted');
  if (plainMonthly?.medianMs && encryptedMonthly?.medianMs) {
    results.encryption = {
      monthlyEncryptedToPlain: Math.round((encryptedMonthly.medianMs / plainMonthly.medianMs) * 1000) / 1000,
      monthlyCpuEncryptedToPlain: Math.round((encryptedMonthly.cpuMs / plainMonthly.cpuMs) * 1000) / 1000,
    };
    log(
      `  encrypted / plain report monthly: ${results.encryption.monthlyEncryptedToPlain}× (CPU ${results.encryption.monthlyCpuEncryptedToPlain}×)`,
    );
  }

  if (want('plans')) {
    log('query plans of the report queries …');
    try {
      results.queryPlans = await reportQueryPlans(office.path, today);
    } catch (err) {
      results.queryPlans = { failed: err instanceof Error ? err.message : String(err) };
      log(`  failed: ${results.queryPlans.failed}`);
    }
  }
  if (results.queryPlans?.plans) {
    console.log(`\nQuery plans (${results.queryPlans.source}), month ${results.queryPlans.month}:`);
    for (const p of results.queryPlans.plans) {
      console.log(`  ${p.name}${p.scansServices ? '   <-- SCAN services' : ''}`);
      for (const line of p.plan) console.log(`    ${line}`);
    }
    console.log(
      results.queryPlans.servicesScans === 0 ? '  no query scans services' : `  ${results.queryPlans.servicesScans} queries SCAN services`,
    );
  }

  if (want('import')) {
    log('import …');
    const csv = await clientsCsv(dir, sizes.csvRows, log);
    const bigCsv = await clientsCsv(dir, sizes.bigCsvRows, log);
    try {
      results.import = importSection({
        csv,
        rows: sizes.csvRows,
        bigCsv,
        bigRows: sizes.bigCsvRows,
        runs: sizes.importRuns,
        log,
        keyFile: benchKeyFile(dir),
      });
    } catch (err) {
      results.import = { failed: err instanceof Error ? err.message : String(err) };
    }
    if (results.import.skipped) log(`  skipped: ${results.import.skipped}`);
    if (results.import.failed) log(`  failed: ${results.import.failed}`);
  }

  results.seconds = Math.round((Date.now() - started) / 1000);
  const table = markdown(results);
  const resultsDir = opts.quick || opts.only ? dir : join(ROOT, 'test', 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, opts.quick ? 'latest-quick.json' : opts.only ? 'latest-partial.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${table}\n`);
  log(`figures written to ${file} (${results.seconds} s)`);
  if (opts.updateReadme) {
    updateReadme(join(ROOT, 'docs', 'performance.md'), table);
    log('docs/performance.md figures updated');
  }
}

main().catch((err) => {
  process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
