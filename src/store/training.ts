/** Training courses, their enrolments and waiting lists (community workshops: store/workshops.ts). */
import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface CourseRow {
  id: number;
  title: string;
  topic: string | null;
  hours: number;
  provider: string | null;
  startsOn: string;
  endsOn: string;
  capacity: number | null;
  audience: 'staff' | 'community';
  /** Roles for which the course is mandatory. */
  mandatoryFor: string[];
  createdAt: string;
  updatedAt: string;
}

export interface CourseWrite {
  title: string;
  titleKey: string;
  topic: string | null;
  hours: number;
  provider: string | null;
  startsOn: string;
  endsOn: string;
  capacity: number | null;
  audience: string;
  mandatoryFor: string[];
}

const COURSE_COLUMNS = `c.id, c.title, c.topic, c.hours, c.provider, c.starts_on AS startsOn, c.ends_on AS endsOn, c.capacity, c.audience,
  (SELECT group_concat(role, ',') FROM (SELECT role FROM course_mandatory_roles WHERE course_id = c.id ORDER BY role)) AS roleList,
  c.created_at AS createdAt, c.updated_at AS updatedAt`;

type RawCourse = Omit<CourseRow, 'mandatoryFor'> & { roleList: string | null };
const toCourse = ({ roleList, ...r }: RawCourse): CourseRow => ({ ...r, mandatoryFor: roleList ? roleList.split(',') : [] });

function writeRoles(db: WritableDB, id: number, roles: string[]): void {
  db.stmt(`DELETE FROM course_mandatory_roles WHERE course_id = ?`).run(id);
  const add = db.stmt(`INSERT INTO course_mandatory_roles (course_id, role) VALUES (?, ?)`);
  for (const r of roles) add.run(id, r);
}

