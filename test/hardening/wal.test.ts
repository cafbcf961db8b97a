/**
 * WAL growth: while a long read holds its snapshot (as the nightly report does on a big
 * file), writers' checkpoints cannot pass it and the -wal file grows. Once the read has
 * ended, the next command that writes checkpoints on closing and cuts the -wal back to at
 * most the limit (journal_size_limit; PARVANDE_WAL_LIMIT_BYTES here, so the test writes
 * only a few MB instead of 64 MiB). While the read still runs, that command neither waits
 * for it nor disturbs its snapshot.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { oneLine } from '../helpers/office.js';
import { DRIVERS, initAt, scratchDir } from './support.js';

const LIMIT = 512 * 1024;
const ENV = { PARVANDE_WAL_LIMIT_BYTES: String(LIMIT) };
const t = scratchDir('parvande-wal-');
afterAll(() => t.cleanup());

const walSize = (db: string): number => (existsSync(`${db}-wal`) ? statSync(`${db}-wal`).size : 0);

/** Many writes from another process (the clerk driver: case open + service log). */
function writeMany(db: string, writes: number): void {
  const r = spawnSync(process.execPath, [join(DRIVERS, 'clerk.mjs'), db, 'cases', String(writes), '5'], {
    env: { ...process.env, ...ENV, PARVANDE_USER: 'clerk' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
}

const OPEN = ['case', 'open', '--anonymous', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'];
const countCases = (s: Database.Database): number => s.prepare('SELECT count(*) FROM cases').pluck().get() as number;

describe('the WAL after a long read', () => {
  let db = '';
  beforeAll(async () => {
    db = await initAt(join(t.dir, 'office.db'), 'WAL01', ENV);
  });

  it('grows during the read; the next write after it cuts it back to the limit', async () => {
    // Another program with the file open (a second clerk's command, a report): so closing
    // the last connection does not simply delete the -wal.
    const other = new Database(db, { readonly: true });
    countCases(other);
    const reader = new Database(db, { readonly: true });
    try {
      reader.exec('BEGIN');
      const seen = countCases(reader);
      writeMany(db, 160);
      const grown = walSize(db);
      expect(grown).toBeGreaterThan(4 * LIMIT);

      // While the read goes on, a command writes and closes without waiting for it...
      const during = await runCli(['--db', db, ...OPEN], ENV);
      expect(during.code, during.stderr).toBe(0);
      // ...cannot cut the WAL (the reader still needs it), and leaves the reader's snapshot alone.
      expect(walSize(db)).toBeGreaterThanOrEqual(grown);
      expect(countCases(reader)).toBe(seen);
      reader.exec('COMMIT');
    } finally {
      reader.close();
    }
    expect(walSize(db)).toBeGreaterThan(4 * LIMIT);

    // The read is over: the next command's write and close cut the WAL back.
    const after = await runCli(['--db', db, ...OPEN], ENV);
    expect(after.code, after.stderr).toBe(0);
    expect(walSize(db)).toBeLessThanOrEqual(LIMIT);
    expect(countCases(other)).toBe(160 / 2 + 2);
    other.close();
    const check = await runCli(['--db', db, 'db', 'check', '--json'], ENV);
    expect(check.json()).toMatchObject({ ok: true, counts: { cases: 82, services: 80 } });
  });

  it('with the default limit, a file nobody else has open loses its -wal on close', async () => {
    const reader = new Database(db, { readonly: true });
    reader.exec('BEGIN');
    countCases(reader);
    writeMany(db, 40);
    reader.exec('COMMIT');
    reader.close();
    const r = await runCli(['--db', db, ...OPEN]);
    expect(r.code, r.stderr).toBe(0);
    expect(walSize(db)).toBe(0);
  });

  it('refuses a limit that is not a number of bytes (exit 2), before touching the file', async () => {
    const r = await runCli(['--db', db, ...OPEN], { PARVANDE_WAL_LIMIT_BYTES: '64MB' });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('error: invalid PARVANDE_WAL_LIMIT_BYTES "64MB": expected a whole number of bytes');
  });
});
