/**
 * Runs an import: rows go through the entity's importRow (the same rules as the
 * commands), committed every `batchSize` rows in one BEGIN IMMEDIATE
 * transaction, so a process killed mid-way leaves every finished batch stored
 * and none of the unfinished one; the keys make a second run finish the job
 * without duplicates. With --dry-run or --all-or-nothing the whole file is one
 * transaction, rolled back at the end (dry run, or any row refused) or committed.
 */
import { DatabaseError, ParvandeError, type DatabaseErrorCode } from '../../errors.js';
import type { TableSource } from '../../files/source.js';
import {
  beginImmediate, commit, insertImportBatch, releaseSavepoint, rollback, rollbackSavepoint, savepoint, tuneForImport, updateImportBatch,
  type BatchCounts,
} from '../../store/import.js';
import { translateSqliteError } from '../../store/database.js';
import { recordAudit } from '../audit.js';
import type { Ctx } from '../context.js';
import { getOffice } from '../office.js';
import { ClaimBook } from './claims.js';
import type { ColumnPlan, FieldSpec } from './columns.js';
import type { ImportEntity, ImportSession } from './entity.js';
import { describeRejection, type Rejection } from './rejection.js';
import { RowLayout, RowView } from './values.js';

export interface ImportOptions {
  dryRun: boolean;
  allOrNothing: boolean;
  /** Rows per transaction. */
  batchSize: number;
}

export interface RefusedRow {
  cells: string[];
  error: string;
}

export interface ImportHooks {
  /** Rows read so far. */
  progress?: (rowsRead: number) => void;
  /** Each batch's refused rows once the batch is settled; never called on a dry run. */
  rejected?: (rows: RefusedRow[]) => Promise<void>;
}

export interface ImportReport extends BatchCounts {
  entity: string;
  dryRun: boolean;
  allOrNothing: boolean;
  /** Whether the rows counted as inserted and updated are stored (false on a dry run, or all-or-nothing with refusals). */
  committed: boolean;
  rows: number;
  /** Rows whose national code had lost its leading zeros and was padded. */
  repaired: number;
  possibleDuplicates: number;
  batchId: number | null;
  errors: Rejection[];
  duplicates: { row: number; id: number; existingId: number; reason: string }[];
  /** How many errors and duplicates the lists leave out (the counts above are complete). */
  errorsNotListed: number;
  duplicatesNotListed: number;
}

const LIST_LIMIT = 1000;

