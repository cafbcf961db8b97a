import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  insertCase, nextCaseSeq, selectCase, selectCaseByNumber, selectCaseEvents, selectCases,
  selectLastStatusChange, updateCaseClosed, updateCaseReopened, updateCaseWorker,
  type CaseEventRow, type CaseRow,
} from '../store/cases.js';
import { selectClient } from '../store/clients.js';
import { countScheduledFollowups, selectFollowups, type FollowupRow } from '../store/followups.js';
import { selectServices, type ServiceRow } from '../store/services.js';
import { recordAudit } from './audit.js';
import { optionalCenter } from './centers.js';
import { resolveClient } from './clients.js';
import { CATEGORIES, CHANNELS, CLOSE_REASONS, RISKS, type Category } from './codes.js';
import type { Ctx } from './context.js';
import { jalaliYearOf, parseDateInput } from './dates.js';
import { idDigits, isBlank, noRecordWithId, optionalCode, optionalNote, parseCode, parseId, requiredText, splitList } from './fields.js';
import { addEvent } from './case-events.js';
import { scheduleFollowupPlan, type PlannedFollowup } from './followup-plan.js';
import { getOffice } from './office.js';
import { optionalActiveWorker, resolveStaff } from './staff.js';
import { toLatinDigits } from './text/digits.js';

export type Case = CaseRow;
export type CaseEvent = CaseEventRow;

/** `<office-code>-<Jalali year>-<six-digit sequence>`, e.g. KRJ01-1405-000123. */
export function formatCaseNumber(officeCode: string, year: number, seq: number): string {
  return `${officeCode}-${year}-${String(seq).padStart(6, '0')}`;
}

/** A case given by id ("12", "#12", "۱۲"), by its full number, or by year-sequence within this office ("1405-123"). */
export function resolveCase(ctx: Pick<Ctx, 'db'>, ref: string, field = 'case'): Case {
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
    throw new ValidationError(`--${field} must be a case id (e.g. 12 or #12) or a case number (e.g. 1405-123 or ${getOffice(ctx).code}-1405-000123)`, field);
  }
  const found = selectCaseByNumber(ctx.db, short ? formatCaseNumber(getOffice(ctx).code, Number(short[1]), Number(short[2])) : text);
  // A case number names no person: it is repeated.
  if (found === undefined) throw new NotFoundError(`no case ${text}`, field);
  return found;
}

