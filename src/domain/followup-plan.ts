import { ValidationError } from '../errors.js';
import { insertFollowup } from '../store/followups.js';
import type { WriteCtx } from './context.js';
import { addDays } from '../lang/dates.js';
import { parseInteger, splitList } from './fields.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { t } from '../messages/catalogue.js';

export interface PlannedFollowup {
  id: number;
  dueOn: string;
  afterDays: number;
}

/** "7,30,90" → [7, 30, 90]: days after closing, each once, ascending. */
export function parseFollowupPlan(value: string): number[] {
  const days = splitList(value).map((d) => parseInteger(d.replace(/d$/i, ''), 'followup-plan', { min: 1, max: 730 }));
  if (days.length === 0) throw new ValidationError(t('followup-plan is empty: expected days after closing, e.g. 7,30,90'), 'followup-plan');
  return [...new Set(days)].sort((a, b) => a - b);
}

/**
 * After an intervention the office keeps checking that harm does not recur:
 * one follow-up per planned day, assigned to the case's worker.
 */
export function scheduleFollowupPlan(
  ctx: WriteCtx,
  caseId: number,
  closedOn: string,
  plan: string,
  workerId: number | null,
): PlannedFollowup[] {
  const at = ctx.now();
  return parseFollowupPlan(plan).map((afterDays) => {
    const dueOn = addDays(closedOn, afterDays);
    const id = insertFollowup(ctx.db, { caseId, dueOn, workerId, note: null, fromPlan: true }, at);
    addEvent(ctx, caseId, 'follow-up', closedOn, { followupId: id, workerId, reason: 'scheduled' });
    recordAudit(ctx, 'create', 'followup', id);
    return { id, dueOn, afterDays };
  });
}
