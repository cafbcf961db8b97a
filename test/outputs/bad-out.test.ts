/**
 * A bad --out or --dir is the person's to fix: exit 2 with one line naming the
 * path and its problem, never exit 1 "unexpected failure". A file open in Excel
 * on Windows (EBUSY/EPERM when renaming over it) is simulated by failing the
 * rename; the file keeps its bytes and no temporary file is left.
 */
import type * as realFs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { office, refused, temporaryFiles, type Office } from './helpers.js';

const faults = vi.hoisted(() => ({ rename: new Map<string, string>(), open: new Map<string, string>() }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const fail = (code: string): never => {
    throw Object.assign(new Error(`${code}: simulated`), { code });
  };
  const openSync = ((path: realFs.PathLike, ...rest: unknown[]) => {
    for (const [part, code] of faults.open) if (String(path).includes(part)) fail(code);
    return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  const renameSync = ((from: realFs.PathLike, to: realFs.PathLike) => {
    for (const [part, code] of faults.rename) if (String(to).endsWith(part)) fail(code);
    return fs.renameSync(from, to);
  }) as typeof fs.renameSync;
  const linkSync = ((from: realFs.PathLike, to: realFs.PathLike) => {
    for (const [part, code] of faults.rename) if (String(to).endsWith(part)) fail(code);
    return fs.linkSync(from, to);
  }) as typeof fs.linkSync;
  return { ...fs, default: { ...fs, openSync, renameSync, linkSync }, openSync, renameSync, linkSync };
});

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => {
  faults.rename.clear();
  faults.open.clear();
  o.cleanup();
});

describe('--out', () => {
  it('a folder, a missing folder, an empty name, a file used as a folder', async () => {
    refused(await o.cli(['export', 'clients', '--out', o.dir]), /^error: cannot write .*: it is a folder$/);
    refused(
      await o.cli(['export', 'clients', '--out', join(o.dir, 'no-such', 'x.csv')]),
      /^error: cannot write .*x\.csv: its folder does not exist$/,
    );
    refused(
      await o.cli(['export', 'clients', '--out', join(o.dir, 'a', 'b', 'x.csv')]),
      /^error: cannot write .*x\.csv: its folder does not exist$/,
    );
    refused(await o.cli(['export', 'clients', '--out', '']), /^error: --out is empty: give a file name$/);
    refused(await o.cli(['export', 'clients', '--out', '  ']), /^error: --out is empty: give a file name$/);
    const file = join(o.dir, 'plain.txt');
    writeFileSync(file, 'x');
    refused(
      await o.cli(['export', 'clients', '--out', join(file, 'x.csv')]),
      /^error: cannot write .*x\.csv: part of the path is a file, not a folder$/,
    );
    refused(
      await o.cli(['report', 'monthly', '--format', 'csv', '--out', join(o.dir, 'no-such', 'x.csv')]),
      /^error: cannot write .*x\.csv: its folder does not exist$/,
    );
    refused(await o.cli(['report', 'year', '--format', 'html', '--out', o.dir]), /^error: cannot write .*: it is a folder$/);
    refused(await o.cli(['report', 'monthly', '--format', 'xlsx', '--out', '']), /^error: --out is empty: give a file name$/);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('no permission to write in the folder', async () => {
    const locked = join(o.dir, 'locked');
    mkdirSync(locked);
    faults.open.set(join(locked, '.'), 'EACCES');
    for (const format of ['csv', 'xlsx', 'json']) {
      refused(
        await o.cli(['export', 'clients', '--format', format, '--out', join(locked, `c.${format}`)]),
        /^error: cannot write .*c\.(csv|xlsx|json): permission denied/,
      );
    }
    refused(
      await o.cli(['report', 'monthly', '--format', 'html', '--out', join(locked, 'm.html')]),
      /^error: cannot write .*m\.html: permission denied/,
    );
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  // Root may write anywhere: as root the built bin runs as the account `nobody`, which owns the
  // office file but not the folder it is told to write into.
  it.runIf(process.platform !== 'win32')('no permission, for real', async () => {
    const locked = join(o.dir, 'locked');
    mkdirSync(locked);
    const root = process.getuid?.() === 0;
    chmodSync(locked, root ? 0o755 : 0o500);
    if (!root) {
      refused(await o.cli(['export', 'clients', '--out', join(locked, 'c.csv')]), /^error: cannot write .*c\.csv: permission denied/);
      return;
    }
    const nobody = 65534;
    chownSync(o.dir, nobody, nobody);
    for (const name of readdirSync(o.dir)) if (name !== 'locked') chownSync(join(o.dir, name), nobody, nobody);
    const r = spawnSync(process.execPath, [BIN, '--db', o.db, 'export', 'clients', '--out', join(locked, 'c.csv')], {
      uid: nobody,
      gid: nobody,
      cwd: o.dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PARVANDE_USER: 'clerk' },
    });
    refused(
      { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, json: () => JSON.parse(r.stdout) },
      /^error: cannot write .*c\.csv: permission denied/,
    );
    expect(readdirSync(locked)).toEqual([]);
  });

  it('a file open in Excel (EBUSY or EPERM on rename) keeps its bytes; no temporary file is left', async () => {
    for (const [code, why] of [
      ['EBUSY', /the file is open in another program/],
      ['EPERM', /permission denied \(or the file is open in another program/],
    ] as const) {
      for (const format of ['csv', 'xlsx', 'json']) {
        const out = join(o.dir, `open-in-excel.${format}`);
        writeFileSync(out, 'old');
        faults.rename.set(`open-in-excel.${format}`, code);
        refused(
          await o.cli(['export', 'clients', '--out', out, '--force']),
          new RegExp(`^error: cannot write .*open-in-excel\\.${format}: ${why.source}`),
        );
        expect(readFileSync(out, 'utf8')).toBe('old');
      }
      const html = join(o.dir, 'open-in-excel.html');
      writeFileSync(html, 'old');
      faults.rename.set('open-in-excel.html', code);
      refused(await o.cli(['report', 'monthly', '--format', 'html', '--out', html, '--force']), why);
      expect(readFileSync(html, 'utf8')).toBe('old');
    }
    expect(temporaryFiles(o.dir)).toEqual([]);
  });
});

describe('report nightly --dir', () => {
  it('a file, an empty name, a folder under a file', async () => {
    const file = join(o.dir, 'plain.txt');
    writeFileSync(file, 'x');
    refused(await o.cli(['report', 'nightly', '--dir', file]), /^error: cannot use the folder .*plain\.txt: it is a file$/);
    refused(await o.cli(['report', 'nightly', '--dir', '']), /^error: --dir is empty: give a folder$/);
    refused(
      await o.cli(['report', 'nightly', '--dir', join(file, 'reports')]),
      /^error: cannot create the folder .*reports: part of the path is a file, not a folder$/,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a file of the run open in Excel', async () => {
    const dir = join(o.dir, 'nightly');
    faults.rename.set('.xlsx', 'EBUSY');
    refused(await o.cli(['report', 'nightly', '--dir', dir]), /^error: cannot write .*\.xlsx: the file is open in another program/);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });
});

describe('the import rejects file', () => {
  it('a folder where it cannot be written is one line, exit 2', async () => {
    const input = join(o.dir, 'refused.csv');
    writeFileSync(input, 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n');
    faults.open.set('.refused.rejects', 'EACCES');
    const r = await o.cli(['import', 'clients', input]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: cannot write .*refused\.rejects\.csv: permission denied/);
    expect(temporaryFiles(o.dir)).toEqual([]);
  });
});
