// Runs the whole vitest suite and ends with one plain line, "Tests: N passed, N failed, N skipped",
// so any CI can read the result; the exit code is vitest's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'parvande-suite-'));
const report = join(dir, 'results.json');
const vitest = join('node_modules', 'vitest', 'vitest.mjs');
// --fast: the working loop (test/vitest.config.ts leaves out the timed and the slowest suites).
const fast = process.argv.includes('--fast');
const r = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...process.argv.slice(2).filter((a) => a !== '--fast'),
  ],
  { stdio: 'inherit', env: fast ? { ...process.env, PARVANDE_FAST: '1' } : process.env },
);
let code = r.status ?? 1;
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  console.log(`\nTests: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${skipped} skipped`);
  if (j.numTotalTests === 0) code = code || 1;
} else {
  console.log('\nTests: 0 passed, 1 failed');
  code = code || 1;
}
rmSync(dir, { recursive: true, force: true });
process.exit(code);
