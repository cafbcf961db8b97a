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
