/**
 * Training courses. A course here is one run (with its dates and capacity);
 * runs of the same course share its title (compared after Persian
 * normalisation), and completing any run satisfies a course mandatory for a role.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import {
  countPlacesTaken,
  insertCourse,
  selectCourse,
  selectCourses,
  selectCoursesByTitleKey,
  selectEnrolments,
  updateCourseRow,
  type CourseRow,
  type CourseWrite,
  type EnrolmentRow,
} from '../../store/training.js';
import { recordAudit } from '../audit.js';
import { ROLES } from '../codes.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import {
  idDigits,
  isBlank,
  noRecordWithId,
  optionalCode,
  optionalInteger,
  optionalText,
  parseCode,
  parseId,
  requiredText,
  splitList,
} from '../fields.js';
import { AUDIENCES } from '../people/codes.js';
import { toLatinDigits } from '../../lang/digits.js';
import { matchingKey } from '../../lang/persian.js';
import { promoteWaiting } from './waiting-list.js';

export type Course = CourseRow;

export interface CourseInput {
  title?: string | undefined;
  topic?: string | undefined;
  hours?: string | number | undefined;
  provider?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  capacity?: string | number | undefined;
  audience?: string | undefined;
  mandatoryFor?: string | undefined;
}

/** Hours with an optional fraction: `12`, `1.5`, `۱٫۵`. */
export function parseHours(value: string | number, field: string): number {
  const text = typeof value === 'number' ? String(value) : toLatinDigits(value).trim().replace('/', '.');
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(text) || Number(text) <= 0) {
    throw new ValidationError(t('invalid {field}: expected hours such as 12 or 1.5', { field }), field);
  }
  return Number(text);
}

/** Roles given as codes or labels, comma separated; `none` or empty for none. */
export function parseRoles(value: string | undefined, field = 'mandatory-for'): string[] {
  if (isBlank(value) || ['none', '-', 'هیچ'].includes(value.trim().toLowerCase())) return [];
  return [...new Set(splitList(value).map((r) => parseCode(ROLES, r, field)))].sort();
}

/** Every rule of a course record, shared by add, update and import. */
export function validateCourse(ctx: Pick<ReadCtx, 'today'>, input: CourseInput, base?: Course): CourseWrite {
  const keep = (k: keyof CourseInput): boolean => base !== undefined && input[k] === undefined;
  const title = keep('title') ? (base as Course).title : requiredText(input.title, 'title', 200);
  const date = (v: string, field: string): string => parseDateInput(v, { today: ctx.today, field, kind: 'record' });
  const startsOn = keep('from') ? (base as Course).startsOn : date(requiredText(input.from, 'from'), 'from');
  const endsOn = keep('to') ? (base as Course).endsOn : isBlank(input.to) ? startsOn : date(input.to, 'to');
  if (endsOn < startsOn) throw new ValidationError(t('--to is before --from'), 'to');
  const audience = keep('audience')
    ? (base as Course).audience
    : isBlank(input.audience)
      ? 'staff'
      : parseCode(AUDIENCES, input.audience, 'audience');
  const mandatoryFor = keep('mandatoryFor') ? (base as Course).mandatoryFor : parseRoles(input.mandatoryFor);
  if (audience === 'community' && mandatoryFor.length > 0) {
    throw new ValidationError(t('a community course cannot be mandatory for a staff role'), 'mandatory-for');
  }
  return {
    title,
    titleKey: matchingKey(title),
    topic: keep('topic') ? (base as Course).topic : optionalText(input.topic, 'topic', 100),
    hours: keep('hours')
      ? (base as Course).hours
      : parseHours(requiredText(input.hours === undefined ? undefined : String(input.hours), 'hours'), 'hours'),
    provider: keep('provider') ? (base as Course).provider : optionalText(input.provider, 'provider', 200),
    startsOn,
    endsOn,
    capacity: keep('capacity') ? (base as Course).capacity : optionalInteger(input.capacity, 'capacity', { min: 1, max: 100_000 }),
    audience,
    mandatoryFor,
  };
}

export function addCourse(ctx: WriteCtx, input: CourseInput): Course {
  const w = validateCourse(ctx, input);
  const id = insertCourse(ctx.db, w, ctx.now());
  recordAudit(ctx, 'create', 'course', id);
  return selectCourse(ctx.db, id) as Course;
}

