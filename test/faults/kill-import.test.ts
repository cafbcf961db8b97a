/**
 * SIGKILL at random moments, at least 50 times, during one 200,000-row clients
 * import (1,000 rows per transaction: 200 commit points). Each restart runs the
 * same command again, which re-reads the file, finds the stored rows unchanged
 * and continues. After every kill, on the state the kill left:
 * - PRAGMA integrity_check is ok;
 * - no transaction is half-applied: the clients stored are exactly those the
 *   committed import_batches records count, a whole number of batches, and the
 *   file's first rows (a prefix, no gaps);
 * - no national code is stored twice.
 * At the end one uninterrupted run completes the import (200,000 clients, unique
 * codes) and a further run inserts nothing and finds all 200,000 unchanged.
 *
 * Kills land in three kinds of moment: while the process starts and opens the
 * file (and recovers the WAL of the previous kill), while it re-reads rows
 * already stored, and while it inserts new ones (the process is killed a random
 * few milliseconds after the import's own record shows it passed a random row).
 * The integrity check of a kill's state runs in a worker thread on a snapshot
 * taken before the next restart, so it overlaps that restart's work.
 * Runs the built bin (npm test builds first).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN, initOffice } from '../helpers/cli.js';
import { rowOfCode, scratch, writeClientsCsv } from './support.js';

const ROWS = 200_000;
const BATCH = 1_000;
const KILLS = 50;

const t = scratch('parvande-kill-import-');
const db = join(t.dir, 'office.db');
const csv = join(t.dir, 'clients-200k.csv');

beforeAll(async () => {
  await writeClientsCsv(csv, ROWS);
  await initOffice(db);
});
afterAll(() => t.cleanup());

/** A small seeded generator, so a failing sequence can be replayed from the seed in the message. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

interface CheckedState {
  integrity: string;
  clients: number;
  distinctCodes: number;
  recordedInserted: number;
  top: string | null;
  running: number;
}

let asked = 0;

/** Asks the checker for the state as it is now; resolves `pinned` once its snapshot is taken. */
function checkNow(worker: Worker): { pinned: Promise<void>; state: Promise<CheckedState> } {
  const id = ++asked;
  let pinned!: () => void;
  let done!: (s: CheckedState) => void;
  let failed!: (e: unknown) => void;
  const p = new Promise<void>((resolve, reject) => {
    pinned = resolve;
    failed = reject;
  });
  const s = new Promise<CheckedState>((resolve, reject) => {
    done = resolve;
    const before = failed;
    failed = (e) => {
      before(e);
      reject(e);
    };
  });
  const onError = (e: unknown): void => failed(e);
  const onMessage = (m: { id: number; type: string; state?: CheckedState }): void => {
    if (m.id !== id) return;
    if (m.type === 'pinned') pinned();
    else if (m.type === 'state') {
      worker.off('message', onMessage);
      worker.off('error', onError);
      done(m.state as CheckedState);
    }
  };
  worker.on('message', onMessage);
  worker.on('error', onError);
  worker.postMessage({ id, file: db });
  return { pinned: p, state: s };
}

type Moment = 'start-up' | 're-reading' | 'inserting';

interface Cycle {
  moment: Moment;
  /** Rows of this run after which the kill is armed (null: a delay after start). */
  target: number | null;
  killed: boolean;
  storedBefore: number;
}

