#!/usr/bin/env node
// Part of `npm run docs`: writes docs/json-schemas/<group>.<command>.json (and error.json)
// from the zod schemas of the --json contract (src/contracts/). With --check it writes
// nothing and exits 1 when a file is missing, stale or left over.
//
// The contract is TypeScript that the program never loads, so it is bundled here on its
// own with esbuild (zod stays a package) rather than taken from a whole `tsc` build.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIR = join(ROOT, 'docs', 'json-schemas');
const check = process.argv.includes('--check');

// Inside the project, so that `zod` resolves from its node_modules.
const bundle = join(ROOT, 'node_modules', '.cache', 'parvande', `json-schemas-${process.pid}.mjs`);
mkdirSync(dirname(bundle), { recursive: true });
let files;
try {
  await build({
    entryPoints: [join(ROOT, 'src', 'contracts', 'json-schema.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  files = (await import(pathToFileURL(bundle).href)).jsonSchemaFiles();
} finally {
  rmSync(bundle, { force: true });
}

const wanted = new Map(files.map((f) => [f.name, f.text]));
const present = readdirSync(DIR, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.json'))
  .map((e) => e.name);
const read = (name) => readFileSync(join(DIR, name), 'utf8');
const stale = [...wanted].filter(([name, text]) => !present.includes(name) || read(name) !== text).map(([name]) => name);
const extra = present.filter((name) => !wanted.has(name));

if (check) {
  for (const name of stale) console.error(`stale or missing: docs/json-schemas/${name}`);
  for (const name of extra) console.error(`no such command: docs/json-schemas/${name}`);
  if (stale.length + extra.length > 0) {
    console.error('run: npm run docs');
    process.exit(1);
  }
} else {
  for (const name of stale) writeFileSync(join(DIR, name), wanted.get(name));
  for (const name of extra) rmSync(join(DIR, name));
  console.log(`docs/json-schemas: ${wanted.size} schemas, ${stale.length} written, ${extra.length} removed`);
}
