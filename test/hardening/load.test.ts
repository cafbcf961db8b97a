/**
 * Load: two clerk processes each make 5,000 writes (drivers/clerk.mjs: the domain calls
 * of the commands, one write transaction each, the commands' busy timeout) while
 * `parvande report nightly` and `report monthly --json` run again and again. No write
 * fails ("database is locked" never reaches anyone), all 10,000 writes are there, and
 * each report shows one moment in time:
 *
 * - clerk A alternately opens a case and logs a service on it, so at every commit its
 *   cases and services differ by 0 or 1; clerk B alternately logs a hotline call without
 *   a case and registers a client, so those differ by 0 or 1 too. A report that read its
 *   tables at different moments would break these pairs under this write rate.
 * - totals equal the sum of their breakdowns (by type, by channel), the nightly JSON
 *   agrees with its CSV file, and every figure lies between the counts taken just
 *   before the report started and just after it ended.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { DRIVERS, initAt, scratchDir } from './support.js';

const WRITES = 5_000;
const t = scratchDir('parvande-load-');
const db = join(t.dir, 'office.db');
const reports = join(t.dir, 'reports');

beforeAll(async () => {
  await initAt(db, 'LOAD1');
});
afterAll(() => t.cleanup());

interface Done {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { done: Promise<Done>; running: () => boolean } {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NO_COLOR: '1', PARVANDE_USER: 'clerk' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let finished = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Done>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      finished = true;
      resolve({ code, stdout, stderr });
    });
  });
  return { done, running: () => !finished };
}

interface Counts {
  cases: number;
  caseServices: number;
  calls: number;
  clients: number;
}

const reader = (): Database.Database => new Database(db, { readonly: true, fileMustExist: true });

function counts(): Counts {
  const s = reader();
  try {
    return s
      .prepare(
        `SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM services WHERE case_id IS NOT NULL) AS caseServices,
          (SELECT count(*) FROM services WHERE case_id IS NULL) AS calls, (SELECT count(*) FROM clients) AS clients`,
      )
      .get() as Counts;
  } finally {
    s.close();
  }
}

/** The "This month" column of the nightly CSV, by row code (the first row of each code). */
function csvThisMonth(file: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8')
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)) {
    const cells: string[] = [];
    for (const m of line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)) {
      cells.push((m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      if (m[2] === '') break;
    }
    const [code, , thisMonth] = cells;
    if (code === undefined || !/^[a-z]+\.[A-Za-z.-]+$/.test(code) || out.has(code)) continue;
    const n = Number((thisMonth ?? '').replace(/[,٬]/g, ''));
    if (Number.isFinite(n) && thisMonth !== '') out.set(code, n);
  }
  return out;
}

const sumOf = (m: Map<string, number>, prefix: string): number =>
  [...m].filter(([k]) => k.startsWith(prefix)).reduce((a, [, v]) => a + v, 0);

/** Both clerks' pairs hold in one report: proof that it read one moment. */
function expectOneMoment(
  f: { cases: number; caseServices: number; calls: number; clients: number },
  lo: Counts,
  hi: Counts,
  what: string,
): void {
  expect(f.cases - f.caseServices, `${what}: clerk A's cases and services`).toBeGreaterThanOrEqual(0);
  expect(f.cases - f.caseServices, `${what}: clerk A's cases and services`).toBeLessThanOrEqual(1);
  expect(f.calls - f.clients, `${what}: clerk B's calls and clients`).toBeGreaterThanOrEqual(0);
  expect(f.calls - f.clients, `${what}: clerk B's calls and clients`).toBeLessThanOrEqual(1);
  for (const k of ['cases', 'caseServices', 'calls', 'clients'] as const) {
    expect(f[k], `${what}: ${k} between before and after`).toBeGreaterThanOrEqual(lo[k]);
    expect(f[k], `${what}: ${k} between before and after`).toBeLessThanOrEqual(hi[k]);
  }
}

