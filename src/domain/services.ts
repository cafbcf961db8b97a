import { ConflictError, ValidationError } from '../errors.js';
import { insertService, selectService, selectServices, type ServiceRow, type VoidedFilter } from '../store/services.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { resolveCase } from './cases.js';
import { CHANNELS, SERVICE_TYPES, type ServiceType } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { parseDateInput, type IsoDate } from '../lang/dates.js';
import { isBlank, optionalCode, optionalInteger, optionalNote, parseCode, requiredText } from './fields.js';
import { resolveStaff, optionalActiveWorker, type Staff } from './staff.js';
import { render, t, type Text } from '../messages/catalogue.js';

export type Service = ServiceRow;

/** `service log` as typed: every value a string, nothing checked yet. */
export interface RawService {
  case?: string | undefined;
  type?: string | undefined;
  date?: string | undefined;
  worker?: string | undefined;
  minutes?: string | number | undefined;
  note?: string | undefined;
}

/** A service as parsed: the type as its code, the date as ISO, minutes as a number. Case and worker are references the rules look up. */
export interface LogServiceInput {
  case: string | null;
  type: ServiceType;
  serviceDate: IsoDate;
  worker: string | null;
  minutes: number | null;
  note: string | null;
}

/** The parse step of `service log` (and of a service row of an import): no database; a blank date is today. */
export function parseLogServiceInput(raw: RawService, today: IsoDate): LogServiceInput {
  const type = parseCode(SERVICE_TYPES, requiredText(raw.type, 'type'), 'type');
  const serviceDate = isBlank(raw.date) ? today : parseServiceDate(raw.date, today);
  const minutes = parseServiceMinutes(raw.minutes);
  const note = optionalNote(raw.note, 'note');
  return { case: isBlank(raw.case) ? null : raw.case, type, serviceDate, worker: isBlank(raw.worker) ? null : raw.worker, minutes, note };
}

/** A service's date as typed (also `service correct`'s): a record date, not after today. */
export function parseServiceDate(value: string, today: IsoDate): IsoDate {
  const serviceDate = parseDateInput(value, { today, field: 'date', kind: 'record' });
  // A service is logged once given: a date after today is a typing mistake, refused with the values (before the case is looked up).
  if (serviceDate > today) throw new ValidationError(t('date is in the future'), 'date');
  return serviceDate;
}

/** A service's duration in minutes as typed (also `service correct`'s): at most a day; blank for none. */
export function parseServiceMinutes(value: string | number | undefined): number | null {
  return optionalInteger(value, 'minutes', { min: 0, max: 24 * 60 });
}

/**
 * Picks the worker when none was given (the duty roster fills this in once it
 * exists). Returns null when nobody can be inferred.
 */
export type DefaultWorker = (ctx: ReadCtx, type: string, date: string) => { worker: Staff; why: Text } | null;

export interface LogServiceResult {
  service: Service;
  /** Set when the worker was not given and was taken from elsewhere: 'case', or the duty roster's reason in English (--json). */
  workerDefaultedFrom: string | null;
  /** The duty roster's reason as a message, for the note in the reader's language. */
  workerDefaultedWhy?: Text;
}

/** A service as validated: what `service log` and import both store. */
export interface ValidatedService {
  caseId: number | null;
  serviceDate: string;
  type: ServiceType;
  /** The case's channel; a hotline call without a case came by the hotline. */
  channel: string;
  /** The worker given, if any (defaults are the caller's business). */
  workerId: number | null;
  minutes: number | null;
  note: string | null;
  /** The case's assigned worker. */
  caseWorker: number | null;
}

export interface ServiceValidationOptions {
  /**
   * Import of past services: a closed case accepts services dated up to its
   * closing, and the worker may have left since.
   */
  history?: boolean;
}

