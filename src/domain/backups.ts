import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConflictError, ValidationError } from '../errors.js';
import {
  backupDatabase,
  isDamagedDatabase,
  moveAside,
  removeStalePartials,
  verifyDatabaseFile,
  type FileCheck,
  type StaleCleanup,
} from '../store/backup.js';
import { isEncryptedFile, officeKey } from '../store/cipher.js';
import { Db, restrictToOwner, type OpenOptions } from '../store/database.js';
import { t } from '../messages/catalogue.js';
import { replaceDatabase } from '../store/replace.js';
import { selectOffice } from '../store/office.js';
import { recordAudit } from './audit.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { asIsoDate } from '../lang/dates.js';
import { parseInteger } from './fields.js';
import { toLatinDigits } from '../lang/digits.js';
import { keepNewestBackups, type KeepBackupsResult } from './backup-keep.js';

/** 2026-11-25T08:01:02.123Z → 20261125-080102: sortable, and legal in Windows file names. */
function stamp(nowIso: string): string {
  return nowIso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Backups sit in a `backups` folder beside the database unless --out says otherwise. */
export function defaultBackupPath(ctx: ReadCtx): string {
  const office = selectOffice(ctx.db)?.code ?? 'office';
  return freeName(join(dirname(ctx.db.path), 'backups', `parvande-${office}-${stamp(ctx.now())}.db`));
}

/** Two backups (or restores) in the same second must not collide: `x.db`, then `x-2.db`, `x-3.db`, ... */
function freeName(path: string): string {
  if (!existsSync(path)) return path;
  const stem = path.replace(/\.db$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.db`;
    if (!existsSync(candidate)) return candidate;
  }
}

/**
 * Removes the partial copies that stopped backups and restores left where this one will
 * write: the backup's folder and the database's (where restores keep the replaced file).
 * Separate from the copy itself, so that a backup that then fails still says what it removed.
 */
export function removeLeftovers(livePath: string, out?: string): StaleCleanup {
  const folder = out === undefined ? join(dirname(livePath), 'backups') : dirname(resolve(out));
  return removeStalePartials([folder, dirname(livePath)]);
}

export function makeBackup(ctx: WriteCtx, out: string | undefined): FileCheck {
  const dest = resolve(out ?? defaultBackupPath(ctx));
  const dir = dirname(dest);
  if (out === undefined && !existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new ValidationError(
        t('cannot create the backups folder {dir} ({code}): give --out FILE', {
          dir,
          code: String((err as { code?: unknown }).code ?? err),
        }),
        'out',
      );
    }
    restrictToOwner(dir, 0o700);
  }
  const check = backupDatabase(ctx.db, dest);
  try {
    ctx.db.write(() => recordAudit(ctx, 'backup', 'database', null));
  } catch (err) {
    // A copy the audit trail does not know of is not left behind: the command failed as a whole.
    rmSync(check.path, { force: true });
    throw err;
  }
  return check;
}

/**
 * --keep N: at least 1, since the backup just written is always kept (0 would ask to remove it:
 * a command that makes a backup and deletes it is refused, exit 2, before anything is written).
 */
export function parseKeep(raw: string): number {
  if (/^[+-]?0+$/.test(toLatinDigits(raw).trim())) {
    throw new ValidationError(t('--keep 0 would remove the backup just made: give 1 or more (the new backup is one of them)'), 'keep');
  }
  return parseInteger(raw, 'keep', { min: 1, max: 100_000 });
}

/**
 * After a backup: this office's older backups in its folder beyond the newest `keep` are removed
 * (src/domain/backup-keep.ts says which files those can be), and the removal is in the audit trail.
 * A failure to remove one is reported, not thrown: the new backup is made and kept either way.
 */
export function keepBackups(ctx: WriteCtx, backup: FileCheck, keep: number): { kept: KeepBackupsResult; unrecorded: string | null } {
  if (backup.officeCode === null) return { kept: { keep, removed: [], notRemoved: [] }, unrecorded: null };
  const kept = keepNewestBackups({ written: backup.path, livePath: ctx.db.path, officeCode: backup.officeCode, keep });
  let unrecorded: string | null = null;
  if (kept.removed.length > 0) {
    try {
      ctx.db.write(() => recordAudit(ctx, 'remove-backups', 'database', null, [`removed:${kept.removed.length}`, `keep:${keep}`]));
    } catch (err) {
      // The files are gone either way: the command lists them and says the trail missed it.
      unrecorded = err instanceof Error ? err.message : String(err);
    }
  }
  return { kept, unrecorded };
}

export interface RestorePlan {
  backup: FileCheck;
  livePath: string;
  liveOfficeCode: string | null;
  /** The database being replaced is damaged (the usual reason to restore): it is moved aside, not copied. */
  liveDamaged: boolean;
}

/** Verifies the backup and says what a restore would replace; changes nothing. */
export function planRestore(source: string, livePath: string, allowOtherOffice: boolean): RestorePlan {
  const backup = verifyDatabaseFile(source);
  let liveOfficeCode: string | null = null;
  const liveDamaged = existsSync(livePath) && isDamagedDatabase(livePath);
  if (existsSync(livePath) && !liveDamaged) {
    const live = Db.open(livePath, { readonly: true });
    try {
      liveOfficeCode = live.read((db) => selectOffice(db))?.code ?? null;
    } finally {
      live.close();
    }
  }
  if (liveOfficeCode !== null && backup.officeCode !== liveOfficeCode && !allowOtherOffice) {
    throw new ConflictError(
      t('the backup belongs to office {backup}, the database to {live}: pass --other-office to replace it anyway', {
        backup: backup.officeCode ?? '',
        live: liveOfficeCode,
      }),
      'file',
    );
  }
  // An encrypted office stays encrypted: its contents never go into a plain file.
  if (isEncryptedFile(backup.path) && existsSync(livePath) && !liveDamaged && !isEncryptedFile(livePath)) {
    throw new ConflictError(
      t('the backup is encrypted and the database {path} is not: run "parvande db encrypt" first, then restore', {
        path: resolve(livePath),
      }),
      'file',
    );
  }
  return { backup, livePath: resolve(livePath), liveOfficeCode, liveDamaged };
}

export interface RestoreResult extends RestorePlan {
  /** Where the replaced database was kept (null when there was none). */
  keptAs: string | null;
}

export interface RestoreOptions {
  /** Opens the live database (the command's own connection): called after a damaged file was moved aside. */
  open: (options: OpenOptions) => Db;
  actor: string;
  command: string;
}

/**
 * Keeps a verified copy of the database being replaced (a damaged file is moved aside as
 * it is), puts the backup in its place, migrates it to the current schema and records the
 * restore in the restored trail. Holding the write lock from the kept copy to the end, so a
 * write another program commits meanwhile is in the kept copy or in the restored database.
 */
export function restoreBackup(plan: RestorePlan, options: RestoreOptions): RestoreResult {
  const now = new Date().toISOString();
  let keptAs: string | null = null;
  let keepAs: string | null = null;
  if (existsSync(plan.livePath)) {
    const kept = freeName(`${plan.livePath}.replaced-${stamp(now)}.db`);
    if (plan.liveDamaged) {
      moveAside(plan.livePath, kept);
      keptAs = kept;
    } else keepAs = kept;
  }
  // A damaged file moved aside: the new one is encrypted from its first page when the backup is, with the same key.
  const live = options.open({ create: true, migrate: false, key: isEncryptedFile(plan.backup.path) ? officeKey() : undefined });
  const ctx: WriteCtx = {
    db: live.outsideTransaction(),
    actor: options.actor,
    command: options.command,
    today: asIsoDate(now.slice(0, 10)),
    now: () => now,
  };
  const copied = replaceDatabase(live, plan.backup.path, {
    keepAs,
    inside: () => {
      live.migrate();
      recordAudit(ctx, 'restore', 'database', null);
    },
  });
  restrictToOwner(plan.livePath);
  return { ...plan, keptAs: keptAs ?? copied };
}
