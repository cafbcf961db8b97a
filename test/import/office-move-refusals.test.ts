/**
 * What `export office` and `import office` refuse, each with its exit code, one line that
 * names no person, and nothing changed: a folder that is not empty, the database or a link
 * as the folder; a file missing from the folder, a file changed since the export (a formula
 * planted in a cell included), a manifest of another office, an office that is not empty, a
 * redacted export, a refused row.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli, tempDb, type CliResult } from '../helpers/cli.js';
import { dumpDb, oneLine, query } from '../helpers/office.js';

const env = { PARVANDE_TODAY: '2026-11-25' };
const t = tempDb('from.db');
const folder = join(t.dir, 'office');
const NAME = 'شهرزاد';
const NOTE = '=HYPERLINK("http://evil","x")';
let n = 0;

const cli = (db: string, args: string[]): Promise<CliResult> => runCli(['--db', db, ...args], env);
async function ok<T = any>(db: string, args: string[]): Promise<T> {
  const r = await cli(db, [...args, '--json']);
  if (r.code !== 0) throw new Error(`parvande ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.json<T>();
}

/** A new empty office of the given code, in its own file. */
async function emptyOffice(code = 'BAD01'): Promise<string> {
  const db = join(t.dir, `to-${++n}.db`);
  await ok(db, ['init', '--office-code', code, '--office-name', 'دفتر']);
  return db;
}

