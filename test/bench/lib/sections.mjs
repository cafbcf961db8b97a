// What the benchmark measures: start-up and reports beside `node -e 0`, the report
// queries' plans, and imports beside the sqlite3 shell and sqlite-utils.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BIN, ROOT, benchEnv, findProgram, hasCommand, median, parvande, round, run, runWithPeakMemory, timeBesideNode } from './proc.mjs';

const INSERT_FLOOR = join(dirname(fileURLToPath(import.meta.url)), 'insert-floor.mjs');

/** One timed command beside `node -e 0`, or the reason it was skipped. */
export function timeCommand({ name, args, target, runs, today, available = true, skipReason, before, env: extra = {} }) {
  if (!available) return { name, skipped: skipReason };
  const env = benchEnv({ ...(today === undefined ? {} : { PARVANDE_TODAY: today }), ...extra });
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
  const { monthRange, monthOf } = await dist('lang/dates.js');
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

function freshOffice(dir, i, keyFile) {
  const db = join(dir, `import-${i}.db`);
  const encrypt = keyFile === undefined ? [] : ['--encrypt'];
  const env = benchEnv(keyFile === undefined ? {} : { PARVANDE_KEY_FILE: keyFile });
  parvande(['--db', db, 'init', ...encrypt, '--office-code', 'BENCH', '--office-name', 'Benchmark office'], { env });
  return db;
}

/** The sqlite3 shell's script that fills a fresh parvande file's clients table from the CSV (the ceiling). */
function ceilingScript(csv) {
  return [
    // The settings the import itself uses (src/store/database.ts, tuneForImport in src/store/import.ts).
    'PRAGMA synchronous = FULL;',
    'PRAGMA cache_size = -20000;',
    'PRAGMA temp_store = MEMORY;',
    `.import --csv ${csv.replace(/\\/g, '/')} stage`,
    // The per-row report count held back, as an import batch holds it (src/store/report-counts/upkeep.ts).
    "INSERT INTO report_counts_held (source) VALUES ('clients');",
    `INSERT INTO clients (first_name, last_name, name_key, national_code, birth_date, sex, mobile, county, registered_on, created_at, updated_at)
       SELECT first_name, last_name, first_name || ' ' || last_name, nullif(national_code, ''), nullif(birth_date, ''), nullif(sex, ''),
         nullif(mobile, ''), nullif(county, ''), date('now'), datetime('now'), datetime('now') FROM stage;`,
    '',
  ].join('\n');
}

/**
 * The import section. The contenders run in rounds, each once per round in turn, so all see the
 * same machine load: parvande's import; the sqlite3 shell's plain `.import` (text into a table with
 * no index and no constraint); the schema's ceiling (the sqlite3 shell, in C, filling a fresh
 * parvande file's clients table from the same file: its unique national code, its indexes, its
 * CHECK constraints and the held report count; nothing validated, normalised or compared: no
 * importer of this schema can beat it); the Node.js floor (insert-floor.mjs: the rows already clean,
 * one prepared better-sqlite3 INSERT each: no importer in Node.js writing row by row through
 * better-sqlite3 can beat it); and `sqlite-utils insert --csv` where it is installed. Each is
 * timed in wall time and CPU time. Then a big file's import: its time and peak memory.
 */
export function importSection({ csv, rows, bigCsv, bigRows, runs, log, keyFile }) {
  if (!importAvailable()) return { skipped: 'import command not available' };
  const work = mkdtempSync(join(tmpdir(), 'parvande-bench-import-'));
  try {
    const sqlite3 = findProgram('sqlite3', process.platform === 'win32' ? [] : ['/usr/bin/sqlite3']);
    const sqliteUtils = findProgram('sqlite-utils');
    const contenders = [
      {
        key: 'parvande',
        prepare: (i) => freshOffice(work, i),
        time: (db) => {
          const r = parvande(['--db', db, '--json', 'import', 'clients', csv]);
          const inserted = importedRows(r.stdout);
          if (inserted !== null && inserted !== rows) throw new Error(`parvande import inserted ${inserted} of ${rows} rows`);
          return r;
        },
      },
      // The same import into an office file encrypted from its first byte (init --encrypt): the cost of encryption at rest.
      keyFile !== undefined && {
        key: 'parvandeEncrypted',
        program: 'parvande, encrypted office (SQLCipher via SQLite3 Multiple Ciphers)',
        prepare: (i) => freshOffice(work, `encrypted-${i}`, keyFile),
        time: (db) => {
          const r = parvande(['--db', db, '--json', 'import', 'clients', csv], { env: benchEnv({ PARVANDE_KEY_FILE: keyFile }) });
          const inserted = importedRows(r.stdout);
          if (inserted !== null && inserted !== rows) throw new Error(`parvande import (encrypted) inserted ${inserted} of ${rows} rows`);
          return r;
        },
      },
      sqlite3 !== null && {
        key: 'sqlite3',
        program: sqlite3,
        prepare: (i) => join(work, `sqlite3-${i}.db`),
        time: (db) => run(sqlite3, [db, `.import --csv ${csv.replace(/\\/g, '/')} clients_plain`]),
      },
      sqlite3 !== null && {
        key: 'schemaCeiling',
        program: sqlite3,
        prepare: (i) => freshOffice(work, `ceiling-${i}`),
        time: (db) => run(sqlite3, [db], { input: ceilingScript(csv) }),
      },
      {
        key: 'nodeFloor',
        program: 'insert-floor.mjs (better-sqlite3)',
        prepare: (i) => freshOffice(work, `floor-${i}`),
        time: (db) => run(process.execPath, [INSERT_FLOOR, db, csv]),
      },
      sqliteUtils !== null && {
        key: 'sqliteUtils',
        program: sqliteUtils,
        prepare: (i) => join(work, `su-${i}.db`),
        time: (db) => run(sqliteUtils, ['insert', db, 'clients', csv, '--csv']),
      },
    ].filter(Boolean);
    const measured = Object.fromEntries(contenders.map((c) => [c.key, []]));
    for (let i = 0; i < runs; i++) {
      for (const c of contenders) {
        const r = c.time(c.prepare(i));
        measured[c.key].push(r);
        log(`  ${c.key}: ${round(r.ms / 1000, 2)} s${r.cpuMs === null ? '' : `, CPU ${round(r.cpuMs / 1000, 2)} s`}`);
      }
    }
    const result = { rows, runs, order: contenders.map((c) => c.key) };
    for (const c of contenders) result[c.key] = { ...(c.program ? { program: c.program } : {}), ...rate(rows, measured[c.key]) };
    if (sqlite3 === null) result.sqlite3 = result.schemaCeiling = { skipped: 'sqlite3 shell not found' };
    if (sqliteUtils === null) result.sqliteUtils = { skipped: 'sqlite-utils not on PATH' };
    const p = result.parvande;
    // Rate ratios: parvande's rows per second over the other's (above 1: parvande is faster).
    const vs = (other) => ({
      wall: round(other.seconds / p.seconds, 3),
      cpu: p.cpuSeconds === null || other.cpuSeconds === null ? null : round(other.cpuSeconds / p.cpuSeconds, 3),
    });
    if (!result.schemaCeiling.skipped) {
      result.toCeiling = vs(result.schemaCeiling);
      result.toCeilingOk = result.toCeiling.wall >= 0.6;
      result.ceilingToSqlite3 = round(result.sqlite3.seconds / result.schemaCeiling.seconds, 3);
      result.floorToCeiling = round(result.schemaCeiling.seconds / result.nodeFloor.seconds, 3);
    }
    result.toFloor = vs(result.nodeFloor);
    if (result.parvandeEncrypted !== undefined) {
      // Above 1: the encrypted office's import takes that much longer than the plain one's.
      const e = result.parvandeEncrypted;
      result.encryptedToPlain = {
        wall: round(e.seconds / p.seconds, 3),
        cpu: p.cpuSeconds === null || e.cpuSeconds === null ? null : round(e.cpuSeconds / p.cpuSeconds, 3),
      };
    }
    if (!result.sqliteUtils.skipped) {
      result.toSqliteUtils = vs(result.sqliteUtils);
      result.toSqliteUtilsOk = result.toSqliteUtils.cpu === null ? null : result.toSqliteUtils.cpu >= 2;
      result.floorToSqliteUtilsCpu =
        result.nodeFloor.cpuSeconds === null || result.sqliteUtils.cpuSeconds === null
          ? null
          : round(result.sqliteUtils.cpuSeconds / result.nodeFloor.cpuSeconds, 3);
    }

    const db = freshOffice(work, 'big');
    log(`  parvande import clients (${bigRows.toLocaleString('en-US')} rows, peak memory) …`);
    const big = runWithPeakMemory([BIN, '--db', db, '--json', 'import', 'clients', bigCsv], { env: benchEnv() });
    const seconds = round(big.ms / 1000, 1);
    result.bigImport = {
      rows: bigRows,
      seconds,
      rowsPerSecond: Math.round(bigRows / (big.ms / 1000)),
      peakMb: big.peakMb,
      measuredWith: big.via,
      targetMb: 150,
      targetSeconds: 15,
      ok: big.peakMb < 150 && seconds < 15,
      memoryOk: big.peakMb < 150,
      secondsOk: seconds < 15,
    };
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function rate(rows, results) {
  const ms = median(results.map((r) => r.ms));
  const cpus = results.map((r) => r.cpuMs);
  const cpu = cpus.some((c) => c === null) ? null : median(cpus);
  return {
    seconds: round(ms / 1000, 2),
    rowsPerSecond: Math.round(rows / (ms / 1000)),
    cpuSeconds: cpu === null ? null : round(cpu / 1000, 2),
  };
}
