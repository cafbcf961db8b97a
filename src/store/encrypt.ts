/**
 * `db encrypt` and `db rekey`: the office's contents written into a new file under the new
 * key, verified, and renamed over the office file; the original is never changed in place.
 *
 * SQLite3 Multiple Ciphers can rekey a file in place, but not in WAL mode, and a rekey from
 * plain to SQLCipher rewrites every page through the rollback journal (a full plaintext copy
 * beside the file while it runs). Copying instead means that no plaintext is ever written:
 * the copy is keyed while still empty, so its first page and every page after (its journal's
 * too) are encrypted, and a failure or a kill at any point leaves the office file as it was,
 * plus at worst an encrypted partial copy that the next backup, restore or encrypt removes
 * (removeStalePartials). The copy is made while this command holds the office's write lock in
 * rollback-journal mode, so that no other program has it open (the switch out of WAL needs
 * that) and no write can slip in between the copy and the rename.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { t } from '../messages/catalogue.js';
import { DatabaseError, type DatabaseErrorCode } from '../errors.js';
import { createPartial, SIDES, syncToDisk } from './backup.js';
import { connect, requireKey } from './cipher.js';
import { Db, maxPagesFromEnv, restrictToOwner, translateSqliteError, type Sqlite, type WritableDB } from './database.js';
import { copyContents, SOURCE } from './replace.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const LOCKED: DatabaseErrorCode = 'database-locked';
const UNREADABLE: DatabaseErrorCode = 'database-unreadable';

export interface ReKeyed {
  path: string;
  /** Rows per table, the same in the office file before and in the new one (the audit entry aside). */
  counts: Record<string, number>;
  bytes: number;
}

export interface ReKeyOptions {
  /** The passphrase the office file gets. */
  newKey: string;
  /** Runs on the new file, in one write transaction, before it takes the office file's place (the audit entry). */
  inside: (db: WritableDB) => void;
}

/**
 * Writes the contents of the office file at `path` (plain, or encrypted with the office key)
 * into a new file encrypted with `options.newKey` and puts it in its place.
 */
export function reKeyOffice(path: string, options: ReKeyOptions): ReKeyed {
  const live = Db.open(path);
  let temp: string | undefined;
  let renamed = false;
  try {
    const s = live.sqlite;
    // Out of WAL: everything is in the main file, and no other program may have it open.
    s.pragma('wal_checkpoint(TRUNCATE)');
    if (String(s.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() !== 'delete') {
      throw new DatabaseError(LOCKED, t('{path} is locked by another program; try again in a moment', { path }));
    }
    s.exec('BEGIN IMMEDIATE');
    const counts = countRows(s, 'main');
    temp = createPartial(path, 'db');
    copyInto(temp, path, live.encrypted, options.newKey);
    checkCopy(temp, options.newKey, counts);
    const copy = Db.open(temp, { key: options.newKey, migrate: false });
    try {
      copy.write((w) => options.inside(w));
      // Back to a single file before the rename: the copy's -wal is not carried along.
      copy.sqlite.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const bytes = syncToDisk(temp);
    if (process.platform === 'win32') {
      // Windows renames over no open file: the lock is let go just before (docs/encryption.md).
      s.exec('ROLLBACK');
      live.close();
    }
    try {
      renameSync(temp, path);
    } catch {
      // Windows: another program has the office file open. Nothing was changed.
      throw new DatabaseError(LOCKED, t('{path} is locked by another program; try again in a moment', { path }));
    }
    renamed = true;
    syncFolder(dirname(path));
    restrictToOwner(path);
    return { path, counts, bytes };
  } catch (err) {
    if (temp !== undefined && !renamed) for (const side of ['', ...SIDES]) rmSync(temp + side, { force: true });
    throw translateSqliteError(err, path);
  } finally {
    if (live.sqlite.open && live.sqlite.inTransaction) live.sqlite.exec('ROLLBACK');
    // The original inode is gone after the rename: its connection closes without a checkpoint.
    if (live.sqlite.open) live.sqlite.close();
    live.close();
  }
}

/** The copy is keyed while still empty, reads the office file through ATTACH, and writes everything in one transaction. */
function copyInto(temp: string, livePath: string, liveEncrypted: boolean, newKey: string): void {
  const { sqlite } = connect(temp, { key: newKey });
  try {
    // Sorting and temporary indexes in memory: no plaintext in a temporary file either.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = OFF');
    const maxPages = maxPagesFromEnv();
    if (maxPages !== undefined) sqlite.pragma(`max_page_count = ${maxPages}`);
    sqlite.prepare(`ATTACH DATABASE ? AS ${SOURCE} KEY ?`).run(livePath, liveEncrypted ? requireKey(livePath) : '');
    // Deferred: IMMEDIATE would ask for the write lock of the attached office file too, which this command holds.
    sqlite.exec('BEGIN');
    try {
      copyContents(sqlite);
      sqlite.exec('COMMIT');
    } catch (err) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      throw err;
    }
    sqlite.exec(`DETACH DATABASE ${SOURCE}`);
  } finally {
    sqlite.close();
  }
}

/** Reopened with the new key alone: whole, encrypted, and holding every row of the office file. */
function checkCopy(temp: string, newKey: string, counts: Record<string, number>): void {
  // connect reads the header once: a copy that is not encrypted is refused with what it tells.
  const { sqlite, encrypted } = connect(temp, { readonly: true, key: newKey });
  try {
    if (!encrypted) throw new DatabaseError(UNREADABLE, t('the encrypted copy of the office could not be verified'));
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const copied = countRows(sqlite, 'main');
    const same = JSON.stringify(copied) === JSON.stringify(counts);
    if (integrity !== 'ok' || !same) {
      throw new DatabaseError(UNREADABLE, t('the encrypted copy of the office could not be verified'));
    }
  } finally {
    sqlite.close();
  }
}

/** Rows per table of `schema`, by table name. */
function countRows(s: Sqlite, schema: string): Record<string, number> {
  const tables = s
    .prepare(`SELECT name FROM ${schema}.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables)
    counts[name] = Number(
      s
        .prepare(`SELECT count(*) FROM ${schema}."${name.replace(/"/g, '""')}"`)
        .pluck()
        .get(),
    );
  return counts;
}

/** The rename itself survives a power cut once the folder is flushed (not possible on Windows, where it is not needed). */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // A folder that cannot be flushed (some network shares) still has the file renamed.
  }
}
