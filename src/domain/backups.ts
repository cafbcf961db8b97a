import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConflictError, ValidationError } from '../errors.js';
import { backupDatabase, isDamagedDatabase, moveAside, restoreDatabase, verifyDatabaseFile, type FileCheck } from '../store/backup.js';
import { Db, restrictToOwner } from '../store/database.js';
import { selectOffice } from '../store/office.js';
import { recordAudit } from './audit.js';
import type { Ctx } from './context.js';

/** 2026-11-25T08:01:02.123Z → 20261125-080102: sortable, and legal in Windows file names. */
function stamp(nowIso: string): string {
  return nowIso.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Backups sit in a `backups` folder beside the database unless --out says otherwise. */
export function defaultBackupPath(ctx: Ctx): string {
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

export function makeBackup(ctx: Ctx, out: string | undefined): FileCheck {
  const dest = resolve(out ?? defaultBackupPath(ctx));
  const dir = dirname(dest);
  if (out === undefined && !existsSync(dir)) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new ValidationError(`cannot create the backups folder ${dir} (${String((err as { code?: unknown }).code ?? err)}): give --out FILE`, 'out');
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
      liveOfficeCode = selectOffice(live)?.code ?? null;
    } finally {
      live.close();
    }
  }
  if (liveOfficeCode !== null && backup.officeCode !== liveOfficeCode && !allowOtherOffice) {
    throw new ConflictError(
      `the backup belongs to office ${backup.officeCode}, the database to ${liveOfficeCode}: pass --other-office to replace it anyway`,
      'file',
    );
  }
  return { backup, livePath: resolve(livePath), liveOfficeCode, liveDamaged };
}

export interface RestoreResult extends RestorePlan {
  /** Where the replaced database was kept (null when there was none). */
  keptAs: string | null;
}

/**
 * Keeps a copy of the database being replaced (a verified copy; a damaged file is moved
 * aside as it is), then copies the backup over it and migrates it to the current schema;
 * the restore itself is recorded in the restored trail.
 */
export async function restoreBackup(plan: RestorePlan, actor: string, command: string): Promise<RestoreResult> {
  const now = new Date().toISOString();
  let keptAs: string | null = null;
  if (existsSync(plan.livePath)) {
    const kept = freeName(`${plan.livePath}.replaced-${stamp(now)}.db`);
    if (plan.liveDamaged) moveAside(plan.livePath, kept);
    else {
      const live = Db.open(plan.livePath, { migrate: false });
      try {
        backupDatabase(live, kept);
      } finally {
        live.close();
      }
    }
    keptAs = kept;
  }
  await restoreDatabase(plan.backup.path, plan.livePath);
  const restored = Db.open(plan.livePath);
  try {
    restored.write(() =>
      recordAudit({ db: restored, actor, command, today: now.slice(0, 10), now: () => now }, 'restore', 'database', null),
    );
  } finally {
    restored.close();
  }
  return { ...plan, keptAs };
}