export async function runImport(
  ctx: Ctx, entity: ImportEntity, source: TableSource, plan: ColumnPlan, opts: ImportOptions, hooks: ImportHooks = {},
): Promise<ImportReport> {
  const db = ctx.db;
  const office = getOffice(ctx);
  tuneForImport(db);
  const fields = new Map<string, FieldSpec>(entity.fields.map((f) => [f.name, f]));
  const layout = new RowLayout(plan, fields, ctx.today);
  const oneTransaction = opts.dryRun || opts.allOrNothing;
  const report: ImportReport = {
    entity: entity.name, dryRun: opts.dryRun, allOrNothing: opts.allOrNothing, committed: false, rows: 0,
    inserted: 0, updated: 0, unchanged: 0, rejected: 0, repaired: 0, possibleDuplicates: 0, batchId: null,
    errors: [], duplicates: [], errorsNotListed: 0, duplicatesNotListed: 0,
  };
  const counts = (): BatchCounts => ({ inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected });

  // The run is recorded in its own transaction first, so an interrupted run stays visible; with
  // --all-or-nothing it is recorded inside the one transaction, so a refused file leaves no trace.
  let batchId: number | null = null;
  const name = source.path.split(/[\\/]/).pop() ?? source.path;
  const recordRun = (): number =>
    insertImportBatch(db, { entity: entity.name, source: source.sheet === null ? name : `${name} [${source.sheet}]`, format: source.format, actor: ctx.actor, at: ctx.now() });
  if (!oneTransaction) batchId = db.write(recordRun);
  const claims = new ClaimBook();
  const caches = new Map<string, unknown>();
  // One timestamp per transaction: the rows of a batch are stored at once.
  let stamp = ctx.now();
  const session: ImportSession = {
    ...ctx,
    now: () => stamp,
    officeCode: office.code,
    get batchId() {
      return batchId;
    },
    claim: (name, id, row) => claims.claim(name, id, row, entity.record),
    cache: <T>(name: string, make: () => T): T => {
      let value = caches.get(name);
      if (value === undefined && !caches.has(name)) caches.set(name, (value = make()));
      return value as T;
    },
  };

  let refused: RefusedRow[] = [];
  const refuse = (r: Rejection & { cells: string[] }): void => {
    report.rejected++;
    const { cells, ...listed } = r;
    if (report.errors.length < LIST_LIMIT) report.errors.push(listed);
    else report.errorsNotListed++;
    refused.push({ cells, error: `${r.column === null ? '' : `column ${r.column}: `}${r.reason}` });
  };

  const importOne = (view: RowView): void => {
    report.rows++;
    const problem = view.problem();
    if (problem !== undefined) {
      refuse(describeRejection(view, plan, fields, source.header, { columnIndex: problem.column, message: problem.message }));
      return;
    }
    // Entities that write only after every check need no savepoint: a refused row has written nothing.
    const guarded = entity.writesLast !== true;
    if (guarded) savepoint(db);
    claims.beginRow();
    try {
      const outcome = entity.importRow(session, view);
      if (guarded) releaseSavepoint(db);
      report[outcome.action]++;
      if (outcome.repaired !== undefined && outcome.repaired.length > 0) report.repaired++;
      for (const d of outcome.possibleDuplicates ?? []) {
        report.possibleDuplicates++;
        if (report.duplicates.length < LIST_LIMIT) report.duplicates.push({ row: view.row, id: outcome.id, existingId: d.id, reason: d.reason });
        else report.duplicatesNotListed++;
      }
    } catch (err) {
      if (guarded) {
        try {
          rollbackSavepoint(db);
        } catch (undo) {
          // After a full disk SQLite may have rolled the whole transaction back itself: report the first failure.
          if (err instanceof ParvandeError && err.exitCode !== 1 && err.exitCode !== 5) throw undo;
        }
      }
      claims.undoRow();
      // Refusals are row errors; a locked or broken database, or a bug, stops the import.
      if (!(err instanceof ParvandeError) || err.exitCode === 1 || err.exitCode === 5) throw err;
      const field = err.field === undefined ? undefined : (entity.errorFields?.[err.field] ?? err.field);
      refuse(describeRejection(view, plan, fields, source.header, { field, message: err.message }));
    }
  };

  let stored = counts();
  let audited = false;
  let open = false;
  // The entity's once-per-batch bookkeeping, run just before the batch's COMMIT.
  let batchEnd: (() => void) | null = null;
  const beforeCommit = (): void => {
    batchEnd?.();
    batchEnd = null;
  };
  let sinceCommit = 0;
  const settle = async (final: boolean): Promise<void> => {
    if (open && !oneTransaction) {
      updateImportBatch(db, batchId as number, counts());
      // One audit entry per run, with its first batch: the counts live in import_batches.
      if (!audited) recordAudit(ctx, 'import', entity.record, batchId);
      audited = true;
      beforeCommit();
      commit(db);
      open = false;
      stored = counts();
      sinceCommit = 0;
    }
    if (!opts.dryRun && refused.length > 0 && (!oneTransaction || final)) {
      const ready = refused;
      refused = [];
      await hooks.rejected?.(ready);
    }
  };

  try {
    for await (const batch of source.batches()) {
      for (const raw of batch) {
        if (!open) {
          beginImmediate(db);
          open = true;
          batchEnd = entity.openBatch?.(session) ?? null;
          stamp = ctx.now();
          if (opts.allOrNothing && !opts.dryRun && batchId === null) batchId = recordRun();
        }
        importOne(new RowView(raw, layout));
        if (!oneTransaction && ++sinceCommit >= opts.batchSize) await settle(false);
      }
      hooks.progress?.(report.rows);
    }
    if (oneTransaction && open) {
      if (opts.dryRun || report.rejected > 0) {
        batchEnd = null;
        rollback(db);
      } else {
        updateImportBatch(db, batchId as number, counts());
        recordAudit(ctx, 'import', entity.record, batchId);
        beforeCommit();
        commit(db);
        stored = counts();
      }
      open = false;
    }
    report.committed = !opts.dryRun && !(opts.allOrNothing && report.rejected > 0);
    await settle(true);
  } catch (err) {
    batchEnd = null;
    try {
      rollback(db);
    } catch {
      // The transaction may be gone already (a full disk): the failure below is the one to report.
    }
    if (batchId !== null && !oneTransaction) closeBatch(ctx, batchId, { ...stored, rejected: report.rejected }, 'failed');
    throw stoppedBy(translateSqliteError(err, db.path), oneTransaction ? 0 : stored.inserted + stored.updated);
  }
  report.batchId = report.committed ? batchId : null;
  if (report.batchId !== null) closeBatch(ctx, report.batchId, { ...stored, rejected: report.rejected }, report.rejected > 0 ? 'rejected-rows' : 'done');
  return report;
}

/** A database failure mid-import says what stays stored: whole batches before the one being written. */
function stoppedBy(err: unknown, kept: number): unknown {
  if (!(err instanceof DatabaseError) || kept === 0) return err;
  const base = err.message.replace(/; nothing was written$/, '');
  return new DatabaseError(
    err.code as DatabaseErrorCode,
    `${base}; the batch being written was not stored, the ${kept} rows stored before it stay (running the same import again finishes it)`,
  );
}

function closeBatch(ctx: Ctx, id: number, c: BatchCounts, status: 'done' | 'rejected-rows' | 'failed'): void {
  try {
    ctx.db.write(() => updateImportBatch(ctx.db, id, c, status, ctx.now()));
  } catch {
    // The run's record is bookkeeping: failing to close it must not hide the import's own outcome.
  }
}
