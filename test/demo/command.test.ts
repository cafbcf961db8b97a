import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { initOffice, runCli, tempDb } from '../helpers/cli.js';
import { dumpDemo, fileHash, TODAY } from './demo-helpers.js';

const temps: { cleanup: () => void }[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.cleanup();
});
function temp(): ReturnType<typeof tempDb> {
  const t = tempDb('office.db');
  temps.push(t);
  return t;
}
const env = { PARVANDE_TODAY: TODAY };
const small = ['--scale', '0.05'];
const hashOf = (p: string): string => fileHash(p, readFileSync);

describe('parvande demo: which files it may write', () => {
  it('prints a one-line summary, and the counts with --json', async () => {
    const t = temp();
    const r = await runCli(['--db', t.db, 'demo', ...small], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^demo office DEMO in .+: 15 centers, 8 staff, [\d,]+ clients, [\d,]+ cases, [\d,]+ services, [\d,]+ follow-ups \(1404\/09\/05 to 1405\/09\/04, seed 1405\)\n$/,
    );
    const t2 = temp();
    const j = await runCli(['--db', t2.db, '--json', 'demo', ...small, '--seed', '3'], env);
    expect(j.code).toBe(0);
    expect(j.json()).toMatchObject({
      officeCode: 'DEMO',
      seed: 3,
      years: 1,
      scale: 0.05,
      from: '2025-11-26',
      to: '2026-11-25',
      replaced: false,
      counts: {
        centers: 15,
        staff: 8,
        clients: expect.any(Number),
        cases: expect.any(Number),
        caseCategories: expect.any(Number),
        caseEvents: expect.any(Number),
        services: expect.any(Number),
        followups: expect.any(Number),
      },
    });
    expect(j.stderr).toBe('');
  });

  it('needs --db: never the default database nor PARVANDE_DB', async () => {
    const t = temp();
    const viaEnv = await runCli(['demo', ...small], { ...env, PARVANDE_DB: t.db });
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.stderr).toMatch(/--db/);
    expect(existsSync(t.db)).toBe(false);
    const viaDefault = await runCli(['--json', 'demo', ...small], {
      ...env,
      PARVANDE_DB: undefined,
      XDG_DATA_HOME: t.dir,
      HOME: t.dir,
      LOCALAPPDATA: t.dir,
    });
    expect(viaDefault.code).toBe(2);
    expect(JSON.parse(viaDefault.stderr)).toMatchObject({ error: { code: 'usage', field: 'db' } });
  });

  it('refuses to rebuild a demo office without --force, and rebuilds it with --force', async () => {
    const t = temp();
    expect((await runCli(['--db', t.db, 'demo', ...small, '--seed', '1'], env)).code).toBe(0);
    const first = dumpDemo(t.db);
    const again = await runCli(['--db', t.db, 'demo', ...small, '--seed', '2'], env);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/already holds a demo office: add --force/);
    expect(dumpDemo(t.db)).toBe(first);
    const forced = await runCli(['--db', t.db, '--json', 'demo', ...small, '--seed', '2', '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.json()).toMatchObject({ seed: 2, replaced: true });
    const fresh = temp();
    expect((await runCli(['--db', fresh.db, 'demo', ...small, '--seed', '2'], env)).code).toBe(0);
    expect(dumpDemo(t.db)).toBe(dumpDemo(fresh.db));
  });

  it('never replaces a real office, not even with --force', async () => {
    const t = temp();
    await initOffice(t.db, 'KRJ01');
    const before = hashOf(t.db);
    for (const args of [[], ['--force']]) {
      const r = await runCli(['--db', t.db, 'demo', ...small, ...args], env);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/is not a demo office/);
      expect(hashOf(t.db)).toBe(before);
    }
  });

  it('never replaces an office that merely uses the code DEMO', async () => {
    const t = temp();
    await initOffice(t.db, 'DEMO');
    const before = hashOf(t.db);
    const r = await runCli(['--db', t.db, 'demo', ...small, '--force'], env);
    expect(r.code).toBe(4);
    expect(hashOf(t.db)).toBe(before);
  });

  it('never replaces a file that is not a database at all', async () => {
    const t = temp();
    writeFileSync(t.db, 'first_name,last_name\nزهرا,احمدی\n');
    const r = await runCli(['--db', t.db, 'demo', ...small, '--force'], env);
    expect(r.code).toBe(4);
    expect(readFileSync(t.db, 'utf8')).toBe('first_name,last_name\nزهرا,احمدی\n');
  });

  it('rejects bad sizes before touching anything', async () => {
    const t = temp();
    for (const args of [
      ['--years', '0'],
      ['--years', 'x'],
      ['--scale', '0'],
      ['--scale', '101'],
      ['--scale', 'big'],
      ['--seed', '-1'],
    ]) {
      const r = await runCli(['--db', t.db, 'demo', ...args], env);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(t.db)).toBe(false);
  });
});

describe('parvande demo in Persian', () => {
  it('prints the summary with Persian digits and Jalali dates', async () => {
    const t = tempDb('office.db');
    try {
      const r = await runCli(['--db', t.db, '--lang', 'fa', 'demo', '--scale', '0.05'], { PARVANDE_TODAY: TODAY });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(
        /^دفتر نمونه DEMO در .+: ۱۵ مرکز، ۸ کارمند، [۰-۹٬]+ مددجو، [۰-۹٬]+ پرونده، [۰-۹٬]+ خدمت، [۰-۹٬]+ پیگیری \(۱۴۰۴\/۰۹\/۰۵ تا ۱۴۰۵\/۰۹\/۰۴، بذر ۱۴۰۵\)\n$/,
      );
    } finally {
      t.cleanup();
    }
  });
});
