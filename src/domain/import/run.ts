/**
 * Runs an import: rows go through the entity's importRow (the same rules as the
 * commands), committed every `batchSize` rows in one BEGIN IMMEDIATE
 * transaction, so a process killed mid-way leaves every finished batch stored
 * and none of the unfinished one; the keys make a second run finish the job
 * without duplicates. With --dry-run or --all-or-nothing the whole file is one
 * transaction, rolled back at the end (dry run, or any row refused) or committed.
 */
import { DatabaseError, ParvandeError, type DatabaseErrorCode } from '../../errors.js';
import { render, t, type Lang, type Text } from '../../messages/catalogue.js';
import type { TableSource } from '../../files/source.js';
import {
  beginImmediate,
  commit,
  insertImportBatch,
  releaseSavepoint,
  rollback,
  rollbackSavepoint,
  savepoint,
  tuneForImport,
  updateImportBatch,
  type BatchCounts,
} from '../../store/import.js';
import { translateSqliteError } from '../../store/database.js';
import { recordAudit } from '../audit.js';
import type { WriteCtx } from '../context.js';
import { getOffice } from '../office.js';
import { ClaimBook } from './claims.js';
import type { ColumnPlan, FieldSpec } from './columns.js';
import type { ImportEntity, ImportSession, RowOutcome } from './entity.js';
import { describeRejection, reasonIn, type Rejection, type RowRefusal } from './rejection.js';
import { RowLayout, RowView } from './values.js';

export interface ImportOptions {
  dryRun: boolean;
  allOrNothing: boolean;
  /** Rows per transaction. */
  batchSize: number;
  /** The language the report's reasons and the rejects file's error column are written in (default English). */
  lang?: Lang;
}

export interface RefusedRow {
  cells: string[];
  /** The rejects file's error column, in the import's language. */
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
  /** `reason` in the import's language. */
  duplicates: { row: number; id: number; existingId: number; reason: string }[];
  /** How many errors and duplicates the lists leave out (the counts above are complete). */
  errorsNotListed: number;
  duplicatesNotListed: number;
}

const LIST_LIMIT = 1000;

export async function runImport(
  ctx: WriteCtx,
  entity: ImportEntity,
  source: TableSource,
  plan: ColumnPlan,
  opts: ImportOptions,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  return new ImportRun(ctx, entity, source, plan, opts, hooks).run();
}

/**
 * One run of an import, as its steps: read rows → validate → write (the entity
 * claims its keys and writes through the domain rules) → count → commit the
 * batch → report the batch's rejects. The state the steps share lives here,
 * in named fields, and nowhere else.
 */
class ImportRun {
  private readonly db: WriteCtx['db'];
  private readonly fields: Map<string, FieldSpec>;
  private readonly layout: RowLayout;
  /** --dry-run or --all-or-nothing: the whole file is one transaction. */
  private readonly oneTransaction: boolean;
  private readonly report: ImportReport;
  private readonly lang: Lang;
  private readonly claims = new ClaimBook();
  private readonly caches = new Map<string, unknown>();
  private readonly session: ImportSession;
  /** The run's row in import_batches (null on a dry run, or before an all-or-nothing run's transaction). */
  private batchId: number | null = null;
  /** One timestamp per transaction: the rows of a batch are stored at once. */
  private stamp = '';
  /** The open batch's refused rows, for the rejects callback once the batch is settled. */
  private refused: RefusedRow[] = [];
  /** The counts as of the last COMMIT: what stays stored if the run stops. */
  private stored: BatchCounts;
  private audited = false;
  /** A transaction is open. */
  private open = false;
  /** Rows in the open batch. */
  private sinceCommit = 0;
  /** The entity's once-per-batch bookkeeping (the report counts), run just before the batch's COMMIT. */
  private batchEnd: (() => void) | null = null;

  constructor(
    private readonly ctx: WriteCtx,
    private readonly entity: ImportEntity,
    private readonly source: TableSource,
    private readonly plan: ColumnPlan,
    private readonly opts: ImportOptions,
    private readonly hooks: ImportHooks,
  ) {
    this.db = ctx.db;
    const office = getOffice(ctx);
    tuneForImport(this.db);
    this.fields = new Map<string, FieldSpec>(entity.fields.map((f) => [f.name, f]));
    this.layout = new RowLayout(plan, this.fields, ctx.today);
    this.oneTransaction = opts.dryRun || opts.allOrNothing;
    this.lang = opts.lang ?? 'en';
    this.report = {
      entity: entity.name,
      dryRun: opts.dryRun,
      allOrNothing: opts.allOrNothing,
      committed: false,
      rows: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      repaired: 0,
      possibleDuplicates: 0,
      batchId: null,
      errors: [],
      duplicates: [],
      errorsNotListed: 0,
      duplicatesNotListed: 0,
    };
    this.stored = this.counts();
    // The entity sees the run's batch id as it is when it asks (an all-or-nothing run records it late).
    const currentBatchId = (): number | null => this.batchId;
    this.session = {
      ...ctx,
      now: () => this.stamp,
      officeCode: office.code,
      get batchId() {
        return currentBatchId();
      },
      claim: (name, id, row) => this.claims.claim(name, id, row, entity.record),
      cache: <T>(name: string, make: () => T): T => {
        let value = this.caches.get(name);
        if (value === undefined && !this.caches.has(name)) this.caches.set(name, (value = make()));
        return value as T;
      },
    };
  }