/** A copy of the exported folder to spoil. */
function copyOfFolder(): string {
  const copy = join(t.dir, `copy-${++n}`);
  cpSync(folder, copy, { recursive: true });
  return copy;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Rewrites a file of the folder and, as someone covering their tracks would, its checksum in the manifest. */
function forge(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  for (const f of manifest.files) if (f.file === file) f.sha256 = sha256(path);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/** Runs a refused import: its exit code and one line, nothing changed in the office, no planted value repeated. */
async function refused(db: string, dir: string, code: number, extra: string[] = []): Promise<string> {
  const before = dumpDb(db);
  const r = await cli(db, ['import', 'office', dir, ...extra]);
  expect(r.code).toBe(code);
  const line = oneLine(r);
  expect(line).not.toContain(NAME);
  expect(line).not.toContain('HYPERLINK');
  expect(dumpDb(db)).toBe(before);
  return line;
}

beforeAll(async () => {
  await ok(t.db, ['init', '--office-code', 'BAD01', '--office-name', 'دفتر آزمون']);
  const client = await ok(t.db, [
    'client',
    'add',
    '--first-name',
    NAME,
    '--last-name',
    'کاظمی',
    '--notes',
    NOTE,
    '--birth-date',
    '1370/01/01',
  ]);
  const kase = await ok(t.db, [
    'case',
    'open',
    '--client',
    String(client.id),
    '--channel',
    'hotline',
    '--category',
    'suicide',
    '--risk',
    'high',
  ]);
  await ok(t.db, ['service', 'log', '--case', kase.caseNumber, '--type', 'crisis-intervention']);
  await ok(t.db, ['export', 'office', '--out', folder]);
});

afterAll(() => t.cleanup());

describe('import office refuses, and changes nothing', () => {
  test('the exported folder imports (the control for every refusal below)', async () => {
    const db = await emptyOffice();
    const r = await ok(db, ['import', 'office', folder]);
    expect(r.committed).toBe(true);
    expect(query(db, `SELECT notes FROM clients`)).toEqual([{ notes: NOTE }]);
  });

  test('a file missing from the folder: exit 2, naming the file', async () => {
    const dir = copyOfFolder();
    rmSync(join(dir, 'services.csv'));
    expect(await refused(await emptyOffice(), dir, 2)).toBe(
      `error: ${join(dir, 'services.csv')} is missing: the folder is not the whole export; copy it again`,
    );
  });

  test('a file changed since the export: exit 2, its checksum', async () => {
    const dir = copyOfFolder();
    const path = join(dir, 'clients.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('کاظمی', 'کاظمي'));
    expect(await refused(await emptyOffice(), dir, 2)).toContain(
      `clients.csv has changed since the export (its SHA-256 differs from the manifest's): nothing was imported; copy the export again`,
    );
  });

  test('a formula planted in a cell is a change: refused by the checksum', async () => {
    const dir = copyOfFolder();
    const path = join(dir, 'clients.csv');
    const text = readFileSync(path, 'utf8');
    // The export wrote the note neutralised (one apostrophe before the =); a planted cell has none.
    expect(text).toContain(`"'${NOTE.replaceAll('"', '""')}"`);
    writeFileSync(path, text.replace(`"'=HYPERLINK`, `"=HYPERLINK`));
    expect(await refused(await emptyOffice(), dir, 2)).toContain('clients.csv has changed since the export');
  });

  test('a formula planted with a forged checksum is stored as the text it is, and neutralised again by any CSV export', async () => {
    const dir = copyOfFolder();
    forge(dir, 'clients.csv', (text) => text.replace(`"'=HYPERLINK`, `"=HYPERLINK`));
    const db = await emptyOffice();
    await ok(db, ['import', 'office', dir]);
    expect(query(db, `SELECT notes FROM clients`)).toEqual([{ notes: NOTE }]);
    const again = await cli(db, ['export', 'clients']);
    expect(again.stdout).toContain(`"'${NOTE.replaceAll('"', '""')}"`);
  });

  test('a manifest of another office code: exit 4', async () => {
    expect(await refused(await emptyOffice('OTHR1'), folder, 4)).toBe(
      `error: ${folder} is an export of office BAD01, this is office OTHR1: import office needs a new office of the same code (parvande init --office-code BAD01)`,
    );
  });

  test('an office that holds records: exit 4', async () => {
    const db = await emptyOffice();
    await ok(db, ['center', 'add', '--name', 'مرکز', '--kind', 'social-emergency', '--sector', 'gov']);
    expect(await refused(db, folder, 4)).toBe(
      'error: this office already holds records (centers): import office moves an office into an empty one; nothing was imported',
    );
  });

  test('a refused row refuses the move: exit 2, file, row and column, never the value', async () => {
    const dir = copyOfFolder();
    forge(dir, 'clients.csv', (text) => text.replace('1991-03-21', '2991-03-21'));
    const line = await refused(await emptyOffice(), dir, 2);
    expect(line).toMatch(/^error: .*clients\.csv row 2, column birth-date: .*; nothing was imported$/);
  });

  test('a row refused in the last files (the timeline, the settings) undoes every kind stored before it', async () => {
    const dir = copyOfFolder();
    forge(dir, 'case-events.csv', (text) => text.replace(',opened,', ',invented,'));
    expect(await refused(await emptyOffice(), dir, 2)).toMatch(/case-events\.csv row 2, column kind: invalid kind: expected one of /);
    const other = copyOfFolder();
    forge(other, 'settings.csv', (text) => `${text}../../etc,x,2026-11-25T00:00:00.000Z\r\n`);
    const manifest = JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8'));
    for (const f of manifest.files) if (f.kind === 'settings') f.rows += 1;
    writeFileSync(join(other, 'manifest.json'), JSON.stringify(manifest));
    expect(await refused(await emptyOffice(), other, 2)).toMatch(/settings\.csv row \d+, column key: invalid key/);
  });

  test('a file replaced by a link, a manifest naming a file outside the folder, twice, or from a newer parvande: exit 2', async () => {
    const db = await emptyOffice();
    const linked = copyOfFolder();
    rmSync(join(linked, 'services.csv'));
    symlinkSync(join(folder, 'services.csv'), join(linked, 'services.csv'));
    expect(await refused(db, linked, 2)).toContain('services.csv is not a plain file');
    const edit = (change: (m: any) => void): string => {
      const dir = copyOfFolder();
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      change(m);
      writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
      return dir;
    };
    const outside = edit((m) => {
      m.files[0].file = '../centers.csv';
    });
    expect(await refused(db, outside, 2)).toContain("its file list is not one export's");
    const twice = edit((m) => m.files.push(m.files[0]));
    expect(await refused(db, twice, 2)).toContain("its file list is not one export's");
    const unknown = edit((m) => m.files.push({ kind: 'letters', file: 'letters.csv', rows: 0, sha256: '0'.repeat(64) }));
    expect(await refused(db, unknown, 2)).toContain('lists a kind of record this version does not know: upgrade parvande');
    const newer = edit((m) => {
      m.schemaVersion = 999;
    });
    expect(await refused(db, newer, 2)).toContain('was written by a newer parvande (schema 999');
  });

  test('a folder with no manifest, a damaged manifest, a file as the folder: exit 2', async () => {
    const db = await emptyOffice();
    const dir = copyOfFolder();
    rmSync(join(dir, 'manifest.json'));
    expect(await refused(db, dir, 2)).toContain('has no manifest.json');
    writeFileSync(join(dir, 'manifest.json'), '{"format":"parvande-office","version":1}');
    expect(await refused(db, dir, 2)).toContain('manifest.json in');
    expect(await refused(db, join(folder, 'clients.csv'), 2)).toContain('is not a folder');
  });

  test('a redacted export does not import back: exit 2', async () => {
    const dir = join(t.dir, 'redacted');
    const r = await ok(t.db, ['export', 'office', '--out', dir, '--redact']);
    expect(r.redacted).toBe(true);
    expect(readdirSync(dir)).not.toContain('settings.csv');
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f), 'utf8')).not.toContain(NAME);
    expect(await refused(await emptyOffice(), dir, 2)).toContain('is a redacted export');
  });

  test('options that read a spreadsheet do not apply: exit 2', async () => {
    expect(await refused(await emptyOffice(), folder, 2, ['--map', 'a=b'])).toBe('error: --map does not apply to office');
    expect(await refused(await emptyOffice(), folder, 2, ['--encoding', 'utf8'])).toContain('--encoding does not apply to office');
  });

  test('--dry-run reads and checks everything, and writes nothing', async () => {
    const db = await emptyOffice();
    const before = dumpDb(db);
    const r = await ok(db, ['import', 'office', folder, '--dry-run']);
    expect(r).toMatchObject({ dryRun: true, committed: false, rows: expect.any(Number) });
    expect(dumpDb(db)).toBe(before);
  });
});

