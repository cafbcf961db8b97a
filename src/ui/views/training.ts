/** Human views of training: courses, enrolments and waiting lists, compliance, workshops. */
import { ROLES } from '../../domain/codes.js';
import { AUDIENCES, ENROLMENT_STATUSES, WORKSHOP_TOPICS } from '../../domain/people/codes.js';
import type { ComplianceReport } from '../../domain/training/compliance.js';
import type { Course, CourseDetail, CourseSummary } from '../../domain/training/courses.js';
import type { DropResult, Enrolment } from '../../domain/training/enrolments.js';
import type { Workshop, WorkshopList } from '../../domain/training/workshops.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { pw } from './people-words.js';

const roles = (f: Fmt, list: string[]): string => f.list(list.map((r) => f.code(ROLES, r)));

export function courseCard(c: Course | CourseSummary, f: Fmt): string {
  const pairs: [string, string][] = [
    [f.w('id'), f.id(c.id)],
    [pw(f, 'title'), c.title],
    [pw(f, 'topic'), c.topic ?? ''],
    [pw(f, 'hours'), f.n(c.hours)],
    [pw(f, 'provider'), c.provider ?? ''],
    [pw(f, 'from'), f.date(c.startsOn)],
    [pw(f, 'to'), f.date(c.endsOn)],
    [pw(f, 'capacity'), f.n(c.capacity)],
    [pw(f, 'audience'), f.code(AUDIENCES, c.audience)],
    [pw(f, 'mandatoryFor'), roles(f, c.mandatoryFor)],
  ];
  if ('placesTaken' in c) pairs.push([pw(f, 'placesTaken'), f.n(c.placesTaken)], [pw(f, 'waiting'), f.n(c.waiting)]);
  return renderCard(pairs, { rtl: f.rtl });
}

export function courseTable(rows: CourseSummary[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [
      f.w('id'),
      pw(f, 'title'),
      pw(f, 'from'),
      pw(f, 'to'),
      pw(f, 'hours'),
      pw(f, 'capacity'),
      pw(f, 'placesTaken'),
      pw(f, 'waiting'),
      pw(f, 'mandatoryFor'),
    ],
    rows.map((c) => [
      f.id(c.id),
      c.title,
      f.date(c.startsOn),
      f.date(c.endsOn),
      f.n(c.hours),
      f.n(c.capacity),
      f.n(c.placesTaken),
      f.n(c.waiting),
      roles(f, c.mandatoryFor),
    ]),
    // In 80 columns: the title cut first, then the last day, the hours, the roles and the capacity go (`training course show`).
    { rtl: f.rtl, numeric: [0, 4, 5, 6, 7], names: [1], cut: [8], drop: [3, 4, 8, 5] },
  );
}

export function enrolmentTable(rows: Enrolment[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), pw(f, 'course'), pw(f, 'person'), f.w('status'), pw(f, 'position'), f.w('date'), pw(f, 'score'), pw(f, 'certificate')],
    rows.map((e) => [
      f.id(e.id),
      f.named(e.courseTitle, e.courseId),
      enrolled(e, f),
      f.code(ENROLMENT_STATUSES, e.status),
      f.n(e.waitingPosition),
      f.date(e.completedOn ?? e.droppedOn ?? e.attendedOn ?? e.enrolledOn ?? e.requestedOn),
      f.n(e.score),
      f.text(e.certificateNo),
    ]),
    // In 80 columns: the course and the person cut first (their ids kept), then the certificate, the score and the position go.
    { rtl: f.rtl, numeric: [0, 4, 6], names: [1, 2], drop: [7, 6, 4] },
  );
}

/** Who is enrolled: a staff member, or a client (community courses) marked as one; the id kept when the name is cut. */
function enrolled(e: Enrolment, f: Fmt): string {
  const name = f.person(e.firstName === null ? null : { firstName: e.firstName, lastName: e.lastName ?? '' });
  return e.staffId !== null ? f.named(name, e.staffId) : `${f.w('client')} ${f.named(name, e.clientId)}`;
}

export function courseDetailView(c: CourseDetail, f: Fmt): string {
  return `${courseCard(c, f)}\n\n${enrolmentTable(c.enrolments, f)}`;
}

export function dropView(r: DropResult, f: Fmt): string {
  const parts = [enrolmentTable([r.enrolment], f)];
  if (r.promoted.length > 0) parts.push(`${pw(f, 'promoted')}:`, enrolmentTable(r.promoted, f));
  return parts.join('\n');
}

