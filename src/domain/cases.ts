import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  insertCase,
  nextCaseSeq,
  selectCase,
  selectCaseByNumber,
  selectCaseEvents,
  selectCases,
  selectCaseServiceDays,
  selectLastStatusChange,
  updateCaseClosed,
  updateCaseReopened,
  updateCaseWorker,
  type CaseEventRow,
  type CaseRow,
} from '../store/cases.js';
import { selectClient } from '../store/clients.js';
import { countScheduledFollowups, selectFollowups, type FollowupRow } from '../store/followups.js';
import { selectCaseLastReferral, selectReferrals, type ReferralRow } from '../store/referrals.js';
import { selectCaseReplacedTexts, type ReplacedTextRow } from '../store/replaced-texts.js';
import { selectServices, type ServiceRow } from '../store/services.js';
import { recordAudit } from './audit.js';
import { optionalCenter } from './centers.js';
import { resolveClient, type Client } from './clients.js';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, RISKS, type Category, type Channel, type CloseReason, type Risk } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { jalaliYearOf, parseDateInput, type IsoDate } from '../lang/dates.js';
import {
  idDigits,
  invalidValue,
  isBlank,
  noRecordWithId,
  optionalCode,
  optionalNote,
  parseCode,
  parseId,
  requiredText,
  splitList,
} from './fields.js';
import { addEvent } from './case-events.js';
import { scheduleFollowupPlan, type PlannedFollowup } from './followup-plan.js';
import { getOffice } from './office.js';
import { optionalActiveWorker, recordWorker, resolveStaff } from './staff.js';
import { toLatinDigits } from '../lang/digits.js';
import { t } from '../messages/catalogue.js';

export type Case = CaseRow;
export type CaseEvent = CaseEventRow;

