import { insertAudit } from '../store/audit.js';
import type { WriteCtx } from './context.js';

/**
 * Records one write in the audit trail. `fields` names what changed, never the
 * values: the trail is read by more people than the files are.
 */
export function recordAudit(ctx: WriteCtx, action: string, recordType: string, recordId: string | number | null, fields?: string[]): void {
  insertAudit(ctx.db, {
    at: ctx.now(),
    actor: ctx.actor,
    command: ctx.command,
    action,
    recordType,
    recordId,
    detail: fields && fields.length > 0 ? fields.join(',') : null,
  });
}

/**
 * An export recorded in the trail once its file is written: which kind (`clients`, `office`), how
 * many records, the format, and whether it was redacted, never what it held. Data that leaves
 * the office is as sensitive as data that is changed.
 */
export function recordExport(ctx: WriteCtx, kind: string, e: { rows: number; format: string; redacted: boolean }): void {
  recordAudit(ctx, 'export', kind, null, [`rows ${e.rows}`, e.format, e.redacted ? 'redacted' : 'not redacted']);
}
