/**
 * Referrals to other agencies (ارجاع, issue #12): a case is referred to the police, a
 * court, a hospital, ...; the office chases the answer (accepted, declined, feedback).
 * Each change of status is kept as history (referral_events), never overwritten; the
 * answer date is the day of the first answer. A referral waits for its answer until one
 * comes, whatever becomes of its case: closing a case does not answer its referrals.
 */
import { ConflictError, ValidationError } from '../errors.js';
import {
  insertReferral,
  insertReferralEvent,
  selectReferral,
  selectReferralEvents,
  selectReferrals,
  updateReferralVoided,
  type ReferralEventRow,
  type ReferralRow,
} from '../store/referrals.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { resolveCase, type Case } from './cases.js';
import { REFERRAL_AGENCIES, REFERRAL_STATUSES, type ReferralAgency, type ReferralStatus } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { addDays, parseDateInput, type IsoDate } from '../lang/dates.js';
import {
  invalidValue,
  isBlank,
  noRecordWithId,
  optionalNote,
  parseCode,
  parseId,
  parseInteger,
  requiredReason,
  requiredText,
} from './fields.js';
import { resolveStaff } from './staff.js';
import { toLatinDigits } from '../lang/digits.js';
import { t } from '../messages/catalogue.js';

export type Referral = ReferralRow;

export { ANSWER_DAYS, overdueReferrals, readAnswerDays, writeAnswerDays, type OverdueReferrals } from './referral-settings.js';
export type ReferralEvent = ReferralEventRow;
export type ReferralDetail = Referral & { events: ReferralEvent[] };

/** The longest agency name (an institution's name and branch). */
const AGENCY_MAX = 200;

/** `referral add` as typed: every value a string, nothing checked yet. */
export interface RawAddReferral {
  case?: string | undefined;
  to?: string | undefined;
  agency?: string | undefined;
  date?: string | undefined;
  reason?: string | undefined;
}

export interface AddReferralInput {
  agencyKind: ReferralAgency;
  agency: string;
  sentOn: IsoDate;
  reason: string;
}

/** The case a referral is about, looked up first: an unknown case is reported before a bad value. */
export function resolveReferralCase(ctx: Pick<ReadCtx, 'db'>, ref: string | undefined): Case {
  return resolveCase(ctx, requiredText(ref, 'case'));
}

/** The parse step of `referral add` (and of a referral row of an import): no database. */
export function parseAddReferralInput(raw: RawAddReferral, today: IsoDate): AddReferralInput {
  const agencyKind = parseCode(REFERRAL_AGENCIES, requiredText(raw.to, 'to'), 'to');
  const agency = requiredText(raw.agency, 'agency', AGENCY_MAX);
  const sentOn = isBlank(raw.date) ? today : parseDateInput(raw.date, { today, field: 'date', kind: 'record' });
  const reason = optionalNote(raw.reason, 'reason');
  if (reason === null) throw new ValidationError(t('reason is required: why is the case referred?'), 'reason');
  return { agencyKind, agency, sentOn, reason };
}

export interface ValidatedReferral extends AddReferralInput {
  caseId: number;
  caseOpenedOn: string;
}

/**
 * A referral is made while its case is open: dated neither in the future nor before the
 * opening, and on a closed case not after its closing (the case closed "referred" is
 * often recorded the other way round); writes nothing.
 */
export function validateReferral(ctx: Pick<ReadCtx, 'today'>, c: Case, input: AddReferralInput): ValidatedReferral {
  if (input.sentOn > ctx.today) throw new ValidationError(t('date is in the future'), 'date');
  if (input.sentOn < c.openedOn) throw new ValidationError(t('date is before the case was opened ({date})', { date: c.openedOn }), 'date');
  if (c.status === 'closed' && c.closedOn !== null && input.sentOn > c.closedOn) {
    throw new ConflictError(
      t('case {number} was closed on {date}: a referral after that needs the case reopened first', {
        number: c.caseNumber,
        date: c.closedOn,
      }),
      'case',
    );
  }
  return { ...input, caseId: c.id, caseOpenedOn: c.openedOn };
}

