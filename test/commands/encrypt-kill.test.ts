/**
 * `db encrypt` killed (SIGKILL) at points spread over its run, through the built program: the
 * office file is afterwards either the plain original, whole, or the encrypted file, whole; never
 * half of each. What a kill leaves beside it is at most an encrypted partial copy (no byte of a
 * client's name in it), which the next `db encrypt` removes before it finishes the job.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isEncryptedFile } from '../../src/store/cipher.js';
import { BIN, runBin } from '../helpers/cli.js';
import { query } from '../helpers/office.js';
import { scratchDir } from '../hardening/support.js';

const t = scratchDir('parvande-encrypt-kill-');
const base = join(t.dir, 'base.db');
const key = join(t.dir, 'office.key');
const env = { PARVANDE_KEY_FILE: key, PARVANDE_USER: 'tester', PARVANDE_TODAY: '2026-11-25' };
let cases = 0;
let names: string[] = [];
/** How long an unhindered db encrypt of the base office takes, in ms. */
let fullRunMs = 0;

beforeAll(async () => {
  writeFileSync(key, 'kill test passphrase\n', { mode: 0o600 });
  const demo = await runBin(['--db', base, 'demo', '--scale', '0.3'], { env });
  if (demo.code !== 0) throw new Error(demo.stderr);
  cases = query<{ n: number }>(base, 'SELECT count(*) AS n FROM cases')[0]?.n ?? 0;
  names = query<{ last_name: string }>(base, 'SELECT DISTINCT last_name FROM clients LIMIT 5').map((r) => r.last_name);
  const probe = join(t.dir, 'probe.db');
  copyFileSync(base, probe);
  const started = Date.now();
  const r = await runBin(['--db', probe, 'db', 'encrypt'], { env });
  if (r.code !== 0) throw new Error(r.stderr);
  fullRunMs = Date.now() - started;
}, 180_000);
afterAll(() => t.cleanup());

function killAfter(args: string[], ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('db encrypt killed half-way', () => {
  it('leaves the office whole, plain or encrypted, and nothing readable beside it', async () => {
    expect(cases).toBeGreaterThan(0);
    const outcomes = { plain: 0, encrypted: 0 };
    for (let i = 1; i <= 10; i++) {
      const dir = join(t.dir, `run-${i}`);
      mkdirSync(dir);
      const db = join(dir, 'office.db');
      copyFileSync(base, db);
      // From early in the run to a little past its end (the last ones may finish before their kill).
      await killAfter(['--db', db, 'db', 'encrypt'], Math.round((fullRunMs * 1.2 * i) / 10));
      const encrypted = isEncryptedFile(db);
      outcomes[encrypted ? 'encrypted' : 'plain']++;
      const check = await runBin(['--db', db, 'db', 'check', '--json'], { env });
      expect(check.code, check.stderr).toBe(0);
      expect(check.json().counts.cases).toBe(cases);
      // The office file's own -wal and -shm (a plain file killed before it left WAL) are SQLite's, not copies.
      for (const f of readdirSync(dir).filter((f) => !/^office\.db(-wal|-shm)?$/.test(f))) {
        expect(f).toMatch(/^\.office\.db\.partial-[0-9a-f]{8}-\d+\.[0-9a-f]{16}\.tmp(-journal)?$/);
        const bytes = readFileSync(join(dir, f));
        for (const name of names) expect(bytes.includes(Buffer.from(name))).toBe(false);
      }
      if (!encrypted) {
        const again = await runBin(['--db', db, 'db', 'encrypt'], { env });
        expect(again.code, again.stderr).toBe(0);
        expect(readdirSync(dir).filter((f) => !/^office\.db-(wal|shm)$/.test(f))).toEqual(['office.db']);
        const bytes = readFileSync(db);
        for (const name of names) expect(bytes.includes(Buffer.from(name))).toBe(false);
      }
    }
    // The kills spread over the run: some landed before the rename, some after it.
    expect(outcomes.plain).toBeGreaterThan(0);
    expect(outcomes.encrypted).toBeGreaterThan(0);
  }, 300_000);
});
