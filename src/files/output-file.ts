/**
 * The one place that decides whether parvande may write a file, and writes it
 * safely. Every file a command writes (exports, reports, nightly files, rejects
 * files, backups) goes through here:
 *
 * - The target is checked by identity (device + inode, after symlinks), not by
 *   spelling: the database in use, its -wal/-shm/-journal (present or not), and
 *   any SQLite file are never written over, even with --force; any other
 *   existing file only with --force. A folder, a missing folder, a device or an
 *   empty path is refused (exit 2).
 * - Bytes go to a temporary file created exclusively (`wx`: a planted symlink or
 *   file of the same name makes the open fail instead of being followed), with
 *   an unpredictable name, owner-only from its first byte, in the target's own
 *   folder; it is renamed into place only when complete and removed on any failure.
 *   A rename replaces a symlink at the target as a link: it never writes through it.
 */
import {
  chmodSync,
  closeSync,
  constants as fsConstants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeSync,
  type BigIntStats,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ValidationError } from '../errors.js';
import { render, t, type Text } from '../messages/catalogue.js';

const isPosix = process.platform !== 'win32';
/** Windows and macOS compare file names without regard to case. */
const caseInsensitive = process.platform === 'win32' || process.platform === 'darwin';

/** `-` as a file name: standard output (--out) or standard input (import). */
const STDIO = '-';

/**
 * `bytes` random bytes as hex, from the Web Crypto global (the same CSPRNG as node:crypto's
 * randomBytes): loading node:crypto itself costs every command about a millisecond at start-up.
 */
function randomHex(bytes: number): string {
  return Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');
}

export const isStdio = (path: string | undefined): boolean => path === STDIO;

export interface OutputGuard {
  /** The option the path came from, named in every refusal (`out`, `dir`, `file`). */
  field: string;
  /** The database files in use: never written over, whatever is asked. */
  protect?: readonly string[];
  /** --force: an existing file (not a database) may be replaced. */
  force?: boolean;
}

const SQLITE_SIDES = ['', '-wal', '-shm', '-journal'] as const;
/** How SQLite's own files begin: the database, its write-ahead log (two byte orders) and its rollback journal. */
const SQLITE_MAGIC = [
  Buffer.from('SQLite format 3\0', 'latin1'),
  Buffer.from([0x37, 0x7f, 0x06, 0x82]),
  Buffer.from([0x37, 0x7f, 0x06, 0x83]),
  Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]),
];

/** The fs error code (`ENOENT`, `EACCES`, …), or the error itself as text. */
function fsCode(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : String(err);
}

/** What an fs error code means for the path a person gave, in their words: a catalogue message. */
export function fsErrorText(err: unknown): Text {
  switch (fsCode(err)) {
    case 'ENOENT':
      return t('its folder does not exist');
    case 'ENOTDIR':
      return t('part of the path is a file, not a folder');
    case 'EISDIR':
      return t('it is a folder');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied (or the file is open in another program, such as Excel)');
    case 'EBUSY':
      return t('the file is open in another program (such as Excel); close it and try again');
    case 'EROFS':
      return t('the disk is read-only');
    case 'ENOSPC':
      return t('the disk is full');
    case 'EDQUOT':
      return t('the disk quota is used up');
    case 'ENAMETOOLONG':
      return t('the name is too long');
    case 'EEXIST':
      return t('a file of that name appeared while writing');
    case 'ELOOP':
      return t('it is a loop of symbolic links');
    default:
      return t('cannot be written ({code})', { code: fsCode(err) });
  }
}

/** fsErrorText in English, for callers that still build English strings (prefer fsErrorText). */
export function describeFsError(err: unknown): string {
  return render(fsErrorText(err), 'en');
}

type StatResult = BigIntStats | { error: unknown };

function statOf(path: string, follow = true): StatResult {
  try {
    return follow ? statSync(path, { bigint: true }) : lstatSync(path, { bigint: true });
  } catch (error) {
    return { error };
  }
}

const failed = (s: StatResult): s is { error: unknown } => 'error' in s;

