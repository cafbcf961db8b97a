/**
 * `--open` leaves its page for the browser (parvande exits first), so a later `--open` removes
 * the pages older than an hour (issue #13: temporary pages were never cleaned). Only what is
 * plainly ours goes: a real folder named parvande-page-…, owned by this user, holding one web
 * page. A planted link, a folder with anything else in it, a young page: all left alone.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_PAGE_HOURS } from '../../src/files/output-file.js';
import { office, posixOnly, type Office } from './helpers.js';

let o: Office;
let temp = '';
beforeAll(async () => {
  o = await office('TMP01');
  temp = mkdtempSync(join(tmpdir(), 'parvande-temp-pages-'));
});
afterAll(() => {
  o.cleanup();
  rmSync(temp, { recursive: true, force: true });
});

function oldDir(name: string, files: Record<string, string>): string {
  const dir = join(temp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const then = new Date(Date.now() - (TEMP_PAGE_HOURS + 1) * 3_600_000);
  utimesSync(dir, then, then);
  return dir;
}

describe('old --open pages are removed by the next --open', () => {
  it('removes an old page of ours; keeps young pages, folders holding more, other names and links', async () => {
    const victim = join(o.dir, 'victim');
    mkdirSync(victim);
    writeFileSync(join(victim, 'keep.html'), 'not a page of ours');
    oldDir('parvande-page-old1', { 'case-list.html': '<html></html>' });
    oldDir('parvande-page-more', { 'client-list.html': '<html></html>', 'notes.txt': 'someone else put this here' });
    oldDir('parvande-page-nothtml', { 'secret.db': 'x' });
    oldDir('other-program-page', { 'page.html': '<html></html>' });
    const young = join(temp, 'parvande-page-young');
    mkdirSync(young);
    writeFileSync(join(young, 'center-list.html'), '<html></html>');
    if (posixOnly) {
      symlinkSync(victim, join(temp, 'parvande-page-link'));
    }

    const r = await o.cli(['client', 'list', '--open'], { TMPDIR: temp, TMP: temp, TEMP: temp });
    expect(r.code).toBe(0);

    const left = readdirSync(temp).sort();
    expect(left).not.toContain('parvande-page-old1');
    for (const kept of ['parvande-page-more', 'parvande-page-nothtml', 'other-program-page', 'parvande-page-young'])
      expect(left).toContain(kept);
    if (posixOnly) expect(left).toContain('parvande-page-link');
    expect(readdirSync(victim)).toEqual(['keep.html']);
    // The page just written is there, for the browser to read.
    expect(
      left.filter(
        (n) =>
          n.startsWith('parvande-page-') &&
          !['parvande-page-more', 'parvande-page-nothtml', 'parvande-page-young', 'parvande-page-link'].includes(n),
      ),
    ).toHaveLength(1);
  });
});
