/** Shift patterns: the shifts each service needs every day, set by the office. */
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import {
  countPatternAssignments,
  insertPattern,
  selectPattern,
  selectPatternAssignmentSpan,
  selectPatterns,
  selectPatternsByNameKey,
  updatePatternRow,
  type PatternRow,
  type PatternWrite,
} from '../../store/roster.js';
import { recordAudit } from '../audit.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import { idDigits, isBlank, noRecordWithId, optionalCode, parseCode, parseId, parseInteger, requiredText } from '../fields.js';
import { DUTY_SERVICES } from '../people/codes.js';
import { matchingKey } from '../../lang/persian.js';
import { clockMinutes, crossesMidnight, parseClockTime } from './clock.js';

export interface Pattern extends PatternRow {
  /** In force today. */
  active: boolean;
  /** The end is on the next day. */
  overnight: boolean;
  /** Length in minutes (an equal start and end is a 24-hour shift). */
  minutes: number;
}

export function patternMinutes(start: string, end: string): number {
  const d = clockMinutes(end) - clockMinutes(start);
  return d > 0 ? d : d + 1440;
}

/** Whether the pattern's shifts exist on `date`. */
export const inForceOn = (p: PatternRow, date: string): boolean => p.validFrom <= date && (p.retiredOn === null || date < p.retiredOn);

export function describePattern(p: PatternRow, today: string): Pattern {
  return {
    ...p,
    active: p.retiredOn === null || today < p.retiredOn,
    overnight: crossesMidnight(p.startTime, p.endTime),
    minutes: patternMinutes(p.startTime, p.endTime),
  };
}

export interface PatternInput {
  service?: string | undefined;
  name?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  needed?: string | number | undefined;
  from?: string | undefined;
}

export function addPattern(ctx: WriteCtx, input: PatternInput): Pattern {
  const service = parseCode(DUTY_SERVICES, requiredText(input.service, 'service'), 'service');
  const name = requiredText(input.name, 'name', 60);
  const startTime = parseClockTime(requiredText(input.start, 'start'), 'start');
  const endTime = parseClockTime(requiredText(input.end, 'end'), 'end');
  const peopleNeeded = input.needed === undefined || input.needed === '' ? 1 : parseInteger(input.needed, 'needed', { min: 1, max: 100 });
  const validFrom = isBlank(input.from) ? ctx.today : parseDateInput(input.from, { today: ctx.today, field: 'from', kind: 'record' });
  const nameKey = matchingKey(name);
  const clash = selectPatternsByNameKey(ctx.db, nameKey, service)[0];
  if (clash !== undefined)
    throw new ConflictError(t('{service} already has a shift pattern with this name (#{id})', { service, id: clash.id }), 'name');
  const id = insertPattern(ctx.db, { service, name, nameKey, startTime, endTime, peopleNeeded, validFrom, retiredOn: null }, ctx.now());
  recordAudit(ctx, 'create', 'shift-pattern', id);
  return describePattern(selectPattern(ctx.db, id) as PatternRow, ctx.today);
}

/** A pattern by id, or by name (with the service when two services use one name). */
export function resolvePattern(ctx: Pick<ReadCtx, 'db'>, ref: string, service?: string, field = 'pattern'): PatternRow {
  const id = idDigits(ref);
  if (id !== undefined) {
    const p = selectPattern(ctx.db, parseId(id, field));
    if (p === undefined) throw noRecordWithId('shift pattern', field);
    return p;
  }
  const svc = optionalCode(DUTY_SERVICES, service, 'service') ?? undefined;
  const found = selectPatternsByNameKey(ctx.db, matchingKey(ref), svc);
  if (found.length === 0) {
    throw new NotFoundError(
      svc
        ? t('no shift pattern of {service} has the name given for --{field}', { service: svc, field })
        : t('no shift pattern has the name given for --{field}', { field }),
      field,
    );
  }
  if (found.length > 1) {
    throw new ValidationError(
      t('{count} services have a shift with the name given for --{field}: give --service or the id ({ids})', {
        count: found.length,
        field,
        ids: found.map((p) => '#' + p.id).join(', '),
      }),
      field,
    );
  }
  return found[0] as PatternRow;
}

export interface PatternUpdate extends PatternInput {
  id: string;
}

/**
 * Changes a pattern. Its hours are copied into every assignment made from it,
 * so they may change only while nobody is assigned: otherwise retire it and add
 * a new pattern, and the shifts people already work keep their hours.
 */