export function complianceView(r: ComplianceReport, f: Fmt): string {
  const parts = [
    renderCard(
      [
        [f.w('date'), f.date(r.on)],
        [pw(f, 'staffChecked'), f.n(r.staffChecked)],
        [pw(f, 'nonCompliant'), f.n(r.nonCompliant)],
        [pw(f, 'validity'), f.n(r.certificateMonths)],
      ],
      { rtl: f.rtl },
    ),
  ];
  if (r.missing.length === 0 && r.expired.length === 0) parts.push(pw(f, 'allCompliant'));
  if (r.missing.length > 0) {
    parts.push(
      `${pw(f, 'missingCourses')}:`,
      renderTable(
        [f.w('staff'), f.w('role'), pw(f, 'course')],
        r.missing.map((m) => [f.named(f.person(m), m.staffId), f.code(ROLES, m.role), f.named(m.title, m.courseId)]),
        { rtl: f.rtl, names: [0, 2], cut: [1] },
      ),
    );
  }
  if (r.expired.length > 0) {
    parts.push(
      `${pw(f, 'expiredCertificates')}:`,
      renderTable(
        [f.w('staff'), f.w('role'), pw(f, 'course'), pw(f, 'completedOn'), pw(f, 'expiredOn'), pw(f, 'certificate'), pw(f, 'mandatory')],
        r.expired.map((e) => [
          f.named(f.person(e), e.staffId),
          f.code(ROLES, e.role),
          e.title,
          f.date(e.completedOn),
          f.date(e.expiredOn),
          f.text(e.certificateNo),
          f.yesNo(e.mandatory),
        ]),
        // In 80 columns: names and the role cut first, then the certificate, the completion day and "mandatory" go.
        { rtl: f.rtl, names: [0, 2], cut: [1], drop: [5, 3, 6] },
      ),
    );
  }
  return parts.join('\n');
}

export function workshopCard(w: Workshop, f: Fmt): string {
  return renderCard(
    [
      [f.w('id'), f.id(w.id)],
      [pw(f, 'topic'), f.code(WORKSHOP_TOPICS, w.topic)],
      [pw(f, 'title'), w.title ?? ''],
      [f.w('date'), f.date(w.heldOn)],
      [f.w('center'), f.id(w.centerId)],
      [pw(f, 'place'), w.place ?? ''],
      [pw(f, 'facilitator'), f.id(w.facilitatorId)],
      [pw(f, 'hours'), f.n(w.hours)],
      [pw(f, 'female'), f.n(w.attendeesFemale)],
      [pw(f, 'male'), f.n(w.attendeesMale)],
      [pw(f, 'total'), f.n(w.attendeesFemale + w.attendeesMale)],
      [f.w('note'), w.note ?? ''],
    ],
    { rtl: f.rtl },
  );
}

export function workshopListView(r: WorkshopList, f: Fmt): string {
  if (r.workshops.length === 0) return f.w('none');
  const table = renderTable(
    [f.w('id'), f.w('date'), pw(f, 'topic'), pw(f, 'title'), f.w('center'), pw(f, 'female'), pw(f, 'male'), pw(f, 'total')],
    r.workshops.map((w) => [
      f.id(w.id),
      f.date(w.heldOn),
      f.code(WORKSHOP_TOPICS, w.topic),
      w.title ?? '',
      f.id(w.centerId),
      f.n(w.attendeesFemale),
      f.n(w.attendeesMale),
      f.n(w.attendeesFemale + w.attendeesMale),
    ]),
    // In 80 columns: the topic and title cut first, then the center and the attendees by sex go (`training workshop` cards).
    { rtl: f.rtl, numeric: [0, 5, 6, 7], names: [3], cut: [2], drop: [4, 5, 6] },
  );
  const t = r.totals;
  return `${table}\n${pw(f, 'held')}: ${f.n(t.held)} · ${pw(f, 'female')}: ${f.n(t.female)} · ${pw(f, 'male')}: ${f.n(t.male)} · ${pw(f, 'total')}: ${f.n(t.attendees)}`;
}

export function trainingSettingsCard(months: number, f: Fmt): string {
  return renderCard([[pw(f, 'validity'), f.n(months)]], { rtl: f.rtl });
}
