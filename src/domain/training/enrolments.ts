/**
 * Enrolment in a course: waiting → enrolled → attended → completed (with score,
 * certificate number and date), or dropped from any of the first three. A
 * course's capacity is never exceeded: who asks when it is full waits in line.
 * Completing implies attending, so `complete` also accepts an enrolled person.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import {
  countPlacesTaken,
  insertEnrolment,
  nextWaitingPosition,
  renumberWaitingList,
  selectEnrolment,
  selectEnrolmentOf,
  selectEnrolments,
  updateEnrolmentRow,
  type EnrolmentRow,
} from '../../store/training.js';
import { recordAudit } from '../audit.js';
import { resolveClient } from '../clients.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import { noRecordWithId, isBlank, optionalCode, optionalText, parseId, splitList } from '../fields.js';
import { ENROLMENT_STATUSES } from '../people/codes.js';
import { resolveStaff, worksOn } from '../staff.js';
import { toLatinDigits } from '../../lang/digits.js';
import { resolveCourse, type Course } from './courses.js';
import { promoteWaiting } from './waiting-list.js';

export type Enrolment = EnrolmentRow;

function dateOrToday(ctx: Pick<ReadCtx, 'today'>, value: string | undefined, field = 'date'): string {
  const d = isBlank(value) ? ctx.today : parseDateInput(value, { today: ctx.today, field, kind: 'record' });
  if (d > ctx.today) throw new ValidationError(t('--{field} is in the future', { field }), field);
  return d;
}

export interface EnrolInput {
  course?: string | undefined;
  /** One or more staff, comma separated. */
  staff?: string | undefined;
  /** One or more clients (community courses), comma separated. */
  client?: string | undefined;
  date?: string | undefined;
}

/** Gives each person a place, or a place in line when the course is full. */
export function enrol(ctx: WriteCtx, input: EnrolInput): Enrolment[] {
  if (isBlank(input.course)) throw new ValidationError(t('--course is required'), 'course');
  const course = resolveCourse(ctx, input.course);
  const on = dateOrToday(ctx, input.date);
  const byStaff = !isBlank(input.staff);
  if (byStaff === !isBlank(input.client))
    throw new ValidationError(t('give --staff (staff courses) or --client (community courses)'), 'staff');
  if (byStaff && course.audience !== 'staff')
    throw new ValidationError(t('course #{id} is for the community: enrol clients with --client', { id: course.id }), 'staff');
  if (!byStaff && course.audience !== 'community')
    throw new ValidationError(t('course #{id} is for staff: enrol staff with --staff', { id: course.id }), 'client');
  const refs = splitList(byStaff ? (input.staff as string) : (input.client as string));
  const out: Enrolment[] = [];
  for (const ref of refs) {
    let who: { staffId?: number; clientId?: number };
    if (byStaff) {
      const s = resolveStaff(ctx, ref, 'staff');
      if (!worksOn(s, on)) throw new ConflictError(t('staff member #{id} does not work here on {date}', { id: s.id, date: on }), 'staff');
      who = { staffId: s.id };
    } else {
      who = { clientId: resolveClient(ctx, ref, 'client').id };
    }
    out.push(enrolOne(ctx, course, who, on));
  }
  return out;
}

function enrolOne(ctx: WriteCtx, course: Course, who: { staffId?: number; clientId?: number }, on: string): Enrolment {
  const full = course.capacity !== null && countPlacesTaken(ctx.db, course.id) >= course.capacity;
  const waitingPosition = full ? nextWaitingPosition(ctx.db, course.id) : null;
  const status = full ? 'waiting' : 'enrolled';
  const enrolledOn = full ? null : on;
  const existing = selectEnrolmentOf(ctx.db, course.id, who);
  const label =
    who.staffId !== undefined ? t('staff member #{id}', { id: who.staffId }) : t('client #{id}', { id: who.clientId as number });
  if (existing !== undefined) {
    if (existing.status !== 'dropped') {
      throw new ConflictError(
        t('{who} is already on course #{id} (enrolment #{enrolment}, {status})', {
          who: label,
          id: course.id,
          enrolment: existing.id,
          status: existing.status,
        }),
        who.staffId !== undefined ? 'staff' : 'client',
      );
    }
    // Asking again after dropping out: a new request, at the back of the line if the course is full.
    updateEnrolmentRow(
      ctx.db,
      existing.id,
      {
        status,
        waitingPosition,
        requestedOn: on,
        enrolledOn,
        attendedOn: null,
        droppedOn: null,
        completedOn: null,
        score: null,
        certificateNo: null,
      },
      ctx.now(),
    );
    recordAudit(ctx, 're-enrol', 'enrolment', existing.id, ['status']);
    return selectEnrolment(ctx.db, existing.id) as Enrolment;
  }
  const id = insertEnrolment(
    ctx.db,
    {
      courseId: course.id,
      staffId: who.staffId ?? null,
      clientId: who.clientId ?? null,
      status,
      waitingPosition,
      requestedOn: on,
      enrolledOn,
    },
    ctx.now(),
  );
  recordAudit(ctx, 'create', 'enrolment', id);
  return selectEnrolment(ctx.db, id) as Enrolment;
}

export interface EnrolmentRef {
  id?: string | undefined;
  course?: string | undefined;
  staff?: string | undefined;
  client?: string | undefined;
}