export function updatePattern(ctx: WriteCtx, input: PatternUpdate): Pattern {
  const p = resolvePattern(ctx, input.id, input.service, 'id');
  const changed = (['name', 'start', 'end', 'needed', 'from'] as const).filter((k) => input[k] !== undefined);
  if (changed.length === 0) throw new ValidationError(t('nothing to update: give --name, --start, --end, --needed or --from'));
  const next: PatternWrite = {
    service: p.service,
    name: input.name === undefined ? p.name : requiredText(input.name, 'name', 60),
    nameKey: '',
    startTime: input.start === undefined ? p.startTime : parseClockTime(input.start, 'start'),
    endTime: input.end === undefined ? p.endTime : parseClockTime(input.end, 'end'),
    peopleNeeded: input.needed === undefined ? p.peopleNeeded : parseInteger(input.needed, 'needed', { min: 1, max: 100 }),
    validFrom: input.from === undefined ? p.validFrom : parseDateInput(input.from, { today: ctx.today, field: 'from', kind: 'record' }),
    retiredOn: p.retiredOn,
  };
  next.nameKey = matchingKey(next.name);
  const clash = selectPatternsByNameKey(ctx.db, next.nameKey, p.service).find((o) => o.id !== p.id);
  if (clash !== undefined)
    throw new ConflictError(
      t('{service} already has a shift pattern with this name (#{id})', { service: p.service, id: clash.id }),
      'name',
    );
  if ((next.startTime !== p.startTime || next.endTime !== p.endTime) && countPatternAssignments(ctx.db, p.id) > 0) {
    throw new ConflictError(
      t('shift pattern #{id} has assignments: its hours cannot change; retire it ("{command}") and add a new pattern', {
        id: p.id,
        command: `roster pattern retire ${p.id}`,
      }),
      'start',
    );
  }
  const span = selectPatternAssignmentSpan(ctx.db, p.id);
  if (span.first !== null && next.validFrom > span.first) {
    throw new ConflictError(
      t('shift pattern #{id} has assignments from {date}: --from cannot be later than that', { id: p.id, date: span.first }),
      'from',
    );
  }
  if (next.retiredOn !== null && next.retiredOn <= next.validFrom)
    throw new ValidationError(t('--from must be before the retirement date'), 'from');
  updatePatternRow(ctx.db, p.id, next, ctx.now());
  recordAudit(ctx, 'update', 'shift-pattern', p.id, changed);
  return describePattern(selectPattern(ctx.db, p.id) as PatternRow, ctx.today);
}

/** From `date` on (default today) the pattern's shifts no longer exist; refused while people are assigned to them. */
export function retirePattern(ctx: WriteCtx, ref: string, date: string | undefined, service?: string): Pattern {
  const p = resolvePattern(ctx, ref, service, 'id');
  if (p.retiredOn !== null) throw new ConflictError(t('shift pattern #{id} is already retired', { id: p.id }), 'id');
  const on = isBlank(date) ? ctx.today : parseDateInput(date, { today: ctx.today, field: 'date', kind: 'record' });
  if (on <= p.validFrom) {
    throw new ValidationError(
      t('shift pattern #{id} starts on {date}: retire it after that date', { id: p.id, date: p.validFrom }),
      'date',
    );
  }
  const left = countPatternAssignments(ctx.db, p.id, on);
  if (left > 0) {
    throw new ConflictError(
      t('shift pattern #{id} has {count} assignment(s) on or after that date: unassign them first', { id: p.id, count: left }),
      'date',
    );
  }
  updatePatternRow(ctx.db, p.id, { ...p, nameKey: matchingKey(p.name), retiredOn: on }, ctx.now());
  recordAudit(ctx, 'retire', 'shift-pattern', p.id, ['retired-on']);
  return describePattern(selectPattern(ctx.db, p.id) as PatternRow, ctx.today);
}

export function listPatterns(
  ctx: Pick<ReadCtx, 'db' | 'today'>,
  f: { service?: string | undefined; all?: boolean | undefined },
): Pattern[] {
  const service = optionalCode(DUTY_SERVICES, f.service, 'service') ?? undefined;
  const rows = selectPatterns(ctx.db, { ...(service ? { service } : {}), ...(f.all ? {} : { from: ctx.today }) });
  return rows.map((p) => describePattern(p, ctx.today));
}
