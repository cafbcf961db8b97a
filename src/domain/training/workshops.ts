/**
 * Community workshops (life skills, prevention of domestic violence, of suicide,
 * of child abuse, vocational skills): one record per session held, with the
 * number of women and men attending. Only sessions already held are recorded.
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import {
  insertWorkshop,
  selectWorkshop,
  selectWorkshops,
  updateWorkshopRow,
  type WorkshopRow,
  type WorkshopWrite,
} from '../../store/workshops.js';
import { recordAudit } from '../audit.js';
import { optionalCenter } from '../centers.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import {
  noRecordWithId,
  isBlank,
  optionalCode,
  optionalInteger,
  optionalNote,
  optionalText,
  parseCode,
  parseId,
  requiredText,
} from '../fields.js';
import { WORKSHOP_TOPICS } from '../people/codes.js';
import { resolveStaff } from '../staff.js';
import { parseHours } from './courses.js';

export type Workshop = WorkshopRow;

export interface WorkshopInput {
  topic?: string | undefined;
  title?: string | undefined;
  date?: string | undefined;
  center?: string | undefined;
  place?: string | undefined;
  facilitator?: string | undefined;
  hours?: string | undefined;
  female?: string | number | undefined;
  male?: string | number | undefined;
  note?: string | undefined;
}

/** Every rule of a workshop record, shared by add, update and import. */
export function validateWorkshop(ctx: Pick<ReadCtx, 'db' | 'today'>, input: WorkshopInput, base?: Workshop): WorkshopWrite {
  const keep = (k: keyof WorkshopInput): boolean => base !== undefined && input[k] === undefined;
  const heldOn = keep('date')
    ? (base as Workshop).heldOn
    : parseDateInput(requiredText(input.date, 'date'), { today: ctx.today, field: 'date', kind: 'record' });
  if (heldOn > ctx.today) throw new ValidationError(t('a workshop is recorded once held: --date is in the future'), 'date');
  const count = (v: string | number | undefined, field: string, old: number | undefined): number =>
    v === undefined && old !== undefined ? old : (optionalInteger(v, field, { min: 0, max: 100_000 }) ?? 0);
  const w: WorkshopWrite = {
    topic: keep('topic') ? (base as Workshop).topic : parseCode(WORKSHOP_TOPICS, requiredText(input.topic, 'topic'), 'topic'),
    title: keep('title') ? (base as Workshop).title : optionalText(input.title, 'title', 200),
    heldOn,
    centerId: keep('center') ? (base as Workshop).centerId : (optionalCenter(ctx, input.center)?.id ?? null),
    place: keep('place') ? (base as Workshop).place : optionalText(input.place, 'place', 200),
    facilitatorId: keep('facilitator')
      ? (base as Workshop).facilitatorId
      : isBlank(input.facilitator)
        ? null
        : resolveStaff(ctx, input.facilitator, 'facilitator').id,
    hours: keep('hours') ? (base as Workshop).hours : isBlank(input.hours) ? null : parseHours(input.hours, 'hours'),
    attendeesFemale: count(input.female, 'female', base?.attendeesFemale),
    attendeesMale: count(input.male, 'male', base?.attendeesMale),
    note: keep('note') ? (base as Workshop).note : optionalNote(input.note, 'note'),
  };
  return w;
}

export function addWorkshop(ctx: WriteCtx, input: WorkshopInput): Workshop {
  const w = validateWorkshop(ctx, input);
  const id = insertWorkshop(ctx.db, w, ctx.now());
  recordAudit(ctx, 'create', 'workshop', id);
  return selectWorkshop(ctx.db, id) as Workshop;
}

export function updateWorkshop(ctx: WriteCtx, input: WorkshopInput & { id: string }): Workshop {
  const id = parseId(input.id, 'id');
  const current = selectWorkshop(ctx.db, id);
  if (current === undefined) throw noRecordWithId('workshop', 'id');
  const changed = (['topic', 'title', 'date', 'center', 'place', 'facilitator', 'hours', 'female', 'male', 'note'] as const).filter(
    (k) => input[k] !== undefined,
  );
  if (changed.length === 0) throw new ValidationError(t('nothing to update: give at least one field to change'));
  updateWorkshopRow(ctx.db, id, validateWorkshop(ctx, input, current), ctx.now());
  recordAudit(ctx, 'update', 'workshop', id, changed);
  return selectWorkshop(ctx.db, id) as Workshop;
}

export interface WorkshopList {
  workshops: Workshop[];
  totals: { held: number; female: number; male: number; attendees: number };
}

export function listWorkshops(
  ctx: Pick<ReadCtx, 'db' | 'today'>,
  f: { from?: string | undefined; to?: string | undefined; topic?: string | undefined; center?: string | undefined },
): WorkshopList {
  const date = (v: string | undefined, field: string): string | undefined =>
    isBlank(v) ? undefined : parseDateInput(v, { today: ctx.today, field, kind: 'filter' });
  const from = date(f.from, 'from');
  const to = date(f.to, 'to');
  const topic = optionalCode(WORKSHOP_TOPICS, f.topic, 'topic') ?? undefined;
  const center = optionalCenter(ctx, f.center);
  const workshops = selectWorkshops(ctx.db, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(topic ? { topic } : {}),
    ...(center ? { centerId: center.id } : {}),
  });
  const female = workshops.reduce((n, w) => n + w.attendeesFemale, 0);
  const male = workshops.reduce((n, w) => n + w.attendeesMale, 0);
  return { workshops, totals: { held: workshops.length, female, male, attendees: female + male } };
}
