import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DatabaseError, ValidationError } from '../errors.js';
import { restrictToOwner, sqliteAddon, translateSqliteError, type Db } from './database.js';
import { LATEST_VERSION } from './migrations/index.js';

export interface FileCheck {
  path: string;
  integrity: string;
  schemaVersion: number;
  officeCode: string | null;
  bytes: number;
}

/** Opens a file read-only and checks that it is a whole parvande database this version can use. */
export function verifyDatabaseFile(path: string): FileCheck {
  const full = resolve(path);
  if (!existsSync(full)) throw new DatabaseError('database-missing', `no file at ${full}`);
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(full, { readonly: true, fileMustExist: true, nativeBinding: sqliteAddon() });
    const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const schemaVersion = Number(sqlite.pragma('user_version', { simple: true }));
    const hasOffice = sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'office'`).get() as { n: number };
    const office = hasOffice.n === 1 ? (sqlite.prepare(`SELECT code FROM office WHERE id = 1`).get() as { code: string } | undefined) : undefined;
    const pages = Number(sqlite.pragma('page_count', { simple: true })) * Number(sqlite.pragma('page_size', { simple: true }));
    if (integrity !== 'ok') throw new DatabaseError('database-unreadable', `${full} fails its integrity check: ${integrity.slice(0, 200)}`);
    if (schemaVersion > LATEST_VERSION) {
      throw new DatabaseError('database-newer', `${full} was written by a newer parvande (schema ${schemaVersion}; this version knows ${LATEST_VERSION})`);
    }
    if (office === undefined) throw new DatabaseError('database-unreadable', `${full} is not a parvande office database (no office record)`);
    return { path: full, integrity, schemaVersion, officeCode: office.code, bytes: pages };
  } catch (err) {
    throw translateSqliteError(err, full);
  } finally {
    sqlite?.close();
  }
}

/**
 * A consistent copy of the live database while others keep writing: VACUUM INTO
 * reads one snapshot, so writers are neither blocked nor restart it. The copy is
 * created owner-only before a byte is written, then verified, then moved into place.
 */
export function backupDatabase(db: Db, dest: string): FileCheck {
  const target = resolve(dest);
  if (existsSync(target)) throw new ValidationError(`${target} exists already; choose another --out`, 'out');
  if (!existsSync(dirname(target))) throw new ValidationError(`folder ${dirname(target)} does not exist`, 'out');
  const partial = join(dirname(target), `.${basename(target)}.partial`);
  try {
    rmSync(partial, { force: true });
    closeSync(openSync(partial, 'wx', 0o600));
  } catch (err) {
    throw cannotWrite(target, err);
  }
  restrictToOwner(partial);
  try {
    db.sqlite.prepare('VACUUM INTO ?').run(partial);
    restrictToOwner(partial);
    const check = verifyDatabaseFile(partial);
    renameSync(partial, target);
    return { ...check, path: target };
  } catch (err) {
    rmSync(partial, { force: true });
    throw translateCopyError(err, db.path, target);
  }
}

/** A file-system refusal (name too long, no permission, not a folder, ...) about where the copy goes: the user's --out. */
function cannotWrite(target: string, err: unknown): ValidationError {
  const code = (err as { code?: unknown }).code;
  return new ValidationError(`cannot write the backup file ${target} (${typeof code === 'string' ? code : String(err)})`, 'out');
}

/** Failures to open or write the copy name the copy; a locked or damaged database names the database. */
function translateCopyError(err: unknown, livePath: string, target: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return translateSqliteError(err, livePath);
  if (/^(SQLITE_(CANTOPEN|PERM|READONLY|IOERR|FULL)|E[A-Z]+$)/.test(code)) {
    return code === 'SQLITE_FULL' ? translateSqliteError(err, target) : cannotWrite(target, err);
  }
  return translateSqliteError(err, livePath);
}

/**
 * Copies a verified backup over the live file through SQLite's backup API, which
 * takes the proper locks, so other programs never read a half-copied file.
 */
export async function restoreDatabase(source: string, livePath: string): Promise<void> {
  const src = new Database(resolve(source), { readonly: true, fileMustExist: true, nativeBinding: sqliteAddon() });
  try {
    // A new file is owner-only from its first byte, as `init` makes it.
    if (!existsSync(resolve(livePath))) closeSync(openSync(resolve(livePath), 'wx', 0o600));
    await src.backup(resolve(livePath));
  } catch (err) {
    throw translateSqliteError(err, livePath);
  } finally {
    src.close();
  }
  restrictToOwner(resolve(livePath));
}

/**
 * Whether the file at `path` is a damaged SQLite file (not a database any more, a
 * damaged page, or emptied): such a file cannot be copied page by page, only moved aside.
 * A whole file of another program is not damaged: the caller refuses it as usual.
 */
export function isDamagedDatabase(path: string): boolean {
  const full = resolve(path);
  if (statSync(full).size === 0) return true;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(full, { readonly: true, fileMustExist: true, nativeBinding: sqliteAddon() });
    return sqlite.pragma('quick_check(1)', { simple: true }) !== 'ok';
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))) return true;
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
    throw new DatabaseError('database-unreadable', `cannot move the damaged ${from} aside (${typeof code === 'string' ? code : String(err)}); close every program using it and try again`);
  }
  for (const side of ['', '-wal', '-shm']) restrictToOwner(to + side);
}