  async run(): Promise<ImportReport> {
    // The run is recorded in its own transaction first, so an interrupted run stays visible; with
    // --all-or-nothing it is recorded inside the one transaction, so a refused file leaves no trace.
    if (!this.oneTransaction) this.batchId = this.db.write(() => this.recordRun());
    this.stamp = this.ctx.now();
    const report = this.report;
    try {
      await this.readRows();
      if (this.oneTransaction && this.open) this.endWholeFile();
      report.committed = !this.opts.dryRun && !(this.opts.allOrNothing && report.rejected > 0);
      await this.settle(true);
    } catch (err) {
      throw this.abandon(err);
    }
    report.batchId = report.committed ? this.batchId : null;
    if (report.batchId !== null) {
      closeBatch(this.ctx, report.batchId, { ...this.stored, rejected: report.rejected }, report.rejected > 0 ? 'rejected-rows' : 'done');
    }
    return report;
  }

  /** Step 1, read rows: the source's batches, each row through the next steps; a batch commits every batchSize rows. */
  private async readRows(): Promise<void> {
    for await (const batch of this.source.batches()) {
      for (const raw of batch) {
        if (!this.open) this.beginBatch();
        this.importOne(new RowView(raw, this.layout));
        if (!this.oneTransaction && ++this.sinceCommit >= this.opts.batchSize) await this.settle(false);
      }
      this.hooks.progress?.(this.report.rows);
    }
  }

  private recordRun(): number {
    const source = this.source;
    const name = source.path.split(/[\\/]/).pop() ?? source.path;
    return insertImportBatch(this.db, {
      entity: this.entity.name,
      source: source.sheet === null ? name : `${name} [${source.sheet}]`,
      format: source.format,
      actor: this.ctx.actor,
      at: this.ctx.now(),
    });
  }

  /** BEGIN IMMEDIATE, the report counts held for the batch, the batch's timestamp. */
  private beginBatch(): void {
    beginImmediate(this.db);
    this.open = true;
    this.holdReportCounts();
    this.stamp = this.ctx.now();
    if (this.opts.allOrNothing && !this.opts.dryRun && this.batchId === null) this.batchId = this.recordRun();
  }

  /** The per-batch report counts step: the entity's store bookkeeping, undone with the batch if it rolls back. */
  private holdReportCounts(): void {
    this.batchEnd = this.entity.openBatch?.(this.session) ?? null;
  }

  private releaseReportCounts(): void {
    this.batchEnd?.();
    this.batchEnd = null;
  }

  /** Steps 2 to 4 for one row: validate what the reader found, write it through the entity's rules, count it. */
  private importOne(view: RowView): void {
    this.report.rows++;
    if (!this.validate(view)) return;
    const outcome = this.write(view);
    if (outcome !== undefined) this.count(view, outcome);
  }

  /** Step 2, validate: problems the reader found (a broken quote, a value under no header) refuse the row. */
  private validate(view: RowView): boolean {
    const problem = view.problem();
    if (problem === undefined) return true;
    this.refuse(
      describeRejection(view, this.plan, this.fields, this.source.header, { columnIndex: problem.column, message: problem.message }),
    );
    return false;
  }

  /**
   * Step 3, write: the entity claims the row's keys (ClaimBook) and writes through
   * the domain rules, inside a savepoint unless it writes only after every check.
   * A refused row is undone and refused; a locked or broken database, or a bug, stops the import.
   */
  private write(view: RowView): RowOutcome | undefined {
    const db = this.db;
    // Entities that write only after every check need no savepoint: a refused row has written nothing.
    const guarded = this.entity.writesLast !== true;
    if (guarded) savepoint(db);
    this.claims.beginRow();
    try {
      const outcome = this.entity.importRow(this.session, view);
      if (guarded) releaseSavepoint(db);
      return outcome;
    } catch (err) {
      if (guarded) {
        try {
          rollbackSavepoint(db);
        } catch (undo) {
          // After a full disk SQLite may have rolled the whole transaction back itself: report the first failure.
          if (err instanceof ParvandeError && err.exitCode !== 1 && err.exitCode !== 5) throw undo;
        }
      }
      this.claims.undoRow();
      // Refusals are row errors; a locked or broken database, or a bug, stops the import.
      if (!(err instanceof ParvandeError) || err.exitCode === 1 || err.exitCode === 5) throw err;
      const field = err.field === undefined ? undefined : (this.entity.errorFields?.[err.field] ?? err.field);
      this.refuse(describeRejection(view, this.plan, this.fields, this.source.header, { field, message: err.text }));
      return undefined;
    }
  }

