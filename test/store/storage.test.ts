import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Db } from '../../src/store/database.js';
import { resolveDbPath } from '../../src/config/settings.js';
import { defaultDataDir } from '../../src/store/paths.js';
import { initOffice, runCli, tempDb } from '../helpers/cli.js';
import { makeOffice } from '../helpers/office.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()?.();
});
function folder(): string {
  const t = tempDb();
  cleanups.push(t.cleanup);
  return t.dir;
}
const modeOf = (p: string): number => statSync(p).mode & 0o777;

describe.runIf(process.platform !== 'win32')('new files are owner-only', () => {
  it('init creates the folder 0700 and the database and its WAL files 0600 under umask 022', async () => {
    const old = process.umask(0o022);
    try {
      const dir = join(folder(), 'office', 'data');
      const file = join(dir, 'office.db');
      await initOffice(file);
      expect(modeOf(dir)).toBe(0o700);
      expect(modeOf(join(dir, '..'))).toBe(0o700);
      expect(modeOf(file)).toBe(0o600);
      // While a connection is open the -wal and -shm files exist: they hold data too.
      const db = Db.open(file);
      try {
        db.write(() => db.sqlite.prepare(`UPDATE office SET name = 'x'`).run());
        for (const side of ['-wal', '-shm']) {
          expect(existsSync(file + side)).toBe(true);
          expect(modeOf(file + side)).toBe(0o600);
        }
      } finally {
        db.close();
      }
    } finally {
      process.umask(old);
    }
  });

  it('an existing folder keeps its mode; only the new file is restricted', async () => {
    const old = process.umask(0o022);
    try {
      const dir = folder();
      const before = modeOf(dir);
      await initOffice(join(dir, 'office.db'));
      expect(modeOf(dir)).toBe(before);
      expect(modeOf(join(dir, 'office.db'))).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});

describe('every connection', () => {
  it('uses WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const o = await makeOffice();
    cleanups.push(o.cleanup);
    for (const opts of [{}, { readonly: true }, { migrate: false }, { busyTimeoutMs: 1234 }]) {
      const db = Db.open(o.db, opts);
      try {
        expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
        expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
        expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe('busyTimeoutMs' in opts ? 1234 : 5000);
      } finally {
        db.close();
      }
    }
  });

  it('foreign keys are enforced', async () => {
    const o = await makeOffice();
    cleanups.push(o.cleanup);
    const db = Db.open(o.db);
    try {
      expect(() =>
        db.write(() =>
          db.sqlite.prepare(`INSERT INTO followups (case_id, due_on, created_at, updated_at) VALUES (999, '2026-01-01', 'x', 'x')`).run(),
        ),
      ).toThrow(/FOREIGN KEY/);
    } finally {
      db.close();
    }
  });
});

describe('where the database lives', () => {
  const home = '/home/zahra';
  const winHome = 'C:\\Users\\Zahra';

  it('--db, else PARVANDE_DB, else the per-user folder', () => {
    expect(resolveDbPath('a.db', { PARVANDE_DB: 'b.db' })).toEqual({ path: 'a.db', source: 'option' });
    expect(resolveDbPath(undefined, { PARVANDE_DB: 'b.db' })).toEqual({ path: 'b.db', source: 'env' });
    expect(resolveDbPath('', { PARVANDE_DB: '' }, 'linux', home)).toEqual({
      path: '/home/zahra/.local/share/parvande/parvande.db',
      source: 'default',
    });
  });

  it('Windows: %LOCALAPPDATA%, else %APPDATA%, else the profile', () => {
    expect(
      resolveDbPath(
        undefined,
        { LOCALAPPDATA: 'C:\\Users\\Zahra\\AppData\\Local', APPDATA: 'C:\\Users\\Zahra\\AppData\\Roaming' },
        'win32',
        winHome,
      ),
    ).toEqual({
      path: 'C:\\Users\\Zahra\\AppData\\Local\\parvande\\parvande.db',
      source: 'default',
    });
    expect(defaultDataDir({ APPDATA: 'D:\\Roaming' }, 'win32', winHome)).toBe('D:\\Roaming\\parvande');
    expect(defaultDataDir({}, 'win32', winHome)).toBe(win32.join(winHome, 'AppData', 'Local', 'parvande'));
  });

  it('macOS: ~/Library/Application Support', () => {
    expect(resolveDbPath(undefined, { XDG_DATA_HOME: '/x' }, 'darwin', '/Users/zahra')).toEqual({
      path: '/Users/zahra/Library/Application Support/parvande/parvande.db',
      source: 'default',
    });
  });

  it('Linux and others: $XDG_DATA_HOME (when absolute), else ~/.local/share', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/data/xdg' }, 'linux', home)).toBe('/data/xdg/parvande');
    expect(defaultDataDir({ XDG_DATA_HOME: 'relative/xdg' }, 'linux', home)).toBe('/home/zahra/.local/share/parvande');
    expect(defaultDataDir({}, 'freebsd', home)).toBe('/home/zahra/.local/share/parvande');
  });

  it("the defaults use this machine's home folder", () => {
    const p = resolveDbPath(undefined, {}, 'linux');
    expect(p.path).toBe(posix.join(homedir(), '.local', 'share', 'parvande', 'parvande.db'));
  });
});

describe('case numbers', () => {
  it('read <office>-<Jalali year>-<6-digit sequence>, restarting each Jalali year', async () => {
    const o = await makeOffice('KRJ01');
    cleanups.push(o.cleanup);
    const open = async (date: string) => {
      const c = await o.json([
        'case',
        'open',
        '--anonymous',
        '--channel',
        'hotline',
        '--category',
        'other',
        '--risk',
        'low',
        '--opened',
        date,
      ]);
      return c.caseNumber as string;
    };
    // 1404/12/29 is the last day of 1404 (not a leap year); 1405/01/01 is 2026-03-21.
    expect(await open('1404/12/29')).toBe('KRJ01-1404-000001');
    expect(await open('1405/01/01')).toBe('KRJ01-1405-000001');
    expect(await open('2026-03-20')).toBe('KRJ01-1404-000002');
    expect(await open('today')).toBe('KRJ01-1405-000002');
    expect(await open('1404/06/31')).toBe('KRJ01-1404-000003');
    const list = await o.json<{ caseNumber: string; openedOn: string }[]>(['case', 'list', '--limit', '10']);
    expect(list.map((c) => [c.caseNumber, c.openedOn])).toEqual([
      ['KRJ01-1404-000003', '2025-09-22'],
      ['KRJ01-1404-000001', '2026-03-20'],
      ['KRJ01-1404-000002', '2026-03-20'],
      ['KRJ01-1405-000001', '2026-03-21'],
      ['KRJ01-1405-000002', '2026-11-25'],
    ]);
    // The short form names a year and a sequence.
    const shown = await runCli(['--db', o.db, 'case', 'show', '1404-2', '--json']);
    expect(shown.json().caseNumber).toBe('KRJ01-1404-000002');
  });
});