/** Stores a referral as sent: its first history entry, the case's timeline, the audit trail. */
export function recordReferral(ctx: WriteCtx, v: ValidatedReferral): ReferralDetail {
  const id = insertReferral(
    ctx.db,
    { caseId: v.caseId, agencyKind: v.agencyKind, agency: v.agency, sentOn: v.sentOn, reason: v.reason },
    ctx.now(),
  );
  insertReferralEvent(ctx.db, { referralId: id, status: 'sent', onDate: v.sentOn, note: null, at: ctx.now(), actor: ctx.actor });
  addEvent(ctx, v.caseId, 'referral', v.sentOn, { reason: timelineReason(id, 'sent', v.agencyKind), text: v.reason });
  recordAudit(ctx, 'create', 'referral', id);
  return referralDetail(ctx, id);
}

/** `referral add` from strings: the case, then parse, then the rules. */
export function addReferral(ctx: WriteCtx, raw: RawAddReferral): ReferralDetail {
  const c = resolveReferralCase(ctx, raw.case);
  return recordReferral(ctx, validateReferral(ctx, c, parseAddReferralInput(raw, ctx.today)));
}

/**
 * The `reason` of a referral's timeline entry: `#3 accepted: police`. Ids, a status and a
 * kind of agency name no person; the agency's own name stays on the referral.
 */
export const timelineReason = (id: number, status: ReferralStatus, kind: string): string => `#${id} ${status}: ${kind}`;

export function resolveReferral(ctx: Pick<ReadCtx, 'db'>, ref: string): Referral {
  const r = selectReferral(ctx.db, parseId(ref, 'id'));
  if (r === undefined) throw noRecordWithId('referral', 'id');
  return r;
}

export function referralDetail(ctx: Pick<ReadCtx, 'db'>, id: number): ReferralDetail {
  return { ...(selectReferral(ctx.db, id) as Referral), events: selectReferralEvents(ctx.db, id) };
}

/** `referral update` as typed. */
export interface RawUpdateReferral {
  status?: string | undefined;
  date?: string | undefined;
  note?: string | undefined;
}

export interface UpdateReferralInput {
  status: ReferralStatus;
  onDate: IsoDate;
  note: string | null;
}

/** The parse step of `referral update`: the status a code, the date not in the future; no database. */
export function parseUpdateReferralInput(raw: RawUpdateReferral, today: IsoDate): UpdateReferralInput {
  const status = parseCode(REFERRAL_STATUSES, requiredText(raw.status, 'status'), 'status');
  const onDate = isBlank(raw.date) ? today : parseDateInput(raw.date, { today, field: 'date', kind: 'record' });
  if (onDate > today) throw new ValidationError(t('date is in the future'), 'date');
  return { status, onDate, note: optionalNote(raw.note, 'note') };
}

/**
 * A new entry of the referral's history. `sent` again is a reminder, while no answer has
 * come; once answered, a referral is never back to awaiting (refer the case again with
 * `referral add`). Accepted and declined are said once each in a row; feedback as often as
 * it comes. The history reads in order: no entry before the one before it.
 */
export function recordReferralUpdate(ctx: WriteCtx, r: Referral, input: UpdateReferralInput): ReferralDetail {
  if (r.voidedAt !== null) throw new ConflictError(t('referral #{id} is void', { id: r.id }), 'id');
  if (input.status === 'sent' && r.answeredOn !== null) {
    throw new ConflictError(
      t('referral #{id} was answered on {date}: to send it again, record a new referral with "parvande referral add"', {
        id: r.id,
        date: r.answeredOn,
      }),
      'status',
    );
  }
  if (input.status === r.status && (input.status === 'accepted' || input.status === 'declined')) {
    throw new ConflictError(
      r.status === 'accepted'
        ? t('referral #{id} is already accepted', { id: r.id })
        : t('referral #{id} is already declined', { id: r.id }),
      'status',
    );
  }
  if (input.onDate < r.sentOn) throw new ValidationError(t('date is before the referral was sent ({date})', { date: r.sentOn }), 'date');
  if (input.onDate < r.statusOn)
    throw new ValidationError(t("date is before the referral's latest entry ({date})", { date: r.statusOn }), 'date');
  insertReferralEvent(ctx.db, {
    referralId: r.id,
    status: input.status,
    onDate: input.onDate,
    note: input.note,
    at: ctx.now(),
    actor: ctx.actor,
  });
  addEvent(ctx, r.caseId, 'referral', input.onDate, { reason: timelineReason(r.id, input.status, r.agencyKind), text: input.note });
  recordAudit(ctx, 'update', 'referral', r.id, input.note === null ? ['status'] : ['status', 'note']);
  return referralDetail(ctx, r.id);
}

