import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DatabaseError, ValidationError } from '../errors.js';
import { restrictToOwner, translateSqliteError, type Db } from './database.js';
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
    sqlite = new Database(full, { readonly: true, fileMustExist: true });
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
  rmSync(partial, { force: true });
  closeSync(openSync(partial, 'wx', 0o600));
  restrictToOwner(partial);
  try {
    db.sqlite.prepare('VACUUM INTO ?').run(partial);
    restrictToOwner(partial);
    const check = verifyDatabaseFile(partial);
    renameSync(partial, target);
    return { ...check, path: target };
  } catch (err) {
    rmSync(partial, { force: true });
    throw translateSqliteError(err, db.path);
  }
}

/**
 * Copies a verified backup over the live file through SQLite's backup API, which
 * takes the proper locks, so other programs never read a half-copied file.
 */
export async function restoreDatabase(source: string, livePath: string): Promise<void> {
  const src = new Database(resolve(source), { readonly: true, fileMustExist: true });
  try {
    await src.backup(resolve(livePath));
  } catch (err) {
    throw translateSqliteError(err, livePath);
  } finally {
    src.close();
  }
  restrictToOwner(resolve(livePath));
}
