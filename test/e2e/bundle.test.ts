/**
 * The shipped command: bin/parvande.js loads the bundle dist/parvande.cjs (bin/build.mjs)
 * with V8's saved code. The bundle must hold no import() (a vm.Script has none), must
 * give the same answers with and without the saved code, and must find what it loads
 * from outside itself: the packages left in node_modules, the SQLite addon, the demo
 * fixtures.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runBin, tempDb } from '../helpers/cli.js';

const t = tempDb();
afterAll(() => t.cleanup());
const ENV = { PARVANDE_DB: t.db, PARVANDE_TODAY: '2026-11-25', PARVANDE_USER: 'clerk' };

describe('the bundled program', () => {
  it('is built with its saved code, and holds no import()', () => {
    const bundle = join(ROOT, 'dist', 'parvande.cjs');
    expect(existsSync(bundle)).toBe(true);
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/\bimport\(/);
  });

  it('answers --version from package.json without loading the program', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runBin(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${pkg.version}\n`);
  });

  it('gives the same answers with and without the saved code, and loads what lives outside it', async () => {
    expect((await runBin(['init', '--office-code', 'BND01', '--office-name', 'دفتر آزمایشی'], { env: ENV })).code).toBe(0);
    expect((await runBin(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--sex', 'female'], { env: ENV })).code).toBe(0);
    const open = await runBin(['case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high'], {
      env: ENV,
    });
    expect(open.code).toBe(0);

    for (const args of [
      ['report', 'monthly', '--json'],
      ['case', 'list', '--json'],
      ['report', 'monthly', '--lang', 'fa'],
    ]) {
      const cached = await runBin(args, { env: ENV });
      const fresh = await runBin(args, { env: { ...ENV, PARVANDE_CODE_CACHE: 'off' } });
      expect(cached.code, cached.stderr).toBe(0);
      expect(cached.stdout).toBe(fresh.stdout);
      expect(cached.stderr).toBe('');
    }

    // exceljs and cli-table3 come from node_modules; the xlsx file reads back through the import.
    const xlsx = join(t.dir, 'clients.xlsx');
    const exported = await runBin(['export', 'clients', '--format', 'xlsx', '--out', xlsx], { env: ENV });
    expect(exported.code, exported.stderr).toBe(0);
    const back = await runBin(['import', 'clients', xlsx, '--dry-run', '--json'], { env: ENV });
    expect(back.code, back.stderr).toBe(0);
    expect(back.json()).toMatchObject({ rows: 1, unchanged: 1, inserted: 0 });
  });

  it('finds the demo fixtures from dist/', async () => {
    const demo = tempDb('demo.db');
    try {
      const r = await runBin(['--db', demo.db, 'demo', '--force', '--json'], { env: { PARVANDE_TODAY: '2026-11-25' } });
      expect(r.code, r.stderr).toBe(0);
    } finally {
      demo.cleanup();
    }
  }, 120_000);
});
