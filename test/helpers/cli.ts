/**
 * Running the CLI the two ways tests need: in-process (fast, most tests) and as
 * the built bin/parvande.js in a child process (the way a user or cron runs it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/main.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'parvande.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout parsed as JSON (throws if it is not exactly one JSON document). */
  json: <T = any>() => T;
}

function result(code: number, stdout: string, stderr: string): CliResult {
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

/** A fresh folder and database path, removed by the returned cleanup. */
export function tempDb(name = 'office.db'): { dir: string; db: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'parvande-test-'));
  return { dir, db: join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Runs the program in this process with stdout/stderr captured. Env changes are
 * applied for the call only. stdin is not a terminal, and holds `stdin` (empty by
 * default: the test worker's own stdin is a pipe that never ends, so
 * `import KIND -` would wait on it forever).
 */
export async function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  stdin: string | Buffer = '',
): Promise<CliResult> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const stdinTty = process.stdin.isTTY;
  const realStdin = Object.getOwnPropertyDescriptor(process, 'stdin');
  const fakeStdin = Readable.from(stdin.length === 0 ? [] : [Buffer.from(stdin)]);
  Object.defineProperty(process, 'stdin', { configurable: true, enumerable: realStdin?.enumerable ?? true, get: () => fakeStdin });
  try {
    const r = await captureOutput(() => run(args));
    return result(r.value, r.stdout, r.stderr);
  } finally {
    if (realStdin !== undefined) Object.defineProperty(process, 'stdin', realStdin);
    (process.stdin as { isTTY?: boolean }).isTTY = stdinTty;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** What `fn` writes on stdout and stderr while it runs in this process (the in-process runs of the program). */
export async function captureOutput<T>(fn: () => Promise<T>): Promise<{ value: T; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  try {
    return { value: await fn(), stdout, stderr };
  } catch (e) {
    if (e instanceof Error) e.message += `\nstdout so far: ${stdout}`;
    throw e;
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** Runs the built bin/parvande.js (run `npm run build` first; `npm test` does) with no terminal. */
export function runBin(args: string[], opts: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise(result(code ?? -1, stdout, stderr)));
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}

/** A database with an office, ready for commands. */
export async function initOffice(db: string, code = 'TST01'): Promise<void> {
  const r = await runCli(['--db', db, 'init', '--office-code', code, '--office-name', 'دفتر آزمایشی']);
  if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
}
