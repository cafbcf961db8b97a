/**
 * Enrolments in training courses (ثبت‌نام دوره), such as the province's list
 * of trainees. Key: this office's id, an id recorded from the same source, else
 * the course with the person (a person is on a course once). A new row is
 * `training enrol` dated its requested-on: a place while the course has one,
 * else the waiting list, in the order of the rows. The status it states is then
 * reached the way the commands reach it (`training attend`, `complete`, `drop`,
 * which moves the first in line up). A stored enrolment only moves forward:
 * attended, completed or dropped; anything else that differs is refused.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { selectClient } from '../../../store/clients.js';
import { insertImportKey } from '../../../store/import.js';
import { selectStaffList } from '../../../store/staff.js';
import {
  selectCourse,
  selectEnrolment,
  selectEnrolmentOf,
  selectEnrolments,
  updateEnrolmentRow,
  type EnrolmentRow,
} from '../../../store/training.js';
import { parseDateInput } from '../../../lang/dates.js';
import { noRecordWithId, optionalCode, optionalText } from '../../fields.js';
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '../../people/codes.js';
import { toLatinDigits } from '../../../lang/digits.js';
import { matchingKey } from '../../../lang/persian.js';
import { resolveCourse, type Course } from '../../training/courses.js';
import { dropEnrolment, enrol, markAttended, markCompleted, parseScore } from '../../training/enrolments.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { rowTarget } from '../refs.js';
import type { RowView } from '../values.js';
import { asColumn, personColumn, readRef, rowClient, rowStaff } from './people-refs.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'course', key: 'course', fa: 'دوره', aliases: ['course-id', 'کد دوره', 'شناسه دوره'], kind: 'ref' },
  { name: 'course-title', key: 'courseTitle', fa: 'عنوان دوره', aliases: ['نام دوره'], kind: 'text' },
  { name: 'staff', key: 'staff', fa: 'کارمند', aliases: ['staff-id', 'کارشناس', 'پرسنل'], kind: 'ref', personal: true },
  { name: 'client', key: 'client', fa: 'مددجو', aliases: ['client-id'], kind: 'ref', personal: true },
  { name: 'national-code', key: 'nationalCode', fa: 'کد ملی', aliases: ['شماره ملی'], kind: 'national-code', personal: true },
  { name: 'first-name', key: 'firstName', fa: 'نام', kind: 'name', personal: true },
  { name: 'last-name', key: 'lastName', fa: 'نام خانوادگی', aliases: ['فامیلی'], kind: 'name', personal: true },
  { name: 'status', key: 'status', fa: 'وضعیت', kind: 'code' },
  { name: 'waiting-position', key: 'waitingPosition', fa: 'نوبت انتظار', aliases: ['ردیف انتظار'], kind: 'int' },
  { name: 'requested-on', key: 'requestedOn', fa: 'تاریخ درخواست', aliases: ['تاریخ ثبت نام'], kind: 'date', jalali: true },
  { name: 'enrolled-on', key: 'enrolledOn', fa: 'تاریخ پذیرش', kind: 'date', jalali: true },
  { name: 'attended-on', key: 'attendedOn', fa: 'تاریخ حضور', kind: 'date', jalali: true },
  { name: 'completed-on', key: 'completedOn', fa: 'تاریخ گذراندن', aliases: ['تاریخ اتمام'], kind: 'date', jalali: true },
  { name: 'score', key: 'score', fa: 'نمره', aliases: ['امتیاز'], kind: 'int' },
  { name: 'certificate', key: 'certificate', fa: 'شماره گواهی', aliases: ['certificate-no', 'شماره گواهینامه', 'گواهینامه'], kind: 'text' },
  { name: 'dropped-on', key: 'droppedOn', fa: 'تاریخ انصراف', kind: 'date', jalali: true },
];

const DATES = ['requested-on', 'enrolled-on', 'attended-on', 'completed-on', 'dropped-on'] as const;
type DateField = (typeof DATES)[number];

/** What a row says of the enrolment; absent cells say nothing. */
interface Wanted {
  status: EnrolmentStatus | null;
  dates: Partial<Record<DateField, string>>;
  score?: number | null;
  certificate?: string | null;
}

