/**
 * `report nightly --log FILE` (issue #13), run as cron and the Task Scheduler run it (the
 * built bin): timestamped lines appended, never truncated, owner-only; counts and ids, never a
 * name; errors with their exit code, also when the run fails; the run in the audit trail. And
 * the log goes through the output-file guard exactly as --out does: the database, its
 * -wal/-shm/-journal, any SQLite file, a device, a folder and a symlink are refused (exit 2)
 * before any work: no report file, no audit entry.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { dumpDb, query } from '../helpers/office.js';
import { Db } from '../../src/store/database.js';
import { TestOffice } from './fixture.js';

let o: TestOffice;
const CLIENT_NAMES = ['شیرین', 'نیک‌نام'];
const env = { PARVANDE_TODAY: '2026-11-25', PARVANDE_USER: 'nightly-task' };
const posix = process.platform !== 'win32';
const LINE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z \[\d+\] \S/;

beforeAll(async () => {
  o = await TestOffice.create('LOG01');
  const worker = o.worker('رضا', 'اکبری');
  o.batch(() => {
    const client = o.client({ registered: '2026-11-01', name: CLIENT_NAMES[0] });
    o.db.sqlite.prepare('UPDATE clients SET last_name = ? WHERE id = ?').run(CLIENT_NAMES[1], client);
    const assigned = o.openCase({ opened: '2026-11-02', category: 'suicide', worker, client });
    o.openCase({ opened: '2026-11-03', category: 'child-abuse', client });
    o.followup(assigned, '2026-11-20', '2026-11-02');
  });
});
afterAll(() => o.cleanup());

const nightly = (args: string[]) => runBin(['--db', o.path, 'report', 'nightly', ...args], { env });
const lines = (file: string): string[] =>
  readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '');
const nightlyEntries = () =>
  query<{ actor: string; record_id: string; detail: string }>(
    o.path,
    `SELECT actor, record_id, detail FROM audit_log WHERE action = 'nightly' ORDER BY id`,
  );

describe('report nightly --log', () => {
  it('appends timestamped lines, owner-only, never truncating; counts and ids only; the run is in the audit trail', async () => {
    const dir = join(o.dir, 'reports');
    const log = join(o.dir, 'logs', 'nightly.log');
    mkdirSync(join(o.dir, 'logs'));
    const first = await nightly(['--dir', dir, '--log', log]);
    expect(first.stderr).toContain('overdue follow-up #1');
    expect(first.code).toBe(0);
    if (posix) expect(statSync(log).mode & 0o777).toBe(0o600);
    const once = lines(log);
    for (const l of once) expect(l).toMatch(LINE);
    const text = once.map((l) => l.replace(/^\S+ \[\d+\] /, ''));
    expect(text[0]).toMatch(/^start: parvande \d+\.\d+\.\d+ report nightly; database /);
    expect(text).toContain(`months 1405-09; folder ${dir}`);
    for (const ext of ['html', 'csv', 'xlsx']) expect(text).toContain(`wrote ${join(dir, `parvande-LOG01-1405-09-2026-11-25.${ext}`)}`);
    expect(text).toContain('attention: 1 follow-ups overdue, 1 open cases with nobody assigned, 0 referrals with no answer');
    // ISO dates and ids: the log is for administrators and scripts, in any language.
    expect(text).toContain('overdue follow-up #1: case LOG01-1405-000001, due 2026-11-20, worker #1');
    expect(text).toContain('open case with nobody assigned: LOG01-1405-000002 (opened 2026-11-03, risk medium)');
    expect(text[text.length - 1]).toMatch(/^end: ok, 3 files, exit 0 \(\d+\.\d s\)$/);
    const all = readFileSync(log, 'utf8');
    for (const name of [...CLIENT_NAMES, 'رضا', 'اکبری']) expect(all).not.toContain(name);

    // A second run (Persian, --json) appends after the first: the earlier lines stay as they were.
    const second = await nightly(['--dir', dir, '--log', log, '--json', '--lang', 'fa']);
    expect(second.code).toBe(0);
    expect(second.json().log).toBe(log);
    const twice = lines(log);
    expect(twice.slice(0, once.length)).toEqual(once);
    expect(twice.length).toBe(once.length * 2);
    expect(twice.slice(once.length).join('\n')).toContain('due 2026-11-20');

    // Who ran it, which month, how many files, how it ended; `audit list` and `db check` keep working.
    expect(nightlyEntries()).toEqual([
      { actor: 'nightly-task', record_id: '1405-09', detail: 'files:3,outcome:ok' },
      { actor: 'nightly-task', record_id: '1405-09', detail: 'files:3,outcome:ok' },
    ]);
    const audit = await runBin(['--db', o.path, 'audit', 'list', '--record', 'report:1405-09', '--json'], { env });
    expect(audit.code).toBe(0);
    expect(audit.json()).toHaveLength(2);
    expect(audit.json()[0]).toMatchObject({ action: 'nightly', recordType: 'report', command: 'report nightly' });
    const check = await runBin(['--db', o.path, 'db', 'check'], { env });
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });

  it('a failed run writes its one-line error and exit code to the log, and the trail records the failure', async () => {
    const log = join(o.dir, 'failed.log');
    // Refused before the database is read: in the log, not in the trail (a refused option is not a run).
    const before = nightlyEntries().length;
    const bad = await nightly(['--month', '1405-13', '--log', log]);
    expect(bad.code).toBe(2);
    const badLines = lines(log).map((l) => l.replace(/^\S+ \[\d+\] /, ''));
    expect(badLines[0]).toMatch(/^start: /);
    expect(badLines).toContain(`error: exit 2: ${bad.stderr.replace(/^error: /, '').trim()}`);
    expect(badLines[badLines.length - 1]).toMatch(/^end: failed, 0 files, exit 2 /);
    expect(nightlyEntries()).toHaveLength(before);

    // A report file that cannot be written (a folder stands at its name): after the read, so the trail has it.
    const dir = join(o.dir, 'blocked');
    mkdirSync(join(dir, 'parvande-LOG01-1405-09-2026-11-25.csv'), { recursive: true });
    const blocked = await nightly(['--dir', dir, '--log', log]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/it is a folder/);
    const tail = lines(log).map((l) => l.replace(/^\S+ \[\d+\] /, ''));
    expect(tail.filter((l) => l.startsWith('start: '))).toHaveLength(2);
    expect(tail.some((l) => l.startsWith('error: exit 2: cannot write ') && l.endsWith('it is a folder'))).toBe(true);
    expect(tail[tail.length - 1]).toMatch(/^end: failed, 0 files, exit 2 /);
    expect(nightlyEntries().slice(before)).toEqual([{ actor: 'nightly-task', record_id: '1405-09', detail: 'files:0,outcome:exit-2' }]);
  });

  it('a run whose audit entry cannot be written (the office locked) fails with exit 5, and says so in the log', async () => {
    const log = join(o.dir, 'locked.log');
    const dir = join(o.dir, 'locked');
    const before = nightlyEntries().length;
    const clerk = Db.open(o.path);
    try {
      clerk.sqlite.exec('BEGIN IMMEDIATE');
      const r = await runBin(['--db', o.path, 'report', 'nightly', '--dir', dir, '--log', log], {
        env: { ...env, PARVANDE_BUSY_TIMEOUT_MS: '0' },
      });
      expect(r.code).toBe(5);
      expect(r.stderr).toMatch(/locked/);
    } finally {
      clerk.sqlite.exec('ROLLBACK');
      clerk.close();
    }
    const text = lines(log).map((l) => l.replace(/^\S+ \[\d+\] /, ''));
    // The files were written (a rerun replaces them); the run is not finished without its record.
    expect(text.filter((l) => l.startsWith('wrote '))).toHaveLength(3);
    expect(text.some((l) => /^error: exit 5: .*locked/.test(l))).toBe(true);
    expect(text[text.length - 1]).toMatch(/^end: failed, 3 files, exit 5 /);
    expect(nightlyEntries()).toHaveLength(before);
  });

  it('a path with a line feed cannot forge a line of the log', async () => {
    if (!posix) return;
    const dir = join(o.dir, 'a\nend: ok, 3 files, exit 0');
    const log = join(o.dir, 'forged.log');
    const r = await nightly(['--dir', dir, '--log', log]);
    expect(r.code).toBe(0);
    for (const l of lines(log)) expect(l).toMatch(LINE);
    expect(readFileSync(log, 'utf8')).toContain('a\\x0aend: ok');
  });

  it("--log naming one of the run's own report files is refused: it would be written over", async () => {
    const dir = join(o.dir, 'same');
    mkdirSync(dir);
    const r = await nightly(['--dir', dir, '--log', join(dir, 'parvande-LOG01-1405-09-2026-11-25.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the report files of this run/);
  });
});

describe('--log goes through the output-file guard: refused before any work (exit 2)', () => {
  const refused = async (log: string, why: RegExp): Promise<void> => {
    const dir = join(o.dir, `never-${Math.random().toString(16).slice(2)}`);
    const db = dumpDb(o.path);
    const r = await nightly(['--dir', dir, '--log', log]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(why);
    expect(r.stderr).toMatch(/--log|cannot write/);
    // No report file, not even the folder; the database (and its audit trail) as it was.
    expect(existsSync(dir)).toBe(false);
    expect(dumpDb(o.path)).toBe(db);
  };

  it('the database in use, however spelled, and its -wal, -shm and -journal (present or not)', async () => {
    await refused(o.path, /it is the database in use; nothing was written/);
    await refused(join(o.dir, '.', 'x', '..', 'office.db'), /it is the database in use/);
    for (const side of ['-wal', '-shm', '-journal']) await refused(`${o.path}${side}`, new RegExp(`its ${side.slice(1)} file`));
    if (posix) {
      const link = join(o.dir, 'db-link.log');
      symlinkSync(o.path, link);
      await refused(link, /it is the database in use/);
    }
  });

  it('any other SQLite file (a backup) and its -wal; a folder; a missing folder', async () => {
    const backup = join(o.dir, 'backup-copy.db');
    copyFileSync(o.path, backup);
    const bytes = readFileSync(backup);
    await refused(backup, /it is an SQLite database/);
    expect(readFileSync(backup).equals(bytes)).toBe(true);
    await refused(`${backup}-wal`, /it belongs to the database backup-copy\.db/);
    await refused(o.dir, /it is a folder/);
    await refused(join(o.dir, 'missing', 'nightly.log'), /its folder does not exist/);
  });

  it('a device, and a symlink (to a log, or dangling): never written through', async () => {
    if (!posix) return;
    await refused('/dev/null', /not a regular file/);
    const real = join(o.dir, 'real.log');
    writeFileSync(real, 'earlier line\n');
    const link = join(o.dir, 'link.log');
    symlinkSync(real, link);
    await refused(link, /it is a symbolic link/);
    expect(readFileSync(real, 'utf8')).toBe('earlier line\n');
    const dangling = join(o.dir, 'dangling.log');
    symlinkSync(join(o.dir, 'nowhere', 'x.log'), dangling);
    await refused(dangling, /it is a symbolic link/);
    expect(readdirSync(o.dir)).not.toContain('nowhere');
  });
});
