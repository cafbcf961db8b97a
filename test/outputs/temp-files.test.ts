/**
 * Temporary files are created exclusively under an unpredictable name, owner-only
 * from the first byte, in the target's folder, and removed on failure: a symlink
 * planted at the old predictable name (NAME.<pid>.tmp) no longer makes parvande
 * write into (or chmod) the file it points to.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPrivateTemp, writePrivateFile } from '../../src/files/output-file.js';
import { ValidationError } from '../../src/errors.js';
import { modeOf, office, posixOnly, temporaryFiles, type Office } from './helpers.js';

let o: Office;
let victim = '';
beforeEach(async () => {
  o = await office();
  victim = join(o.dir, 'victim.txt');
  writeFileSync(victim, 'not yours', { mode: 0o644 });
});
afterEach(() => o.cleanup());

/** Every name an older parvande would have used for `target`'s temporary file, each a link to the victim. */
function plantLinks(target: string): string[] {
  const dir = join(target, '..');
  const name = target.slice(dir.length + 1);
  const names = [`.${name}.${process.pid}.tmp`, `${name}.${process.pid}.tmp`];
  for (const n of names) symlinkSync(victim, join(dir, n));
  return names;
}

function victimUntouched(): void {
  expect(readFileSync(victim, 'utf8')).toBe('not yours');
  if (posixOnly) expect(modeOf(victim)).toBe(0o644);
}

describe.runIf(posixOnly)('a planted link at a predictable temporary name is never followed', () => {
  it('export csv, json and xlsx', async () => {
    for (const format of ['csv', 'json', 'xlsx']) {
      const out = join(o.dir, `clients.${format}`);
      const planted = plantLinks(out);
      const r = await o.cli(['export', 'clients', '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      victimUntouched();
      expect(modeOf(out)).toBe(0o600);
      expect(temporaryFiles(o.dir, planted).filter((n) => n.includes(format))).toEqual([]);
    }
  });

  it('report files', async () => {
    for (const format of ['csv', 'html', 'xlsx']) {
      const out = join(o.dir, `monthly.${format}`);
      plantLinks(out);
      const r = await o.cli(['report', 'monthly', '--format', format, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      victimUntouched();
      expect(modeOf(out)).toBe(0o600);
    }
  });

  it('report nightly', async () => {
    const dir = join(o.dir, 'nightly');
    mkdirSync(dir, { mode: 0o700 });
    for (const ext of ['csv', 'html', 'xlsx']) plantLinks(join(dir, `parvande-OUT01-1405-09-2026-11-25.${ext}`));
    const r = await o.cli(['report', 'nightly', '--dir', dir]);
    expect(r.code, r.stderr).toBe(0);
    victimUntouched();
  });

  it('the import rejects file', async () => {
    const input = join(o.dir, 'refused.csv');
    writeFileSync(input, 'first-name,last-name,sex\r\nزهرا,احمدی,unknown\r\n');
    plantLinks(join(o.dir, 'refused.rejects.csv'));
    const r = await o.cli(['import', 'clients', input]);
    expect(r.code).toBe(2);
    victimUntouched();
    expect(readFileSync(join(o.dir, 'refused.rejects.csv'), 'utf8')).toContain('unknown');
  });
});

describe('the helper', () => {
  it('names are unpredictable, in the target folder, owner-only from the first byte', () => {
    const target = join(o.dir, 'a.csv');
    const one = createPrivateTemp(target, 'out');
    const two = createPrivateTemp(target, 'out');
    try {
      expect(one.path).not.toBe(two.path);
      expect(join(one.path, '..')).toBe(o.dir);
      expect(one.path).not.toContain(String(process.pid));
      if (posixOnly) expect(statSync(one.path).mode & 0o777).toBe(0o600);
    } finally {
      one.discard();
      two.discard();
    }
    expect(temporaryFiles(o.dir)).toEqual([]);
  });

  it('a failed commit removes the temporary file and names the path', () => {
    const target = join(o.dir, 'folder');
    mkdirSync(target);
    const temp = createPrivateTemp(target, 'out');
    expect(() => temp.commit()).toThrow(ValidationError);
    expect(readdirSync(o.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(() => writePrivateFile(join(o.dir, 'no-such', 'x.csv'), 'x', 'out')).toThrow(/its folder does not exist/);
  });
});