/** Cells a status rules out: a waiting person has no place, so no attending date, score or leaving date. */
const RULED_OUT: Readonly<Record<EnrolmentStatus, readonly string[]>> = {
  waiting: ['enrolled-on', 'attended-on', 'completed-on', 'dropped-on', 'score', 'certificate'],
  enrolled: ['attended-on', 'completed-on', 'dropped-on', 'score', 'certificate'],
  attended: ['completed-on', 'dropped-on', 'score', 'certificate'],
  completed: ['dropped-on'],
  dropped: ['completed-on', 'score', 'certificate'],
};

function readWanted(s: ImportSession, row: RowView): Wanted {
  const dates: Wanted['dates'] = {};
  for (const f of DATES) {
    const v = row.get(f);
    if (v !== undefined) dates[f] = parseDateInput(v, { today: s.today, field: f, kind: 'record' });
  }
  const w: Wanted = { status: optionalCode(ENROLMENT_STATUSES, row.get('status'), 'status'), dates };
  if (row.get('score') !== undefined) w.score = parseScore(row.get('score'));
  if (row.get('certificate') !== undefined)
    w.certificate = optionalText(toLatinDigits(row.get('certificate') as string), 'certificate', 50);
  const filled = (f: string): boolean =>
    f === 'score' ? w.score !== undefined : f === 'certificate' ? w.certificate !== undefined : dates[f as DateField] !== undefined;
  if (w.status === null) {
    // A list without a status column says how far each person got by the dates it fills in.
    w.status = filled('dropped-on')
      ? 'dropped'
      : filled('completed-on') || filled('score') || filled('certificate')
        ? 'completed'
        : filled('attended-on')
          ? 'attended'
          : null;
  } else {
    const clash = RULED_OUT[w.status].find(filled);
    if (clash !== undefined)
      throw new ValidationError(
        t('{field} is filled but the status is {status}: empty one of them', { field: clash, status: w.status }),
        clash,
      );
  }
  return w;
}

function rowCourse(s: ImportSession, row: RowView): Course {
  const ref = readRef(s, 'courses', row.get('course'));
  const title = row.get('course-title');
  let course: Course | undefined;
  if (ref !== undefined && 'id' in ref) {
    course = selectCourse(s.db, ref.id);
    if (course === undefined) throw noRecordWithId('course', 'course');
  } else if (ref !== undefined && 'text' in ref) {
    course = resolveCourse(s, ref.text, 'course');
  } else if (title !== undefined) {
    course = resolveCourse(s, title, 'course-title');
  } else if (ref !== undefined && 'foreign' in ref) {
    throw new NotFoundError(
      t(
        "no course was imported here with the id in the course column: import that office's courses file first, or add a course-title column",
      ),
      'course',
    );
  } else {
    throw new ValidationError(t("course is required: give the course's id or title"), 'course');
  }
  if (title !== undefined && matchingKey(title) !== matchingKey(course.title)) {
    throw new ValidationError(t('course #{id} has another title than the course-title column says', { id: course.id }), 'course-title');
  }
  return course;
}

/** Staff courses take staff and community courses clients; the row's own columns say which when it has them. */
function rowPerson(s: ImportSession, row: RowView, course: Course): { staffId: number } | { clientId: number } {
  const byClient = row.get('client') !== undefined || (row.get('staff') === undefined && course.audience === 'community');
  return byClient ? { clientId: rowClient(s, row).id } : { staffId: rowStaff(s, row).id };
}

const RANK: Readonly<Record<EnrolmentStatus, number>> = { waiting: 0, enrolled: 0, attended: 1, completed: 2, dropped: 3 };

