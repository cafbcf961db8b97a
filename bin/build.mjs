#!/usr/bin/env node
// The second half of `npm run build` (the first is tsc, which checks the types and
// writes dist/ module by module for the test drivers and the benchmark):
//
// 1. esbuild bundles the program, with commander, the SQLite driver's JavaScript
//    (better-sqlite3-multiple-ciphers: plain and encrypted office files) and date-fns-jalali,
//    into one CommonJS file, dist/parvande.cjs, which bin/parvande.js loads: one
//    file to read instead of some ninety modules to find, resolve and link. The
//    other packages (exceljs, inquirer, chalk, iconv, cli-table3, cli-progress)
//    stay in node_modules and still load only on the paths that use them.
// 2. A few everyday commands run against a scratch office so that V8 keeps the
//    code it compiled for them: bin/parvande.js saves it to dist/parvande.cjs.cache
//    when PARVANDE_CODE_CACHE=write, and later runs start from it. The cache belongs
//    to this Node.js: V8 ignores it under another version (the program then compiles
//    as usual, a few milliseconds slower), and the next build makes a new one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const OUT = join(ROOT, 'dist', 'parvande.cjs');

/**
 * Packages inside the bundle: every command needs them. The rest load from node_modules when used.
 * date-fns-jalali is imported by named subpaths (src/lang/dates.ts), so only those functions come in.
 */
const BUNDLED = new Set(['commander', 'better-sqlite3-multiple-ciphers', 'date-fns-jalali']);

const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

const onlyCorePackages = {
  name: 'only-core-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || BUNDLED.has(packageName(args.path))) return undefined;
      // The driver finds its addon through `bindings` only when not told where it is (src/store/cipher.ts tells it).
      return { path: args.path, external: true };
    });
  },
};

// commander requires child_process at load time for subcommands kept in separate
// executables, which parvande never uses; loading it (with net and dgram) costs every run.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: `module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });`,
      loader: 'js',
    }));
  },
};

await build({
  entryPoints: [join(ROOT, 'src', 'main.ts')],
  outfile: OUT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // import() of the packages left outside becomes require(): a vm.Script (bin/parvande.js) has no
  // import() of its own, and Node.js from 20.19 requires ES modules (chalk, inquirer) as well.
  supported: { 'dynamic-import': false },
  // import.meta.url keeps its meaning: the bundle's own file.
  define: { 'import.meta.url': '__parvandeModuleUrl' },
  banner: { js: `const __parvandeModuleUrl = require('node:url').pathToFileURL(__filename).href;` },
  plugins: [onlyCorePackages, lazyChildProcess],
  logLevel: 'warning',
});

// Warm-up: each run starts from the cache the previous one saved and adds what it compiled.
const work = mkdtempSync(join(tmpdir(), 'parvande-build-'));
try {
  const db = join(work, 'warm.db');
  const runs = [
    ['--help'],
    ['report', 'monthly', '--help'],
    ['--db', db, 'init', '--office-code', 'WARM', '--office-name', 'warm-up office', '--county', 'کرج', '--province', 'البرز'],
    ['--db', db, 'client', 'add', '--first-name', 'زهرا', '--last-name', 'احمدی', '--sex', 'female', '--json'],
    ['--db', db, 'case', 'open', '--client', '1', '--channel', 'hotline', '--category', 'suicide', '--risk', 'high', '--json'],
    ['--db', db, 'service', 'log', '--case', '1', '--type', 'hotline-call', '--json'],
    ['--db', db, 'case', 'list', '--json'],
    ['--db', db, 'case', 'list'],
    ['--db', db, 'report', 'monthly', '--json'],
    ['--db', db, 'report', 'monthly'],
    ['--db', db, 'client', 'find', 'احمدی'],
  ];
  const env = { ...process.env, PARVANDE_CODE_CACHE: 'write', PARVANDE_TODAY: '2026-11-25', PARVANDE_USER: 'build' };
  delete env.PARVANDE_DB;
  rmSync(`${OUT}.cache`, { force: true });
  for (const args of runs) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'parvande.js'), ...args], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    // A refused warm-up command only leaves its paths out of the cache; a crash is a broken bundle.
    if (r.status === null || r.status >= 5) {
      throw new Error(`the bundled program failed on "parvande ${args.join(' ')}" (exit ${r.status ?? r.signal}): ${r.stderr}`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (!existsSync(`${OUT}.cache`)) throw new Error(`the warm-up runs saved no ${OUT}.cache`);
