/**
 * `db restore` while another process keeps writing (a commit about every 10 ms): no
 * acknowledged write is lost. Each write the writer saw committed before a restore began
 * is in that restore's kept copy (or an earlier one); at the end every acknowledged write
 * is in a kept copy or in the database, and no refused write is anywhere.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { DRIVERS, initAt, scratchDir } from './support.js';

const ROUNDS = 50;
const t = scratchDir('parvande-restore-writes-');
afterAll(() => t.cleanup());

/** The numbers of the writer's rows in a file. */
function ticks(file: string): Set<number> {
  const s = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = s.prepare(`SELECT last_name FROM clients WHERE first_name = 'tick'`).pluck().all() as string[];
    return new Set(names.map((n) => Number(n.replace('tick ', ''))));
  } finally {
    s.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('db restore under a writer', () => {
  it(`${ROUNDS} restores while a writer commits every ~10 ms: no acknowledged write is lost`, async () => {
    const db = await initAt(join(t.dir, 'office.db'), 'RST01');
    for (let i = 0; i < 20; i++) {
      const r = await runCli(['--db', db, 'client', 'add', '--first-name', 'مراجع', '--last-name', `شماره ${i}`]);
      expect(r.code, r.stderr).toBe(0);
    }
    const backup = join(t.dir, 'backup.db');
    expect((await runCli(['--db', db, 'db', 'backup', '--out', backup])).code).toBe(0);

    const writer = spawn(process.execPath, [join(DRIVERS, 'ticker.mjs'), db, '10'], {
      env: { ...process.env, PARVANDE_USER: 'clerk' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked = new Set<number>();
    const refused = new Map<number, string>();
    let stderr = '';
    let pending = '';
    writer.stdout.setEncoding('utf8').on('data', (d: string) => {
      pending += d;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [what, n, ...why] = line.split(' ');
        if (what === 'ok') acked.add(Number(n));
        else if (what === 'refused') refused.set(Number(n), why.join(' '));
      }
    });
    writer.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const closed = new Promise<void>((r) => writer.on('close', () => r()));

    const kept: Set<number>[] = [];
    const missingPerRound: number[] = [];
    const inKept = (n: number): boolean => kept.some((k) => k.has(n));
    try {
      while (acked.size < 5) await sleep(5);
      for (let round = 0; round < ROUNDS; round++) {
        const ackedBefore = [...acked];
        const r = await runCli(['--db', db, 'db', 'restore', backup, '--yes', '--json'], {
          PARVANDE_USER: 'head',
          PARVANDE_BUSY_TIMEOUT_MS: '30000',
        });
        expect(r.code, r.stderr).toBe(0);
        kept.push(ticks(r.json().keptAs));
        // Every write acknowledged before this restore began is in its kept copy or an earlier one.
        missingPerRound.push(ackedBefore.filter((n) => !inKept(n)).length);
        // Let the writer commit a few more rows before the next restore.
        const target = acked.size + 3;
        while (acked.size < target) await sleep(2);
      }
    } finally {
      writer.kill('SIGTERM');
      await closed;
    }
    expect(stderr).toBe('');
    const live = ticks(db);
    const lost = [...acked].filter((n) => !inKept(n) && !live.has(n));
    const refusedButStored = [...refused.keys()].filter((n) => inKept(n) || live.has(n));
    expect({ missingPerRound: missingPerRound.filter((m) => m > 0), lost, refusedButStored }).toEqual({
      missingPerRound: [],
      lost: [],
      refusedButStored: [],
    });
    expect(acked.size).toBeGreaterThan(ROUNDS * 3);
    // The writer was busy through the restores: some of its writes waited for a restore's lock.
    expect(kept.at(-1)?.size ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
