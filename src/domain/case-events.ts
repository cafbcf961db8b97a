import { insertCaseEvent } from '../store/cases.js';
import type { EventKind } from './codes.js';
import type { WriteCtx } from './context.js';

export interface EventExtra {
  workerId?: number | null;
  /** closed: the close reason; follow-up: scheduled, done, missed or cancelled. */
  reason?: string | null;
  text?: string | null;
  serviceId?: number | null;
  followupId?: number | null;
}

/** Appends one entry to a case's timeline. */
export function addEvent(ctx: WriteCtx, caseId: number, kind: EventKind, onDate: string, extra: EventExtra = {}): number {
  return insertCaseEvent(ctx.db, {
    caseId,
    kind,
    onDate,
    at: ctx.now(),
    actor: ctx.actor,
    workerId: extra.workerId ?? null,
    reason: extra.reason ?? null,
    text: extra.text ?? null,
    serviceId: extra.serviceId ?? null,
    followupId: extra.followupId ?? null,
  });
}
