/**
 * `--redact` on exports and reports: none of the planted names, national codes,
 * phones, addresses or notes in any format; each person a pseudonym (`P-` for a
 * client, `S-` for staff, 12 hex digits). An export's pseudonyms come from a key
 * made for it alone (unless --linkable --key-file), so two exports cannot be joined;
 * a report's come from the key the office's database holds (a settings row written
 * on first use, recorded in the audit trail), the same in every report of the office.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOffice, runCli, tempDb } from '../helpers/cli.js';
import { unzipParts } from '../faults/zip-parts.js';
import { PLANTED, plantedIn, plantOffice } from './planted.js';

const t = tempDb();
const db = t.db;
let caseNumber = '';
beforeAll(async () => {
  ({ caseNumber } = await plantOffice(db));
});
afterAll(() => t.cleanup());

const cli = (args: string[]) => runCli(['--db', db, ...args]);

/** A file's text: an XLSX's XML parts (shared strings and sheets), else the bytes as UTF-8. */
function fileText(path: string): string {
  const bytes = readFileSync(path);
  if (!path.endsWith('.xlsx')) return bytes.toString('utf8');
  return unzipParts(bytes)
    .map((p) => p.data.toString('utf8'))
    .join('\n');
}

async function exportTo(kind: string, ext: string, redact: boolean, name = `${kind}${redact ? '-redacted' : ''}${ext}`): Promise<string> {
  const out = join(t.dir, name);
  const r = await cli(['export', kind, '--out', out, ...(redact ? ['--redact'] : [])]);
  expect(r.code, r.stderr).toBe(0);
  // A redacted export of people's records says how many of them are unique on what it kept; nothing else.
  expect(r.stderr.split('\n').filter((l) => l !== '' && !/% of the \d+ records are unique on the columns kept/.test(l))).toEqual([]);
  return out;
}

const CLIENT = /P-[0-9a-f]{12}/g;
const STAFF = /S-[0-9a-f]{12}/g;
const pseudonymsIn = (text: string, re: RegExp): string[] => [...new Set(text.match(re) ?? [])].sort();

function settings(file: string): { key: string; value: string }[] {
  const d = new Database(file, { readonly: true });
  try {
    return d.prepare(`SELECT key, value FROM settings WHERE key LIKE 'privacy.%'`).all() as { key: string; value: string }[];
  } finally {
    d.close();
  }
}

