// What the benchmark measures: start-up and reports beside `node -e 0`, the report
// queries' plans, and imports beside the sqlite3 shell and sqlite-utils.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BIN, ROOT, benchEnv, findProgram, hasCommand, median, parvande, round, run, runWithPeakMemory, timeBesideNode } from './proc.mjs';

/** One timed command beside `node -e 0`, or the reason it was skipped. */
export function timeCommand({ name, args, target, runs, today, available = true, skipReason, before }) {
  if (!available) return { name, skipped: skipReason };
  const env = benchEnv(today === undefined ? {} : { PARVANDE_TODAY: today });
  const command = `parvande ${args.join(' ')}`;
  try {
    const t = timeBesideNode([BIN, ...args], { runs, env, before });
    return { name, command, ...t, target: target ?? null, ok: target === undefined ? null : t.ratio <= target };
  } catch (err) {
    // One failing command is a finding, not the end of the benchmark.
    return {
      name,
      command,
      failed: err instanceof Error ? err.message : String(err),
      target: target ?? null,
      ok: target === undefined ? null : false,
    };
  }
}

export function reportsAvailable() {
  return hasCommand(['report', 'monthly']);
}

export function importAvailable() {
  return hasCommand(['import']);
}

/** Report query plans: from explainReportQueries (src/store/reports.ts) when it is built, else representative queries. */
export async function reportQueryPlans(dbPath, today) {
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
  const { Db } = await dist('store/database.js');
  const { monthRange, monthOf } = await dist('domain/dates.js');
  const range = monthRange(monthOf(today));
  const db = Db.open(dbPath, { readonly: true });
  try {
    let source = 'explainReportQueries (src/store/reports.ts)';
    let plans;
    try {
      const reports = await dist('store/reports.js');
      if (typeof reports.explainReportQueries !== 'function') throw new Error('no explainReportQueries');
      plans = reports.explainReportQueries(db, { from: range.from, to: range.to });
    } catch {
      source = 'representative queries (dist/store/reports.js has no explainReportQueries)';
      plans = representativePlans(db, range);
    }
    const marked = plans.map((p) => ({
      name: p.name,
      plan: p.plan,
      // "SCAN services" (with or without "USING … INDEX") reads every service: the reports must not.
      scansServices: p.plan.some((line) => /\bSCAN services\b/.test(line)),
    }));
    return {
      source,
      month: range.month,
      from: range.from,
      to: range.to,
      plans: marked,
      servicesScans: marked.filter((p) => p.scansServices).length,
    };
  } finally {
    db.close();
  }
}

function representativePlans(db, range) {
  const queries = {
    servicesByType: `SELECT type, count(*) FROM services WHERE service_date BETWEEN ? AND ? GROUP BY type`,
    servicesByCategory: `SELECT c.primary_category, count(*) FROM services s JOIN cases c ON c.id = s.case_id WHERE s.service_date BETWEEN ? AND ? GROUP BY 1`,
    casesClosed: `SELECT reason, count(*) FROM case_events WHERE kind = 'closed' AND on_date BETWEEN ? AND ? GROUP BY reason`,
    followupsDue: `SELECT status, count(*) FROM followups WHERE due_on BETWEEN ? AND ? GROUP BY status`,
  };
  return Object.entries(queries).map(([name, sql]) => ({
    name,
    plan: db.sqlite
      .prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .all(range.from, range.to)
      .map((r) => r.detail),
  }));
}

function importedRows(stdout) {
  // The import's --json result names its inserted rows; look for the count wherever it sits.
  const seen = [];
  const walk = (v) => {
    if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) k === 'inserted' && typeof x === 'number' ? seen.push(x) : walk(x);
  };
  try {
    walk(JSON.parse(stdout));
  } catch {
    return null;
  }
  return seen.length > 0 ? seen[0] : null;
}

function freshOffice(dir, i) {
  const db = join(dir, `import-${i}.db`);
  parvande(['--db', db, 'init', '--office-code', 'BENCH', '--office-name', 'Benchmark office']);
  return db;
}

