/**
 * Correcting the record of a service (`service correct`) and voiding one logged by
 * mistake (`service void`). Neither deletes anything: a correction changes the values and
 * says so on the case's timeline and in the audit trail (field names only); a voided
 * service stays in the record and in `case show`, marked with who voided it, when and
 * why, and leaves every count (src/store/report-counts/measures.ts).
 */
import { ConflictError, ValidationError } from '../errors.js';
import { selectService, updateService, updateServiceVoided } from '../store/services.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { resolveCase } from './cases.js';
import { SERVICE_TYPES, type ServiceType } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import type { IsoDate } from '../lang/dates.js';
import { isBlank, noRecordWithId, optionalNote, parseCode, parseId, requiredReason } from './fields.js';
import { keepReplacedText } from './replaced-texts.js';
import { parseServiceDate, parseServiceMinutes, validateService, type Service } from './services.js';
import { t } from '../messages/catalogue.js';

/** A service given by its id ("12", "#12", "۱۲"). */
export function resolveService(ctx: Pick<ReadCtx, 'db'>, ref: string): Service {
  const s = selectService(ctx.db, parseId(ref, 'id'));
  if (s === undefined) throw noRecordWithId('service', 'id');
  return s;
}

/** `service correct` as typed: an option not given is undefined; an empty note or minutes clears it. */
export interface RawServiceCorrection {
  type?: string | undefined;
  date?: string | undefined;
  minutes?: string | undefined;
  worker?: string | undefined;
  note?: string | undefined;
  reason?: string | undefined;
}

/** The corrections as parsed; a field left out keeps its stored value. The worker is a reference the rules look up. */
export interface CorrectServiceInput {
  type?: ServiceType;
  serviceDate?: IsoDate;
  worker?: string;
  minutes?: number | null;
  note?: string | null;
  reason: string;
}

/** The names of the fields a correction may change, in the order they are reported. */
const CORRECTABLE = ['type', 'date', 'worker', 'minutes', 'note'] as const;

/** Why a record was corrected or voided: free text, required. */
export function parseReason(value: string | undefined): string {
  return requiredReason(value, t('the record is changed'));
}

/** The parse step of `service correct`: the same field parsers as `service log`; no database. */
export function parseCorrectServiceInput(raw: RawServiceCorrection, today: IsoDate): CorrectServiceInput {
  if (CORRECTABLE.every((k) => raw[k] === undefined)) {
    throw new ValidationError(t('nothing to correct: give at least one of --type, --date, --worker, --minutes, --note'), 'type');
  }
  const input: CorrectServiceInput = { reason: '' };
  if (raw.type !== undefined) {
    if (isBlank(raw.type)) throw new ValidationError(t('{field} cannot be empty', { field: 'type' }), 'type');
    input.type = parseCode(SERVICE_TYPES, raw.type, 'type');
  }
  if (raw.date !== undefined) {
    if (isBlank(raw.date)) throw new ValidationError(t('{field} cannot be empty', { field: 'date' }), 'date');
    input.serviceDate = parseServiceDate(raw.date, today);
  }
  if (raw.worker !== undefined) {
    if (isBlank(raw.worker)) throw new ValidationError(t('{field} cannot be empty', { field: 'worker' }), 'worker');
    input.worker = raw.worker;
  }
  if (raw.minutes !== undefined) input.minutes = parseServiceMinutes(raw.minutes);
  if (raw.note !== undefined) input.note = optionalNote(raw.note, 'note');
  input.reason = parseReason(raw.reason);
  return input;
}

export interface ServiceCorrectionResult {
  service: Service;
  /** The fields whose value changed. */
  changed: string[];
}

/**
 * The rules of a correction: a voided service is not corrected; the corrected service
 * satisfies every rule of `service log` read as history (a closed case keeps its
 * services, the worker may have left since), and its date stays between its case's
 * opening and closing.
 */
