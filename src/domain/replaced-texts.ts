/**
 * Corrections keep the text they replace (issue #12): when a case's summary, a service's
 * note or a client's notes is replaced or cleared, the text as it was is kept, with who
 * replaced it, when and why, and the timeline entry of the correction when there is one.
 * Nothing is kept when there was no text (nothing is lost) or it did not change.
 */
import { insertReplacedText, type ReplacedField, type ReplacedRecordType } from '../store/replaced-texts.js';
import type { WriteCtx } from './context.js';

export type { ReplacedTextRow as ReplacedText } from '../store/replaced-texts.js';

export interface TextReplacement {
  recordType: ReplacedRecordType;
  recordId: number;
  field: ReplacedField;
  before: string | null;
  after: string | null;
  /** Why, as the person gave it (`--reason`); null where the command takes none. */
  reason: string | null;
  caseEventId?: number | null;
}

export function keepReplacedText(ctx: WriteCtx, r: TextReplacement): void {
  if (r.before === null || r.before === r.after) return;
  insertReplacedText(ctx.db, {
    recordType: r.recordType,
    recordId: r.recordId,
    field: r.field,
    oldText: r.before,
    caseEventId: r.caseEventId ?? null,
    replacedAt: ctx.now(),
    replacedBy: ctx.actor,
    reason: r.reason,
  });
}