/** A course by id, or by title when only one run has it. */
export function resolveCourse(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'course'): Course {
  const id = idDigits(ref);
  if (id !== undefined) {
    const c = selectCourse(ctx.db, parseId(id, field));
    if (c === undefined) throw noRecordWithId('course', field);
    return c;
  }
  const runs = selectCoursesByTitleKey(ctx.db, matchingKey(ref));
  if (runs.length === 0) throw new NotFoundError(t('no course has the title given for --{field}', { field }), field);
  if (runs.length > 1)
    throw new ValidationError(
      t('{count} runs of the course titled as given for --{field} exist: give the id ({ids})', {
        count: runs.length,
        field,
        ids: runs.map((c) => '#' + c.id).join(', '),
      }),
      field,
    );
  return runs[0] as Course;
}

export interface CourseUpdate extends CourseInput {
  id: string;
}

export interface CourseUpdateResult extends Course {
  /** Enrolment ids moved up from the waiting list by a larger capacity. */
  promoted: number[];
}

export function updateCourse(ctx: WriteCtx, input: CourseUpdate): CourseUpdateResult {
  const current = resolveCourse(ctx, input.id, 'id');
  const changed = (['title', 'topic', 'hours', 'provider', 'from', 'to', 'capacity', 'audience', 'mandatoryFor'] as const).filter(
    (k) => input[k] !== undefined,
  );
  if (changed.length === 0) throw new ValidationError(t('nothing to update: give at least one field to change'));
  const w = validateCourse(ctx, input, current);
  const taken = countPlacesTaken(ctx.db, current.id);
  if (w.capacity !== null && w.capacity < taken) {
    throw new ConflictError(
      t('course #{id} has {count} places taken: the capacity cannot go below that', { id: current.id, count: taken }),
      'capacity',
    );
  }
  if (w.audience !== current.audience && selectEnrolments(ctx.db, { courseId: current.id }).length > 0) {
    throw new ConflictError(t('course #{id} has enrolments: its audience cannot change', { id: current.id }), 'audience');
  }
  updateCourseRow(ctx.db, current.id, w, ctx.now());
  recordAudit(
    ctx,
    'update',
    'course',
    current.id,
    changed.map((k) => (k === 'mandatoryFor' ? 'mandatory-for' : k)),
  );
  const promoted = promoteWaiting(ctx, current.id, ctx.today);
  return { ...(selectCourse(ctx.db, current.id) as Course), promoted };
}

export interface CourseListFilter {
  from?: string | undefined;
  to?: string | undefined;
  audience?: string | undefined;
  role?: string | undefined;
}

export interface CourseSummary extends Course {
  placesTaken: number;
  waiting: number;
}

export function listCourses(ctx: Pick<ReadCtx, 'db' | 'today'>, f: CourseListFilter): CourseSummary[] {
  const date = (v: string | undefined, field: string): string | undefined =>
    isBlank(v) ? undefined : parseDateInput(v, { today: ctx.today, field, kind: 'filter' });
  const from = date(f.from, 'from');
  const to = date(f.to, 'to');
  const audience = optionalCode(AUDIENCES, f.audience, 'audience') ?? undefined;
  const role = optionalCode(ROLES, f.role, 'role') ?? undefined;
  return selectCourses(ctx.db, {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(audience ? { audience } : {}),
    ...(role ? { role } : {}),
  }).map((c) => summarise(ctx, c));
}

function summarise(ctx: Pick<ReadCtx, 'db'>, c: Course, enrolments?: EnrolmentRow[]): CourseSummary {
  const list = enrolments ?? selectEnrolments(ctx.db, { courseId: c.id });
  return {
    ...c,
    placesTaken: list.filter((e) => e.status === 'enrolled' || e.status === 'attended' || e.status === 'completed').length,
    waiting: list.filter((e) => e.status === 'waiting').length,
  };
}

export interface CourseDetail extends CourseSummary {
  enrolments: EnrolmentRow[];
}

export function showCourse(ctx: Pick<ReadCtx, 'db'>, ref: string): CourseDetail {
  const c = resolveCourse(ctx, ref, 'id');
  const enrolments = selectEnrolments(ctx.db, { courseId: c.id });
  return { ...summarise(ctx, c, enrolments), enrolments };
}
