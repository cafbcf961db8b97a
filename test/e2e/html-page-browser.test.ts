/**
 * A read command's page (`--format html`) from the built program, opened by headless Chromium:
 * it loads from a file with no network, and the browser's DOM holds the table in right-to-left order.
 * Skipped where no Chromium is installed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBin, tempDb } from '../helpers/cli.js';

const CANDIDATES = [process.env.PARVANDE_CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'];
const found = (c: string | undefined): c is string =>
  c !== undefined && c !== '' && (isAbsolute(c) ? existsSync(c) : spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0);
const chromium = CANDIDATES.find(found);

const t = tempDb();
afterAll(() => t.cleanup());

describe.skipIf(chromium === undefined)('a page in headless Chromium', () => {
  it('client list in Persian: the DOM has the table, the page is right to left', async () => {
    for (const args of [
      ['init', '--office-code', 'WEB01', '--office-name', 'اورژانس اجتماعی'],
      ['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی & <b>', '--sex', 'female'],
    ]) {
      const r = await runBin(['--db', t.db, ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    const page = join(t.dir, 'clients.html');
    const r = await runBin(['--db', t.db, '--lang', 'fa', 'client', 'list', '--format', 'html', '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    const dom = execFileSync(
      chromium as string,
      ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${join(t.dir, 'profile')}`, '--dump-dom', pathToFileURL(page).href],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 90_000 },
    );
    expect(dom).toContain('<html lang="fa" dir="rtl">');
    expect(dom).toMatch(/<td>زهرا احمدی &amp; &lt;b&gt;<\/td>/);
    expect(dom).not.toContain('<b>');
  });
});
