/** `parvande training …` --json (src/commands/training.ts). */
import * as z from 'zod';
import { ROLES } from '../domain/codes.js';
import { AUDIENCES, ENROLMENT_STATUSES, WORKSHOP_TOPICS } from '../domain/people/codes.js';
import { codeOf, count, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const course = z.strictObject({
  id,
  title: z.string(),
  topic: z.string().nullable(),
  hours: z.number().positive(),
  provider: z.string().nullable(),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: z.number().int().positive().nullable(),
  audience: codeOf(AUDIENCES),
  createdAt: timestamp,
  updatedAt: timestamp,
  mandatoryFor: z.array(codeOf(ROLES)).describe('Roles for which the course is mandatory.'),
});

export const enrolment = z.strictObject({
  id,
  courseId: id,
  courseTitle: z.string(),
  staffId: id.nullable().describe("A staff member's enrolment, or a client's (community courses)."),
  clientId: id.nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  status: codeOf(ENROLMENT_STATUSES),
  waitingPosition: z.number().int().positive().nullable().describe('Set only while waiting.'),
  requestedOn: isoDate,
  enrolledOn: isoDate.nullable(),
  attendedOn: isoDate.nullable(),
  completedOn: isoDate.nullable(),
  score: z.number().nullable(),
  certificateNo: z.string().nullable(),
  droppedOn: isoDate.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const courseSummary = course.extend({ placesTaken: count, waiting: count });

export const workshop = z.strictObject({
  id,
  topic: codeOf(WORKSHOP_TOPICS),
  title: z.string().nullable(),
  heldOn: isoDate,
  centerId: id.nullable(),
  place: z.string().nullable(),
  facilitatorId: id.nullable(),
  hours: z.number().positive().nullable(),
  attendeesFemale: count,
  attendeesMale: count,
  note: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const person = { staffId: id, firstName: z.string(), lastName: z.string(), role: codeOf(ROLES), title: z.string(), courseId: id };

export const trainingContracts: GroupContracts = {
  'course add': course,
  'course list': z.array(courseSummary),
  'course show': courseSummary.extend({ enrolments: z.array(enrolment) }),
  'course update': course.extend({ promoted: z.array(id).describe('Enrolment ids moved up from the waiting list by a larger capacity.') }),
  enrol: z.array(enrolment),
  attend: enrolment,
  complete: enrolment,
  drop: z.strictObject({ enrolment, promoted: z.array(enrolment) }),
  enrolments: z.array(enrolment),
  compliance: z.strictObject({
    on: isoDate,
    certificateMonths: z.number().int().positive(),
    staffChecked: count,
    nonCompliant: count.describe('People with anything missing or an expired mandatory certificate.'),
    missing: z.array(z.strictObject(person)),
    expired: z.array(
      z.strictObject({
        ...person,
        completedOn: isoDate,
        certificateNo: z.string().nullable(),
        expiredOn: isoDate.describe('The first day the certificate is no longer valid.'),
        mandatory: z.boolean().describe("The course is mandatory for the person's current role."),
      }),
    ),
  }),
  'workshop add': workshop,
  'workshop list': z.strictObject({
    workshops: z.array(workshop),
    totals: z.strictObject({ held: count, female: count, male: count, attendees: count }),
  }),
  'workshop update': workshop,
  settings: z.strictObject({ certificateMonths: z.number().int().positive() }),
};