/** `<office-code>-<Jalali year>-<six-digit sequence>`, e.g. KRJ01-1405-000123. */
export function formatCaseNumber(officeCode: string, year: number, seq: number): string {
  return `${officeCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** A case given by id ("12", "#12", "۱۲"), by its full number, or by year-sequence within this office ("1405-123"). */
export function resolveCase(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'case'): Case {
  const id = idDigits(ref);
  if (id !== undefined) {
    const found = selectCase(ctx.db, parseId(id, field));
    if (found === undefined) throw noRecordWithId('case', field);
    return found;
  }
  const text = toLatinDigits(ref.trim()).toUpperCase();
  const short = /^(\d{4})-(\d{1,6})$/.exec(text);
  const full = /^[A-Z0-9]{2,12}-\d{4}-\d{6}$/.test(text);
  if (!short && !full) {
    throw new ValidationError(
      t('--{field} must be a case id (e.g. 12 or #12) or a case number (e.g. 1405-123 or {office}-1405-000123)', {
        field,
        office: getOffice(ctx).code,
      }),
      field,
    );
  }
  const found = selectCaseByNumber(ctx.db, short ? formatCaseNumber(getOffice(ctx).code, Number(short[1]), Number(short[2])) : text);
  // A case number names no person: it is repeated.
  if (found === undefined) throw new NotFoundError(t('no case {number}', { number: text }), field);
  return found;
}

/** `case open` as typed on the command line: every value a string, nothing checked yet. */
export interface RawOpenCase {
  client?: string | undefined;
  anonymous?: boolean | undefined;
  channel?: string | undefined;
  category?: string | undefined;
  /** Further categories, comma separated. */
  categories?: string | undefined;
  risk?: string | undefined;
  center?: string | undefined;
  worker?: string | undefined;
  opened?: string | undefined;
  summary?: string | undefined;
}

/** An opening as parsed: codes as codes, the date as ISO. The center and worker are references the rules look up. */
export interface OpenCaseInput {
  channel: Channel;
  primaryCategory: Category;
  /** The primary first, then the further ones, each once. */
  categories: Category[];
  risk: Risk;
  center: string | null;
  worker: string | null;
  openedOn: IsoDate;
  summary: string | null;
}

/** A case file as its opening validates it: what `case open` and import both store. */
export interface CaseOpening {
  clientId: number | null;
  channel: string;
  primaryCategory: Category;
  /** The primary first, then the further ones, each once. */
  categories: Category[];
  risk: string;
  centerId: number | null;
  workerId: number | null;
  openedOn: string;
  summary: string | null;
}

export interface CaseOpeningOptions {
  /** Import of past cases: the worker may have left since (the command refuses people who left). */
  allowInactiveWorker?: boolean;
}

/**
 * The person a new case is about, looked up first (before the other values are
 * parsed: an unknown client is what `case open` has always reported first); null
 * for a caller who stays anonymous.
 */
export function resolveCaseClient(ctx: Pick<ReadCtx, 'db'>, raw: Pick<RawOpenCase, 'client' | 'anonymous'>): Client | null {
  if (raw.anonymous === true && !isBlank(raw.client)) {
    throw new ValidationError(t('give either --client or --anonymous, not both'), 'client');
  }
  if (raw.anonymous !== true && isBlank(raw.client)) {
    throw new ValidationError(t('client is required: give --client ID, or --anonymous for a caller who stays anonymous'), 'client');
  }
  return raw.anonymous === true ? null : resolveClient(ctx, raw.client as string);
}

/** The parse step of `case open` (and of a case row of an import): strings to typed values, no database. */
export function parseOpenCaseInput(raw: RawOpenCase, today: IsoDate): OpenCaseInput {
  const channel = parseCode(CHANNELS, requiredText(raw.channel, 'channel'), 'channel');
  const primary = parseCode(CATEGORIES, requiredText(raw.category, 'category'), 'category');
  const further = isBlank(raw.categories) ? [] : splitList(raw.categories).map((c) => parseCode(CATEGORIES, c, 'categories'));
  const categories: Category[] = [primary, ...further.filter((c, i) => c !== primary && further.indexOf(c) === i)];
  const risk = parseCode(RISKS, requiredText(raw.risk, 'risk'), 'risk');
  const openedOn = isBlank(raw.opened) ? today : parseDateInput(raw.opened, { today, field: 'opened', kind: 'record' });
  const summary = optionalNote(raw.summary, 'summary');
  return {
    channel,
    primaryCategory: primary,
    categories,
    risk,
    center: isBlank(raw.center) ? null : raw.center,
    worker: isBlank(raw.worker) ? null : raw.worker,
    openedOn,
    summary,
  };
}

/** Every rule of opening a case, shared by `case open` and import; writes nothing. */
export function validateCaseOpening(ctx: ReadCtx, client: Client | null, input: OpenCaseInput, opts: CaseOpeningOptions = {}): CaseOpening {
  const center = optionalCenter(ctx, input.center ?? undefined);
  const worker = recordWorker(ctx, input.worker, opts.allowInactiveWorker === true);
  if (input.openedOn > ctx.today) throw new ValidationError(t('opened date is in the future'), 'opened');
  return {
    clientId: client?.id ?? null,
    channel: input.channel,
    primaryCategory: input.primaryCategory,
    categories: input.categories,
    risk: input.risk,
    centerId: center?.id ?? null,
    workerId: worker?.id ?? null,
    openedOn: input.openedOn,
    summary: input.summary,
  };
}

/** Stores a validated opening: the next number of its Jalali year, the timeline's first events, the audit entry. */
export function recordCaseOpening(ctx: WriteCtx, v: CaseOpening): Case {
  const office = getOffice(ctx);
  const year = jalaliYearOf(v.openedOn);
  const seq = nextCaseSeq(ctx.db, year);
  const at = ctx.now();
  const id = insertCase(
    ctx.db,
    {
      caseNumber: formatCaseNumber(office.code, year, seq),
      year,
      seq,
      clientId: v.clientId,
      channel: v.channel,
      primaryCategory: v.primaryCategory,
      risk: v.risk,
      centerId: v.centerId,
      workerId: v.workerId,
      openedOn: v.openedOn,
      summary: v.summary,
    },
    v.categories,
    at,
  );
  addEvent(ctx, id, 'opened', v.openedOn, { workerId: v.workerId });
  if (v.workerId !== null) addEvent(ctx, id, 'assigned', v.openedOn, { workerId: v.workerId });
  recordAudit(ctx, 'create', 'case', id);
  return selectCase(ctx.db, id) as Case;
}

/** `case open` from strings, in the command's order of steps: the client, then parse, then the rules. */
export function openCase(ctx: WriteCtx, raw: RawOpenCase): Case {
  const client = resolveCaseClient(ctx, raw);
  return recordCaseOpening(ctx, validateCaseOpening(ctx, client, parseOpenCaseInput(raw, ctx.today)));
}

/** The date of a timeline event as typed: blank is today (the rules then check it against the case). */
function parseEventDate(value: string | undefined, today: IsoDate, field: string): IsoDate {
  return isBlank(value) ? today : parseDateInput(value, { today, field, kind: 'record' });
}

/** An event (given by --date) happens neither in the future nor before its case was opened. */
function checkEventDate(ctx: Pick<ReadCtx, 'today'>, c: Case, date: IsoDate): void {
  if (date > ctx.today) throw new ValidationError(t('date is in the future'), 'date');
  if (date < c.openedOn) throw new ValidationError(t('date is before the case was opened ({date})', { date: c.openedOn }), 'date');
}

/**
 * The lifecycle commands below name their case first: each goes resolveCase (an
 * unknown case is reported before anything else) → parseXInput (strings to typed
 * values, no database) → the rules (typed input to stored data).
 */
export interface RawAssignCase {
  worker?: string | undefined;
  date?: string | undefined;
}

export interface AssignCaseInput {
  /** A reference (id, full name, national code) the rules look up. */
  worker: string;
  assignedOn: IsoDate;
}

export function parseAssignCaseInput(raw: RawAssignCase, today: IsoDate): AssignCaseInput {
  const worker = requiredText(raw.worker, 'worker');
  return { worker, assignedOn: parseEventDate(raw.date, today, 'date') };
}

export function recordCaseAssignment(ctx: WriteCtx, c: Case, input: AssignCaseInput): Case {
  if (c.status === 'closed')
    throw new ConflictError(t('case {number} is closed: reopen it before assigning', { number: c.caseNumber }), 'case');
  const worker = optionalActiveWorker(ctx, input.worker);
  if (worker === null) throw new ValidationError(t('{field} is required', { field: 'worker' }), 'worker');
  if (c.workerId === worker.id)
    throw new ConflictError(t('case {number} is already assigned to #{worker}', { number: c.caseNumber, worker: worker.id }), 'worker');
  checkEventDate(ctx, c, input.assignedOn);
  updateCaseWorker(ctx.db, c.id, worker.id, ctx.now());
  addEvent(ctx, c.id, 'assigned', input.assignedOn, { workerId: worker.id });
  recordAudit(ctx, 'assign', 'case', c.id, ['worker']);
  return selectCase(ctx.db, c.id) as Case;
}

export function assignCase(ctx: WriteCtx, raw: RawAssignCase & { case: string }): Case {
  const c = resolveCase(ctx, raw.case);
  return recordCaseAssignment(ctx, c, parseAssignCaseInput(raw, ctx.today));
}

export interface RawCaseNote {
  text?: string | undefined;
  date?: string | undefined;
}

export interface CaseNoteInput {
  text: string;
  notedOn: IsoDate;
}

export function parseCaseNoteInput(raw: RawCaseNote, today: IsoDate): CaseNoteInput {
  const text = optionalNote(raw.text, 'text');
  if (text === null) throw new ValidationError(t('{field} is required', { field: 'text' }), 'text');
  return { text, notedOn: parseEventDate(raw.date, today, 'date') };
}

export function recordCaseNote(ctx: WriteCtx, c: Case, input: CaseNoteInput): CaseEvent {
  checkEventDate(ctx, c, input.notedOn);
  const id = addEvent(ctx, c.id, 'note', input.notedOn, { text: input.text });
  recordAudit(ctx, 'note', 'case', c.id);
  return selectCaseEvents(ctx.db, c.id).find((e) => e.id === id) as CaseEvent;
}

export function addCaseNote(ctx: WriteCtx, raw: RawCaseNote & { case: string }): CaseEvent {
  const c = resolveCase(ctx, raw.case);
  return recordCaseNote(ctx, c, parseCaseNoteInput(raw, ctx.today));
}

export interface RawCloseCase {
  reason?: string | undefined;
  date?: string | undefined;
  note?: string | undefined;
  followupPlan?: string | undefined;
  worker?: string | undefined;
}

export interface CloseCaseInput {
  reason: CloseReason;
  closedOn: IsoDate;
  note: string | null;
  /**
   * The plan as typed ("7,30,90"): followup-plan.ts parses it when it schedules it,
   * after the case's state is checked (a closed case is reported before a bad plan).
   */
  followupPlan: string | null;
  /** Who does the planned follow-ups, a reference the rules look up; null: the case worker. */
  worker: string | null;
}

export function parseCloseCaseInput(raw: RawCloseCase, today: IsoDate): CloseCaseInput {
  const reason = parseCode(CLOSE_REASONS, requiredText(raw.reason, 'reason'), 'reason');
  const closedOn = parseEventDate(raw.date, today, 'date');
  const note = optionalNote(raw.note, 'note');
  return {
    reason,
    closedOn,
    note,
    followupPlan: isBlank(raw.followupPlan) ? null : raw.followupPlan,
    worker: isBlank(raw.worker) ? null : raw.worker,
  };
}

export interface CloseCaseResult {
  case: Case;
  plannedFollowups: PlannedFollowup[];
  /** Follow-ups that were already scheduled when the case closed: they stay due. */
  stillScheduled: number;
}

export function recordCaseClosing(ctx: WriteCtx, c: Case, input: CloseCaseInput): CloseCaseResult {
  if (c.status === 'closed') throw new ConflictError(t('case {number} is already closed', { number: c.caseNumber }), 'case');
  const closedOn = input.closedOn;
  checkEventDate(ctx, c, closedOn);
  const lastChange = selectLastStatusChange(ctx.db, c.id);
  if (lastChange !== undefined && closedOn < lastChange) {
    throw new ValidationError(t('date is before the case was last reopened ({date})', { date: lastChange }), 'date');
  }
  const services = selectCaseServiceDays(ctx.db, c.id);
  if (services !== undefined && services.last > closedOn) {
    throw new ConflictError(
      t('the case has a service dated after that closing date (last service {date})', { date: services.last }),
      'date',
    );
  }
  const referral = selectCaseLastReferral(ctx.db, c.id);
  if (referral !== undefined && referral > closedOn) {
    throw new ConflictError(t('the case has a referral dated after that closing date (last referral {date})', { date: referral }), 'date');
  }
  const stillScheduled = countScheduledFollowups(ctx.db, c.id);
  updateCaseClosed(ctx.db, c.id, closedOn, input.reason, ctx.now());
  addEvent(ctx, c.id, 'closed', closedOn, { reason: input.reason, text: input.note });
  const workerId = input.worker === null ? c.workerId : resolveStaff(ctx, input.worker).id;
  const plannedFollowups = input.followupPlan === null ? [] : scheduleFollowupPlan(ctx, c.id, closedOn, input.followupPlan, workerId);
  recordAudit(ctx, 'close', 'case', c.id, ['status', 'closed-on', 'close-reason']);
  return { case: selectCase(ctx.db, c.id) as Case, plannedFollowups, stillScheduled };
}

export function closeCase(ctx: WriteCtx, raw: RawCloseCase & { case: string }): CloseCaseResult {
  const c = resolveCase(ctx, raw.case);
  return recordCaseClosing(ctx, c, parseCloseCaseInput(raw, ctx.today));
}

export interface RawReopenCase {
  date?: string | undefined;
  note?: string | undefined;
}

export interface ReopenCaseInput {
  reopenedOn: IsoDate;
  note: string | null;
}

export function parseReopenCaseInput(raw: RawReopenCase, today: IsoDate): ReopenCaseInput {
  return { reopenedOn: parseEventDate(raw.date, today, 'date'), note: optionalNote(raw.note, 'note') };
}

export function recordCaseReopening(ctx: WriteCtx, c: Case, input: ReopenCaseInput): Case {
  if (c.status !== 'closed') throw new ConflictError(t('case {number} is not closed', { number: c.caseNumber }), 'case');
  const onDate = input.reopenedOn;
  checkEventDate(ctx, c, onDate);
  if (c.closedOn !== null && onDate < c.closedOn)
    throw new ValidationError(t('date is before the case was closed ({date})', { date: c.closedOn }), 'date');
  updateCaseReopened(ctx.db, c.id, ctx.now());
  addEvent(ctx, c.id, 'reopened', onDate, { text: input.note });
  recordAudit(ctx, 'reopen', 'case', c.id, ['status']);
  return selectCase(ctx.db, c.id) as Case;
}

export function reopenCase(ctx: WriteCtx, raw: RawReopenCase & { case: string }): Case {
  const c = resolveCase(ctx, raw.case);
  return recordCaseReopening(ctx, c, parseReopenCaseInput(raw, ctx.today));
}

export interface CaseDetail extends Case {
  client: { id: number; firstName: string; lastName: string } | null;
  worker: { id: number; firstName: string; lastName: string } | null;
  events: CaseEvent[];
  services: ServiceRow[];
  followups: FollowupRow[];
  /** Referrals to other agencies, oldest first (their history: `referral list --case`, and the timeline). */
  referrals: ReferralRow[];
  /** Texts corrections replaced (the case's summary, its services' notes), oldest first: who, when, why, and the timeline entry. */
  replacedTexts: ReplacedTextRow[];
}

export function showCase(ctx: WriteCtx, ref: string): CaseDetail {
  const c = resolveCase(ctx, ref, 'id');
  const client = c.clientId === null ? undefined : selectClient(ctx.db, c.clientId);
  const worker = c.workerId === null ? null : resolveStaff(ctx, String(c.workerId));
  // Reading a case file of a person at risk is itself recorded: run this inside rt.write.
  recordAudit(ctx, 'view', 'case', c.id);
  return {
    ...c,
    client: client ? { id: client.id, firstName: client.firstName, lastName: client.lastName } : null,
    worker: worker ? { id: worker.id, firstName: worker.firstName, lastName: worker.lastName } : null,
    events: selectCaseEvents(ctx.db, c.id),
    // Voided services too: they stay in the case file, marked (src/ui/views/services.ts).
    services: selectServices(ctx.db, { caseId: c.id, voided: 'all', limit: 1000 }),
    followups: selectFollowups(ctx.db, { caseId: c.id, limit: 1000 }),
    referrals: selectReferrals(ctx.db, { caseId: c.id, limit: 1000 }),
    replacedTexts: selectCaseReplacedTexts(ctx.db, c.id),
  };
}

export interface CaseListFilter {
  status?: string | undefined;
  worker?: string | undefined;
  unassigned?: boolean | undefined;
  category?: string | undefined;
  risk?: string | undefined;
  channel?: string | undefined;
  center?: string | undefined;
  client?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export function listCases(ctx: Pick<ReadCtx, 'db' | 'today'>, f: CaseListFilter): Case[] {
  let status: string | undefined;
  if (!isBlank(f.status) && f.status !== 'all') {
    if (f.status !== 'open' && f.status !== 'closed') throw invalidValue('status', t('expected open, closed or all'));
    status = f.status;
  }
  const category = optionalCode(CATEGORIES, f.category, 'category');
  const risk = optionalCode(RISKS, f.risk, 'risk');
  const channel = optionalCode(CHANNELS, f.channel, 'channel');
  const center = optionalCenter(ctx, f.center);
  const worker = isBlank(f.worker) ? null : resolveStaff(ctx, f.worker);
  const client = isBlank(f.client) ? null : resolveClient(ctx, f.client);
  const from = isBlank(f.from) ? undefined : parseDateInput(f.from, { today: ctx.today, field: 'from', kind: 'filter' });
  const to = isBlank(f.to) ? undefined : parseDateInput(f.to, { today: ctx.today, field: 'to', kind: 'filter' });
  return selectCases(ctx.db, {
    limit: f.limit,
    ...(status ? { status } : {}),
    ...(worker ? { workerId: worker.id } : {}),
    ...(f.unassigned ? { unassigned: true } : {}),
    ...(category ? { category } : {}),
    ...(risk ? { risk } : {}),
    ...(channel ? { channel } : {}),
    ...(center ? { centerId: center.id } : {}),
    ...(client ? { clientId: client.id } : {}),
    ...(from ? { openedFrom: from } : {}),
    ...(to ? { openedTo: to } : {}),
  });
}
