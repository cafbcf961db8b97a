import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { DatabaseError, type DatabaseErrorCode, ValidationError } from '../errors.js';
import { checkOutputPath, commitPrivateFile, createPrivateTemp, describeFsError, isSqliteFile, pathExists } from '../files/output-file.js';
import { t, type Text } from '../messages/catalogue.js';
import { connect } from './cipher.js';
import { restrictToOwner, translateSqliteError, type Sqlite, type ReadableDB } from './database.js';
import { LATEST_VERSION } from './migrations/index.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const MISSING: DatabaseErrorCode = 'database-missing';
const NEWER: DatabaseErrorCode = 'database-newer';
const UNREADABLE: DatabaseErrorCode = 'database-unreadable';

export interface FileCheck {
  path: string;
  integrity: string;
  schemaVersion: number;
  officeCode: string | null;
  bytes: number;
}

/**
 * Opens a file read-only and checks that it is a whole parvande database this version can use.
 * An encrypted file opens with the office key (src/store/cipher.ts); the wrong key is said as such.
 */
export function verifyDatabaseFile(path: string): FileCheck {
  const full = resolve(path);
  if (!existsSync(full)) throw new DatabaseError(MISSING, t('no file at {path}', { path: full }));
  let sqlite: Sqlite | undefined;
  try {
    sqlite = connect(full, { readonly: true }).sqlite;
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const schemaVersion = Number(sqlite.pragma('user_version', { simple: true }));
    const hasOffice = sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'office'`).get() as {
      n: number;
    };
    const office =
      hasOffice.n === 1 ? (sqlite.prepare(`SELECT code FROM office WHERE id = 1`).get() as { code: string } | undefined) : undefined;
    const pages = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
    if (integrity !== 'ok') {
      throw new DatabaseError(
        UNREADABLE,
        t('{path} fails its integrity check: {problems}', { path: full, problems: integrity.slice(0, 200) }),
      );
    }
    if (schemaVersion > LATEST_VERSION) {
      throw new DatabaseError(
        NEWER,
        t('{path} was written by a newer parvande (schema {version}; this version knows {latest})', {
          path: full,
          version: schemaVersion,
          latest: LATEST_VERSION,
        }),
      );
    }
    if (office === undefined) {
      throw new DatabaseError(UNREADABLE, t('{path} is not a parvande office database (no office record)', { path: full }));
    }
    return { path: full, integrity, schemaVersion, officeCode: office.code, bytes: pages };
  } catch (err) {
    // A damaged copy is not the office's database: "restore a backup" would be no advice here.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))) {
      throw new DatabaseError(UNREADABLE, t('{path} is not a readable parvande database ({code})', { path: full, code }));
    }
    throw translateSqliteError(err, full);
  } finally {
    sqlite?.close();
  }
}

/**
 * A consistent copy of the live database while others keep writing: VACUUM INTO
 * reads one snapshot, so writers are neither blocked nor restart it. --out is never
 * the database in use (by identity, whatever its spelling) nor any existing file.
 */
export function backupDatabase(db: ReadableDB, dest: string): FileCheck {
  // force: an existing file is refused below in backups' own words (backups have no --force).
  const target = checkOutputPath(dest, { field: 'out', protect: [db.path], force: true });
  if (pathExists(target)) throw new ValidationError(t('{path} exists already; choose another --out', { path: target }), 'out');
  return copyDatabase(db.sqlite, db.path, target, 'out');
}

/**
 * Copies the database `sqlite` reads into a temporary file (exclusive, unpredictable,
 * owner-only from its first byte), flushes it to disk, verifies it, and only then gives
 * it its name. VACUUM INTO writes through the reading connection's cipher: the copy of an
 * encrypted office is encrypted with the same key from its first page. Any failure removes the temporary file. A SIGKILL cannot be caught: the
 * temporary name carries this machine and process, so the next backup can tell a
 * stopped copy from a running one (removeStalePartials).
 */
export function copyDatabase(sqlite: Sqlite, livePath: string, target: string, field: string): FileCheck {
  let temp: string;
  try {
    temp = createPartial(target, field);
  } catch (err) {
    if (err instanceof ValidationError) throw new ValidationError(renamed(err.text, `${target}.partial-${ownerTag()}`, target), field);
    throw err;
  }
  try {
    sqlite.prepare('VACUUM INTO ?').run(temp);
    restrictToOwner(temp);
    syncToDisk(temp);
    const check = verifyDatabaseFile(temp);
    commitPrivateFile(temp, target, field);
    return { ...check, path: target };
  } catch (err) {
    for (const side of ['', ...SIDES]) rmSync(temp + side, { force: true });
    throw translateCopyError(err, livePath, target, field);
  }
}

/** The same message, naming `to` wherever it named `from` (the temporary name is nobody's business). */
function renamed(text: Text, from: string, to: string): Text {
  const params = Object.fromEntries(Object.entries(text.params).map(([k, v]) => [k, typeof v === 'string' ? v.split(from).join(to) : v]));
  return { template: text.template, params };
}

/**
 * The temporary file a copy to `target` is written into: exclusive, owner-only, named for this
 * machine and process (`partialCopyName`) so that a stopped copy is found and removed later
 * (removeStalePartials). Closed: SQLite opens the file itself.
 */
export function createPartial(target: string, field: string): string {
  const t = createPrivateTemp(`${target}.partial-${ownerTag()}`, field);
  closeSync(t.fd);
  return t.path;
}

/** A copy that a power cut could take back is no copy: it is on disk before it gets its name. Gives its size. */
export function syncToDisk(path: string): number {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Failures to open or write the copy name the copy; a locked or damaged database names the database. */
function translateCopyError(err: unknown, livePath: string, target: string, field: string): unknown {
  if (err instanceof ValidationError || err instanceof DatabaseError) return err;
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return translateSqliteError(err, livePath);
  if (/^(SQLITE_(CANTOPEN|PERM|READONLY|IOERR|FULL)|E[A-Z]+$)/.test(code)) {
    if (code === 'SQLITE_FULL') return translateSqliteError(err, target);
    return new ValidationError(
      t('cannot write {path}: {why}', { path: target, why: code.startsWith('SQLITE_') ? `(${code})` : describeFsError(err) }),
      field,
    );
  }
  return translateSqliteError(err, livePath);
}

/** This machine, hashed (a host name may say more than a file name should). */
function hostTag(): string {
  return createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
}

/** `HOST-PID`: whose partial copy a temporary file is. */
function ownerTag(pid = process.pid): string {
  return `${hostTag()}-${pid}`;
}

/** `.NAME.partial-HOST-PID.RANDOM.tmp`: the temporary file a copy to `target` gets from createPrivateTemp. */
const PARTIAL = /^\..+\.partial-([0-9a-f]{8})-(\d+)\.[0-9a-f]{16}\.tmp$/;
/** `.NAME.partial`: what a backup of an earlier parvande left when it was stopped. */
const OLD_PARTIAL = /^\..+\.partial$/;
/** The files SQLite keeps beside a database. */
export const SIDES = ['-journal', '-wal', '-shm'] as const;

/** The name process `pid` of this machine gives a copy to `target` (tests plant such files). */
export function partialCopyName(target: string, pid = process.pid): string {
  return `.${basename(target)}.partial-${ownerTag(pid)}.${randomBytes(8).toString('hex')}.tmp`;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as { code?: unknown }).code === 'EPERM';
  }
}

export interface StaleCleanup {
  /** Partial copies removed. */
  removed: number;
  /** The folders they were in. */
  folders: string[];
}

/**
 * Removes the partial copies that a backup or restore stopped half-way (killed, power
 * cut) left in these folders: each is a whole or partial copy of the office's personal
 * data. A copy is stale when the process that was writing it, on this machine, is gone;
 * copies of other machines (a shared folder) and of running processes are left alone,
 * and so is anything that is not a plain file holding SQLite's header (or nothing).
 */
export function removeStalePartials(folders: readonly string[]): StaleCleanup {
  const result: StaleCleanup = { removed: 0, folders: [] };
  const host = hostTag();
  for (const folder of new Set(folders.map((f) => resolve(f)))) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    let here = 0;
    const present = new Set(names);
    for (const entry of names) {
      // SQLite writes a -journal beside the copy; alone (its copy already gone) it is removed the same way.
      const side = SIDES.find((x) => entry.endsWith(x));
      const name = side === undefined ? entry : entry.slice(0, -side.length);
      if (side !== undefined && present.has(name)) continue;
      const m = PARTIAL.exec(name);
      const stale = m !== null ? m[1] === host && Number(m[2]) !== process.pid && !isRunning(Number(m[2])) : OLD_PARTIAL.test(name);
      if (!stale) continue;
      const file = join(folder, entry);
      if (!isCopyInTheMaking(file, m !== null || side !== undefined)) continue;
      try {
        rmSync(file);
        if (side === undefined) for (const x of SIDES) rmSync(file + x, { force: true });
        here++;
      } catch {
        // Removed by someone else meanwhile, or not ours to remove: left as it is.
      }
    }
    if (here > 0) {
      result.removed += here;
      result.folders.push(folder);
    }
  }
  return result;
}

/**
 * A plain file (never a link) that SQLite was writing: its header, or nothing yet where the
 * header goes (VACUUM INTO writes the first page last). A name of this version says whose
 * copy it is; the bare `.NAME.partial` of earlier versions is also checked for its bytes.
 */
function isCopyInTheMaking(file: string, named: boolean): boolean {
  try {
    const s = lstatSync(file);
    if (!s.isFile()) return false;
    return named || s.size === 0 || isSqliteFile(file) || startsEmpty(file);
  } catch {
    return false;
  }
}

function startsEmpty(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(100);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n).every((b) => b === 0);
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the file at `path` is a damaged SQLite file (not a database any more, a
 * damaged page, or emptied): such a file cannot be copied page by page, only moved aside.
 * A whole file of another program is not damaged: the caller refuses it as usual.
 */
export function isDamagedDatabase(path: string): boolean {
  const full = resolve(path);
  if (statSync(full).size === 0) return true;
  let sqlite: Sqlite | undefined;
  try {
    // An encrypted file without its key, or with a wrong one, is refused (connect throws), never taken for damaged.
    sqlite = connect(full, { readonly: true }).sqlite;
    return sqlite.pragma('quick_check(1)', { simple: true }) !== 'ok';
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT'))) return true;
    throw translateSqliteError(err, full);
  } finally {
    sqlite?.close();
  }
}

/** Renames a damaged database and its -wal and -shm to `target` (kept as they were, owner-only). */
export function moveAside(livePath: string, target: string): void {
  const from = resolve(livePath);
  const to = resolve(target);
  try {
    renameSync(from, to);
    for (const side of ['-wal', '-shm']) if (existsSync(from + side)) renameSync(from + side, to + side);
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    throw new DatabaseError(
      UNREADABLE,
      t('cannot move the damaged {path} aside ({code}); close every program using it and try again', {
        path: from,
        code: typeof code === 'string' ? code : String(err),
      }),
    );
  }
  for (const side of ['', '-wal', '-shm']) restrictToOwner(to + side);
}

/**
 * The office code stored in the SQLite file at `path`, or null when it is not a readable
 * parvande office (another program's file, a damaged one, no office record). Read-only, and
 * without the integrity check: enough to tell one office's backups from anything else.
 */
export function officeCodeOfFile(path: string): string | null {
  let sqlite: Sqlite | undefined;
  try {
    sqlite = connect(path, { readonly: true }).sqlite;
    const row = sqlite.prepare(`SELECT code FROM office WHERE id = 1`).get() as { code?: unknown } | undefined;
    return typeof row?.code === 'string' ? row.code : null;
  } catch {
    return null;
  } finally {
    try {
      sqlite?.close();
    } catch {
      // A file that would not even close was not an office.
    }
  }
}
