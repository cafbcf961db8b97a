/**
 * The one place that decides whether parvande may write a file, and writes it
 * safely. Every file a command writes (exports, reports, nightly files, rejects
 * files, backups) goes through here:
 *
 * - The target is checked by identity (device + inode, after symlinks), not by
 *   spelling: the database in use, its -wal/-shm/-journal, and any SQLite file
 *   are never written over, even with --force; any other existing file only with
 *   --force. A folder, a missing folder or an empty path is refused (exit 2).
 * - Bytes go to a temporary file created exclusively (`wx`: a planted symlink or
 *   file of the same name makes the open fail instead of being followed), with
 *   an unpredictable name, owner-only from the first byte, in the target's own
 *   folder; it is renamed into place only when complete and removed on any failure.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ValidationError } from '../errors.js';

const isPosix = process.platform !== 'win32';

export interface OutputGuard {
  /** The option the path came from, named in every refusal (`out`, `dir`, `file`). */
  field: string;
  /** The database files in use: never written over, whatever is asked. */
  protect?: readonly string[];
  /** --force: an existing file (not a database) may be replaced. */
  force?: boolean;
}

const SQLITE_SIDES = ['', '-wal', '-shm', '-journal'] as const;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The fs error code (`ENOENT`, `EACCES`, …), or the error itself as text. */
export function fsCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : String(err);
}

/** What an fs error code means for the path a person gave, in their words. */
export function describeFsError(err: unknown): string {
  switch (fsCode(err)) {
    case 'ENOENT':
      return 'its folder does not exist';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied (or the file is open in another program, such as Excel)';
    case 'EBUSY':
      return 'the file is open in another program (such as Excel); close it and try again';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENAMETOOLONG':
      return 'the name is too long';
    case 'EEXIST':
      return 'a file of that name appeared while writing';
    default:
      return `cannot be written (${fsCode(err)})`;
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && (a.ino !== 0 || a.size === b.size);
}

/** Whether the regular file at `path` starts with SQLite's header. */
export function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.equals(SQLITE_HEADER);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Checks that `path` may be written, and returns it absolute. Exit 2 with one
 * line naming the path's problem; nothing is created.
 */
export function checkOutputPath(path: string, guard: OutputGuard): string {
  const field = guard.field;
  if (path.trim() === '') throw new ValidationError(`--${field} is empty: give a file name`, field);
  const target = resolve(path);
  const refuse = (why: string): never => {
    throw new ValidationError(`cannot write ${target}: ${why}`, field);
  };
  const folder = statOrNull(dirname(target));
  if (folder === null) refuse('its folder does not exist');
  if (!folder!.isDirectory()) refuse('part of the path is a file, not a folder');
  const existing = statOrNull(target);
  const link = (() => {
    try {
      return lstatSync(target);
    } catch {
      return null;
    }
  })();
  if (existing === null && link === null) return target;
  if (existing?.isDirectory()) refuse('it is a folder');
  if (existing !== null) {
    for (const db of guard.protect ?? []) {
      for (const side of SQLITE_SIDES) {
        const s = statOrNull(resolve(db) + side);
        if (s !== null && sameFile(s, existing)) refuse(`it is the database in use${side === '' ? '' : ` (its ${side.slice(1)} file)`}; nothing was written`);
      }
    }
    if (isSqliteFile(target)) refuse('it is an SQLite database (a parvande office or backup?); nothing was written');
    for (const side of SQLITE_SIDES.slice(1)) {
      if (target.endsWith(side) && isSqliteFile(target.slice(0, -side.length))) {
        refuse(`it belongs to the database ${basename(target.slice(0, -side.length))}; nothing was written`);
      }
    }
  }
  if (guard.force !== true) refuse('the file exists; add --force to replace it');
  return target;
}

/** Creates the folder owner-only (0700) when missing; an existing folder keeps its mode. */
export function ensurePrivateDir(dir: string, field: string): void {
  const s = statOrNull(dir);
  if (s !== null) {
    if (!s.isDirectory()) throw new ValidationError(`cannot use the folder ${resolve(dir)}: it is a file`, field);
    return;
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (isPosix) chmodSync(dir, 0o700);
  } catch (err) {
    throw new ValidationError(`cannot create the folder ${resolve(dir)}: ${describeFsError(err)}`, field);
  }
}

/** A temporary file beside the target: exclusive, unpredictable, owner-only from its first byte. */
export interface PrivateTemp {
  readonly path: string;
  readonly fd: number;
  /** Flushes to disk, closes and renames over the target. Removes the temporary file on failure. */
  commit(): void;
  /** Closes (if open) and removes the temporary file; never throws. */
  discard(): void;
}

export function createPrivateTemp(target: string, field: string): PrivateTemp {
  const full = resolve(target);
  const path = join(dirname(full), `.${basename(full)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    throw new ValidationError(`cannot write ${full}: ${describeFsError(err)}`, field);
  }
  let open = true;
  const close = (): void => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    path,
    fd,
    commit() {
      try {
        if (open) fsyncSync(fd);
        close();
        commitPrivateFile(path, full, field);
      } catch (err) {
        this.discard();
        throw err;
      }
    },
    discard() {
      try {
        close();
      } catch {
        // already closed by the failure being reported
      }
      rmSync(path, { force: true });
    },
  };
}

/**
 * Renames a finished owner-only file over `target`. On Windows a file open in
 * Excel cannot be replaced (EPERM/EBUSY): that is the person's to fix, exit 2.
 */
export function commitPrivateFile(tempPath: string, target: string, field: string): void {
  try {
    if (isPosix) chmodSync(tempPath, 0o600);
    renameSync(tempPath, target);
  } catch (err) {
    rmSync(tempPath, { force: true });
    throw new ValidationError(`cannot write ${target}: ${describeFsError(err)}`, field);
  }
}

/** Writes `data` to a checked target owner-only, whole or not at all. */
export function writePrivateFile(target: string, data: Buffer | string, field: string): void {
  const temp = createPrivateTemp(target, field);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let done = 0;
    while (done < bytes.length) done += writeSync(temp.fd, bytes, done, bytes.length - done);
  } catch (err) {
    temp.discard();
    throw new ValidationError(`cannot write ${resolve(target)}: ${describeFsError(err)}`, field);
  }
  temp.commit();
}

/** Whether a path exists at all (a dangling symlink counts). */
export function pathExists(path: string): boolean {
  if (existsSync(path)) return true;
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
