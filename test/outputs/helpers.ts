/**
 * Helpers for the output-file tests: an office with one client, fingerprints of
 * files to prove "not a byte changed", the one-line refusal, and the temporary
 * files a write must not leave behind.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { initOffice, runCli, tempDb, type CliResult } from '../helpers/cli.js';

export interface Office {
  dir: string;
  db: string;
  cli: (args: string[], env?: Record<string, string | undefined>) => Promise<CliResult>;
  cleanup: () => void;
}

export async function office(code = 'OUT01'): Promise<Office> {
  const t = tempDb();
  await initOffice(t.db, code);
  const cli = (args: string[], env: Record<string, string | undefined> = {}) => runCli(['--db', t.db, ...args], env);
  const r = await cli(['client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی']);
  if (r.code !== 0) throw new Error(`client add failed: ${r.stderr}`);
  return { dir: t.dir, db: t.db, cli, cleanup: t.cleanup };
}

/** The bytes of a file as a hash (a missing file is "missing"). */
export function fingerprint(path: string): string {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return 'missing';
  }
}

export const modeOf = (path: string): number => statSync(path).mode & 0o777;
export const isLink = (path: string): boolean => lstatSync(path).isSymbolicLink();
export const posixOnly = process.platform !== 'win32';

/** Exit 2 with exactly one line on stderr matching `pattern`, nothing on stdout, never "unexpected". */
export function refused(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/unexpected|please report/);
  expect(r.stdout).toBe('');
}

/** Names of temporary files (`*.tmp`) anywhere under `dir`, except those listed. */
export function temporaryFiles(dir: string, except: readonly string[] = []): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [e.name]));
  return walk(dir).filter((n) => n.endsWith('.tmp') && !except.includes(n));
}

export interface BinBytes {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs the built bin with binary stdin and stdout (run `npm run build` first). */
export async function runBinBytes(
  args: string[],
  opts: { input?: Buffer | string; cwd: string; env?: Record<string, string> },
): Promise<BinBytes> {
  const { spawn } = await import('node:child_process');
  const BIN = process.env.PARVANDE_TEST_BIN ?? (await import('../helpers/cli.js')).BIN;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out), stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(opts.input ?? '');
  });
}