export function insertCourse(db: WritableDB, c: CourseWrite, at: string): number {
  const id = Number(
    db
      .stmt(
        `INSERT INTO courses (title, title_key, topic, hours, provider, starts_on, ends_on, capacity, audience, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.title, c.titleKey, c.topic, c.hours, c.provider, c.startsOn, c.endsOn, c.capacity, c.audience, at, at).lastInsertRowid,
  );
  writeRoles(db, id, c.mandatoryFor);
  return id;
}

export function updateCourseRow(db: WritableDB, id: number, c: CourseWrite, at: string): void {
  db.stmt(
    `UPDATE courses SET title = ?, title_key = ?, topic = ?, hours = ?, provider = ?, starts_on = ?, ends_on = ?, capacity = ?, audience = ?,
       updated_at = ? WHERE id = ?`,
  ).run(c.title, c.titleKey, c.topic, c.hours, c.provider, c.startsOn, c.endsOn, c.capacity, c.audience, at, id);
  writeRoles(db, id, c.mandatoryFor);
}

export function selectCourse(db: ReadableDB, id: number): CourseRow | undefined {
  const r = db.stmt(`SELECT ${COURSE_COLUMNS} FROM courses c WHERE c.id = ?`).get(id) as RawCourse | undefined;
  return r === undefined ? undefined : toCourse(r);
}

export function selectCoursesByTitleKey(db: ReadableDB, titleKey: string): CourseRow[] {
  return (
    db
      .stmt(`SELECT ${COURSE_COLUMNS} FROM courses c WHERE c.title_key = ? ORDER BY c.starts_on DESC, c.id DESC`)
      .all(titleKey) as RawCourse[]
  ).map(toCourse);
}

export interface CourseFilter {
  from?: string;
  to?: string;
  audience?: string;
  role?: string;
}

/** Courses running at some point of [from, to], newest first. */
export function selectCourses(db: ReadableDB, f: CourseFilter): CourseRow[] {
  const c = new Conditions();
  c.when('c.ends_on >= ?', f.from);
  c.when('c.starts_on <= ?', f.to);
  c.when('c.audience = ?', f.audience);
  c.when('c.id IN (SELECT course_id FROM course_mandatory_roles WHERE role = ?)', f.role);
  return (
    db.stmt(`SELECT ${COURSE_COLUMNS} FROM courses c ${c.where} ORDER BY c.starts_on DESC, c.id DESC`).all(...c.args) as RawCourse[]
  ).map(toCourse);
}

export interface EnrolmentRow {
  id: number;
  courseId: number;
  courseTitle: string;
  staffId: number | null;
  clientId: number | null;
  firstName: string | null;
  lastName: string | null;
  status: 'waiting' | 'enrolled' | 'attended' | 'completed' | 'dropped';
  waitingPosition: number | null;
  requestedOn: string;
  enrolledOn: string | null;
  attendedOn: string | null;
  completedOn: string | null;
  score: number | null;
  certificateNo: string | null;
  droppedOn: string | null;
  createdAt: string;
  updatedAt: string;
}

const ENROLMENT_FROM = `enrolments e JOIN courses c ON c.id = e.course_id LEFT JOIN staff s ON s.id = e.staff_id LEFT JOIN clients k ON k.id = e.client_id`;
const ENROLMENT_COLUMNS = `e.id, e.course_id AS courseId, c.title AS courseTitle, e.staff_id AS staffId, e.client_id AS clientId,
  coalesce(s.first_name, k.first_name) AS firstName, coalesce(s.last_name, k.last_name) AS lastName, e.status,
  e.waiting_position AS waitingPosition, e.requested_on AS requestedOn, e.enrolled_on AS enrolledOn, e.attended_on AS attendedOn,
  e.completed_on AS completedOn, e.score, e.certificate_no AS certificateNo, e.dropped_on AS droppedOn,
  e.created_at AS createdAt, e.updated_at AS updatedAt`;

export interface EnrolmentWrite {
  courseId: number;
  staffId: number | null;
  clientId: number | null;
  status: string;
  waitingPosition: number | null;
  requestedOn: string;
  enrolledOn: string | null;
}

export function insertEnrolment(db: WritableDB, e: EnrolmentWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO enrolments (course_id, staff_id, client_id, status, waiting_position, requested_on, enrolled_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(e.courseId, e.staffId, e.clientId, e.status, e.waitingPosition, e.requestedOn, e.enrolledOn, at, at).lastInsertRowid,
  );
}

export function selectEnrolment(db: ReadableDB, id: number): EnrolmentRow | undefined {
  return db.stmt(`SELECT ${ENROLMENT_COLUMNS} FROM ${ENROLMENT_FROM} WHERE e.id = ?`).get(id) as EnrolmentRow | undefined;
}

export function selectEnrolmentOf(
  db: ReadableDB,
  courseId: number,
  who: { staffId?: number; clientId?: number },
): EnrolmentRow | undefined {
  if (who.staffId !== undefined) {
    return db
      .stmt(`SELECT ${ENROLMENT_COLUMNS} FROM ${ENROLMENT_FROM} WHERE e.course_id = ? AND e.staff_id = ?`)
      .get(courseId, who.staffId) as EnrolmentRow | undefined;
  }
  return db
    .stmt(`SELECT ${ENROLMENT_COLUMNS} FROM ${ENROLMENT_FROM} WHERE e.course_id = ? AND e.client_id = ?`)
    .get(courseId, who.clientId) as EnrolmentRow | undefined;
}

export interface EnrolmentFilter {
  courseId?: number;
  staffId?: number;
  status?: string;
}

/** Places first (by status), then the waiting list in its order. */
export function selectEnrolments(db: ReadableDB, f: EnrolmentFilter): EnrolmentRow[] {
  const c = new Conditions();
  c.when('e.course_id = ?', f.courseId);
  c.when('e.staff_id = ?', f.staffId);
  c.when('e.status = ?', f.status);
  return db
    .stmt(
      `SELECT ${ENROLMENT_COLUMNS} FROM ${ENROLMENT_FROM} ${c.where}
       ORDER BY c.starts_on DESC, e.course_id, CASE e.status WHEN 'completed' THEN 0 WHEN 'attended' THEN 1 WHEN 'enrolled' THEN 2
         WHEN 'waiting' THEN 3 ELSE 4 END, e.waiting_position, e.id`,
    )
    .all(...c.args) as EnrolmentRow[];
}

/** Places taken: everyone enrolled, attended or completed. */
export function countPlacesTaken(db: ReadableDB, courseId: number): number {
  return (
    db.stmt(`SELECT count(*) AS n FROM enrolments WHERE course_id = ? AND status IN ('enrolled','attended','completed')`).get(courseId) as {
      n: number;
    }
  ).n;
}

export function selectWaitingList(db: ReadableDB, courseId: number): { id: number; position: number }[] {
  return db
    .stmt(`SELECT id, waiting_position AS position FROM enrolments WHERE course_id = ? AND status = 'waiting' ORDER BY waiting_position`)
    .all(courseId) as { id: number; position: number }[];
}

export function nextWaitingPosition(db: ReadableDB, courseId: number): number {
  return (db.stmt(`SELECT coalesce(max(waiting_position), 0) + 1 AS n FROM enrolments WHERE course_id = ?`).get(courseId) as { n: number })
    .n;
}

export interface EnrolmentChange {
  status: string;
  waitingPosition: number | null;
  enrolledOn?: string | null;
  attendedOn?: string | null;
  completedOn?: string | null;
  score?: number | null;
  certificateNo?: string | null;
  droppedOn?: string | null;
  requestedOn?: string;
}

/** Sets the status and the dates given; dates left out stay as they are. */
export function updateEnrolmentRow(db: WritableDB, id: number, c: EnrolmentChange, at: string): void {
  const sets = ['status = ?', 'waiting_position = ?', 'updated_at = ?'];
  const args: unknown[] = [c.status, c.waitingPosition, at];
  const columns: [keyof EnrolmentChange, string][] = [
    ['enrolledOn', 'enrolled_on'],
    ['attendedOn', 'attended_on'],
    ['completedOn', 'completed_on'],
    ['score', 'score'],
    ['certificateNo', 'certificate_no'],
    ['droppedOn', 'dropped_on'],
    ['requestedOn', 'requested_on'],
  ];
  for (const [key, column] of columns) {
    if (c[key] !== undefined) {
      sets.push(`${column} = ?`);
      args.push(c[key]);
    }
  }
  db.stmt(`UPDATE enrolments SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
}

/** Renumbers a course's waiting list 1, 2, 3… in its current order (two passes keep the unique index happy). */
export function renumberWaitingList(db: WritableDB, courseId: number, at: string): void {
  const list = selectWaitingList(db, courseId);
  const set = db.stmt(`UPDATE enrolments SET waiting_position = ?, updated_at = ? WHERE id = ?`);
  list.forEach((w, i) => set.run(1_000_000 + i, at, w.id));
  list.forEach((w, i) => set.run(i + 1, at, w.id));
}

export interface CompletionRow {
  staffId: number;
  courseId: number;
  titleKey: string;
  title: string;
  completedOn: string;
  certificateNo: string | null;
}

/** Every staff completion, newest first per person and course title. */
export function selectStaffCompletions(db: ReadableDB): CompletionRow[] {
  return db
    .stmt(
      `SELECT e.staff_id AS staffId, e.course_id AS courseId, c.title_key AS titleKey, c.title, e.completed_on AS completedOn,
         e.certificate_no AS certificateNo
       FROM enrolments e JOIN courses c ON c.id = e.course_id
       WHERE e.status = 'completed' AND e.staff_id IS NOT NULL
       ORDER BY e.staff_id, c.title_key, e.completed_on DESC, e.id DESC`,
    )
    .all() as CompletionRow[];
}

export interface MandatoryRow {
  role: string;
  titleKey: string;
  title: string;
  courseId: number;
  startsOn: string;
}

/** Mandatory courses per role, the latest run of each title first. */
export function selectMandatoryCourses(db: ReadableDB): MandatoryRow[] {
  return db
    .stmt(
      `SELECT m.role, c.title_key AS titleKey, c.title, c.id AS courseId, c.starts_on AS startsOn
       FROM course_mandatory_roles m JOIN courses c ON c.id = m.course_id
       ORDER BY m.role, c.title_key, c.starts_on DESC, c.id DESC`,
    )
    .all() as MandatoryRow[];
}

export interface TrainingCounts {
  audience: string;
  enrolments: number;
  completions: number;
  hours: number;
}

/**
 * Enrolments that got a place in [from, to], completions in [from, to] and the
 * course hours of those completions, by audience.
 */
export function countTraining(db: ReadableDB, from: string, to: string): TrainingCounts[] {
  return db
    .stmt(
      `SELECT c.audience,
         sum(e.enrolled_on BETWEEN @from AND @to) AS enrolments,
         sum(e.status = 'completed' AND e.completed_on BETWEEN @from AND @to) AS completions,
         total(CASE WHEN e.status = 'completed' AND e.completed_on BETWEEN @from AND @to THEN c.hours END) AS hours
       FROM enrolments e JOIN courses c ON c.id = e.course_id
       WHERE (e.enrolled_on BETWEEN @from AND @to) OR (e.completed_on BETWEEN @from AND @to)
       GROUP BY c.audience ORDER BY c.audience`,
    )
    .all({ from, to }) as TrainingCounts[];
}
