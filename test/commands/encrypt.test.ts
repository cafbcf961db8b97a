/**
 * Encryption at rest through the built program (bin/parvande.js in a child process, as a
 * clerk or the nightly job runs it): `db encrypt` of a demo office leaves no byte of a known
 * client's name and no SQLite header in the file, its backups or anything beside it; the nightly
 * run, exports and an office move work on the encrypted file with PARVANDE_KEY_FILE; and at a
 * terminal the passphrase is asked for with hidden input (twice when it is new).
 */
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { query } from '../helpers/office.js';
import { hasTmux, TmuxTerminal } from '../helpers/tmux.js';
import { scratchDir } from '../hardening/support.js';

const t = scratchDir('parvande-encrypt-e2e-');
const db = join(t.dir, 'office.db');
const key = join(t.dir, 'office.key');
const env = { PARVANDE_KEY_FILE: key, PARVANDE_USER: 'tester', PARVANDE_TODAY: '2026-11-25' };
const HEADER = 'SQLite format 3';
let names: string[] = [];

function leaks(file: string): string[] {
  const bytes = readFileSync(file);
  return [...names, HEADER].filter((m) => bytes.includes(Buffer.from(m, 'utf8')));
}

async function ok(args: string[], extra: Record<string, string> = {}): Promise<any> {
  const r = await runBin([...args, '--json'], { env: { ...env, ...extra } });
  if (r.code !== 0) throw new Error(`${args.join(' ')} failed (${r.code}): ${r.stderr}`);
  return r.stdout.trim() === '' ? null : r.json();
}

beforeAll(async () => {
  writeFileSync(key, 'the office passphrase, sealed\n', { mode: 0o600 });
  chmodSync(key, 0o600);
  const demo = await runBin(['--db', db, 'demo', '--scale', '0.05'], { env });
  if (demo.code !== 0) throw new Error(demo.stderr);
  // Known clients' names, read through an independent driver while the file is still plain.
  names = query<{ last_name: string }>(db, 'SELECT DISTINCT last_name FROM clients WHERE last_name IS NOT NULL LIMIT 5').map(
    (r) => r.last_name,
  );
}, 120_000);
afterAll(() => t.cleanup());

describe('db encrypt of a demo office, through the built program', () => {
  it('leaves no plaintext in the file, keeps every row, and records itself', async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(leaks(db)).not.toEqual([]);
    const before = await ok(['--db', db, 'db', 'check']);
    const r = await ok(['--db', db, 'db', 'encrypt']);
    expect(r.cipher).toBe('sqlcipher');
    expect(leaks(db)).toEqual([]);
    for (const f of readdirSync(t.dir)) expect(f).toMatch(/^office\.(db|key)$/);
    const after = await ok(['--db', db, 'db', 'check']);
    expect(after.ok).toBe(true);
    expect(after.counts.cases).toBe(before.counts.cases);
    expect(after.counts.clients).toBe(before.counts.clients);
    const audit = await ok(['--db', db, 'audit', 'list', '--limit', '1']);
    expect(JSON.stringify(audit)).toContain('"encrypt"');
  });

  it('backups, the nightly run and an office export work with the key; the backup is encrypted', async () => {
    const backup = await ok(['--db', db, 'db', 'backup']);
    expect(leaks(backup.path)).toEqual([]);
    const nightly = await runBin(['--db', db, 'report', 'nightly', '--dir', join(t.dir, 'reports')], { env });
    expect(nightly.code, nightly.stderr).toBe(0);
    const out = join(t.dir, 'moved');
    const exported = await runBin(['--db', db, 'export', 'office', '--out', out], { env });
    expect(exported.code, exported.stderr).toBe(0);
    const copy = join(t.dir, 'copy.db');
    await ok(['--db', copy, 'init', '--encrypt', '--office-code', 'DEMO', '--office-name', 'نسخه']);
    const imported = await runBin(['--db', copy, 'import', 'office', out], { env });
    expect(imported.code, imported.stderr).toBe(0);
    expect(leaks(copy)).toEqual([]);
    const a = await ok(['--db', db, 'report', 'monthly']);
    const b = await ok(['--db', copy, 'report', 'monthly']);
    expect(b.totals ?? b).toEqual(a.totals ?? a);
  });

  it('without the key the nightly run fails with exit 5 naming PARVANDE_KEY_FILE, in one line', async () => {
    const r = await runBin(['--db', db, 'report', 'nightly', '--dir', join(t.dir, 'reports2')], {
      env: { ...env, PARVANDE_KEY_FILE: '' },
    });
    expect(r.code).toBe(5);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('PARVANDE_KEY_FILE');
    // The nightly folder may be made before the office is opened; no report goes into it.
    expect(existsSync(join(t.dir, 'reports2')) ? readdirSync(join(t.dir, 'reports2')) : []).toEqual([]);
  });
});

describe.skipIf(!hasTmux)('the passphrase at a terminal', () => {
  it('init --encrypt asks twice with hidden input; a later command asks once', async () => {
    const file = join(t.dir, 'typed.db');
    const typed = 'typed at the desk ۱۴۰۵';
    const init = new TmuxTerminal(
      ['--db', file, 'init', '--encrypt', '--office-code', 'TTY01', '--office-name', 'x', '--county', 'کرج', '--province', 'البرز'],
      {
        PARVANDE_USER: 'tester',
      },
    );
    try {
      await init.waitFor('New passphrase');
      await init.type(typed);
      expect(init.screen).not.toContain('typed at the desk');
      await init.press('Enter');
      await init.waitFor('The same passphrase again');
      await init.type(typed);
      await init.press('Enter');
      expect(await init.exit()).toBe(0);
    } finally {
      init.close();
    }
    expect(readFileSync(file).includes(Buffer.from(HEADER))).toBe(false);
    const list = new TmuxTerminal(['--db', file, 'client', 'list'], { PARVANDE_USER: 'tester' });
    try {
      await list.waitFor('Passphrase of the office file');
      await list.type(typed);
      await list.press('Enter');
      expect(await list.exit()).toBe(0);
      expect(list.screen).not.toContain('typed at the desk');
    } finally {
      list.close();
    }
  }, 60_000);
});
