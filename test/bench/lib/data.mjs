// The benchmark's data: built once into a folder under the OS temp dir, keyed by what
// produced it (the generator, fixtures, schema and sizes), and reused while that key holds.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, benchEnv, parvande, round } from './proc.mjs';

const MARKER = '.parvande-bench';

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

/** The cache folder for these sizes; other (stale) bench caches are removed. */
export function cacheDir(sizes) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(sizes));
  hash.update(String(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version));
  for (const dir of ['dist/domain/demo', 'dist/store/migrations', 'fixtures/demo']) {
    for (const f of filesUnder(join(ROOT, dir))) hash.update(f.slice(ROOT.length)).update(readFileSync(f));
  }
  for (const f of ['dist/store/demo.js']) hash.update(readFileSync(join(ROOT, f)));
  const key = hash.digest('hex').slice(0, 12);
  const dir = join(tmpdir(), `parvande-bench-${sizes.mode}-${key}`);
  for (const name of readdirSync(tmpdir())) {
    const other = join(tmpdir(), name);
    if (name.startsWith(`parvande-bench-${sizes.mode}-`) && other !== dir && existsSync(join(other, MARKER))) {
      rmSync(other, { recursive: true, force: true });
    }
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'benchmark cache: safe to delete\n');
  return dir;
}

function readMeta(dir) {
  const file = join(dir, 'meta.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

function writeMeta(dir, meta) {
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
}

/** Local calendar date, as the CLI's "today". */
function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A demo office of the given size in the cache (built through `parvande demo`, timed).
 * The day it was built for is kept: every timed command runs with PARVANDE_TODAY set to it,
 * so "this month" always has data.
 */
export function demoOffice(dir, name, { years, scale, minimum }, log) {
  const meta = readMeta(dir);
  const path = join(dir, `${name}.db`);
  if (meta[name] !== undefined && existsSync(path)) {
    log(`  reusing ${path}`);
    return { path, ...meta[name], reused: true };
  }
  const today = meta.today ?? localToday();
  const partial = join(dir, `${name}.partial.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(partial + s, { force: true });
  log(`  building ${path}: parvande demo --years ${years} --scale ${scale} …`);
  const r = parvande(['--db', partial, '--json', 'demo', '--years', String(years), '--scale', String(scale)], {
    env: benchEnv({ PARVANDE_TODAY: today }),
  });
  const result = JSON.parse(r.stdout);
  for (const [key, least] of Object.entries(minimum ?? {})) {
    if (result.counts[key] < least)
      throw new Error(`${name}: ${result.counts[key]} ${key}, fewer than the ${least} the benchmark needs; raise its scale`);
  }
  renameSync(partial, path);
  const entry = {
    years,
    scale,
    counts: result.counts,
    buildSeconds: round(r.ms / 1000, 1),
    megabytes: round(statSync(path).size / 2 ** 20, 0),
  };
  writeMeta(dir, { ...readMeta(dir), today, [name]: entry });
  log(
    `  built in ${entry.buildSeconds} s: ${result.counts.services.toLocaleString('en-US')} services, ${result.counts.cases.toLocaleString('en-US')} cases, ${entry.megabytes} MB`,
  );
  return { path, ...entry, reused: false };
}

/** The owner-only key file the encrypted contenders are opened with (PARVANDE_KEY_FILE): a made-up passphrase. */
export function benchKeyFile(dir) {
  const file = join(dir, 'bench.key');
  if (!existsSync(file)) writeFileSync(file, 'benchmark passphrase, not a secret\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

/**
 * The same office encrypted (`parvande db encrypt` of a copy), kept in the cache beside the
 * plain one: the encrypted contenders read exactly the plain contenders' rows.
 */
export function encryptedOffice(dir, office, log) {
  const path = office.path.replace(/\.db$/, '-encrypted.db');
  if (existsSync(path)) {
    log(`  reusing ${path}`);
    return { ...office, path, reused: true };
  }
  const partial = path.replace(/\.db$/, '.partial.db');
  for (const s of ['', '-wal', '-shm']) rmSync(partial + s, { force: true });
  copyFileSync(office.path, partial);
  log(`  encrypting a copy of ${office.path} …`);
  const r = parvande(['--db', partial, 'db', 'encrypt'], { env: benchEnv({ PARVANDE_KEY_FILE: benchKeyFile(dir) }) });
  renameSync(partial, path);
  log(`  encrypted in ${round(r.ms / 1000, 1)} s`);
  return { ...office, path, encryptSeconds: round(r.ms / 1000, 1), reused: false };
}

export function benchToday(dir) {
  return readMeta(dir).today;
}

/**
 * A UTF-8 clients CSV of `rows` valid rows (unique national codes that pass the
 * checksum, ISO birth dates, 09… mobiles), made with the demo generator's own helpers.
 */
export async function clientsCsv(dir, rows, log) {
  const path = join(dir, `clients-${rows}.csv`);
  if (existsSync(path)) return path;
  const dist = (p) => import(pathToFileURL(join(ROOT, 'dist', p)).href);
  const { Rng } = await dist('domain/demo/random.js');
  const { nationalCodeFor } = await dist('domain/demo/people.js');
  const { loadDemoFixtures } = await dist('domain/demo/fixtures.js');
  const fx = loadDemoFixtures();
  const rng = new Rng(rows);
  log(`  writing ${path} …`);
  const partial = `${path}.partial`;
  const out = createWriteStream(partial, { encoding: 'utf8' });
  const write = (s) => (out.write(s) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  await write('first_name,last_name,national_code,birth_date,sex,mobile,county\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const sex = rng.chance(0.6) ? 'female' : 'male';
    const birth = `${rng.int(1940, 2020)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const mobile = `09${rng.pick(['12', '13', '19', '35', '36', '01', '90'])}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`;
    // Far from the demo office's own codes (which count up from 1).
    chunk += `${rng.pick(fx.names[sex])},${rng.pick(fx.names.last)},${nationalCodeFor(100_000_000 + i)},${birth},${sex},${mobile},${rng.pick([fx.places.county, ...fx.places.neighbouringCounties])}\n`;
    if (i % 10_000 === 0 || i === rows) {
      await write(chunk);
      chunk = '';
    }
  }
  await new Promise((resolve, reject) => out.end((err) => (err ? reject(err) : resolve())));
  renameSync(partial, path);
  return path;
}
