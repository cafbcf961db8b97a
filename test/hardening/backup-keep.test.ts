/**
 * `db backup --keep N` (issue #13), run as the scheduled task runs it (the built bin): the
 * newest N backups of this office stay, older ones go, and nothing else in the folder is ever
 * removed: not a file that only looks like a backup, not another office's backup (whatever its
 * name), not a symlink nor what it points to, not a hard link to the database, not the backup
 * just written. --keep 0 (or no number) is refused before anything is written.
 */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOffice, runBin, tempDb } from '../helpers/cli.js';
import { dumpDb, query } from '../helpers/office.js';

const t = tempDb();
const other = join(t.dir, 'other', 'other.db');
const backups = join(t.dir, 'backups');
const posix = process.platform !== 'win32';
const env = { PARVANDE_USER: 'backup-task' };
/** A real backup of this office and one of another office, to copy under any name. */
let ownBackup = '';
let otherBackup = '';

beforeAll(async () => {
  await initOffice(t.db, 'KEP01');
  mkdirSync(join(t.dir, 'other'));
  await initOffice(other, 'OTH01');
  const own = await runBin(['--db', t.db, 'db', 'backup', '--out', join(t.dir, 'own-template.db'), '--json'], { env });
  expect(own.code, own.stderr).toBe(0);
  ownBackup = own.json().path;
  const oth = await runBin(['--db', other, 'db', 'backup', '--out', join(t.dir, 'other-template.db'), '--json'], { env });
  expect(oth.code, oth.stderr).toBe(0);
  otherBackup = oth.json().path;
});
afterAll(() => t.cleanup());

const backup = (args: string[]) => runBin(['--db', t.db, 'db', 'backup', ...args], { env });