  /** Step 4, count: the row's outcome, its repairs and its possible duplicates (listed up to LIST_LIMIT). */
  private count(view: RowView, outcome: RowOutcome): void {
    const report = this.report;
    report[outcome.action]++;
    if (outcome.repaired !== undefined && outcome.repaired.length > 0) report.repaired++;
    for (const d of outcome.possibleDuplicates ?? []) {
      report.possibleDuplicates++;
      if (report.duplicates.length < LIST_LIMIT)
        report.duplicates.push({ row: view.row, id: outcome.id, existingId: d.id, reason: render(d.reason, this.lang) });
      else report.duplicatesNotListed++;
    }
  }

  private refuse(r: RowRefusal): void {
    const report = this.report;
    report.rejected++;
    const { cells, ...rest } = r;
    const listed: Rejection = { ...rest, reason: reasonIn(r.reason, this.lang) };
    if (report.errors.length < LIST_LIMIT) report.errors.push(listed);
    else report.errorsNotListed++;
    const error: Text = r.column === null ? r.reason : t('column {column}: {reason}', { column: r.column, reason: r.reason });
    this.refused.push({ cells, error: reasonIn(error, this.lang) });
  }

  private counts(): BatchCounts {
    const r = this.report;
    return { inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, rejected: r.rejected };
  }

  /** A batch is done (or the file): commit it, then hand its refused rows to the rejects file. */
  private async settle(final: boolean): Promise<void> {
    if (this.open && !this.oneTransaction) this.commitBatch();
    await this.reportRejects(final);
  }

  /** Step 5, commit: the run's counts and (once per run) its audit entry go in with the batch's rows. */
  private commitBatch(): void {
    updateImportBatch(this.db, this.batchId as number, this.counts());
    // One audit entry per run, with its first batch: the counts live in import_batches.
    if (!this.audited) recordAudit(this.ctx, 'import', this.entity.record, this.batchId);
    this.audited = true;
    this.releaseReportCounts();
    commit(this.db);
    this.open = false;
    this.stored = this.counts();
    this.sinceCommit = 0;
  }

  /** The end of a dry run or all-or-nothing run: roll back (dry run, or any row refused) or commit it all. */
  private endWholeFile(): void {
    if (this.opts.dryRun || this.report.rejected > 0) {
      this.batchEnd = null;
      rollback(this.db);
    } else {
      updateImportBatch(this.db, this.batchId as number, this.counts());
      recordAudit(this.ctx, 'import', this.entity.record, this.batchId);
      this.releaseReportCounts();
      commit(this.db);
      this.stored = this.counts();
    }
    this.open = false;
  }

  /** Step 6, report rejects: a settled batch's refused rows (all at the end with one transaction; never on a dry run). */
  private async reportRejects(final: boolean): Promise<void> {
    if (!this.opts.dryRun && this.refused.length > 0 && (!this.oneTransaction || final)) {
      const ready = this.refused;
      this.refused = [];
      await this.hooks.rejected?.(ready);
    }
  }

  /** The run stops on a database failure or a bug: the open batch is rolled back, the run's record marked failed. */
  private abandon(err: unknown): unknown {
    this.batchEnd = null;
    try {
      rollback(this.db);
    } catch {
      // The transaction may be gone already (a full disk): the failure below is the one to report.
    }
    if (this.batchId !== null && !this.oneTransaction)
      closeBatch(this.ctx, this.batchId, { ...this.stored, rejected: this.report.rejected }, 'failed');
    return stoppedBy(translateSqliteError(err, this.db.path), this.oneTransaction ? 0 : this.stored.inserted + this.stored.updated);
  }
}

/** A database failure mid-import says what stays stored: whole batches before the one being written. */
function stoppedBy(err: unknown, kept: number): unknown {
  if (!(err instanceof DatabaseError) || kept === 0) return err;
  const code = err.code as DatabaseErrorCode;
  // A full disk says nothing was written: here the batches before this one were.
  const full = /^the disk holding (.+) is full; nothing was written$/.exec(render(err.text, 'en'));
  if (full !== null) {
    return new DatabaseError(
      code,
      t(
        'the disk holding {path} is full; the batch being written was not stored, the {kept} rows stored before it stay (running the same import again finishes it)',
        { path: full[1] as string, kept },
      ),
    );
  }
  return new DatabaseError(
    code,
    t(
      '{error}; the batch being written was not stored, the {kept} rows stored before it stay (running the same import again finishes it)',
      {
        error: err.text,
        kept,
      },
    ),
  );
}

function closeBatch(ctx: WriteCtx, id: number, c: BatchCounts, status: 'done' | 'rejected-rows' | 'failed'): void {
  try {
    ctx.db.write(() => updateImportBatch(ctx.db, id, c, status, ctx.now()));
  } catch {
    // The run's record is bookkeeping: failing to close it must not hide the import's own outcome.
  }
}