function sameFile(a: BigIntStats, b: BigIntStats): boolean {
  // Some Windows file systems (FAT) report no file id: size and time stand in, erring on the side of refusing.
  return a.dev === b.dev && a.ino === b.ino && (a.ino !== 0n || (a.size === b.size && a.mtimeNs === b.mtimeNs));
}

const sameName = (a: string, b: string): boolean => (caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);

/** Whether the regular file at `path` starts like one of SQLite's files; `unreadable` when its head cannot be read. */
function sniffSqlite(path: string): 'sqlite' | 'other' | { unreadable: unknown } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, head.length, 0);
    return SQLITE_MAGIC.some((m) => n >= m.length && head.subarray(0, m.length).equals(m)) ? 'sqlite' : 'other';
  } catch (err) {
    return { unreadable: err };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether the regular file at `path` starts with SQLite's database header. */
export function isSqliteFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const magic = SQLITE_MAGIC[0] as Buffer;
    const head = Buffer.alloc(magic.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(magic);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Which side (`''`, `-wal`, …) of a protected database `target` names, compared by folder identity and name. */
function protectedSide(target: string, folder: BigIntStats, protect: readonly string[]): string | null {
  for (const db of protect) {
    const full = resolve(db);
    const dbFolder = statOf(dirname(full));
    if (failed(dbFolder) || !sameFile(dbFolder, folder)) continue;
    for (const side of SQLITE_SIDES) if (sameName(basename(target), basename(full) + side)) return side;
  }
  return null;
}

const dbInUse = (side: string): Text =>
  side === ''
    ? t('it is the database in use; nothing was written')
    : t('it is the database in use (its {side} file); nothing was written', { side: side.slice(1) });

/**
 * Checks that `path` may be written, and returns it absolute. Exit 2 with one
 * line naming the path's problem; nothing is created.
 */
export function checkOutputPath(path: string, guard: OutputGuard): string {
  const field = guard.field;
  if (path.trim() === '') throw new ValidationError(t('{flag} is empty: give a file name', { flag: `--${field}` }), field);
  const target = resolve(path);
  const refuse = (why: Text): never => {
    throw new ValidationError(t('cannot write {target}: {why}', { target, why }), field);
  };
  const folder = statOf(dirname(target));
  if (failed(folder)) return refuse(fsCode(folder.error) === 'ENOENT' ? t('its folder does not exist') : fsErrorText(folder.error));
  if (!folder.isDirectory()) refuse(t('part of the path is a file, not a folder'));
  const protect = guard.protect ?? [];
  // By name first: the database's -wal or -shm may not exist at this moment, and must not be made.
  const side = protectedSide(target, folder, protect);
  if (side !== null) refuse(dbInUse(side));
  for (const s of SQLITE_SIDES.slice(1)) {
    if (target.endsWith(s) && isSqliteFile(target.slice(0, -s.length))) {
      refuse(t('it belongs to the database {database}; nothing was written', { database: basename(target.slice(0, -s.length)) }));
    }
  }
  const link = statOf(target, false);
  if (failed(link)) {
    if (fsCode(link.error) === 'ENOENT') return target;
    return refuse(fsErrorText(link.error));
  }
  const existing = statOf(target);
  if (!failed(existing)) {
    if (existing.isDirectory()) refuse(t('it is a folder'));
    for (const db of protect) {
      for (const s of SQLITE_SIDES) {
        const d = statOf(resolve(db) + s);
        if (!failed(d) && sameFile(d, existing)) refuse(dbInUse(s));
      }
    }
    if (!existing.isFile())
      refuse(
        field === 'out'
          ? t('it is not a regular file (a device or a pipe); use --out - for standard output')
          : t('it is not a regular file (a device or a pipe)'),
      );
    const sniffed = sniffSqlite(target);
    if (sniffed === 'sqlite') refuse(t('it is an SQLite database (a parvande office or backup?); nothing was written'));
    if (typeof sniffed === 'object')
      refuse(t('cannot tell whether it is a database ({why}); nothing was written', { why: fsErrorText(sniffed.unreadable) }));
  } else if (fsCode(existing.error) !== 'ENOENT') {
    // A link to a link to …: not something to write over.
    refuse(fsErrorText(existing.error));
  }
  // What is left: an existing regular file that is no database, or a dangling symlink (replaced as a link).
  if (guard.force !== true) refuse(t('the file exists; add --force to replace it'));
  return target;
}

/**
 * Creates the folder owner-only (0700) when missing; an existing folder keeps its mode.
 * Returns it absolute.
 */
export function ensurePrivateDir(dir: string, field: string): string {
  if (dir.trim() === '') throw new ValidationError(t('{flag} is empty: give a folder', { flag: `--${field}` }), field);
  const full = resolve(dir);
  const s = statOf(full);
  if (!failed(s)) {
    if (!s.isDirectory()) throw new ValidationError(t('cannot use the folder {folder}: it is a file', { folder: full }), field);
    return full;
  }
  try {
    mkdirSync(full, { recursive: true, mode: 0o700 });
    if (isPosix) chmodSync(full, 0o700);
  } catch (err) {
    const why = fsCode(err) === 'EEXIST' ? t('part of the path is a file, not a folder') : fsErrorText(err);
    throw new ValidationError(t('cannot create the folder {folder}: {why}', { folder: full, why }), field);
  }
  return full;
}

/** A folder of files whose names parvande chooses (`export office`), checked before anything is read or written. */
export interface CheckedFolder {
  /** Absolute. */
  readonly path: string;
  /** Whether it existed before (else it is created, owner-only, when the writing begins). */
  readonly existed: boolean;
  readonly names: readonly string[];
  readonly guard: OutputGuard;
}

/**
 * Checks that the files `names` may be written into the folder `dir`: a missing folder
 * (in an existing one) is created when the writing begins; an existing empty one is
 * used; one holding anything needs --force, and then only the given names are replaced,
 * each under checkOutputPath's rules (never a database, a link replaced as a link). A
 * symlink as the folder, a file, or a folder whose parent is missing is refused (exit 2).
 */
export function checkOutputFolder(dir: string, names: readonly string[], guard: OutputGuard): CheckedFolder {
  const field = guard.field;
  if (dir.trim() === '') throw new ValidationError(t('{flag} is empty: give a folder', { flag: `--${field}` }), field);
  const full = resolve(dir);
  const refuse = (why: Text): never => {
    throw new ValidationError(t('cannot write into {folder}: {why}', { folder: full, why }), field);
  };
  const link = statOf(full, false);
  if (failed(link)) {
    if (fsCode(link.error) !== 'ENOENT') return refuse(fsErrorText(link.error));
    const parent = statOf(dirname(full));
    if (failed(parent)) return refuse(fsCode(parent.error) === 'ENOENT' ? t('its folder does not exist') : fsErrorText(parent.error));
    if (!parent.isDirectory()) refuse(t('part of the path is a file, not a folder'));
    return { path: full, existed: false, names, guard };
  }
  if (link.isSymbolicLink()) refuse(t('it is a symbolic link: give the folder itself; nothing was written'));
  if (!link.isDirectory()) refuse(t('it is a file, not a folder; nothing was written'));
  let entries: string[];
  try {
    entries = readdirSync(full);
  } catch (err) {
    return refuse(fsErrorText(err));
  }
  if (entries.length > 0 && guard.force !== true) {
    refuse(t("the folder is not empty; add --force to write into it (only the export's own files are replaced)"));
  }
  for (const name of names) checkOutputPath(join(full, name), { ...guard, force: true });
  return { path: full, existed: true, names, guard };
}

/**
 * Makes the checked folder ready: created owner-only (0700) when missing; `staleFirst`
 * (an earlier export's manifest) removed first, so a folder whose writing stops half-way
 * never pairs new files with an old manifest. Returns `discard`, which on failure removes
 * what this run wrote into a folder it created or found empty.
 */
export function openOutputFolder(folder: CheckedFolder, staleFirst: readonly string[]): { discard: () => void } {
  const field = folder.guard.field;
  if (!folder.existed) {
    try {
      mkdirSync(folder.path, { mode: 0o700 });
      if (isPosix) chmodSync(folder.path, 0o700);
    } catch (err) {
      throw new ValidationError(t('cannot create the folder {folder}: {why}', { folder: folder.path, why: fsErrorText(err) }), field);
    }
  }
  const wasEmpty = !folder.existed || readdirSync(folder.path).length === 0;
  for (const name of staleFirst) {
    const path = join(folder.path, name);
    if (!pathExists(path)) continue;
    checkOutputPath(path, { ...folder.guard, force: true });
    rmSync(path, { force: true });
  }
  return {
    discard() {
      if (!wasEmpty) return;
      for (const name of folder.names) rmSync(join(folder.path, name), { force: true });
      if (!folder.existed) {
        try {
          rmdirSync(folder.path);
        } catch {
          // Something else was put into it meanwhile: left as it is.
        }
      }
    },
  };
}

/** `report.rejects.csv`, then `report.rejects-2.csv`, `report.rejects-3.csv`, … */
function numberedPath(path: string, n: number): string {
  if (n <= 1) return path;
  const ext = extname(path);
  return `${path.slice(0, path.length - ext.length)}-${n}${ext}`;
}

/** A temporary file beside the target: exclusive, unpredictable, owner-only from its first byte. */
export interface PrivateTemp {
  readonly path: string;
  readonly fd: number;
  /** Appends bytes; a failure (a full disk) removes the file and is exit 2 naming the target. */
  write(bytes: Uint8Array): void;
  /** Closes the file without putting it anywhere (a private scratch copy); `discard` removes it. */
  close(): void;
  /**
   * Flushes to disk, closes and renames over the target, checking the target
   * again first (a file may have appeared meanwhile). Removes the temporary file on failure.
   */
  commit(): void;
  /**
   * Like commit, but never replaces anything: the first free name of
   * `numberedPath(target, 1…)` is taken. Returns the path used.
   */
  commitAsNew(): string;
  /** Closes (if open) and removes the temporary file; never throws. */
  discard(): void;
}

const MAX_NUMBERED = 999;

export function createPrivateTemp(target: string, guard: OutputGuard | string): PrivateTemp {
  const g: OutputGuard = typeof guard === 'string' ? { field: guard } : guard;
  const field = g.field;
  const full = resolve(target);
  const path = join(dirname(full), `.${basename(full)}.${randomHex(8)}.tmp`);
  let fd: number;
  try {
    // 'wx' is O_CREAT|O_EXCL: never opens an existing file, never follows a link.
    fd = openSync(path, 'wx', 0o600);
  } catch (err) {
    throw new ValidationError(t('cannot write {target}: {why}', { target: full, why: fsErrorText(err) }), field);
  }
  let open = true;
  const close = (): void => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  const finish = (): void => {
    if (open) fsyncSync(fd);
    close();
    if (isPosix) chmodSync(path, 0o600);
  };
  const temp: PrivateTemp = {
    path,
    fd,
    write(bytes) {
      try {
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (err) {
        temp.discard();
        throw new ValidationError(t('cannot write {target}: {why}', { target: full, why: fsErrorText(err) }), field);
      }
    },
    close() {
      try {
        finish();
      } catch (err) {
        temp.discard();
        throw new ValidationError(t('cannot write {target}: {why}', { target: full, why: fsErrorText(err) }), field);
      }
    },
    commit() {
      try {
        finish();
        if (typeof guard !== 'string') checkOutputPath(full, g);
        renameSync(path, full);
      } catch (err) {
        temp.discard();
        if (err instanceof ValidationError) throw err;
        throw new ValidationError(t('cannot write {target}: {why}', { target: full, why: fsErrorText(err) }), field);
      }
    },
    commitAsNew() {
      try {
        finish();
        for (let n = 1; n <= MAX_NUMBERED; n++) {
          const candidate = numberedPath(full, n);
          if (pathExists(candidate)) continue;
          // Still refused by name: the database's own -wal or -shm, a folder gone missing.
          checkOutputPath(candidate, { ...g, force: false });
          if (claimName(path, candidate)) {
            temp.discard();
            return numberedPath(target, n);
          }
        }
        throw new ValidationError(
          t('cannot write {target}: {count} files of that name exist already', { target: full, count: MAX_NUMBERED }),
          field,
        );
      } catch (err) {
        temp.discard();
        if (err instanceof ValidationError) throw err;
        throw new ValidationError(t('cannot write {target}: {why}', { target: full, why: fsErrorText(err) }), field);
      }
    },
    discard() {
      try {
        close();
      } catch {
        // already closed by the failure being reported
      }
      try {
        rmSync(path, { force: true });
      } catch {
        // Windows may hold it a moment longer (an antivirus scan): nothing more to do.
      }
    },
  };
  return temp;
}

/**
 * Gives the finished file at `from` the name `to` only if no file has it: a hard
 * link fails on an existing name (the check and the claim are one step). Where
 * the disk has no hard links (FAT, some network shares) a rename after a last
 * look is the best there is. Returns false when the name is taken.
 */
function claimName(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch (err) {
    const code = fsCode(err);
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK')
      throw err;
  }
  if (!failed(statOf(to, false))) return false;
  renameSync(from, to);
  return true;
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
    throw new ValidationError(t('cannot write {target}: {why}', { target, why: fsErrorText(err) }), field);
  }
}

/** Writes `data` to a checked target owner-only, whole or not at all. */
export function writePrivateFile(target: string, data: Buffer | string, guard: OutputGuard | string): void {
  const temp = createPrivateTemp(target, guard);
  temp.write(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
  temp.commit();
}

/**
 * Writes `data` as `name` in a new folder of its own under the system's temporary folder, both
 * owner-only (mkdtemp makes the folder 0700 with an unpredictable name), and returns the file's
 * path. For a page a browser opens after the command has ended (`--open`): the file is left
 * there, in the user's own temporary folder, for the browser to read.
 */
export function writePrivateTempFile(name: string, data: Buffer | string, field: string): string {
  removeOldTempPages();
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), TEMP_PAGE_PREFIX));
  } catch (err) {
    throw new ValidationError(
      t('cannot write in the temporary folder {folder}: {why}', { folder: tmpdir(), why: fsErrorText(err) }),
      field,
    );
  }
  const target = join(dir, basename(name));
  writePrivateFile(target, data, { field });
  return target;
}

