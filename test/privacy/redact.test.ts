/**
 * `--redact` on exports and reports: none of the planted names, national codes,
 * phones, addresses or notes in any format; each person a pseudonym (`P-` for a
 * client, `S-` for staff, 12 hex digits) that is the same in every file and run
 * of this office, differs between offices, and is made from a key the office's
 * database holds (a settings row written on first use, recorded in the audit trail).
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
  expect(r.stderr).toBe('');
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
      const clients = pseudonymsIn(texts.clients as string, CLIENT);
      const staff = pseudonymsIn(texts.staff as string, STAFF);
      expect(clients).toHaveLength(2);
      expect(staff).toHaveLength(1);
      // The cases name their clients and worker by the same pseudonyms; services and follow-ups their worker.
      expect(pseudonymsIn(texts.cases as string, CLIENT)).toEqual(clients);
      expect(pseudonymsIn(texts.cases as string, STAFF)).toEqual(staff);
      expect(pseudonymsIn(texts.services as string, STAFF)).toEqual(staff);
      expect(pseudonymsIn(texts.followups as string, STAFF)).toEqual(staff);
      // Record numbers of people are gone; case numbers (no personal data) stay.
      expect(texts.clients).not.toMatch(/PRV01:\d/);
      expect(texts.staff).not.toMatch(/PRV01:\d/);
      expect(texts.cases).toContain(caseNumber);
    });
  }

  it('the columns left out: names, national codes, birth dates, phones, addresses and notes', async () => {
    const header = (kind: string): string[] =>
      fileText(join(t.dir, `${kind}-redacted.csv`))
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        ?.split(',') ?? [];
    expect(header('clients')).toEqual([
      'id',
      'sex',
      'county',
      'informal-settlement',
      'woman-head',
      'registered-on',
      'registered-on-jalali',
      'merged-into',
    ]);
    expect(header('staff')).not.toEqual(expect.arrayContaining(['first-name', 'last-name', 'national-code', 'phone', 'membership-no']));
    expect(header('cases')).not.toContain('summary');
    expect(header('services')).not.toContain('note');
    expect(header('followups')).not.toEqual(expect.arrayContaining(['note', 'outcome']));
    const json = JSON.parse(fileText(join(t.dir, 'clients-redacted.json'))) as Record<string, unknown>[];
    expect(Object.keys(json[0] as object)).toEqual([
      'id',
      'sex',
      'county',
      'informalSettlement',
      'womanHead',
      'registeredOn',
      'mergedInto',
    ]);
    expect(json[0]).toMatchObject({ id: expect.stringMatching(/^P-[0-9a-f]{12}$/), sex: 'female', county: 'کرج' });
  });

  it('pseudonyms are stable across runs and formats; the key is made once, and recorded in the audit trail', async () => {
    const first = fileText(join(t.dir, 'cases-redacted.csv'));
    const again = fileText(await exportTo('cases', '.csv', true, 'cases-again.csv'));
    expect(again).toBe(first);
    const json = JSON.parse(fileText(join(t.dir, 'cases-redacted.json'))) as {
      caseNumber: string;
      clientId: string;
      workerId: string | null;
    }[];
    const planted = json.find((c) => c.caseNumber === caseNumber);
    expect(first).toContain(`${planted?.clientId}`);
    expect(first).toContain(`${planted?.workerId}`);
    const keys = settings(db);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.key).toBe('privacy.redaction-key');
    expect(keys[0]?.value).toMatch(/^[0-9a-f]{64}$/);
    const audit = await cli(['--json', 'audit', 'list', '--record', 'setting']);
    expect(
      audit.json<{ action: string; recordId: string; command: string }[]>().filter((a) => a.recordId === 'privacy.redaction-key'),
    ).toEqual([expect.objectContaining({ action: 'create', command: 'export' })]);
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

  it('monthly, year and range: workers as pseudonyms, the same as in redacted exports, in every format', async () => {
    const staff = pseudonymsIn(fileText(join(t.dir, 'staff-redacted.csv')), STAFF);
    const monthly = await cli(['--json', 'report', 'monthly', '--redact']);
    expect(monthly.code, monthly.stderr).toBe(0);
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
    expect(pseudonymsIn(texts.join('\n'), STAFF)).toEqual(pseudonymsIn(fileText(join(t.dir, 'staff-redacted.csv')), STAFF));
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
      const ours = pseudonymsIn(fileText(join(t.dir, 'staff-redacted.csv')), STAFF);
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