describe('db backup --keep N', () => {
  it("removes only this office's own older backups, newest kept; foreign files, links and other offices' backups stay", async () => {
    mkdirSync(backups);
    const own = (name: string): string => {
      copyFileSync(ownBackup, join(backups, name));
      return join(backups, name);
    };
    // This office's backups, as `db backup` names them (two in the same second: -2).
    own('parvande-KEP01-20250101-080000.db');
    own('parvande-KEP01-20250102-080000.db');
    own('parvande-KEP01-20250103-080000.db');
    own('parvande-KEP01-20250103-080000-2.db');
    // What must never be removed:
    const foreign: Record<string, string> = {
      // only the name of a backup: a clerk's text file
      'parvande-KEP01-20240101-000000.db': 'not a database',
      'notes.txt': 'the administrator keeps notes here',
      // this office's backup under another name (renamed by hand, or another tool's)
      'office-before-upgrade.db': '',
      'parvande-KEP01-20240102-000000.db.bak': '',
      'parvande-kep01-20240103-000000.db': '',
    };
    for (const [name, text] of Object.entries(foreign)) {
      if (name.endsWith('.db') && text === '') copyFileSync(ownBackup, join(backups, name));
      else writeFileSync(join(backups, name), text);
    }
    // another office's backup, under its own name and under this office's name
    copyFileSync(otherBackup, join(backups, 'parvande-OTH01-20240101-000000.db'));
    copyFileSync(otherBackup, join(backups, 'parvande-KEP01-20240104-000000.db'));
    const keptNames = [...Object.keys(foreign), 'parvande-OTH01-20240101-000000.db', 'parvande-KEP01-20240104-000000.db'];
    if (posix) {
      // a symlink with a backup's name (to a real backup elsewhere), and a hard link to the database in use
      const elsewhere = join(t.dir, 'elsewhere.db');
      copyFileSync(ownBackup, elsewhere);
      symlinkSync(elsewhere, join(backups, 'parvande-KEP01-20240105-000000.db'));
      linkSync(t.db, join(backups, 'parvande-KEP01-20240106-000000.db'));
      keptNames.push('parvande-KEP01-20240105-000000.db', 'parvande-KEP01-20240106-000000.db');
    }
    const dbBefore = dumpDb(t.db);

    const r = await backup(['--keep', '3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = r.json();
    expect(j.keep).toBe(3);
    // The new one and the two newest others stay; the rest of this office's go, oldest first.
    expect(j.removed).toEqual([join(backups, 'parvande-KEP01-20250101-080000.db'), join(backups, 'parvande-KEP01-20250102-080000.db')]);
    expect(j.notRemoved).toEqual([]);
    const left = readdirSync(backups);
    for (const name of keptNames) expect(left).toContain(name);
    expect(left).toContain('parvande-KEP01-20250103-080000.db');
    expect(left).toContain('parvande-KEP01-20250103-080000-2.db');
    expect(existsSync(j.path)).toBe(true);
    expect(left.filter((n) => n.startsWith('parvande-KEP01-2025'))).toHaveLength(2);
    expect(readFileSync(join(backups, 'parvande-KEP01-20240101-000000.db'), 'utf8')).toBe('not a database');
    if (posix) expect(existsSync(join(t.dir, 'elsewhere.db'))).toBe(true);
    // The database in use (also reachable by the hard link) holds what it held, plus the trail's entries.
    const check = await runBin(['--db', t.db, 'db', 'check'], { env });
    expect(check.code, check.stderr).toBe(0);
    expect(dumpDb(t.db)).not.toBe(dbBefore);
    const trail = query<{ action: string; detail: string | null }>(
      t.db,
      `SELECT action, detail FROM audit_log WHERE action IN ('backup', 'remove-backups') ORDER BY id DESC LIMIT 2`,
    );
    expect(trail).toEqual([
      { action: 'remove-backups', detail: 'removed:2,keep:3' },
      { action: 'backup', detail: null },
    ]);

    // Plain output: the backup line, then each removal.
    const again = await backup(['--keep', '1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^backup written to .* \(\d+ KiB, integrity ok\)\n(removed the older backup .*\.db\n){3}$/);
    expect(again.stdout).toContain(`removed the older backup ${join(backups, 'parvande-KEP01-20250103-080000-2.db')}\n`);
    const mine = readdirSync(backups).filter((n) => /^parvande-KEP01-\d{8}-\d{6}(-\d+)?\.db$/.test(n));
    // Of this office's own: only the newest; the look-alikes and the links are still there.
    expect(mine.filter((n) => !keptNames.includes(n))).toEqual([again.stdout.match(/parvande-KEP01-\d{8}-\d{6}(-\d+)?\.db/)?.[0]]);
  });

  it('works in the folder of --out, and never removes the backup just written, whatever its name', async () => {
    const dir = join(t.dir, 'usb');
    mkdirSync(dir);
    copyFileSync(ownBackup, join(dir, 'parvande-KEP01-20200101-000000.db'));
    const r = await backup(['--out', join(dir, 'parvande-KEP01-19990101-000000.db'), '--keep', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json().removed).toEqual([join(dir, 'parvande-KEP01-20200101-000000.db')]);
    expect(readdirSync(dir)).toEqual(['parvande-KEP01-19990101-000000.db']);
  });

  it('without --keep nothing is removed (keep: null)', async () => {
    const r = await backup(['--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ keep: null, removed: [], notRemoved: [] });
  });

  it('--keep 0, a negative or no number is refused (exit 2) before anything is written', async () => {
    const before = readdirSync(backups).sort();
    const trail = query(t.db, 'SELECT count(*) AS n FROM audit_log');
    for (const bad of ['0', '00', '-1', 'two', '', '۰']) {
      const r = await backup(['--keep', bad]);
      expect(r.code, `--keep ${bad}`).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/--keep|invalid keep/);
    }
    const zero = await backup(['--keep', '0', '--json']);
    expect(zero.json).toBeDefined();
    expect(JSON.parse(zero.stderr).error).toMatchObject({ code: 'invalid', field: 'keep' });
    expect(JSON.parse(zero.stderr).error.message).toMatch(/would remove the backup just made/);
    expect(readdirSync(backups).sort()).toEqual(before);
    expect(query(t.db, 'SELECT count(*) AS n FROM audit_log')).toEqual(trail);
  });
});
