// Running the built CLI (and its baselines) as whole processes, and timing them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const BIN = join(ROOT, 'bin', 'parvande.js');
const USAGE_HOOK = join(dirname(fileURLToPath(import.meta.url)), 'usage-hook.cjs');
const GNU_TIME = process.platform === 'linux' && existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** The environment every timed process gets: no colour, the bench's pinned "today". */
export function benchEnv(extra = {}) {
  return { ...process.env, NO_COLOR: '1', PARVANDE_USER: 'bench', ...extra };
}

/**
 * Runs a program to the end; throws with its stderr when it fails (unless allowFail). `ms` is its
 * wall time; `cpuMs` its CPU time (user + system) when it can be had: a Node.js process reports
 * its own through a preloaded hook (usage-hook.cjs, to the millisecond), any other program through
 * GNU time (Linux, to 10 ms: enough for the programs of several seconds it is used for); else null.
 */
export function run(file, args, { env = benchEnv(), input, allowFail = false, cwd = ROOT } = {}) {
  const usageDir = mkdtempSync(join(tmpdir(), 'parvande-bench-usage-'));
  const usageFile = join(usageDir, 'usage');
  const isNode = file === process.execPath;
  let argv = [file, ...args];
  if (isNode) argv = [file, '--require', USAGE_HOOK, ...args];
  else if (GNU_TIME !== null) argv = [GNU_TIME, '-f', '%U %S %M', '-o', usageFile, file, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    env: isNode ? { ...env, PARVANDE_BENCH_USAGE_FILE: usageFile } : env,
    cwd,
    input,
    stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    maxBuffer: 1 << 30,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let usage = { cpuMs: null, maxRssKb: null };
  try {
    usage = readUsage(readFileSync(usageFile, 'utf8'), isNode);
  } catch {
    // No usage written (the program failed early, or no GNU time): the wall time stands alone.
  } finally {
    rmSync(usageDir, { recursive: true, force: true });
  }
  if (r.error) throw r.error;
  const out = { code: r.status ?? -1, stdout: r.stdout?.toString('utf8') ?? '', stderr: r.stderr?.toString('utf8') ?? '', ms, ...usage };
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

function readUsage(text, fromHook) {
  if (fromHook) return JSON.parse(text);
  // GNU time: "USER SYSTEM MAXRSS" (a line of its own at the end; a failing program adds one before it).
  const [user, system, rss] = text.trim().split('\n').pop().trim().split(/\s+/).map(Number);
  return { cpuMs: Math.round((user + system) * 1000), maxRssKb: rss };
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
 * warm-up, so both see the same machine load. Returns both medians and their ratio, of the
 * wall time and of the CPU time (the CPU ratio moves less with what else the machine runs).
 */
export function timeBesideNode(argv, { runs, env, before } = {}) {
  const baseline = [];
  const timed = [];
  for (let i = 0; i < runs + 2; i++) {
    before?.();
    const b = run(process.execPath, ['-e', '0'], { env });
    before?.();
    const t = run(process.execPath, argv, { env });
    if (i >= 2) {
      baseline.push(b);
      timed.push(t);
    }
  }
  const wall = median(timed.map((r) => r.ms));
  const baseWall = median(baseline.map((r) => r.ms));
  const cpu = median(timed.map((r) => r.cpuMs));
  const baseCpu = median(baseline.map((r) => r.cpuMs));
  return {
    medianMs: round(wall, 1),
    baselineMs: round(baseWall, 1),
    ratio: round(wall / baseWall, 2),
    cpuMs: round(cpu, 1),
    baselineCpuMs: round(baseCpu, 1),
    cpuRatio: round(cpu / baseCpu, 2),
    runs,
  };
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

/** Runs node ARGV and reports its peak memory in MB (GNU time's %M is not needed: the hook reports maxRSS). */
export function runWithPeakMemory(argv, { env } = {}) {
  const r = run(process.execPath, argv, { env });
  return { ...r, peakMb: round(r.maxRssKb / 1024, 1), via: 'process.resourceUsage().maxRSS' };
}
