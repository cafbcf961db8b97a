/**
 * Runs once before the tests. The end-to-end tests run bin/parvande.js, which runs the bundle
 * (dist/parvande.cjs): a bundle older than the code it is made from would test yesterday's
 * program and could pass where today's fails. So when a file the bundle is made from is newer
 * than the bundle or its code cache, this rebuilds them with bin/build.mjs (esbuild and the
 * warm-up runs, a few seconds; no type check, so one file's type error does not stop every
 * test). When the bundle is current it costs a walk over the mtimes of src/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'dist', 'parvande.cjs');
const LOCK = join(ROOT, 'dist', '.build-lock');
/** What the bundle is made from: the sources, the build script, the installed packages. */
const INPUTS = [join(ROOT, 'bin', 'build.mjs'), join(ROOT, 'package-lock.json')];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isCurrent(): boolean {
  let built: number;
  try {
    built = Math.min(statSync(BUNDLE).mtimeMs, statSync(`${BUNDLE}.cache`).mtimeMs);
  } catch {
    return false;
  }
  return built >= Math.max(newest(join(ROOT, 'src')), ...INPUTS.map((f) => statSync(f).mtimeMs));
}

/** One build at a time: other test runs in this tree may be checking at the same moment. */
function withBuildLock(work: () => void): void {
  mkdirSync(dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // A lock older than any build is left over from a killed run.
      if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${LOCK} is held by another build; remove it if no build is running`);
      else spawnSync(process.execPath, ['-e', 'setTimeout(() => {}, 250)']);
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export default function setup(): void {
  if (isCurrent()) return;
  withBuildLock(() => {
    if (isCurrent()) return; // another run has just built it
    process.stderr.write('dist/parvande.cjs is older than src/: rebuilding it (bin/build.mjs)\n');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bin/build.mjs failed: the tests that run bin/parvande.js cannot run on a stale bundle');
  });
}