export interface OpenCaseInput {
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

/** Every rule of opening a case, shared by `case open` and import; writes nothing. */
export function validateCaseOpening(ctx: Ctx, input: OpenCaseInput, opts: CaseOpeningOptions = {}): CaseOpening {
  if (input.anonymous === true && !isBlank(input.client)) {
    throw new ValidationError('give either --client or --anonymous, not both', 'client');
  }
  if (input.anonymous !== true && isBlank(input.client)) {
    throw new ValidationError('client is required: give --client ID, or --anonymous for a caller who stays anonymous', 'client');
  }
  const client = input.anonymous === true ? null : resolveClient(ctx, input.client as string);
  const channel = parseCode(CHANNELS, requiredText(input.channel, 'channel'), 'channel');
  const primary = parseCode(CATEGORIES, requiredText(input.category, 'category'), 'category');
  const further = isBlank(input.categories) ? [] : splitList(input.categories).map((c) => parseCode(CATEGORIES, c, 'categories'));
  const categories: Category[] = [primary, ...further.filter((c, i) => c !== primary && further.indexOf(c) === i)];
  const risk = parseCode(RISKS, requiredText(input.risk, 'risk'), 'risk');
  const center = optionalCenter(ctx, input.center);
  const worker = opts.allowInactiveWorker === true
    ? (isBlank(input.worker) ? null : resolveStaff(ctx, input.worker))
    : optionalActiveWorker(ctx, input.worker);
  const openedOn = isBlank(input.opened) ? ctx.today : parseDateInput(input.opened, { today: ctx.today, field: 'opened', kind: 'record' });
  if (openedOn > ctx.today) throw new ValidationError('opened date is in the future', 'opened');
  const summary = optionalNote(input.summary, 'summary');
  return {
    clientId: client?.id ?? null, channel, primaryCategory: primary, categories, risk, centerId: center?.id ?? null,
    workerId: worker?.id ?? null, openedOn, summary,
  };
}

export function openCase(ctx: Ctx, input: OpenCaseInput): Case {
  const office = getOffice(ctx);
  const v = validateCaseOpening(ctx, input);
  const year = jalaliYearOf(v.openedOn);
  const seq = nextCaseSeq(ctx.db, year);
  const at = ctx.now();
  const id = insertCase(
    ctx.db,
    {
      caseNumber: formatCaseNumber(office.code, year, seq), year, seq, clientId: v.clientId, channel: v.channel,
      primaryCategory: v.primaryCategory, risk: v.risk, centerId: v.centerId, workerId: v.workerId, openedOn: v.openedOn, summary: v.summary,
    },
    v.categories,
    at,
  );
  addEvent(ctx, id, 'opened', v.openedOn, { workerId: v.workerId });
  if (v.workerId !== null) addEvent(ctx, id, 'assigned', v.openedOn, { workerId: v.workerId });
  recordAudit(ctx, 'create', 'case', id);
  return selectCase(ctx.db, id) as Case;
}

function parseEventDate(ctx: Ctx, c: Case, value: string | undefined, field: string): string {
  const date = isBlank(value) ? ctx.today : parseDateInput(value, { today: ctx.today, field, kind: 'record' });
  if (date > ctx.today) throw new ValidationError(`${field} is in the future`, field);
  if (date < c.openedOn) throw new ValidationError(`${field} is before the case was opened (${c.openedOn})`, field);
  return date;
}

export function assignCase(ctx: Ctx, input: { case: string; worker?: string | undefined; date?: string | undefined }): Case {
  const c = resolveCase(ctx, input.case);
  if (c.status === 'closed') throw new ConflictError(`case ${c.caseNumber} is closed: reopen it before assigning`, 'case');
  const worker = optionalActiveWorker(ctx, requiredText(input.worker, 'worker'));
  if (worker === null) throw new ValidationError('worker is required', 'worker');
  if (c.workerId === worker.id) throw new ConflictError(`case ${c.caseNumber} is already assigned to #${worker.id}`, 'worker');
  const onDate = parseEventDate(ctx, c, input.date, 'date');
  updateCaseWorker(ctx.db, c.id, worker.id, ctx.now());
  addEvent(ctx, c.id, 'assigned', onDate, { workerId: worker.id });
  recordAudit(ctx, 'assign', 'case', c.id, ['worker']);
  return selectCase(ctx.db, c.id) as Case;
}

export function addCaseNote(ctx: Ctx, input: { case: string; text?: string | undefined; date?: string | undefined }): CaseEvent {
  const c = resolveCase(ctx, input.case);
  const text = optionalNote(input.text, 'text');
  if (text === null) throw new ValidationError('text is required', 'text');
  const onDate = parseEventDate(ctx, c, input.date, 'date');
  const id = addEvent(ctx, c.id, 'note', onDate, { text });
  recordAudit(ctx, 'note', 'case', c.id);
  return selectCaseEvents(ctx.db, c.id).find((e) => e.id === id) as CaseEvent;
}

export interface CloseCaseInput {
  case: string;
  reason?: string | undefined;
  date?: string | undefined;
  note?: string | undefined;
  followupPlan?: string | undefined;
  worker?: string | undefined;
}

export interface CloseCaseResult {
  case: Case;
  plannedFollowups: PlannedFollowup[];
  /** Follow-ups that were already scheduled when the case closed: they stay due. */
  stillScheduled: number;
}

export function closeCase(ctx: Ctx, input: CloseCaseInput): CloseCaseResult {
  const c = resolveCase(ctx, input.case);
  const reason = parseCode(CLOSE_REASONS, requiredText(input.reason, 'reason'), 'reason');
  if (c.status === 'closed') throw new ConflictError(`case ${c.caseNumber} is already closed`, 'case');
  const closedOn = parseEventDate(ctx, c, input.date, 'date');
  const lastChange = selectLastStatusChange(ctx.db, c.id);
  if (lastChange !== undefined && closedOn < lastChange) {
    throw new ValidationError(`date is before the case was last reopened (${lastChange})`, 'date');
  }
  const stillScheduled = countScheduledFollowups(ctx.db, c.id);
  updateCaseClosed(ctx.db, c.id, closedOn, reason, ctx.now());
  addEvent(ctx, c.id, 'closed', closedOn, { reason, text: optionalNote(input.note, 'note') });
  const workerId = isBlank(input.worker) ? c.workerId : resolveStaff(ctx, input.worker).id;
  const plannedFollowups = isBlank(input.followupPlan) ? [] : scheduleFollowupPlan(ctx, c.id, closedOn, input.followupPlan, workerId);
  recordAudit(ctx, 'close', 'case', c.id, ['status', 'closed-on', 'close-reason']);
  return { case: selectCase(ctx.db, c.id) as Case, plannedFollowups, stillScheduled };
}

export function reopenCase(ctx: Ctx, input: { case: string; date?: string | undefined; note?: string | undefined }): Case {
  const c = resolveCase(ctx, input.case);
  if (c.status !== 'closed') throw new ConflictError(`case ${c.caseNumber} is not closed`, 'case');
  const onDate = parseEventDate(ctx, c, input.date, 'date');
  if (c.closedOn !== null && onDate < c.closedOn) throw new ValidationError(`date is before the case was closed (${c.closedOn})`, 'date');
  updateCaseReopened(ctx.db, c.id, ctx.now());
  addEvent(ctx, c.id, 'reopened', onDate, { text: optionalNote(input.note, 'note') });
  recordAudit(ctx, 'reopen', 'case', c.id, ['status']);
  return selectCase(ctx.db, c.id) as Case;
}

export interface CaseDetail extends Case {
  client: { id: number; firstName: string; lastName: string } | null;
  worker: { id: number; firstName: string; lastName: string } | null;
  events: CaseEvent[];
  services: ServiceRow[];
  followups: FollowupRow[];
}

export function showCase(ctx: Ctx, ref: string): CaseDetail {
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
    services: selectServices(ctx.db, { caseId: c.id, limit: 1000 }),
    followups: selectFollowups(ctx.db, { caseId: c.id, limit: 1000 }),
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

export function listCases(ctx: Pick<Ctx, 'db' | 'today'>, f: CaseListFilter): Case[] {
  let status: string | undefined;
  if (!isBlank(f.status) && f.status !== 'all') {
    if (f.status !== 'open' && f.status !== 'closed') throw new ValidationError('invalid status: expected open, closed or all', 'status');
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