/** Moves an enrolment forward to the status the row states, as the commands would. */
function advance(s: ImportSession, e: EnrolmentRow, w: Wanted, fresh: boolean): boolean {
  const want = w.status;
  if (want === null || want === e.status) return false;
  const ref = { id: String(e.id) };
  if (e.status === 'waiting' && want !== 'dropped') {
    const course = selectCourse(s.db, e.courseId) as Course;
    throw new ConflictError(
      fresh
        ? t(
            'course #{id} is full ({capacity} places): the person goes on the waiting list, not {status}; leave the status empty or write waiting, or raise the capacity',
            { id: course.id, capacity: course.capacity ?? 'null', status: want },
          )
        : t('enrolment #{id} is on the waiting list (position {position}): it moves up only when a place frees up', {
            id: e.id,
            position: e.waitingPosition ?? 'null',
          }),
      'status',
    );
  }
  if (want === 'waiting') {
    throw new ConflictError(
      fresh
        ? t('course #{id} has a free place: the person is enrolled, not waiting; leave the status empty or write enrolled', {
            id: e.courseId,
          })
        : t('enrolment #{id} is {status}, not waiting', { id: e.id, status: e.status }),
      'status',
    );
  }
  if (e.status === 'completed' || e.status === 'dropped' || RANK[want] < RANK[e.status]) {
    throw new ConflictError(
      t('enrolment #{id} is {status}: a file does not take it back to {want}', { id: e.id, status: e.status, want }),
      'status',
    );
  }
  const attended = w.dates['attended-on'];
  if (
    want === 'attended' ||
    (attended !== undefined && e.status === 'enrolled' && (want === 'dropped' || attended !== w.dates['completed-on']))
  ) {
    asColumn('date', 'attended-on', () => markAttended(s, ref, attended));
  }
  if (want === 'completed') {
    asColumn('date', 'completed-on', () =>
      markCompleted(s, {
        ...ref,
        date: w.dates['completed-on'],
        score: w.score === null ? undefined : w.score?.toString(),
        certificate: w.certificate ?? undefined,
      }),
    );
  }
  if (want === 'dropped') asColumn('date', 'dropped-on', () => dropEnrolment(s, ref, w.dates['dropped-on']));
  return true;
}

/**
 * What the rules cannot replay: the day a person got a place (a place freed by
 * a drop-out is got that day, not on the day of asking), and the attending of
 * someone who later dropped out, when the course has since filled up and the
 * replayed request lands on the waiting list. Written only on a record this row
 * creates, in the order the dates must keep, and never for someone waiting.
 */
function historyDates(s: ImportSession, e: EnrolmentRow, w: Wanted): void {
  const enrolledOn = w.dates['enrolled-on'] ?? e.enrolledOn;
  const attendedOn = (e.status === 'dropped' ? w.dates['attended-on'] : undefined) ?? e.attendedOn;
  if (e.status === 'waiting' || (enrolledOn === e.enrolledOn && attendedOn === e.attendedOn)) return;
  const field = enrolledOn !== e.enrolledOn ? 'enrolled-on' : 'attended-on';
  const order = [e.requestedOn, enrolledOn, attendedOn, e.completedOn ?? e.droppedOn].filter((d): d is string => d !== null);
  if (order.some((d, i) => i > 0 && d < (order[i - 1] as string)) || (order[order.length - 1] as string) > s.today) {
    throw new ValidationError(
      t('requested-on, enrolled-on, attended-on and completed-on or dropped-on must follow one another, none in the future'),
      field,
    );
  }
  const course = selectCourse(s.db, e.courseId) as Course;
  if (attendedOn !== null && attendedOn < course.startsOn) {
    throw new ValidationError(
      t('course #{id} starts on {date}; attended-on is before that', { id: course.id, date: course.startsOn }),
      'attended-on',
    );
  }
  updateEnrolmentRow(s.db, e.id, { status: e.status, waitingPosition: e.waitingPosition, enrolledOn, attendedOn }, s.now());
}

/** Names the cells in which the row differs from the stored enrolment. */
function differences(e: EnrolmentRow, w: Wanted): string[] {
  const out: string[] = [];
  if (w.status !== null && w.status !== e.status) out.push('status');
  const stored: Record<DateField, string | null> = {
    'requested-on': e.requestedOn,
    'enrolled-on': e.enrolledOn,
    'attended-on': e.attendedOn,
    'completed-on': e.completedOn,
    'dropped-on': e.droppedOn,
  };
  for (const f of DATES) if (w.dates[f] !== undefined && w.dates[f] !== stored[f]) out.push(f);
  if (w.score !== undefined && w.score !== e.score) out.push('score');
  if (w.certificate !== undefined && w.certificate !== e.certificateNo) out.push('certificate');
  return out;
}

function importEnrolmentRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'enrolments', row.get('id'));
  let target: EnrolmentRow | undefined;
  if (idRef.local !== undefined) {
    target = selectEnrolment(s.db, idRef.local);
    if (target === undefined)
      throw new NotFoundError(t('no enrolment {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectEnrolment(s.db, idRef.mapped);

  const w = readWanted(s, row);
  const course = rowCourse(s, row);
  const who = rowPerson(s, row, course);
  if (
    target !== undefined &&
    (target.courseId !== course.id || ('staffId' in who ? target.staffId !== who.staffId : target.clientId !== who.clientId))
  ) {
    const at = { id: target.id, course: course.id };
    const notTheirs =
      'staffId' in who
        ? t("enrolment #{id} is not staff member #{person}'s on course #{course}: check the id column", { ...at, person: who.staffId })
        : t("enrolment #{id} is not client #{person}'s on course #{course}: check the id column", { ...at, person: who.clientId });
    throw new ConflictError(notTheirs, 'id');
  }
  target ??= selectEnrolmentOf(s.db, course.id, who);

  if (target === undefined) {
    const person = 'staffId' in who ? { staff: String(who.staffId) } : { client: String(who.clientId) };
    const column = personColumn(row, 'staffId' in who ? 'staff' : 'client');
    const made = asColumn('staff', column, () =>
      asColumn('client', column, () =>
        asColumn('date', 'requested-on', () => enrol(s, { course: String(course.id), ...person, date: w.dates['requested-on'] })),
      ),
    )[0] as EnrolmentRow;
    s.claim('enrolments', made.id, row.row);
    advance(s, made, w, true);
    historyDates(s, selectEnrolment(s.db, made.id) as EnrolmentRow, w);
    const stored = selectEnrolment(s.db, made.id) as EnrolmentRow;
    const off = differences(stored, w);
    if (off.length > 0) {
      throw new ConflictError(
        t("the commands' rules give {fields} other than the row says (status {status}): check the row", {
          fields: off.join(', '),
          status: stored.status,
        }),
        off[0],
      );
    }
    if (idRef.external !== undefined) insertImportKey(s.db, 'enrolments', idRef.external, made.id, s.batchId);
    return { action: 'inserted', id: made.id };
  }

  s.claim('enrolments', target.id, row.row);
  if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'enrolments', idRef.external, target.id, s.batchId);
  const moved = advance(s, target, w, false);
  const stored = selectEnrolment(s.db, target.id) as EnrolmentRow;
  const off = differences(stored, w);
  if (off.length > 0) {
    throw new ConflictError(
      t(
        'differs from the stored enrolment #{id} ({status}) in {fields}: a file only moves an enrolment on (attended, completed, dropped); use the training commands',
        { id: target.id, status: stored.status, fields: off.join(', ') },
      ),
      off[0],
    );
  }
  return { action: moved ? 'updated' : 'unchanged', id: target.id };
}

export const enrolments: ImportEntity = {
  name: 'enrolments',
  record: 'enrolment',
  fields: FIELDS,
  rangeField: 'requested-on',
  errorFields: { enrolment: 'status' },
  importRow: importEnrolmentRow,
  *exportRows(db, officeCode, range) {
    const codes = new Map(selectStaffList(db, {}).map((p) => [p.id, p.nationalCode]));
    const clientCode = (id: number): string | null => selectClient(db, id)?.nationalCode ?? null;
    const date = (d: string | null) => (d === null ? null : { date: d });
    // Per course: places first, then the waiting list in its order, then those who dropped out,
    // so that importing the rows in this order rebuilds the same waiting list.
    const rows = selectEnrolments(db, {}).filter(
      (e) => (range.from === undefined || e.requestedOn >= range.from) && (range.to === undefined || e.requestedOn <= range.to),
    );
    for (const e of rows) {
      yield {
        id: exportId(officeCode, e.id),
        course: exportId(officeCode, e.courseId),
        'course-title': e.courseTitle,
        staff: exportId(officeCode, e.staffId),
        client: exportId(officeCode, e.clientId),
        'national-code': e.staffId !== null ? (codes.get(e.staffId) ?? null) : e.clientId !== null ? clientCode(e.clientId) : null,
        'first-name': e.firstName,
        'last-name': e.lastName,
        status: e.status,
        'waiting-position': e.waitingPosition,
        'requested-on': date(e.requestedOn),
        'enrolled-on': date(e.enrolledOn),
        'attended-on': date(e.attendedOn),
        'completed-on': date(e.completedOn),
        score: e.score,
        certificate: e.certificateNo,
        'dropped-on': date(e.droppedOn),
      };
    }
  },
};