/** An enrolment by its id, or by --course with --staff or --client. */
export function resolveEnrolment(ctx: Pick<ReadCtx, 'db'>, ref: EnrolmentRef): Enrolment {
  if (!isBlank(ref.id)) {
    const id = parseId(toLatinDigits(ref.id), 'enrolment');
    const e = selectEnrolment(ctx.db, id);
    if (e === undefined) throw noRecordWithId('enrolment', 'enrolment');
    return e;
  }
  if (isBlank(ref.course) || (isBlank(ref.staff) && isBlank(ref.client))) {
    throw new ValidationError(t('give the enrolment id, or --course with --staff or --client'), 'enrolment');
  }
  const course = resolveCourse(ctx, ref.course);
  const who = !isBlank(ref.staff)
    ? { staffId: resolveStaff(ctx, ref.staff, 'staff').id }
    : { clientId: resolveClient(ctx, ref.client as string).id };
  const e = selectEnrolmentOf(ctx.db, course.id, who);
  if (e === undefined) throw new NotFoundError(t('that person is not on course #{id}', { id: course.id }), 'enrolment');
  return e;
}

function checkCourseStarted(course: Course, on: string, field: string): void {
  if (on < course.startsOn)
    throw new ValidationError(
      t('course #{id} starts on {date}; --{field} is before that', { id: course.id, date: course.startsOn, field }),
      field,
    );
}

export function markAttended(ctx: WriteCtx, ref: EnrolmentRef, date?: string): Enrolment {
  const e = resolveEnrolment(ctx, ref);
  if (e.status !== 'enrolled')
    throw new ConflictError(
      t('enrolment #{id} is {status}: only an enrolled person can attend', { id: e.id, status: e.status }),
      'enrolment',
    );
  const on = dateOrToday(ctx, date);
  checkCourseStarted(resolveCourse(ctx, String(e.courseId)), on, 'date');
  updateEnrolmentRow(ctx.db, e.id, { status: 'attended', waitingPosition: null, attendedOn: on }, ctx.now());
  recordAudit(ctx, 'attend', 'enrolment', e.id, ['status']);
  return selectEnrolment(ctx.db, e.id) as Enrolment;
}

export interface CompleteInput extends EnrolmentRef {
  score?: string | undefined;
  certificate?: string | undefined;
  date?: string | undefined;
}

/** Score from 0 to 100, with up to two decimals. */
export function parseScore(value: string | undefined): number | null {
  if (isBlank(value)) return null;
  const text = toLatinDigits(value).trim();
  const n = Number(text);
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || n > 100) throw new ValidationError(t('invalid score: expected 0 to 100'), 'score');
  return n;
}

export function markCompleted(ctx: WriteCtx, input: CompleteInput): Enrolment {
  const e = resolveEnrolment(ctx, input);
  if (e.status !== 'enrolled' && e.status !== 'attended') {
    throw new ConflictError(
      t('enrolment #{id} is {status}: only an enrolled or attending person can complete', { id: e.id, status: e.status }),
      'enrolment',
    );
  }
  const on = dateOrToday(ctx, input.date);
  checkCourseStarted(resolveCourse(ctx, String(e.courseId)), on, 'date');
  const score = parseScore(input.score);
  const certificateNo = optionalText(input.certificate === undefined ? undefined : toLatinDigits(input.certificate), 'certificate', 50);
  updateEnrolmentRow(
    ctx.db,
    e.id,
    { status: 'completed', waitingPosition: null, completedOn: on, attendedOn: e.attendedOn ?? on, score, certificateNo },
    ctx.now(),
  );
  recordAudit(ctx, 'complete', 'enrolment', e.id, ['status', 'score', 'certificate']);
  return selectEnrolment(ctx.db, e.id) as Enrolment;
}

export interface DropResult {
  enrolment: Enrolment;
  /** Who moved up from the waiting list into the freed place. */
  promoted: Enrolment[];
}

export function dropEnrolment(ctx: WriteCtx, ref: EnrolmentRef, date?: string): DropResult {
  const e = resolveEnrolment(ctx, ref);
  if (e.status === 'dropped' || e.status === 'completed')
    throw new ConflictError(t('enrolment #{id} is already {status}', { id: e.id, status: e.status }), 'enrolment');
  const on = dateOrToday(ctx, date);
  updateEnrolmentRow(ctx.db, e.id, { status: 'dropped', waitingPosition: null, droppedOn: on }, ctx.now());
  recordAudit(ctx, 'drop', 'enrolment', e.id, ['status']);
  if (e.status === 'waiting') {
    renumberWaitingList(ctx.db, e.courseId, ctx.now());
    return { enrolment: selectEnrolment(ctx.db, e.id) as Enrolment, promoted: [] };
  }
  const promoted = promoteWaiting(ctx, e.courseId, on).map((id) => selectEnrolment(ctx.db, id) as Enrolment);
  return { enrolment: selectEnrolment(ctx.db, e.id) as Enrolment, promoted };
}

export interface EnrolmentListFilter {
  course?: string | undefined;
  staff?: string | undefined;
  status?: string | undefined;
}

export function listEnrolments(ctx: Pick<ReadCtx, 'db'>, f: EnrolmentListFilter): Enrolment[] {
  const course = isBlank(f.course) ? undefined : resolveCourse(ctx, f.course);
  const staff = isBlank(f.staff) ? undefined : resolveStaff(ctx, f.staff, 'staff');
  const status = optionalCode(ENROLMENT_STATUSES, f.status, 'status') ?? undefined;
  return selectEnrolments(ctx.db, {
    ...(course ? { courseId: course.id } : {}),
    ...(staff ? { staffId: staff.id } : {}),
    ...(status ? { status } : {}),
  });
}