/** The import section: parvande vs the sqlite3 shell vs sqlite-utils, then a big file's peak memory. */
export function importSection({ csv, rows, bigCsv, bigRows, runs, log }) {
  if (!importAvailable()) return { skipped: 'import command not available' };
  const work = mkdtempSync(join(tmpdir(), 'parvande-bench-import-'));
  try {
    const result = { rows, runs };
    const times = [];
    for (let i = 0; i < runs; i++) {
      const db = freshOffice(work, i);
      const r = parvande(['--db', db, '--json', 'import', 'clients', csv]);
      const inserted = importedRows(r.stdout);
      if (inserted !== null && inserted !== rows) throw new Error(`parvande import inserted ${inserted} of ${rows} rows`);
      times.push(r.ms);
      log(`  parvande import clients: ${round(r.ms / 1000, 2)} s`);
    }
    result.parvande = rate(rows, times);

    const sqlite3 = findProgram('sqlite3', process.platform === 'win32' ? [] : ['/usr/bin/sqlite3']);
    if (sqlite3 === null) result.sqlite3 = { skipped: 'sqlite3 shell not found' };
    else {
      const t = [];
      for (let i = 0; i < runs; i++) {
        const db = join(work, `sqlite3-${i}.db`);
        t.push(run(sqlite3, [db, `.import --csv ${csv.replace(/\\/g, '/')} clients_plain`]).ms);
      }
      result.sqlite3 = { program: sqlite3, ...rate(rows, t) };
      result.ratioToSqlite3 = round(result.parvande.rowsPerSecond / result.sqlite3.rowsPerSecond, 3);
      result.ratioToSqlite3Ok = result.ratioToSqlite3 >= 1 / 3;

      // What this schema itself costs, whoever fills it: the sqlite3 shell loads the file into a
      // scratch table of a fresh parvande file and copies it into clients with one INSERT … SELECT
      // (its unique national code, its name and registration indexes, its CHECK constraints; the
      // per-row report count held back, as the import does; the import's page cache; nothing
      // validated, normalised or compared). No importer of this schema can beat this rate.
      const c = [];
      for (let i = 0; i < runs; i++) {
        const db = freshOffice(work, `ceiling-${i}`);
        const script = [
          // The settings the import itself uses (src/store/database.ts, tuneForImport in src/store/import.ts).
          'PRAGMA synchronous = FULL;',
          'PRAGMA cache_size = -20000;',
          'PRAGMA temp_store = MEMORY;',
          `.import --csv ${csv.replace(/\\/g, '/')} stage`,
          // The per-row report count held back, as an import batch holds it (src/store/report-counts/recount.ts).
          "INSERT INTO report_counts_held (source) VALUES ('clients');",
          `INSERT INTO clients (first_name, last_name, name_key, national_code, birth_date, sex, mobile, county, registered_on, created_at, updated_at)
             SELECT first_name, last_name, first_name || ' ' || last_name, nullif(national_code, ''), nullif(birth_date, ''), nullif(sex, ''),
               nullif(mobile, ''), nullif(county, ''), date('now'), datetime('now'), datetime('now') FROM stage;`,
          '',
        ].join('\n');
        c.push(run(sqlite3, [db], { input: script }).ms);
      }
      result.schemaCeiling = { ...rate(rows, c), ratioToSqlite3: round(rate(rows, c).rowsPerSecond / result.sqlite3.rowsPerSecond, 3) };
    }

    const sqliteUtils = findProgram('sqlite-utils');
    if (sqliteUtils === null) result.sqliteUtils = { skipped: 'sqlite-utils not on PATH' };
    else {
      const t = [];
      for (let i = 0; i < runs; i++) t.push(run(sqliteUtils, ['insert', join(work, `su-${i}.db`), 'clients', csv, '--csv']).ms);
      result.sqliteUtils = { program: sqliteUtils, ...rate(rows, t) };
      result.ratioToSqliteUtils = round(result.parvande.rowsPerSecond / result.sqliteUtils.rowsPerSecond, 2);
      result.ratioToSqliteUtilsOk = result.ratioToSqliteUtils >= 3;
    }

    const db = freshOffice(work, 'big');
    log(`  parvande import clients (${bigRows.toLocaleString('en-US')} rows, peak memory) …`);
    const big = runWithPeakMemory([BIN, '--db', db, '--json', 'import', 'clients', bigCsv], { env: benchEnv() });
    result.bigImport = {
      rows: bigRows,
      seconds: round(big.ms / 1000, 1),
      rowsPerSecond: Math.round(bigRows / (big.ms / 1000)),
      peakMb: big.peakMb,
      measuredWith: big.via,
      targetMb: 150,
      ok: big.peakMb < 150,
    };
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function rate(rows, times) {
  const ms = median(times);
  return { seconds: round(ms / 1000, 2), rowsPerSecond: Math.round(rows / (ms / 1000)) };
}
