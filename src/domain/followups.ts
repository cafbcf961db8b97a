import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  insertFollowup, selectFollowup, selectFollowups, updateFollowupStatus, type FollowupRow, type OverdueMoment,
} from '../store/followups.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { resolveCase } from './cases.js';
import type { Ctx } from './context.js';
import { addDays, parseDateInput, type IsoDate } from './dates.js';
import { isBlank, noRecordWithId, optionalNote, parseId, requiredText } from './fields.js';
import { optionalActiveWorker, resolveStaff } from './staff.js';

export type Followup = FollowupRow;

export interface ScheduleInput {
  case?: string | undefined;
  due?: string | undefined;
  worker?: string | undefined;
  note?: string | undefined;
}

/** A follow-up as validated: what `followup schedule` and import both store. */
export interface ValidatedFollowup {
  caseId: number;
  caseOpenedOn: string;
  caseWorker: number | null;
  dueOn: string;
  /** The worker given, if any. */
  workerId: number | null;
  note: string | null;
}

/** Every rule of scheduling a follow-up, shared by `followup schedule` and import; writes nothing. */
export function validateFollowupSchedule(ctx: Ctx, input: ScheduleInput, opts: { allowInactiveWorker?: boolean } = {}): ValidatedFollowup {
  const c = resolveCase(ctx, requiredText(input.case, 'case'));
  const dueOn = parseDateInput(requiredText(input.due, 'due'), { today: ctx.today, field: 'due', kind: 'record' });
  if (dueOn < c.openedOn) throw new ValidationError(`due date is before the case was opened (${c.openedOn})`, 'due');
  const worker = opts.allowInactiveWorker === true
    ? (isBlank(input.worker) ? null : resolveStaff(ctx, input.worker))
    : optionalActiveWorker(ctx, input.worker);
  return { caseId: c.id, caseOpenedOn: c.openedOn, caseWorker: c.workerId, dueOn, workerId: worker?.id ?? null, note: optionalNote(input.note, 'note') };
}

/** Follow-ups may be scheduled on open and on closed cases: monitoring goes on after closing. */
export function scheduleFollowup(ctx: Ctx, input: ScheduleInput): Followup {
  const v = validateFollowupSchedule(ctx, input);
  const workerId = v.workerId ?? v.caseWorker;
  const id = insertFollowup(ctx.db, { caseId: v.caseId, dueOn: v.dueOn, workerId, note: v.note, fromPlan: false }, ctx.now());
  addEvent(ctx, v.caseId, 'follow-up', ctx.today < v.caseOpenedOn ? v.caseOpenedOn : ctx.today, { followupId: id, workerId, reason: 'scheduled' });
  recordAudit(ctx, 'create', 'followup', id);
  return selectFollowup(ctx.db, id) as Followup;
}

function resolveFollowup(ctx: Pick<Ctx, 'db'>, ref: string): Followup {
  const f = selectFollowup(ctx.db, parseId(ref, 'id'));
  if (f === undefined) throw noRecordWithId('follow-up', 'id');
  return f;
}

export interface FinishInput {
  id: string;
  date?: string | undefined;
  outcome?: string | undefined;
}

/** done, missed or cancelled: only a scheduled follow-up can end, and only once. */
export function finishFollowup(ctx: Ctx, status: 'done' | 'missed' | 'cancelled', input: FinishInput): Followup {
  const f = resolveFollowup(ctx, input.id);
  if (f.status !== 'scheduled') throw new ConflictError(`follow-up #${f.id} is already ${f.status}`, 'id');
  const outcome = optionalNote(input.outcome, status === 'done' ? 'outcome' : 'reason');
  if (status === 'done' && outcome === null) throw new ValidationError('outcome is required: what did the follow-up find?', 'outcome');
  const onDate = isBlank(input.date) ? ctx.today : parseDateInput(input.date, { today: ctx.today, field: 'date', kind: 'record' });
  if (onDate > ctx.today) throw new ValidationError('date is in the future', 'date');
  const c = resolveCase(ctx, String(f.caseId));
  if (onDate < c.openedOn) throw new ValidationError(`date is before the case was opened (${c.openedOn})`, 'date');
  updateFollowupStatus(ctx.db, f.id, status, status === 'cancelled' ? null : onDate, outcome, ctx.now());
  addEvent(ctx, f.caseId, 'follow-up', onDate, { followupId: f.id, workerId: f.workerId, reason: status, text: outcome });
  recordAudit(ctx, status, 'followup', f.id, ['status']);
  return selectFollowup(ctx.db, f.id) as Followup;
}

/**
 * What "overdue" means, for every list, caseload, report and nightly file: a follow-up is
 * overdue at a moment when its due day had ended by then and it was not done, missed or
 * cancelled by then. Dates have no time of day, so the moment is one of two kinds:
 * - now (asOf today or later: the running day, month or period): due before today and
 *   still scheduled. One done or missed today, even late, is no longer overdue tonight;
 *   one due today is not overdue yet.
 * - the end of a past day asOf (a month that has ended): due on or before asOf and still
 *   scheduled at its end: scheduled now, or done or missed after asOf. One done after the
 *   month ended was overdue at the month's end. A cancellation has no date: a cancelled
 *   follow-up counts as never overdue.
 * The SQL of the condition is store/followups.ts overdueCondition.
 */
export function overdueMoment(asOf: IsoDate, today: IsoDate): OverdueMoment {
  if (asOf < today) return { dueBefore: addDays(asOf, 1), settledThrough: asOf };
  return { dueBefore: today, settledThrough: today };
}

export interface FollowupListFilter {
  case?: string | undefined;
  worker?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  dueBefore?: string | undefined;
  limit: number;
}

export function listFollowups(ctx: Pick<Ctx, 'db' | 'today'>, f: FollowupListFilter): Followup[] {
  const c = isBlank(f.case) ? null : resolveCase(ctx, f.case);
  const worker = isBlank(f.worker) ? null : resolveStaff(ctx, f.worker);
  let status: string | undefined;
  if (!isBlank(f.status) && f.status !== 'all') {
    if (!['scheduled', 'done', 'missed', 'cancelled'].includes(f.status)) {
      throw new ValidationError('invalid status: expected scheduled, done, missed, cancelled or all', 'status');
    }
    status = f.status;
  }
  const dueBefore = isBlank(f.dueBefore) ? undefined : parseDateInput(f.dueBefore, { today: ctx.today, field: 'due-before' });
  return selectFollowups(ctx.db, {
    limit: f.limit,
    ...(c ? { caseId: c.id } : {}),
    ...(worker ? { workerId: worker.id } : {}),
    ...(status ? { status } : {}),
    ...(f.overdue ? { overdueAt: overdueMoment(ctx.today, ctx.today) } : {}),
    ...(dueBefore ? { dueBefore } : {}),
  });
}
