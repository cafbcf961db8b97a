import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConflictError } from '../errors.js';
import { backupDatabase, restoreDatabase, verifyDatabaseFile, type FileCheck } from '../store/backup.js';
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
  return join(dirname(ctx.db.path), 'backups', `parvande-${office}-${stamp(ctx.now())}.db`);
}

export function makeBackup(ctx: Ctx, out: string | undefined): FileCheck {
  const dest = resolve(out ?? defaultBackupPath(ctx));
  const dir = dirname(dest);
  if (out === undefined && !existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    restrictToOwner(dir, 0o700);
  }
  const check = backupDatabase(ctx.db, dest);
  ctx.db.write(() => recordAudit(ctx, 'backup', 'database', null));
  return check;
}

export interface RestorePlan {
  backup: FileCheck;
  livePath: string;
  liveOfficeCode: string | null;
}

/** Verifies the backup and says what a restore would replace; changes nothing. */
export function planRestore(source: string, livePath: string, allowOtherOffice: boolean): RestorePlan {
  const backup = verifyDatabaseFile(source);
  let liveOfficeCode: string | null = null;
  if (existsSync(livePath)) {
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
  return { backup, livePath: resolve(livePath), liveOfficeCode };
}

export interface RestoreResult extends RestorePlan {
  /** Where the replaced database was kept (null when there was none). */
  keptAs: string | null;
}

/**
 * Keeps a copy of the database being replaced, then copies the backup over it and
 * migrates it to the current schema; the restore itself is recorded in the restored trail.
 */
export async function restoreBackup(plan: RestorePlan, actor: string, command: string): Promise<RestoreResult> {
  const now = new Date().toISOString();
  let keptAs: string | null = null;
  if (existsSync(plan.livePath)) {
    const live = Db.open(plan.livePath, { migrate: false });
    try {
      keptAs = backupDatabase(live, `${plan.livePath}.replaced-${stamp(now)}.db`).path;
    } finally {
      live.close();
    }
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