test('killed 50 times during a 200,000-row import: intact, whole batches, no duplicates, then completed', async () => {
  const seed = Date.now() % 1_000_000;
  const random = rng(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const poll = new Database(db, { readonly: true, fileMustExist: true });
  const lastRun = poll.prepare(`SELECT coalesce(max(id), 0) AS id FROM import_batches`).pluck();
  const progressOf = poll
    .prepare(`SELECT inserted + updated + unchanged + rejected FROM import_batches WHERE id > ? ORDER BY id DESC LIMIT 1`)
    .pluck();
  const storedNow = poll.prepare(`SELECT coalesce(sum(inserted), 0) FROM import_batches`).pluck();
  const worker = new Worker(new URL('./checker.mjs', import.meta.url));
  const cycles: Cycle[] = [];
  const checks: Promise<void>[] = [];
  const context = (): string => `seed ${seed}, cycle ${cycles.length}: ${JSON.stringify(cycles.at(-1))}`;

  try {
    let kills = 0;
    while (kills < KILLS && cycles.length < KILLS * 2) {
      const stored = storedNow.get() as number;
      // One restart in four pushes into new rows (about 15,000 of them), so the kills reach the end of the file;
      // each restart first re-reads every stored row, so those are what the run time is spent on.
      const kind = cycles.length % 4 === 0 ? 'inserting' : random() < 0.5 ? 'start-up' : 're-reading';
      const moment: Moment = kind === 'inserting' && stored >= ROWS ? 're-reading' : kind;
      const target =
        moment === 'start-up' ? null : moment === 'inserting' ? stored + between(1, 30_000) : between(0, Math.min(stored, 25_000));
      const cycle: Cycle = { moment, target, killed: false, storedBefore: stored };
      cycles.push(cycle);

      const before = lastRun.get() as number;
      const child = spawn(process.execPath, [BIN, '--db', db, 'import', 'clients', csv, '--batch-size', String(BATCH), '--json'], {
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
        child.on('error', reject);
        child.on('exit', (code, signal) => resolve({ code, signal }));
      });
      let armed = false;
      const kill = (afterMs: number): void => {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      };
      let timer: NodeJS.Timeout | undefined;
      if (target === null) kill(between(0, 400));
      else {
        timer = setInterval(() => {
          if (armed) return;
          const done = progressOf.get(before) as number | undefined;
          // A few milliseconds more: the kill lands inside a batch, or in its commit.
          if (done !== undefined && done >= target) kill(between(0, 40));
        }, 5);
      }
      const end = await exited;
      if (timer !== undefined) clearInterval(timer);
      cycle.killed = end.signal === 'SIGKILL';
      if (!cycle.killed) expect(end.code, `${context()}: the run ended by itself`).toBe(0);
      if (!cycle.killed) continue;
      kills++;

      // The state the kill left, pinned before the next restart; checked while it runs.
      const label = context();
      const check = checkNow(worker);
      await check.pinned;
      const checked = check.state.then((s) => {
        expect(s.integrity, label).toBe('ok');
        expect(s.distinctCodes, label).toBe(s.clients);
        expect(s.clients, `${label}: stored rows are what the committed batch records count`).toBe(s.recordedInserted);
        expect(s.top === null ? 0 : rowOfCode(s.top) + 1, `${label}: stored rows are the file's first rows`).toBe(s.clients);
        if (s.clients < ROWS) expect(s.clients % BATCH, `${label}: whole batches only`).toBe(0);
      });
      // Reported by the Promise.all below, not as an unhandled rejection meanwhile.
      checked.catch(() => undefined);
      checks.push(checked);
      // Fail fast rather than pile up restarts on a broken file.
      if (checks.length % 10 === 0) await Promise.all(checks);
    }
    await Promise.all(checks);
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(KILLS);
    const moments = cycles.filter((c) => c.killed).map((c) => c.moment);
    for (const m of ['start-up', 're-reading', 'inserting'] as const) expect(moments, `seed ${seed}`).toContain(m);
  } finally {
    poll.close();
    await worker.terminate();
  }

  // One run without a kill finishes the import; the one after it finds every row stored.
  const finish = await runImport();
  expect(finish.code).toBe(0);
  const after = await runImport();
  expect(after.code).toBe(0);
  expect(JSON.parse(after.stdout)).toMatchObject({ rows: ROWS, inserted: 0, updated: 0, unchanged: ROWS, rejected: 0 });
  const check = new Database(db, { readonly: true, fileMustExist: true });
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare(`SELECT count(*) AS n, count(DISTINCT national_code) AS d FROM clients`).get()).toEqual({ n: ROWS, d: ROWS });
    expect(check.prepare(`SELECT count(*) FROM clients WHERE national_code IS NULL`).pluck().get()).toBe(0);
  } finally {
    check.close();
  }
  const killed = cycles.filter((c) => c.killed);
  console.log(
    `kill-import: ${killed.length} kills in ${cycles.length} runs (seed ${seed}): ` +
      `${killed.filter((c) => c.moment === 'start-up').length} at start-up, ${killed.filter((c) => c.moment === 're-reading').length} re-reading, ` +
      `${killed.filter((c) => c.moment === 'inserting').length} inserting; ${cycles.at(-1)?.storedBefore ?? 0} rows stored before the last restart`,
  );
}, 240_000);

function runImport(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', 'clients', csv, '--batch-size', String(BATCH), '--json'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}