describe('export --redact', () => {
  it('without --redact the export holds the planted values (the check below means something)', async () => {
    const text = fileText(await exportTo('clients', '.csv', false));
    expect(plantedIn(text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^first name/),
        expect.stringMatching(/^national code/),
        expect.stringMatching(/^mobile/),
        expect.stringMatching(/^address/),
      ]),
    );
  });

  for (const ext of ['.csv', '.xlsx', '.json']) {
    it(`${ext}: no planted value in any kind of record; people are pseudonyms`, async () => {
      const texts: Record<string, string> = {};
      for (const kind of ['clients', 'staff', 'cases', 'services', 'followups', 'centers']) {
        texts[kind] = fileText(await exportTo(kind, ext, true));
        expect(plantedIn(texts[kind] as string), `${kind}${ext}`).toEqual([]);
      }
      expect(pseudonymsIn(texts.clients as string, CLIENT)).toHaveLength(2);
      expect(pseudonymsIn(texts.staff as string, STAFF)).toHaveLength(1);
      expect(pseudonymsIn(texts.cases as string, CLIENT).length).toBeGreaterThan(0);
      expect(pseudonymsIn(texts.services as string, STAFF)).toHaveLength(1);
      // Record numbers of people are gone; case numbers too (they run in order of opening): each case a C- pseudonym.
      for (const kind of ['clients', 'staff', 'cases', 'services', 'followups']) expect(texts[kind], kind).not.toMatch(/PRV01:\d/);
      for (const kind of ['cases', 'services', 'followups']) expect(texts[kind], kind).not.toContain(caseNumber);
      expect(texts.cases).toMatch(/C-[0-9a-f]{12}/);
    });
  }

  it('the columns left out: names, national codes, birth dates, phones, addresses and notes', async () => {
    const header = (kind: string): string[] =>
      fileText(join(t.dir, `${kind}-redacted.csv`))
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        ?.split(',') ?? [];
    expect(header('clients')).toEqual(['id', 'sex', 'informal-settlement', 'woman-head', 'registered-on', 'merged-into']);
    expect(header('staff')).not.toEqual(expect.arrayContaining(['first-name', 'last-name', 'national-code', 'phone', 'membership-no']));
    expect(header('cases')).not.toContain('summary');
    expect(header('services')).not.toContain('note');
    expect(header('followups')).not.toEqual(expect.arrayContaining(['note', 'outcome']));
    const json = JSON.parse(fileText(join(t.dir, 'clients-redacted.json'))) as Record<string, unknown>[];
    expect(Object.keys(json[0] as object)).toEqual(['id', 'sex', 'informalSettlement', 'womanHead', 'registeredOn', 'mergedInto']);
    // Dates as their Jalali month.
    expect(json[0]).toMatchObject({
      id: expect.stringMatching(/^P-[0-9a-f]{12}$/),
      sex: 'female',
      registeredOn: expect.stringMatching(/^1\d{3}-\d{2}$/),
    });
  });

  it('each export has a key of its own: two exports cannot be joined, and no key is kept in the database', async () => {
    const before = settings(db);
    const first = fileText(join(t.dir, 'cases-redacted.csv'));
    const again = fileText(await exportTo('cases', '.csv', true, 'cases-again.csv'));
    expect(pseudonymsIn(again, CLIENT)).not.toEqual(pseudonymsIn(first, CLIENT));
    expect(pseudonymsIn(again, STAFF)).not.toEqual(pseudonymsIn(first, STAFF));
    expect(settings(db)).toEqual(before);
  });

  it('--linkable --key-file: the same pseudonyms run after run and file after file, from a key kept outside the database', async () => {
    const key = join(t.dir, 'province-study.key');
    const out = (name: string) => join(t.dir, name);
    const one = await cli(['export', 'cases', '--redact', '--linkable', '--key-file', key, '--out', out('l1.csv')]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/made the key file/);
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs');
      expect(statSync(key).mode & 0o777).toBe(0o600);
    }
    expect(readFileSync(key, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    const two = await cli(['export', 'cases', '--redact', '--linkable', '--key-file', key, '--out', out('l2.csv')]);
    expect(two.code, two.stderr).toBe(0);
    expect(fileText(out('l2.csv'))).toBe(fileText(out('l1.csv')));
    const services = await cli(['export', 'services', '--redact', '--linkable', '--key-file', key, '--out', out('l3.csv')]);
    expect(services.code).toBe(0);
    // The services name their cases by the cases file's pseudonyms.
    const cases = new Set(fileText(out('l1.csv')).match(/C-[0-9a-f]{12}/g));
    for (const c of fileText(out('l3.csv')).match(/C-[0-9a-f]{12}/g) ?? []) expect(cases.has(c)).toBe(true);
    // Refused: the key file as the database, a key file that is not a key, and the options apart.
    expect((await cli(['export', 'cases', '--redact', '--linkable', '--key-file', db])).code).toBe(2);
    expect((await cli(['export', 'cases', '--redact', '--linkable', '--key-file', join(t.dir, 'l1.csv')])).code).toBe(2);
    expect((await cli(['export', 'cases', '--redact', '--linkable'])).code).toBe(2);
    expect((await cli(['export', 'cases', '--linkable', '--key-file', key])).code).toBe(2);
    expect((await cli(['export', 'cases', '--redact', '--key-file', key])).code).toBe(2);
  });

  it('export office --redact: one key for the folder, so its files join; case numbers and dates coarsened', async () => {
    const dir = join(t.dir, 'office-redacted');
    const r = await cli(['export', 'office', '--redact', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const cases = fileText(join(dir, 'cases.csv'));
    const services = fileText(join(dir, 'services.csv'));
    expect(pseudonymsIn(services, STAFF).every((s) => pseudonymsIn(fileText(join(dir, 'staff.csv')), STAFF).includes(s))).toBe(true);
    expect(pseudonymsIn(cases, CLIENT).every((c) => pseudonymsIn(fileText(join(dir, 'clients.csv')), CLIENT).includes(c))).toBe(true);
    expect(cases).not.toContain(caseNumber);
    expect(cases).not.toMatch(/\d{4}-\d{2}-\d{2}|\d{4}\/\d{2}\/\d{2}/);
  });

  it('another office gives the same record another pseudonym', async () => {
    const other = tempDb();
    try {
      await initOffice(other.db, 'PRV01');
      const add = await runCli(['--db', other.db, 'client', 'add', '--first-name', 'Aa', '--last-name', 'Bb']);
      expect(add.code, add.stderr).toBe(0);
      const theirs = await runCli(['--db', other.db, '--json', 'export', 'clients', '--format', 'json', '--redact']);
      const ours = await cli(['--json', 'export', 'clients', '--format', 'json', '--redact']);
      const id = (r: { stdout: string }): string => (JSON.parse(r.stdout) as { id: string }[])[0]?.id ?? '';
      expect(id(theirs)).toMatch(/^P-[0-9a-f]{12}$/);
      expect(id(theirs)).not.toBe(id(ours));
    } finally {
      other.cleanup();
    }
  });

  it('a redacted export does not import back (no names): the import refuses it and stores nothing', async () => {
    const r = await cli(['import', 'clients', join(t.dir, 'clients-redacted.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/first-name/);
  });
});

describe('report --redact', () => {
  /** The caseload of the workers (the entry with id null counts the cases nobody is assigned to). */
  const workerOf = (report: any): { id: number | null; name: string | null }[] =>
    (report.cases.byWorker as { id: number | null; name: string | null }[]).filter((w) => w.id !== null);

  it('without --redact the caseload names the worker (the check below means something)', async () => {
    const r = await cli(['--json', 'report', 'monthly']);
    expect(r.code, r.stderr).toBe(0);
    expect(workerOf(r.json())).toEqual([expect.objectContaining({ id: 1, name: `${PLANTED.staffFirst} ${PLANTED.staffLast}` })]);
  });

  it('monthly, year and range: workers as pseudonyms, the same in every report and format of the office', async () => {
    const monthly = await cli(['--json', 'report', 'monthly', '--redact']);
    expect(monthly.code, monthly.stderr).toBe(0);
    const staff = pseudonymsIn(monthly.stdout, STAFF);
    expect(staff).toHaveLength(1);
    expect(plantedIn(monthly.stdout)).toEqual([]);
    expect(workerOf(monthly.json())).toEqual([expect.objectContaining({ id: 1, name: staff[0] })]);
    // The year to date is a comparison column: its lists by worker are the range report's (docs/json.md).
    expect(workerOf(monthly.json().yearToDate)).toEqual([]);
    const ytd = await cli(['--json', 'report', 'range', '--from', '1405/01/01', '--to', '1405/09/30', '--redact']);
    expect(workerOf(ytd.json())).toEqual([expect.objectContaining({ name: staff[0] })]);
    const year = await cli(['--json', 'report', 'year', '--redact']);
    expect(plantedIn(year.stdout)).toEqual([]);
    expect(pseudonymsIn(year.stdout, STAFF)).toEqual(staff);
    const range = await cli(['--json', 'report', 'range', '--from', '1405/09/01', '--to', '1405/09/30', '--redact']);
    expect(plantedIn(range.stdout)).toEqual([]);
    expect(pseudonymsIn(range.stdout, STAFF)).toEqual(staff);
    const table = await cli(['report', 'monthly', '--redact']);
    expect(table.code, table.stderr).toBe(0);
    expect(plantedIn(table.stdout + table.stderr)).toEqual([]);
    expect(table.stdout).toContain(staff[0]);
    for (const ext of ['csv', 'html', 'xlsx']) {
      const out = join(t.dir, `monthly-redacted.${ext}`);
      const r = await cli(['report', 'monthly', '--format', ext, '--out', out, '--redact']);
      expect(r.code, r.stderr).toBe(0);
      const text = fileText(out);
      expect(plantedIn(text), ext).toEqual([]);
      expect(text, ext).toContain(staff[0]);
    }
  });

  it('nightly --redact: none of the three files names a worker; stable across runs', async () => {
    const dir = join(t.dir, 'nightly-redacted');
    const once = await cli(['report', 'nightly', '--dir', dir, '--redact']);
    expect(once.code, once.stderr).toBe(0);
    expect(plantedIn(once.stdout + once.stderr)).toEqual([]);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    const texts = files.map((f) => fileText(join(dir, f)));
    for (const [i, text] of texts.entries()) expect(plantedIn(text), files[i]).toEqual([]);
    expect(pseudonymsIn(texts.join('\n'), STAFF)).toEqual(
      pseudonymsIn((await cli(['--json', 'report', 'monthly', '--redact'])).stdout, STAFF),
    );
    const twice = await cli(['report', 'nightly', '--dir', dir, '--redact']);
    expect(twice.code, twice.stderr).toBe(0);
    expect(
      pseudonymsIn(
        readdirSync(dir)
          .map((f) => fileText(join(dir, f)))
          .join('\n'),
        STAFF,
      ),
    ).toEqual(pseudonymsIn(texts.join('\n'), STAFF));
  });

  it('an office that never redacted: the first redacted report writes its key once, later ones read it', async () => {
    const fresh = tempDb();
    try {
      await plantOffice(fresh.db, 'PRV02');
      expect(settings(fresh.db)).toEqual([]);
      const r = await runCli(['--db', fresh.db, '--json', 'report', 'monthly', '--redact']);
      expect(r.code, r.stderr).toBe(0);
      expect(plantedIn(r.stdout)).toEqual([]);
      expect(settings(fresh.db)).toHaveLength(1);
      const key = settings(fresh.db);
      const again = await runCli(['--db', fresh.db, '--json', 'report', 'monthly', '--redact']);
      expect(again.stdout).toBe(r.stdout);
      expect(settings(fresh.db)).toEqual(key);
    } finally {
      fresh.cleanup();
    }
  });

  it("the roll-up of two offices: each office's workers under that office's own pseudonyms", async () => {
    const second = tempDb();
    try {
      await plantOffice(second.db, 'PRV03');
      const r = await runCli(['--db', db, '--db', second.db, '--json', 'report', 'monthly', '--redact']);
      expect(r.code, r.stderr).toBe(0);
      expect(plantedIn(r.stdout)).toEqual([]);
      const rollup = r.json();
      const ours = pseudonymsIn((await cli(['--json', 'report', 'monthly', '--redact'])).stdout, STAFF);
      expect(workerOf(rollup.byOffice.PRV01).map((w) => w.name)).toEqual(ours);
      const theirs = workerOf(rollup.byOffice.PRV03).map((w) => w.name);
      expect(theirs).toEqual([expect.stringMatching(/^S-[0-9a-f]{12}$/)]);
      expect(theirs).not.toEqual(ours);
      expect(settings(second.db)).toHaveLength(1);
    } finally {
      second.cleanup();
    }
  });
});
