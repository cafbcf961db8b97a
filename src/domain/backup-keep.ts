/**
 * `db backup --keep N`: after a backup, the newest N backups of this office stay in its folder
 * and older ones are removed. A backup folder is also where people put other things (a copy of
 * another office, a backup renamed by hand, a link to a disk): only files that are certainly this
 * office's own backups are ever removed, and a failure to remove one is a warning, never a lost
 * backup. A file is this office's backup when all of these hold:
 *
 * - its name is exactly the one `db backup` gives (`parvande-CODE-YYYYMMDD-HHMMSS.db`, or `-2.db`, `-3.db`, …
 *   when two were made in the same second) with this office's code;
 * - it is a plain file, not a link (a link is removed by nobody: what it points to is not in the folder);
 * - it is neither the backup just written nor the database in use (or its -wal, -shm, -journal),
 *   compared by identity, so a hard link given a backup's name is still the database;
 * - read as SQLite, it holds an office record with this office's code.
 *
 * Newest is by the time in the name (a copied folder keeps it; file times do not survive a copy).
 * The backup just written counts as one of the N.
 */
import { lstatSync, readdirSync, rmSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeFsError } from '../files/output-file.js';
import { officeCodeOfFile } from '../store/backup.js';

export interface KeepBackupsInput {
  /** The backup just written (absolute): kept, and counted as one of `keep`. */
  written: string;
  /** The database in use: never touched, whatever its name. */
  livePath: string;
  officeCode: string;
  /** At least 1. */
  keep: number;
}

export interface KeepBackupsResult {
  keep: number;
  /** Older backups of this office removed, oldest first. */
  removed: string[];
  /** Older backups that could not be removed, and why (each is also a warning). */
  notRemoved: { path: string; reason: string }[];
}

const SIDES = ['-wal', '-shm', '-journal'] as const;

/** The name `db backup` gives this office's backups; the stamp and the same-second number sort them. */
function backupName(officeCode: string): RegExp {
  const code = officeCode.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^parvande-${code}-(\\d{8}-\\d{6})(?:-([1-9]\\d{0,5}))?\\.db$`);
}

function identity(path: string): BigIntStats | null {
  try {
    return statSync(path, { bigint: true });
  } catch {
    return null;
  }
}

const same = (a: BigIntStats, b: BigIntStats): boolean => a.dev === b.dev && a.ino === b.ino && a.ino !== 0n;

interface Candidate {
  path: string;
  stamp: string;
  n: number;
}

/** The backups of this office in the written backup's folder, other than it, newest first. */
function olderBackups(input: KeepBackupsInput): Candidate[] {
  const folder = dirname(input.written);
  const pattern = backupName(input.officeCode);
  const untouchable = [input.written, ...['', ...SIDES].map((s) => input.livePath + s)]
    .map(identity)
    .filter((s): s is BigIntStats => s !== null);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: Candidate[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (m === null || name === basename(input.written)) continue;
    const path = join(folder, name);
    let s: BigIntStats;
    try {
      s = lstatSync(path, { bigint: true });
    } catch {
      continue;
    }
    if (!s.isFile() || untouchable.some((u) => same(u, s))) continue;
    if (officeCodeOfFile(path) !== input.officeCode) continue;
    found.push({ path, stamp: m[1] as string, n: m[2] === undefined ? 1 : Number(m[2]) });
  }
  return found.sort((a, b) => (a.stamp === b.stamp ? b.n - a.n : a.stamp < b.stamp ? 1 : -1));
}

/** Removes this office's backups beyond the newest `keep` (the one just written among them). */
export function keepNewestBackups(input: KeepBackupsInput): KeepBackupsResult {
  const result: KeepBackupsResult = { keep: input.keep, removed: [], notRemoved: [] };
  const older = olderBackups(input)
    .slice(Math.max(0, input.keep - 1))
    .reverse();
  for (const { path } of older) {
    try {
      rmSync(path);
    } catch (err) {
      result.notRemoved.push({ path, reason: describeFsError(err) });
      continue;
    }
    result.removed.push(path);
    // What SQLite may have left beside a backup someone opened goes with it (plain files only).
    for (const side of SIDES) {
      try {
        if (lstatSync(path + side).isFile()) rmSync(path + side);
      } catch {
        // None there, or not ours to remove.
      }
    }
  }
  return result;
}
