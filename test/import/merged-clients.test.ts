/**
 * Exports carry a merged client's pointer (`merged-into`), and `import clients` stores such a
 * row as a pointer again: never counted as a client (db check agrees), never merging a stored
 * client, and a pointer to a record that is not stored yet refused until that record is.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli, tempDb, type CliResult } from '../helpers/cli.js';
import { query } from '../helpers/office.js';

const env = { PARVANDE_TODAY: '2026-11-25' };
const t = tempDb('from.db');
const cli = (db: string, args: string[]): Promise<CliResult> => runCli(['--db', db, ...args], env);
async function ok<T = any>(db: string, args: string[]): Promise<T> {
  const r = await cli(db, [...args, '--json']);
  if (r.code !== 0) throw new Error(`parvande ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.json<T>();
}
const file = join(t.dir, 'clients.csv');

beforeAll(async () => {
  await ok(t.db, ['init', '--office-code', 'KRJ01', '--office-name', 'کرج']);
  for (const first of ['سارا', 'سارا', 'سارا']) await ok(t.db, ['client', 'add', '--first-name', first, '--last-name', 'کاظمی']);
  // 2 → 1, then 1 → 3: client 1 points at a record further on in the file.
  await ok(t.db, ['client', 'merge', '1', '2', '--yes']);
  await ok(t.db, ['client', 'merge', '3', '1', '--yes']);
  await ok(t.db, ['export', 'clients', '--out', file]);
});
afterAll(() => t.cleanup());

test('the export names the record each merged client points at', async () => {
  const rows = await ok(t.db, ['export', 'clients', '--format', 'json']);
  expect(rows.map((r: { id: string; mergedInto: string | null }) => [r.id, r.mergedInto])).toEqual([
    ['KRJ01:1', 'KRJ01:3'],
    ['KRJ01:2', 'KRJ01:1'],
    ['KRJ01:3', null],
  ]);
});

test('into another office: a pointer waits for its record (the rejects file brings it in), and counts once', async () => {
  const db = join(t.dir, 'other.db');
  await ok(db, ['init', '--office-code', 'OTH01', '--office-name', 'دیگر']);
  const first = await cli(db, ['import', 'clients', file, '--json']);
  expect(first.code).toBe(2);
  const r = first.json();
  expect(r).toMatchObject({ inserted: 1, rejected: 2 });
  expect(r.errors.map((e: { row: number; column: string; reason: string }) => [e.row, e.column, e.reason])).toEqual([
    [2, 'merged-into', 'the client this one was merged into is not stored here: its row must come first'],
    [3, 'merged-into', 'the client this one was merged into is not stored here: its row must come first'],
  ]);
  const again = await ok(db, ['import', 'clients', join(t.dir, 'clients.rejects.csv')]);
  expect(again).toMatchObject({ inserted: 2, rejected: 0 });
  expect(query(db, `SELECT id, merged_into AS keep FROM clients ORDER BY id`)).toEqual([
    { id: 1, keep: null },
    { id: 2, keep: 1 },
    { id: 3, keep: 2 },
  ]);
  expect((await ok(db, ['report', 'monthly'])).clients).toMatchObject({ registered: 1 });
  expect((await ok(db, ['db', 'check'])).ok).toBe(true);
  // A second run changes nothing: each pointer is the one stored.
  expect(await ok(db, ['import', 'clients', file])).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 0 });
});

test('a file never merges a stored client: exit 2, the row refused as a conflict, nothing changed', async () => {
  const db = join(t.dir, 'third.db');
  await ok(db, ['init', '--office-code', 'THR01', '--office-name', 'سوم']);
  const plain = join(t.dir, 'plain.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(plain, 'id,first-name,last-name\r\nX:1,مینا,رضایی\r\nX:2,مینا,رضایی\r\n');
  await ok(db, ['import', 'clients', plain]);
  const merging = join(t.dir, 'merging.csv');
  writeFileSync(merging, 'id,first-name,last-name,merged-into\r\nX:2,مینا,رضایی,X:1\r\n');
  const r = await cli(db, ['import', 'clients', merging, '--json']);
  expect(r.code).toBe(2);
  expect(r.json().errors[0].reason).toBe('a stored client is merged with client merge, never by an import');
  expect(query(db, `SELECT count(*) AS n FROM clients WHERE merged_into IS NOT NULL`)).toEqual([{ n: 0 }]);
});
