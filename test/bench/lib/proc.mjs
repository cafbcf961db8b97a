// Running the built CLI (and its baselines) as whole processes, and timing them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'parvande.js');
const MAX_RSS_HOOK = join(dirname(fileURLToPath(import.meta.url)), 'max-rss.mjs');

/** The environment every timed process gets: no colour, the bench's pinned "today". */
export function benchEnv(extra = {}) {
  return { ...process.env, NO_COLOR: '1', PARVANDE_USER: 'bench', ...extra };
}

/** Runs a program to the end; throws with its stderr when it fails (unless allowFail). */
export function run(file, args, { env = benchEnv(), input, allowFail = false, cwd = ROOT } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, args, {
    env,
    cwd,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  const out = { code: r.status ?? -1, stdout: r.stdout?.toString('utf8') ?? '', stderr: r.stderr?.toString('utf8') ?? '', ms };
  if (!allowFail && out.code !== 0) {
    // The first line naming an error says most (a stack trace ends with Node's version line).
    const lines = out.stderr
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const why = lines.find((l) => /error/i.test(l)) ?? lines.slice(-3).join(' | ');
    throw new Error(`${[file, ...args].map((a) => a.replace(ROOT, '.')).join(' ')} exited ${out.code}: ${why}`);
  }
  return out;
}

/** `parvande ARGS` through the built bin. */
export function parvande(args, opts = {}) {
  return run(process.execPath, [BIN, ...args], opts);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Times `argv` (node arguments) and `node -e 0` alternately, `runs` times each after a
 * warm-up, so both see the same machine load. Returns both medians and their ratio.
 */
export function timeBesideNode(argv, { runs, env, before } = {}) {
  const baseline = [];
  const timed = [];
  for (let i = 0; i < runs + 2; i++) {
    before?.();
    const b = run(process.execPath, ['-e', '0'], { env }).ms;
    before?.();
    const t = run(process.execPath, argv, { env }).ms;
    if (i >= 2) {
      baseline.push(b);
      timed.push(t);
    }
  }
  const medianMs = median(timed);
  const baselineMs = median(baseline);
  return { medianMs: round(medianMs, 1), baselineMs: round(baselineMs, 1), ratio: round(medianMs / baselineMs, 2), runs };
}

export function round(n, digits = 2) {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Whether the built CLI knows a command (its --help exits 0). */
export function hasCommand(words) {
  return parvande([...words, '--help'], { allowFail: true }).code === 0;
}

/** A program on PATH (or at an absolute path), or null. */
export function findProgram(name, candidates = []) {
  for (const c of candidates) if (existsSync(c)) return c;
  const exts = process.platform === 'win32' ? (process.env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';') : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const ext of exts) {
      const p = join(dir, name + ext);
      if (dir !== '' && existsSync(p)) return p;
    }
  }
  return null;
}

/**
 * Runs node ARGV and reports its peak memory in MB: GNU time's %M where there is one,
 * else the child's own process.resourceUsage().maxRSS written at exit by a preloaded hook.
 */
export function runWithPeakMemory(argv, { env } = {}) {
  const gnuTime = process.platform === 'linux' ? findProgram('time', ['/usr/bin/time']) : null;
  if (gnuTime !== null) {
    const r = run(gnuTime, ['-f', '%M', process.execPath, ...argv], { env });
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb) && kb > 0) return { ...r, peakMb: round(kb / 1024, 1), via: '/usr/bin/time -f %M' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'parvande-bench-rss-'));
  try {
    const file = join(dir, 'rss');
    const r = run(process.execPath, ['--import', pathToFileURL(MAX_RSS_HOOK).href, ...argv], {
      env: { ...env, PARVANDE_BENCH_RSS_FILE: file },
    });
    return { ...r, peakMb: round(Number(readFileSync(file, 'utf8')) / 1024, 1), via: 'process.resourceUsage().maxRSS' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
