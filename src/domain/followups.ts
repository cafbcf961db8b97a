import { ConflictError, ValidationError } from '../errors.js';
import { overdueMoment } from './overdue.js';
import {
  insertFollowup,
  selectFollowup,
  selectFollowups,
  updateFollowupDue,
  updateFollowupStatus,
  type FollowupRow,
} from '../store/followups.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { resolveCase, type Case } from './cases.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { parseDateInput, type IsoDate } from '../lang/dates.js';
import { invalidValue, isBlank, noRecordWithId, optionalNote, parseId, requiredText } from './fields.js';
import { recordWorker, resolveStaff } from './staff.js';
import { t, type Text } from '../messages/catalogue.js';

export type Followup = FollowupRow;

/** `followup schedule` as typed: every value a string, nothing checked yet. */
export interface RawFollowupSchedule {
  case?: string | undefined;
  due?: string | undefined;
  worker?: string | undefined;
  note?: string | undefined;
}

/** A schedule as parsed: the due date as ISO; the worker a reference the rules look up. */
export interface ScheduleFollowupInput {
  dueOn: IsoDate;
  worker: string | null;
  note: string | null;
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

/** The case a follow-up is owed on, looked up first: an unknown case is reported before a bad date. */
export function resolveFollowupCase(ctx: Pick<ReadCtx, 'db'>, ref: string | undefined): Case {
  return resolveCase(ctx, requiredText(ref, 'case'));
}

/** The parse step of `followup schedule` (and of a follow-up row of an import): no database. */
export function parseScheduleFollowupInput(raw: RawFollowupSchedule, today: IsoDate): ScheduleFollowupInput {
  const dueOn = parseDateInput(requiredText(raw.due, 'due'), { today, field: 'due', kind: 'record' });
  return { dueOn, worker: isBlank(raw.worker) ? null : raw.worker, note: optionalNote(raw.note, 'note') };
}

/** Every rule of scheduling a follow-up, shared by `followup schedule` and import; writes nothing. */
export function validateFollowupSchedule(
  ctx: ReadCtx,
  c: Case,
  input: ScheduleFollowupInput,
  opts: { allowInactiveWorker?: boolean } = {},
): ValidatedFollowup {
  const { dueOn } = input;
  if (dueOn < c.openedOn) throw new ValidationError(t('due date is before the case was opened ({date})', { date: c.openedOn }), 'due');
  const worker = recordWorker(ctx, input.worker, opts.allowInactiveWorker === true);
  return { caseId: c.id, caseOpenedOn: c.openedOn, caseWorker: c.workerId, dueOn, workerId: worker?.id ?? null, note: input.note };
}

/** Follow-ups may be scheduled on open and on closed cases: monitoring goes on after closing. */
export function recordFollowupSchedule(ctx: WriteCtx, v: ValidatedFollowup): Followup {
  const workerId = v.workerId ?? v.caseWorker;
  const id = insertFollowup(ctx.db, { caseId: v.caseId, dueOn: v.dueOn, workerId, note: v.note, fromPlan: false }, ctx.now());
  addEvent(ctx, v.caseId, 'follow-up', ctx.today < v.caseOpenedOn ? v.caseOpenedOn : ctx.today, {
    followupId: id,
    workerId,
    reason: 'scheduled',
  });
  recordAudit(ctx, 'create', 'followup', id);
  return selectFollowup(ctx.db, id) as Followup;
}

/** `followup schedule` from strings: the case, then parse, then the rules. */
export function scheduleFollowup(ctx: WriteCtx, raw: RawFollowupSchedule): Followup {
  const c = resolveFollowupCase(ctx, raw.case);
  return recordFollowupSchedule(ctx, validateFollowupSchedule(ctx, c, parseScheduleFollowupInput(raw, ctx.today)));
}

export function resolveFollowup(ctx: Pick<ReadCtx, 'db'>, ref: string): Followup {
  const f = selectFollowup(ctx.db, parseId(ref, 'id'));
  if (f === undefined) throw noRecordWithId('follow-up', 'id');
  return f;
}

export type FollowupEnd = 'done' | 'missed' | 'cancelled';

/** `followup done|missed|cancel` as typed. */
export interface RawFollowupFinish {
  date?: string | undefined;
  outcome?: string | undefined;
}

export interface FinishFollowupInput {
  status: FollowupEnd;
  /** What it found (done), or why it was missed or cancelled. */
  outcome: string | null;
  onDate: IsoDate;
}

/** The parse step of finishing a follow-up: a done one must say what it found; the date is not in the future. */
export function parseFinishFollowupInput(status: FollowupEnd, raw: RawFollowupFinish, today: IsoDate): FinishFollowupInput {
  const outcome = optionalNote(raw.outcome, status === 'done' ? 'outcome' : 'reason');
  if (status === 'done' && outcome === null) throw new ValidationError(t('outcome is required: what did the follow-up find?'), 'outcome');
  const onDate = isBlank(raw.date) ? today : parseDateInput(raw.date, { today, field: 'date', kind: 'record' });
  if (onDate > today) throw new ValidationError(t('date is in the future'), 'date');
  return { status, outcome, onDate };
}

/** The refusal to end a follow-up that has ended already, said for each way it ended. */
function followupAlready(id: number, status: FollowupEnd): Text {
  if (status === 'done') return t('follow-up #{id} is already done', { id });
  if (status === 'missed') return t('follow-up #{id} is already missed', { id });
  return t('follow-up #{id} is already cancelled', { id });
}

/** The refusal to reschedule a follow-up that has ended, said for each way it ended. */
function followupNotScheduled(id: number, status: FollowupEnd): Text {
  if (status === 'done') return t('follow-up #{id} is done: only a scheduled one can be rescheduled', { id });
  if (status === 'missed') return t('follow-up #{id} is missed: only a scheduled one can be rescheduled', { id });
  return t('follow-up #{id} is cancelled: only a scheduled one can be rescheduled', { id });
}

/** done, missed or cancelled: only a scheduled follow-up can end, and only once. */
export function recordFollowupEnd(ctx: WriteCtx, f: Followup, input: FinishFollowupInput): Followup {
  const { status, outcome, onDate } = input;
  if (f.status !== 'scheduled') throw new ConflictError(followupAlready(f.id, f.status), 'id');
  const c = resolveCase(ctx, String(f.caseId));
  if (onDate < c.openedOn) throw new ValidationError(t('date is before the case was opened ({date})', { date: c.openedOn }), 'date');
  updateFollowupStatus(ctx.db, f.id, status, status === 'cancelled' ? null : onDate, outcome, ctx.now());
  addEvent(ctx, f.caseId, 'follow-up', onDate, { followupId: f.id, workerId: f.workerId, reason: status, text: outcome });
  recordAudit(ctx, status, 'followup', f.id, ['status']);
  return selectFollowup(ctx.db, f.id) as Followup;
}

/** `followup done|missed|cancel` from strings: the follow-up, then parse, then the rules. */
export function finishFollowup(ctx: WriteCtx, status: FollowupEnd, raw: RawFollowupFinish & { id: string }): Followup {
  const f = resolveFollowup(ctx, raw.id);
  return recordFollowupEnd(ctx, f, parseFinishFollowupInput(status, raw, ctx.today));
}

/** `followup reschedule` as typed. */
export interface RawFollowupReschedule {
  due?: string | undefined;
  reason?: string | undefined;
}

export interface RescheduleFollowupInput {
  dueOn: IsoDate;
  reason: string | null;
}

/** The parse step of `followup reschedule`: the due date in the record-date range (as `followup schedule`); no database. */
export function parseRescheduleFollowupInput(raw: RawFollowupReschedule, today: IsoDate): RescheduleFollowupInput {
  const dueOn = parseDateInput(requiredText(raw.due, 'due'), { today, field: 'due', kind: 'record' });
  return { dueOn, reason: optionalNote(raw.reason, 'reason', 1000) };
}

/**
 * Only a scheduled follow-up moves; its new due date is not before its case was opened.
 * The overdue figures follow from the due date (src/domain/overdue.ts), and the report
 * counts move it to its new day. The timeline keeps the date it was due before.
 */
export function recordFollowupReschedule(ctx: WriteCtx, f: Followup, input: RescheduleFollowupInput): Followup {
  if (f.status !== 'scheduled') throw new ConflictError(followupNotScheduled(f.id, f.status), 'id');
  const c = resolveCase(ctx, String(f.caseId));
  if (input.dueOn < c.openedOn)
    throw new ValidationError(t('due date is before the case was opened ({date})', { date: c.openedOn }), 'due');
  if (input.dueOn === f.dueOn) throw new ValidationError(t('follow-up #{id} is already due on that day', { id: f.id }), 'due');
  updateFollowupDue(ctx.db, f.id, input.dueOn, ctx.now());
  addEvent(ctx, f.caseId, 'follow-up-rescheduled', ctx.today < c.openedOn ? c.openedOn : ctx.today, {
    followupId: f.id,
    workerId: f.workerId,
    reason: f.dueOn,
    text: input.reason,
  });
  recordAudit(ctx, 'reschedule', 'followup', f.id, input.reason === null ? ['dueOn'] : ['dueOn', 'reason']);
  return selectFollowup(ctx.db, f.id) as Followup;
}

/** `followup reschedule` from strings: the follow-up, then parse, then the rules. */
export function rescheduleFollowup(ctx: WriteCtx, ref: string, raw: RawFollowupReschedule): Followup {
  const f = resolveFollowup(ctx, ref);
  return recordFollowupReschedule(ctx, f, parseRescheduleFollowupInput(raw, ctx.today));
}

export interface FollowupListFilter {
  case?: string | undefined;
  worker?: string | undefined;
  status?: string | undefined;
  overdue?: boolean | undefined;
  dueBefore?: string | undefined;
  limit: number;
}

export function listFollowups(ctx: Pick<ReadCtx, 'db' | 'today'>, f: FollowupListFilter): Followup[] {
  const c = isBlank(f.case) ? null : resolveCase(ctx, f.case);
  const worker = isBlank(f.worker) ? null : resolveStaff(ctx, f.worker);
  let status: string | undefined;
  if (!isBlank(f.status) && f.status !== 'all') {
    if (!['scheduled', 'done', 'missed', 'cancelled'].includes(f.status)) {
      throw invalidValue('status', t('expected scheduled, done, missed, cancelled or all'));
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
