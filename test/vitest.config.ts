import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Suites whose kills and races are timed against how long a command takes: beside another
 * suite on a 2-core machine the timings drift (kill.test.ts then finds every kill landing after
 * its command had finished). They run after the others, one at a time, as with a single worker.
 */
const TIMED = ['test/hardening/kill.test.ts', 'test/faults/kill-import.test.ts', 'test/import/kill.test.ts', 'test/hardening/load.test.ts'];

/**
 * `npm run test:fast` (test/run-suite.mjs --fast sets PARVANDE_FAST): the loop while working leaves
 * out the timed suites and the slowest of the others, which the whole suite (CI) runs: the model
 * test, the terminal pickers, the hardening backups, the privacy refusal scan, the fuzzers, the
 * 80-column pane and the encryption kill test.
 */
const SLOW = [
  'test/hardening/model.test.ts',
  'test/e2e/pickers-terminal.test.ts',
  'test/hardening/backup.test.ts',
  'test/privacy/refusal-scan.test.ts',
  'test/hardening/fuzz-args.test.ts',
  'test/terminal/eighty-columns.test.ts',
  'test/commands/encrypt-kill.test.ts',
];
const fast = process.env.PARVANDE_FAST === '1';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  // Tests that read or lock an office file in the test's own process use the program's own SQLite
  // (better-sqlite3-multiple-ciphers, src/store/cipher.ts): two copies of SQLite in one process do
  // not see each other's locks (POSIX advisory locks belong to the process), so a lock held through
  // better-sqlite3 would be invisible to the command under test. Child processes keep better-sqlite3.
  resolve: { alias: [{ find: /^better-sqlite3$/, replacement: 'better-sqlite3-multiple-ciphers' }] },
  test: {
    pool: 'forks',
    // Every core: vitest's default (cores − 1) is one worker on the 2-core machines this runs on.
    maxWorkers: availableParallelism(),
    // Rebuilds dist/parvande.cjs first when it is older than src/ (the end-to-end tests run it).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Fixed office date and zone-independent runs; individual tests override these.
    // PARVANDE_CONFIG: a settings file that is not there (in a folder that is not there either), so that the
    // tester's own `parvande config` never changes what a test sees; the config tests name their own.
    env: {
      NO_COLOR: '1',
      PARVANDE_TODAY: '2026-11-25',
      TZ: 'Asia/Tehran',
      PARVANDE_CONFIG: join(tmpdir(), 'parvande-tests-no-settings', 'config.json'),
      // `--open` (a list as a web page) starts this instead of the browser: no test opens a window,
      // whatever option a fuzzer picks; the page tests name a script that records its arguments.
      PARVANDE_OPENER: 'true',
    },
    projects: [
      {
        extends: true,
        test: { name: 'main', include: ['test/**/*.test.ts'], exclude: fast ? [...TIMED, ...SLOW] : TIMED, sequence: { groupOrder: 0 } },
      },
      ...(fast ? [] : [{ extends: true as const, test: { name: 'timed', include: TIMED, maxWorkers: 1, sequence: { groupOrder: 1 } } }]),
    ],
  },
});