const TEMP_PAGE_PREFIX = 'parvande-page-';

/** How long a page opened in the browser is kept: long enough to read and print it, not for the next user of a shared PC. */
export const TEMP_PAGE_HOURS = 1;

/**
 * Removes the pages earlier `--open`s left in the temporary folder (parvande exits before the
 * browser has read its page, so each is removed by a later run): a folder of ours
 * (`parvande-page-…`, a real folder, not a link, owned by this user where the OS has owners)
 * older than TEMP_PAGE_HOURS and holding nothing but one web page. Anything else is left alone;
 * nothing here ever fails the command.
 */
export function removeOldTempPages(now = Date.now()): string[] {
  const removed: string[] = [];
  const root = tmpdir();
  let names: string[];
  try {
    names = readdirSync(root).filter((n) => n.startsWith(TEMP_PAGE_PREFIX));
  } catch {
    return removed;
  }
  for (const name of names) {
    const dir = join(root, name);
    try {
      const st = lstatSync(dir);
      if (!st.isDirectory() || (isPosix && typeof process.getuid === 'function' && st.uid !== process.getuid())) continue;
      if (now - st.mtimeMs < TEMP_PAGE_HOURS * 3_600_000) continue;
      const inside = readdirSync(dir);
      const page = inside[0];
      if (inside.length !== 1 || page === undefined || extname(page) !== '.html') continue;
      const file = join(dir, page);
      if (!lstatSync(file).isFile()) continue;
      rmSync(file);
      rmdirSync(dir);
      removed.push(dir);
    } catch {
      // Another run removed it, or it is not ours to remove: left as it is.
    }
  }
  return removed;
}