/** `referral update` from strings: the referral, then parse, then the rules. */
export function updateReferral(ctx: WriteCtx, ref: string, raw: RawUpdateReferral): ReferralDetail {
  const r = resolveReferral(ctx, ref);
  return recordReferralUpdate(ctx, r, parseUpdateReferralInput(raw, ctx.today));
}

/** Why a referral is voided: required, free text (a note's rules). */
export function parseVoidReason(value: string | undefined): string {
  return requiredReason(value, t('the referral is voided'));
}

/**
 * A referral recorded by mistake (the wrong case, the wrong agency, twice) is voided, never
 * deleted: it stays in the record and its history, marked with who, when and why, and
 * leaves every count and list. The right one is recorded anew with `referral add`.
 */
export function recordReferralVoid(ctx: WriteCtx, r: Referral, reason: string): ReferralDetail {
  if (r.voidedAt !== null || !updateReferralVoided(ctx.db, r.id, ctx.now(), ctx.actor, reason)) {
    throw new ConflictError(t('referral #{id} is already void', { id: r.id }), 'id');
  }
  addEvent(ctx, r.caseId, 'referral', ctx.today < r.sentOn ? r.sentOn : ctx.today, {
    reason: `#${r.id} voided: ${r.agencyKind}`,
    text: reason,
  });
  recordAudit(ctx, 'void', 'referral', r.id, ['voidedAt', 'voidedBy', 'voidReason']);
  return referralDetail(ctx, r.id);
}

/** `14d`, `14`, `۱۴ روز`, `2w`: a number of days (1 to 3650). The value is never repeated in a refusal. */
export function parseDays(value: string, field: string): number {
  const m = /^(\d{1,5})\s*(d|day|days|روز|w|week|weeks|هفته)?$/.exec(toLatinDigits(value).trim().toLowerCase());
  if (m === null) throw invalidValue(field, t('expected a number of days, e.g. 14d or 2w'));
  const weeks = m[2] !== undefined && /^(w|week|weeks|هفته)$/.test(m[2]);
  return parseInteger(String(Number(m[1]) * (weeks ? 7 : 1)), field, { min: 1, max: 3650 });
}

export interface ReferralListFilter {
  case?: string | undefined;
  worker?: string | undefined;
  pending?: boolean | undefined;
  olderThan?: string | undefined;
  /** Voided referrals too (left out by default). */
  all?: boolean | undefined;
  limit: number;
}

/** Oldest first. `--older-than 14d`: sent more than 14 days ago (before today − 14). */
export function listReferrals(ctx: Pick<ReadCtx, 'db' | 'today'>, f: ReferralListFilter): Referral[] {
  const c = isBlank(f.case) ? null : resolveCase(ctx, f.case);
  const worker = isBlank(f.worker) ? null : resolveStaff(ctx, f.worker);
  const days = isBlank(f.olderThan) ? undefined : parseDays(f.olderThan, 'older-than');
  return selectReferrals(ctx.db, {
    limit: f.limit,
    ...(c ? { caseId: c.id } : {}),
    ...(worker ? { workerId: worker.id } : {}),
    ...(f.pending === true ? { pending: true } : {}),
    ...(f.all === true ? { withVoided: true } : {}),
    ...(days !== undefined ? { sentBefore: addDays(ctx.today, -days) } : {}),
  });
}