export function recordServiceCorrection(ctx: WriteCtx, s: Service, input: CorrectServiceInput): ServiceCorrectionResult {
  if (s.voidedAt !== null) throw new ConflictError(t('service #{id} is void: it cannot be corrected', { id: s.id }), 'id');
  const serviceDate = input.serviceDate ?? s.serviceDate;
  if (s.caseId !== null && input.serviceDate !== undefined) {
    const c = resolveCase(ctx, String(s.caseId));
    if (serviceDate < c.openedOn) {
      throw new ConflictError(t('date is before case {number} was opened ({date})', { number: c.caseNumber, date: c.openedOn }), 'date');
    }
    if (c.status === 'closed' && c.closedOn !== null && serviceDate > c.closedOn) {
      throw new ConflictError(t('date is after case {number} was closed ({date})', { number: c.caseNumber, date: c.closedOn }), 'date');
    }
  }
  const v = validateService(
    ctx,
    {
      case: s.caseId === null ? null : `#${s.caseId}`,
      type: input.type ?? (s.type as ServiceType),
      serviceDate: serviceDate as IsoDate,
      worker: input.worker ?? (s.workerId === null ? null : `#${s.workerId}`),
      minutes: input.minutes === undefined ? s.minutes : input.minutes,
      note: input.note === undefined ? s.note : input.note,
    },
    { history: true },
  );
  const after = { type: v.type, date: v.serviceDate, worker: v.workerId, minutes: v.minutes, note: v.note };
  const before = { type: s.type, date: s.serviceDate, worker: s.workerId, minutes: s.minutes, note: s.note };
  const changed = CORRECTABLE.filter((k) => after[k] !== before[k]);
  if (changed.length === 0)
    throw new ValidationError(t('nothing to correct: service #{id} already has these values', { id: s.id }), 'type');
  updateService(ctx.db, s.id, { serviceDate: v.serviceDate, type: v.type, workerId: v.workerId, minutes: v.minutes, note: v.note });
  const eventId =
    s.caseId === null
      ? null
      : addEvent(ctx, s.caseId, 'service-corrected', ctx.today, { serviceId: s.id, reason: changed.join(','), text: input.reason });
  // A note replaced or cleared is kept, with the correction's reason: a hotline call with no case has no timeline, but keeps it too.
  keepReplacedText(ctx, {
    recordType: 'service',
    recordId: s.id,
    field: 'note',
    before: s.note,
    after: v.note,
    reason: input.reason,
    caseEventId: eventId,
  });
  recordAudit(ctx, 'correct', 'service', s.id, [...changed, 'reason']);
  return { service: selectService(ctx.db, s.id) as Service, changed };
}

/** `service correct` from strings: the service, then parse, then the rules. */
export function correctService(ctx: WriteCtx, ref: string, raw: RawServiceCorrection): ServiceCorrectionResult {
  const s = resolveService(ctx, ref);
  return recordServiceCorrection(ctx, s, parseCorrectServiceInput(raw, ctx.today));
}

/** A voided service stays in the record, marked; only one in force can be voided, once. */
export function recordServiceVoid(ctx: WriteCtx, s: Service, reason: string): Service {
  if (s.voidedAt !== null || !updateServiceVoided(ctx.db, s.id, ctx.now(), ctx.actor, reason)) {
    throw new ConflictError(t('service #{id} is already void', { id: s.id }), 'id');
  }
  if (s.caseId !== null) addEvent(ctx, s.caseId, 'service-voided', ctx.today, { serviceId: s.id, text: reason });
  recordAudit(ctx, 'void', 'service', s.id, ['voidedAt', 'voidedBy', 'voidReason']);
  return selectService(ctx.db, s.id) as Service;
}

/** `service void` from strings: the service, then the reason, then the rule. */
export function voidService(ctx: WriteCtx, ref: string, raw: { reason?: string | undefined }): Service {
  const s = resolveService(ctx, ref);
  return recordServiceVoid(ctx, s, parseReason(raw.reason));
}
