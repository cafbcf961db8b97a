/**
 * `import office DIR`: an office folder (office-export.ts) read back into an empty office
 * of the same code, as one transaction: every file is checked against the manifest
 * (present, same SHA-256) before anything is written, then every kind in the registry's
 * order goes through its own importRow (the rules of the commands, as `import KIND`),
 * then the links that wait for later rows (a merged client's pointer), then every case's
 * timeline as stored replaces the entries the rows wrote, then the times each record was
 * written. One refused row refuses the move: nothing is stored, the office stays empty.
 *
 * The files' ids carry this office's code but name records not yet here, so they are
 * read as another source's ids (ImportSession.foreignIds); in an empty office each record
 * gets its id again wherever the sending office's ids follow each other (OfficeIds
 * counts the others).
 */
import { join } from 'node:path';
import { ConflictError, ParvandeError, ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { deleteAllCaseEvents, deleteImportKeysOfBatch, tableHasRows, tableOfKind } from '../../store/office-move.js';
import { beginImmediate, commit, insertImportBatch, rollback, tuneForImport, updateImportBatch } from '../../store/import.js';
import { resumeReportCounts, suspendReportCounts } from '../../store/report-counts/index.js';
import { translateSqliteError } from '../../store/database.js';
import { recordAudit } from '../audit.js';
import type { WriteCtx } from '../context.js';
import { getOffice, validateOfficeInput } from '../office.js';
import { upsertOffice } from '../../store/office.js';
import { ClaimBook } from './claims.js';
import { planColumns, type FieldSpec } from './columns.js';
import type { ImportEntity } from './entity.js';
import { officeKinds } from './office-export.js';
import { checkFiles, readManifest, refuse, type ManifestFile, type OfficeManifest } from './office-manifest.js';
import { OfficeIds, type OfficeSession } from './office-kinds.js';
import { describeRejection } from './rejection.js';
import { ENTITIES } from './registry.js';
import { RowLayout, RowView } from './values.js';

export interface OfficeImportOptions {
  /** The folder as the person typed it (messages name it so). */
  name: string;
  dryRun: boolean;
  /** This program's schema version: a folder from a newer one is refused. */
  schemaVersion: number;
}

export interface OfficeImportResult {
  kind: 'office';
  folder: string;
  office: string;
  dryRun: boolean;
  committed: boolean;
  files: { kind: string; file: string; rows: number }[];
  rows: number;
  /** Kinds whose records got another id than in the folder (ids the sending office had left free), with how many. */
  renumbered: Record<string, number>;
}

/** An office that holds any record of any kind is not empty: the move would mix two offices. */
function assertEmpty(ctx: WriteCtx): void {
  for (const kind of [...ENTITIES.map((e) => e.name), 'case-events', 'replaced-texts']) {
    const table = tableOfKind(ctx.db, kind);
    if (table !== undefined && tableHasRows(ctx.db, table)) {
      throw new ConflictError(
        t('this office already holds records ({kind}): import office moves an office into an empty one; nothing was imported', { kind }),
        'folder',
      );
    }
  }
}

export async function importOffice(ctx: WriteCtx, dir: string, opts: OfficeImportOptions): Promise<OfficeImportResult> {
  const manifest = readManifest(dir, opts.name);
  if (manifest.redacted) refuse(t('{folder} is a redacted export (no names): it does not import back', { folder: opts.name }));
  const office = getOffice(ctx);
  if (manifest.office.code !== office.code) {
    throw new ConflictError(
      t(
        '{folder} is an export of office {theirs}, this is office {ours}: import office needs a new office of the same code (parvande init --office-code {theirs})',
        { folder: opts.name, theirs: manifest.office.code, ours: office.code },
      ),
      'folder',
    );
  }
  if (manifest.schemaVersion > opts.schemaVersion) {
    refuse(
      t('{folder} was written by a newer parvande (schema {schema}; this version knows {known}): upgrade parvande', {
        folder: opts.name,
        schema: manifest.schemaVersion,
        known: opts.schemaVersion,
      }),
    );
  }
  const kinds = officeKinds({ redacted: false });
  const files = await checkFiles(dir, opts.name, manifest, kinds);
  return new OfficeMove(ctx, dir, opts, manifest, kinds, files).run();
}

/** One office move, one transaction; its steps are its methods. */
class OfficeMove {
  private readonly ids: OfficeIds;
  private readonly pending: { file: string; row: number; step: () => void }[] = [];
  private batchId = 0;
  private stamp = '';
  private current = { file: '', row: 0 };
  private readonly result: OfficeImportResult;

  constructor(
    private readonly ctx: WriteCtx,
    private readonly dir: string,
    private readonly opts: OfficeImportOptions,
    private readonly manifest: OfficeManifest,
    private readonly kinds: readonly ImportEntity[],
    private readonly files: ReadonlyMap<string, ManifestFile>,
  ) {
    this.ids = new OfficeIds(manifest.office.code);
    this.result = {
      kind: 'office',
      folder: opts.name,
      office: manifest.office.code,
      dryRun: opts.dryRun,
      committed: false,
      files: [],
      rows: 0,
      renumbered: {},
    };
  }

  async run(): Promise<OfficeImportResult> {
    const db = this.ctx.db;
    tuneForImport(db);
    beginImmediate(db);
    try {
      // Checked inside the transaction: nobody can add a record between the check and the move.
      assertEmpty(this.ctx);
      this.stamp = this.ctx.now();
      this.batchId = insertImportBatch(db, {
        entity: 'office',
        source: this.opts.name,
        format: 'csv',
        actor: this.ctx.actor,
        at: this.stamp,
      });
      // The office's name, county and province travel with it (its code is the same already).
      const o = getOffice(this.ctx);
      const details = validateOfficeInput({
        officeCode: o.code,
        officeName: this.manifest.office.name,
        county: this.manifest.office.county ?? undefined,
        province: this.manifest.office.province ?? undefined,
      });
      upsertOffice(db, { ...details, createdAt: o.createdAt });
      // The report counts are rebuilt once at the end from what is stored, rather than kept row by row.
      const triggers = suspendReportCounts(db);
      for (const entity of this.kinds) {
        if (entity.name === 'case-events') this.linkWaitingRows();
        await this.importKind(entity);
      }
      resumeReportCounts(db, triggers);
      deleteImportKeysOfBatch(db, this.batchId);
      this.result.renumbered = Object.fromEntries(this.ids.renumbered);
      if (this.opts.dryRun) {
        rollback(db);
        return this.result;
      }
      updateImportBatch(db, this.batchId, { inserted: this.result.rows, updated: 0, unchanged: 0, rejected: 0 }, 'done', this.ctx.now());
      recordAudit(this.ctx, 'import', 'office', this.batchId);
      commit(db);
      this.result.committed = true;
      return this.result;
    } catch (err) {
      try {
        rollback(db);
      } catch {
        // The transaction may be gone already (a full disk): the failure below is the one to report.
      }
      throw err instanceof ParvandeError ? err : translateSqliteError(err, db.path);
    }
  }

  private session(entity: ImportEntity, claims: ClaimBook): OfficeSession {
    return {
      ...this.ctx,
      now: () => this.stamp,
      officeCode: getOffice(this.ctx).code,
      batchId: this.batchId,
      foreignIds: true,
      afterAll: (step) => this.pending.push({ ...this.current, step }),
      officeIds: this.ids,
      claim: (name, id, row) => claims.claim(name, id, row, entity.record),
      cache: (() => {
        const caches = new Map<string, unknown>();
        return <T>(name: string, make: () => T): T => {
          if (!caches.has(name)) caches.set(name, make());
          return caches.get(name) as T;
        };
      })(),
    };
  }

  /** Every row of one kind's file through the kind's importRow; the first refused row refuses the move. */
  private async importKind(entity: ImportEntity): Promise<void> {
    const listed = this.files.get(entity.name);
    // A kind the folder does not list (an export made before it existed) has no records; an empty file needs no reading.
    if (listed === undefined) return;
    this.result.files.push({ kind: entity.name, file: listed.file, rows: listed.rows });
    if (listed.rows === 0) return;
    const { openTable } = await import('../../files/table.js');
    const path = join(this.dir, listed.file);
    const where = join(this.opts.name, listed.file);
    // A problem of the file itself (its text, its quoting, its columns) names the file; a refused row names it already.
    const named = (err: unknown): unknown =>
      err instanceof ValidationError && !err.message.startsWith(where)
        ? new ValidationError(t('{file}: {error}', { file: where, error: err.text }), err.field)
        : err;
    let source: Awaited<ReturnType<typeof openTable>>;
    let plan: ReturnType<typeof planColumns>;
    try {
      source = await openTable(path, { format: 'csv', encoding: 'utf8' });
      plan = planColumns(entity.fields, source.header);
    } catch (err) {
      throw named(err);
    }
    const fields = new Map<string, FieldSpec>(entity.fields.map((f) => [f.name, f]));
    const layout = new RowLayout(plan, fields, this.ctx.today);
    const claims = new ClaimBook();
    const s = this.session(entity, claims);
    const batchEnd = entity.openBatch?.(s);
    let rows = 0;
    try {
      for await (const batch of source.batches()) {
        for (const raw of batch) {
          const view = new RowView(raw, layout);
          this.current = { file: listed.file, row: view.row };
          const problem = view.problem();
          if (problem !== undefined)
            this.refuseRow(view, plan, fields, source.header, { columnIndex: problem.column, message: problem.message });
          claims.beginRow();
          try {
            const outcome = entity.importRow(s, view);
            const fileId = view.get('id');
            if (fileId !== undefined && entity.fields.some((f) => f.name === 'id' && f.kind === 'id'))
              this.ids.record(entity.name, fileId.trim(), outcome.id);
          } catch (err) {
            if (!(err instanceof ParvandeError) || err.exitCode === 1 || err.exitCode === 5) throw err;
            const field = err.field === undefined ? undefined : (entity.errorFields?.[err.field] ?? err.field);
            this.refuseRow(view, plan, fields, source.header, { field, message: err.text });
          }
          rows++;
        }
      }
    } catch (err) {
      throw named(err);
    }
    batchEnd?.();
    if (rows !== listed.rows)
      refuse(
        t('{file} has {rows} rows, its manifest says {listed}: copy the export again', {
          file: join(this.opts.name, listed.file),
          rows,
          listed: listed.rows,
        }),
      );
    this.result.rows += rows;
  }

  /** The links that waited for every row (a merged client's pointer), in the order their rows came. */
  private linkWaitingRows(): void {
    for (const p of this.pending) {
      try {
        p.step();
      } catch (err) {
        if (!(err instanceof ParvandeError) || err.exitCode === 1 || err.exitCode === 5) throw err;
        const at = { file: join(this.opts.name, p.file), row: p.row, reason: err.text };
        refuse(
          err.field === undefined
            ? t('{file} row {row}: {reason}; nothing was imported', at)
            : t('{file} row {row} ({field}): {reason}; nothing was imported', { ...at, field: err.field }),
          err.field,
        );
      }
    }
    this.pending.length = 0;
    // The timeline as the office kept it replaces the entries the rows wrote (an opening, a closing, a service's entry).
    deleteAllCaseEvents(this.ctx.db);
  }

  private refuseRow(
    view: RowView,
    plan: Parameters<typeof describeRejection>[1],
    fields: ReadonlyMap<string, FieldSpec>,
    header: readonly string[],
    problem: Parameters<typeof describeRejection>[4],
  ): never {
    const r = describeRejection(view, plan, fields, header, problem);
    // The column's header and the reason; never the cell (it may be a name or a note).
    const at = { file: join(this.opts.name, this.current.file), row: r.row, reason: r.reason };
    throw new ValidationError(
      r.column === null
        ? t('{file} row {row}: {reason}; nothing was imported', at)
        : t('{file} row {row}, column {column}: {reason}; nothing was imported', { ...at, column: r.column }),
      r.field ?? 'folder',
    );
  }
}