/** Every rule a service must satisfy, shared by `service log` and import; writes nothing. */
export function validateService(ctx: ReadCtx, input: LogServiceInput, opts: ServiceValidationOptions = {}): ValidatedService {
  const { type, serviceDate, minutes, note } = input;
  let caseId: number | null = null;
  let channel = 'hotline';
  let caseWorker: number | null = null;
  if (input.case !== null) {
    const c = resolveCase(ctx, input.case);
    if (c.status === 'closed' && !(opts.history === true && c.closedOn !== null && serviceDate <= c.closedOn)) {
      throw new ConflictError(t('case {number} is closed: reopen it before logging a service', { number: c.caseNumber }), 'case');
    }
    if (serviceDate < c.openedOn) throw new ValidationError(t('date is before the case was opened ({date})', { date: c.openedOn }), 'date');
    caseId = c.id;
    channel = c.channel;
    caseWorker = c.workerId;
  } else if (type !== 'hotline-call') {
    throw new ValidationError(t('a {type} service needs --case; only a hotline-call may be logged without a case', { type }), 'case');
  }
  let workerId: number | null = null;
  if (input.worker !== null) {
    workerId = opts.history === true ? resolveStaff(ctx, input.worker).id : (optionalActiveWorker(ctx, input.worker) as Staff).id;
  }
  return { caseId, serviceDate, type, channel, workerId, minutes, note, caseWorker };
}

/** Stores a validated service; a worker not given is taken from the duty roster (defaultWorker), else the case. */
export function recordService(ctx: WriteCtx, v: ValidatedService, defaultWorker?: DefaultWorker): LogServiceResult {
  const { caseId, serviceDate, type, channel, minutes, note, caseWorker, workerId: given } = v;
  let workerId: number | null = given;
  let workerDefaultedFrom: string | null = null;
  let workerDefaultedWhy: Text | undefined;
  if (workerId === null) {
    const onDuty = defaultWorker?.(ctx, type, serviceDate) ?? null;
    if (onDuty !== null) {
      workerId = onDuty.worker.id;
      workerDefaultedFrom = render(onDuty.why, 'en');
      workerDefaultedWhy = onDuty.why;
    } else if (caseWorker !== null) {
      workerId = caseWorker;
      workerDefaultedFrom = 'case';
    }
  }
  const id = insertService(ctx.db, { caseId, serviceDate, type, channel, workerId, minutes, note }, ctx.now());
  if (caseId !== null) addEvent(ctx, caseId, 'service', serviceDate, { serviceId: id, workerId, reason: type });
  recordAudit(ctx, 'create', 'service', id);
  const result: LogServiceResult = { service: selectService(ctx.db, id) as Service, workerDefaultedFrom };
  if (workerDefaultedWhy !== undefined) result.workerDefaultedWhy = workerDefaultedWhy;
  return result;
}

/** `service log` from strings: parse, then the rules. */
export function logService(ctx: WriteCtx, raw: RawService, defaultWorker?: DefaultWorker): LogServiceResult {
  return recordService(ctx, validateService(ctx, parseLogServiceInput(raw, ctx.today)), defaultWorker);
}

export interface ServiceListFilter {
  case?: string | undefined;
  worker?: string | undefined;
  type?: string | undefined;
  channel?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Voided services too (`all`), or only them (`only`); by default they are left out. */
  voided?: VoidedFilter | undefined;
  limit: number;
}

export function listServices(ctx: Pick<ReadCtx, 'db' | 'today'>, f: ServiceListFilter): Service[] {
  const type = optionalCode(SERVICE_TYPES, f.type, 'type');
  const channel = optionalCode(CHANNELS, f.channel, 'channel');
  const c = isBlank(f.case) ? null : resolveCase(ctx, f.case);
  const worker = isBlank(f.worker) ? null : resolveStaff(ctx, f.worker);
  const from = isBlank(f.from) ? undefined : parseDateInput(f.from, { today: ctx.today, field: 'from', kind: 'filter' });
  const to = isBlank(f.to) ? undefined : parseDateInput(f.to, { today: ctx.today, field: 'to', kind: 'filter' });
  return selectServices(ctx.db, {
    limit: f.limit,
    voided: f.voided ?? 'exclude',
    ...(c ? { caseId: c.id } : {}),
    ...(worker ? { workerId: worker.id } : {}),
    ...(type ? { type } : {}),
    ...(channel ? { channel } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
}