/** Whether a path exists at all (a dangling symlink counts). */
export function pathExists(path: string): boolean {
  return !failed(statOf(path, false));
}

/**
 * Binary bytes (XLSX) to standard output only when it is redirected: on a
 * terminal they would garble the screen and reach nobody.
 */
export function checkBinaryStdout(suggestion: string, field = 'out'): void {
  if (process.stdout.isTTY === true) {
    throw new ValidationError(
      t('standard output is a terminal: XLSX is binary; redirect it to a file (> {suggestion}) or give --out FILE', { suggestion }),
      field,
    );
  }
}

/** A file opened to be appended to (a log): each `append` adds bytes at its end, never earlier. */
export interface AppendFile {
  /** Absolute. */
  readonly path: string;
  /** Whether this open created the file. */
  readonly created: boolean;
  /** Writes `text` at the end (one write call, so that lines of two runs do not interleave); exit 2 on failure. */
  append(text: string): void;
  /** Closes the file; never throws. */
  close(): void;
}

const O_NOFOLLOW: number = (fsConstants as { O_NOFOLLOW?: number }).O_NOFOLLOW ?? 0;

/**
 * Opens `path` to append to (a log), never truncating it. Refused (exit 2, nothing written) as
 * checkOutputPath refuses any target, even with --force: the database in use and its
 * -wal/-shm/-journal, any SQLite file, a device, a folder. And a symlink, dangling or not:
 * appending would write through it into a file nobody named, and replacing it as a link
 * would throw the earlier lines away. An existing regular file is appended to; a new one is
 * created exclusively and owner-only from its first byte. After opening, the handle must be
 * the very file that was checked (or, for a new one, the file this open created): a file
 * swapped in between is refused.
 */
