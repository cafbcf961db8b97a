/**
 * A power cut or a killed process in the middle of an import: the database is
 * intact, holds whole batches only, and running the same import again
 * completes it with no duplicates. Runs the built bin (npm test builds first).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { office, type Office } from './helpers.js';
// @ts-expect-error a plain .mjs script without types
import { nationalCode } from './make-fixtures.mjs';

const ROWS = 4000;
const BATCH = 400;
let file: string;
let o: Office;
/** How long one whole import takes here: the kills land inside it. */
let fullRunMs = 0;

beforeAll(async () => {
  o = await office();
  const first = ['زهرا', 'علی', 'مریم', 'حسین', 'فاطمه', 'رضا', 'سارا', 'مهدی'];
  const last = ['احمدی', 'کریمی', 'رضایی', 'موسوی', 'نوری', 'حیدری', 'قاسمی'];
  const lines = ['نام,نام خانوادگی,کد ملی,تاریخ تولد,جنسیت,تلفن همراه,شهرستان'];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      [
        first[i % 8],
        last[i % 7],
        nationalCode(String(100000013 + i * 13)),
        `13${50 + (i % 40)}/0${1 + (i % 9)}/1${i % 9}`,
        i % 3 ? 'زن' : 'مرد',
        `0912${String(1000000 + i)}`,
        'کرج',
      ].join(','),
    );
  }
  file = o.file('many.csv', lines.join('\r\n') + '\r\n');
  const started = Date.now();
  expect(await importOnce(o.db, null)).toBe(0);
  fullRunMs = Date.now() - started;
});
afterAll(() => o.cleanup());

function importOnce(db: string, killAfterMs: number | null): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--db', db, 'import', 'clients', file, '--batch-size', String(BATCH), '--json'], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  });
}

function inspect(file: string): { ok: string; clients: number; distinct: number; running: number; lastRowStored: number | null } {
  const db = new Database(file);
  try {
    const ok = db.pragma('integrity_check', { simple: true }) as string;
    const { clients, distinct } = db
      .prepare('SELECT count(*) AS clients, count(DISTINCT national_code) AS "distinct" FROM clients')
      .get() as { clients: number; distinct: number };
    const running = (db.prepare(`SELECT count(*) AS n FROM import_batches WHERE status = 'running'`).get() as { n: number }).n;
    // Row i of the file carries the national code made from 100000013 + i * 13 (100000000 would be one never issued): the last stored row's number.
    const codes = db.prepare('SELECT national_code FROM clients').pluck().all() as string[];
    const rows = codes.map((c) => (Number(c.slice(0, 9)) - 100000013) / 13 + 1);
    const lastRowStored = rows.length === 0 ? null : Math.max(...rows);
    return { ok, clients, distinct, running, lastRowStored };
  } finally {
    db.close();
  }
}

test('killed mid-import, then run again: intact, whole batches, no duplicates', async () => {
  // Each round starts from an empty office; the kill lands somewhere between start-up and the end of the run.
  const killed: { delay: number; code: number | null; stored: number }[] = [];
  for (const share of [0.5, 0.65, 0.8]) {
    const fresh = await office();
    try {
      const delay = Math.floor(fullRunMs * (share + Math.random() * 0.1));
      const code = await importOnce(fresh.db, delay);
      const after = inspect(fresh.db);
      killed.push({ delay, code, stored: after.clients });
      expect(after.ok).toBe('ok');
      expect(after.clients).toBe(after.distinct);
      // Either the run finished, or it stopped between batches: never part of a batch, and always the file's first rows.
      if (code !== 0) expect(after.clients % BATCH).toBe(0);
      expect(after.lastRowStored).toBe(after.clients === 0 ? null : after.clients);
      expect(await importOnce(fresh.db, null)).toBe(0);
      expect(inspect(fresh.db)).toMatchObject({ ok: 'ok', clients: ROWS, distinct: ROWS });
    } finally {
      fresh.cleanup();
    }
  }
  console.log(`kill test (a whole run takes ${fullRunMs} ms): ${JSON.stringify(killed)}`);
}, 90_000);
