/**
 * A damaged XLSX is refused before any row is read, with exit 2 and one line,
 * never a silent exit 0. The three bytes below (found by fuzz-files.test.ts)
 * damage three places at once: the data of _rels/.rels (it still inflates, to the
 * wrong bytes), the local header of xl/workbook.xml (its compressed size, which a
 * streaming reader trusts) and the directory's size of docProps/. Each is caught
 * on its own by the ZIP checks; the command is also guarded: a run whose work has
 * not settled when the event loop empties exits 2, never 0.
 */
import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openXlsx } from '../../src/files/xlsx-source.js';
import { readZipDirectory, streamZipEntry, ZipError } from '../../src/files/zip.js';
import { BIN, initOffice, ROOT, runBin, runCli } from '../helpers/cli.js';
import { scratch } from './support.js';

const t = scratch('parvande-damaged-xlsx-');
const db = join(t.dir, 'office.db');
const FORMULAS = join(ROOT, 'fixtures', 'import', 'formulas.xlsx');
const CHANGES: [number, number, number][] = [
  [600, 0xef, 0x85],
  [5286, 0x59, 0x02],
  [6409, 0x00, 0x1c],
];

function damagedCopy(name: string, changes: readonly [number, number, number][]): string {
  const bytes = readFileSync(FORMULAS);
  for (const [at, was, now] of changes) {
    expect(bytes[at]).toBe(was);
    bytes[at] = now;
  }
  const path = join(t.dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Every part inflated and checked, as openXlsx does before any row. */
async function checkAllParts(path: string): Promise<void> {
  for (const entry of readZipDirectory(path, statSync(path).size).values()) await streamZipEntry(path, entry, () => undefined);
}

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'no answer'> =>
  Promise.race([p, new Promise<'no answer'>((r) => setTimeout(() => r('no answer'), ms).unref())]);

beforeAll(async () => {
  await initOffice(db, 'DX01');
});
afterAll(() => t.cleanup());

describe('the three bytes of issue #10', () => {
  test.each(CHANGES.map((c, i) => [i, c] as const))('change %i alone is found by the ZIP checks', async (i, change) => {
    const path = damagedCopy(`one-${i}.xlsx`, [change]);
    await expect(checkAllParts(path)).rejects.toBeInstanceOf(ZipError);
  });

  test('openXlsx refuses the file before any row, in one line', async () => {
    const path = damagedCopy('all-three.xlsx', CHANGES);
    const opened = within(openXlsx(path, {}), 10_000);
    await expect(opened).rejects.toThrow(/^the XLSX file is truncated or damaged \(its part .+\): save it again from Excel$/);
  });

  test('in process: import exits 2 with one line (no hang)', async () => {
    const path = damagedCopy('in-process.xlsx', CHANGES);
    const r = await within(runCli(['--db', db, 'import', 'cases', path, '--json']), 20_000);
    expect(r).not.toBe('no answer');
    if (r === 'no answer') return;
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stderr).error.message).toMatch(/XLSX file is truncated or damaged/);
  });

  test('the built command exits 2 with one line', async () => {
    const path = damagedCopy('bin.xlsx', CHANGES);
    const r = await runBin(['--db', db, 'import', 'cases', path, '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error.message).toMatch(/XLSX file is truncated or damaged/);
  });
});

describe('the entry point: a run that never settles', () => {
  // A copy of bin/parvande.js beside a program whose run() waits on nothing: the event loop empties.
  const fake = join(t.dir, 'fake');
  beforeAll(() => {
    mkdirSync(join(fake, 'bin'), { recursive: true });
    mkdirSync(join(fake, 'dist'), { recursive: true });
    cpSync(BIN, join(fake, 'bin', 'parvande.js'));
    writeFileSync(join(fake, 'package.json'), '{"version":"0.0.0"}\n');
    writeFileSync(join(fake, 'dist', 'parvande.cjs'), 'exports.run = () => new Promise(() => {});\n');
  });

  test.each([
    [[] as string[], /^error: the file could not be read to the end\n$/],
    [['--json'], /^\{"error":\{"code":"invalid","message":"the file could not be read to the end","field":null\}\}\n$/],
  ])('exits 2, never 0 (%j)', async (args, stderr) => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(fake, 'bin', 'parvande.js'), 'import', 'cases', 'x.xlsx', ...args], {
      encoding: 'utf8',
      env: { ...process.env, PARVANDE_CODE_CACHE: 'off' },
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
  });

  test('a run that settles keeps its own exit code', async () => {
    writeFileSync(
      join(fake, 'dist', 'parvande.cjs'),
      'exports.run = async () => { await new Promise((r) => setTimeout(r, 10)); return 3; };\n',
    );
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync(process.execPath, [join(fake, 'bin', 'parvande.js'), 'x'], {
      encoding: 'utf8',
      env: { ...process.env, PARVANDE_CODE_CACHE: 'off' },
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe('');
  });
});