describe('two clerks writing while the nightly report runs', () => {
  it(`${2 * WRITES} writes, none refused, all present; every report consistent with one moment`, async () => {
    const clerkA = start([join(DRIVERS, 'clerk.mjs'), db, 'cases', String(WRITES), '11']);
    const clerkB = start([join(DRIVERS, 'clerk.mjs'), db, 'calls', String(WRITES), '22']);
    const writing = (): boolean => clerkA.running() || clerkB.running();
    const stats = { nightly: 0, monthly: 0, duringBoth: 0 };

    /** Runs one report and checks it; counts it as "during both" when both clerks wrote before and after it. */
    async function report(kind: 'nightly' | 'monthly'): Promise<void> {
      const bothBefore = clerkA.running() && clerkB.running();
      const lo = counts();
      const args =
        kind === 'nightly'
          ? [BIN, '--db', db, 'report', 'nightly', '--dir', reports, '--json']
          : [BIN, '--db', db, 'report', 'monthly', '--json'];
      const r = await start(args).done;
      const hi = counts();
      if (bothBefore && clerkA.running() && clerkB.running()) stats.duringBoth++;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/locked/i);
      const j = JSON.parse(r.stdout);
      const n = ++stats[kind];
      if (kind === 'nightly') {
        const csv = csvThisMonth(j.files.find((p: string) => p.endsWith('.csv')));
        const total = csv.get('services.total') as number;
        expect(total).toBe(j.services);
        expect(sumOf(csv, 'services.byType.')).toBe(total);
        expect(sumOf(csv, 'services.byChannel.')).toBe(total);
        expect(csv.get('cases.opened')).toBe(j.casesOpened);
        expect(csv.get('cases.openAtEnd')).toBe(j.casesOpenAtEnd);
        // Every case clerk A opens stays open and unassigned: the attention list counts them all.
        expect(j.casesUnassigned).toBe(j.casesOpened);
        const calls = csv.get('services.byCategory.none') as number;
        expectOneMoment(
          { cases: j.casesOpened, caseServices: total - calls, calls, clients: csv.get('clients.registered') as number },
          lo,
          hi,
          `nightly #${n}`,
        );
      } else {
        const s = j.services;
        const sum = (o: Record<string, number>): number => Object.values(o).reduce((x, y) => x + y, 0);
        expect(sum(s.byType)).toBe(s.total);
        expect(sum(s.byChannel)).toBe(s.total);
        expect(sum(s.byCategory)).toBe(s.total);
        expect(j.cases.openAtEnd).toBe(j.cases.opened);
        expectOneMoment(
          { cases: j.cases.opened, caseServices: s.total - s.byCategory.none, calls: s.byCategory.none, clients: j.clients.registered },
          lo,
          hi,
          `monthly #${n}`,
        );
      }
    }
    /** Reports one after another for as long as the clerks write (twice at least). */
    async function loop(kind: 'nightly' | 'monthly'): Promise<void> {
      for (let i = 0; i < 100 && (writing() || i < 2); i++) await report(kind);
    }
    await Promise.all([loop('nightly'), loop('monthly')]);
    const [a, b] = await Promise.all([clerkA.done, clerkB.done]);
    // Nothing is caught in the drivers: a refused write would have ended them with a stack trace.
    expect(a.stderr).toBe('');
    expect(b.stderr).toBe('');
    expect([a.code, b.code]).toEqual([0, 0]);
    // Several reports ran from start to end while both clerks were writing.
    expect(stats.duringBoth).toBeGreaterThanOrEqual(2);
    expect(counts()).toEqual({ cases: WRITES / 2, caseServices: WRITES / 2, calls: WRITES / 2, clients: WRITES / 2 });
    const s = reader();
    try {
      // One audit entry per write, besides init's.
      expect(s.prepare(`SELECT count(*) FROM audit_log WHERE actor = 'clerk' AND action <> 'nightly'`).pluck().get()).toBe(2 * WRITES);
      // And one per nightly run (its one write, at its end: it waited for the clerks, and none of them waited too long).
      expect(s.prepare(`SELECT count(*) FROM audit_log WHERE action = 'nightly'`).pluck().get()).toBe(stats.nightly);
      expect(s.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      s.close();
    }
  }, 180_000);
});