describe('export office writes a folder through the output rules', () => {
  test('a new folder is owner-only, its files too; the manifest lists each file with its rows and SHA-256', () => {
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'parvande-office', version: 1, office: { code: 'BAD01' }, redacted: false });
    for (const f of manifest.files) {
      expect(statSync(join(folder, f.file)).mode & 0o777).toBe(0o600);
      expect(sha256(join(folder, f.file))).toBe(f.sha256);
    }
    expect(manifest.files.find((f: { kind: string }) => f.kind === 'clients').rows).toBe(1);
  });

  test('a folder that is not empty needs --force; then only the export files are replaced', async () => {
    const dir = join(t.dir, 'busy');
    mkdirSync(dir);
    writeFileSync(join(dir, 'letter.txt'), 'keep me');
    const r = await cli(t.db, ['export', 'office', '--out', dir]);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe(
      `error: cannot write into ${dir}: the folder is not empty; add --force to write into it (only the export's own files are replaced)`,
    );
    expect(readdirSync(dir)).toEqual(['letter.txt']);
    await ok(t.db, ['export', 'office', '--out', dir, '--force']);
    expect(readFileSync(join(dir, 'letter.txt'), 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toContain('manifest.json');
  });

  test('the database, a file, or a link as the folder is refused; so is a link to the database inside it', async () => {
    const asDb = await cli(t.db, ['export', 'office', '--out', t.db, '--force']);
    expect(asDb.code).toBe(2);
    expect(oneLine(asDb)).toBe(`error: cannot write into ${t.db}: it is a file, not a folder; nothing was written`);
    const link = join(t.dir, 'link');
    symlinkSync(folder, link);
    const viaLink = await cli(t.db, ['export', 'office', '--out', link, '--force']);
    expect(viaLink.code).toBe(2);
    expect(oneLine(viaLink)).toContain('it is a symbolic link');
    const trap = join(t.dir, 'trap');
    mkdirSync(trap);
    symlinkSync(t.db, join(trap, 'clients.csv'));
    const before = readFileSync(t.db);
    const trapped = await cli(t.db, ['export', 'office', '--out', trap, '--force']);
    expect(trapped.code).toBe(2);
    expect(oneLine(trapped)).toContain('it is the database in use');
    expect(readFileSync(t.db).equals(before)).toBe(true);
  });

  test('no --out, --out -, another format or a date range: exit 2', async () => {
    for (const args of [
      [],
      ['--out', '-'],
      ['--out', join(t.dir, 'x'), '--format', 'xlsx'],
      ['--out', join(t.dir, 'y'), '--from', '1405/01/01'],
    ]) {
      const r = await cli(t.db, ['export', 'office', ...args]);
      expect(r.code).toBe(2);
      oneLine(r);
    }
    expect(readdirSync(t.dir)).not.toContain('x');
  });
});