export function openAppendFile(path: string, guard: OutputGuard): AppendFile {
  const field = guard.field;
  const target = checkOutputPath(path, { ...guard, force: true });
  const refuse = (why: Text): never => {
    throw new ValidationError(t('cannot write {target}: {why}', { target, why }), field);
  };
  const before = statOf(target, false);
  const existed = !failed(before);
  if (existed && before.isSymbolicLink()) refuse(t('it is a symbolic link: give the file itself; nothing was written'));
  let fd: number;
  try {
    const flags = existed
      ? fsConstants.O_WRONLY | fsConstants.O_APPEND | O_NOFOLLOW
      : fsConstants.O_WRONLY | fsConstants.O_APPEND | fsConstants.O_CREAT | fsConstants.O_EXCL | O_NOFOLLOW;
    fd = openSync(target, flags, 0o600);
  } catch (err) {
    return refuse(fsCode(err) === 'ELOOP' ? t('it is a symbolic link: give the file itself; nothing was written') : fsErrorText(err));
  }
  let open = true;
  const close = (): void => {
    if (!open) return;
    open = false;
    try {
      closeSync(fd);
    } catch {
      // Nothing more can be done about a handle that will not close.
    }
  };
  try {
    const opened = fstatSync(fd, { bigint: true });
    const now = statOf(target, false);
    const same = !failed(now) && now.isFile() && opened.isFile() && sameFile(now, opened);
    if (!same || (existed && !sameFile(before, opened))) refuse(t('the file was replaced while it was being opened; nothing was written'));
    if (!existed && isPosix) fchmodSync(fd, 0o600);
  } catch (err) {
    close();
    if (!existed) rmSync(target, { force: true });
    if (err instanceof ValidationError) throw err;
    return refuse(fsErrorText(err));
  }
  return {
    path: target,
    created: !existed,
    append(text) {
      const bytes = Buffer.from(text, 'utf8');
      try {
        let done = 0;
        while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      } catch (err) {
        refuse(fsErrorText(err));
      }
    },
    close,
  };
}
