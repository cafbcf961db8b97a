/** `parvande staff …` --json (src/commands/staff.ts). */
import * as z from 'zod';
import { ROLES, SECTORS } from '../domain/codes.js';
import { DEGREES } from '../domain/people/codes.js';
import { codeOf, count, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const staffRecord = z.strictObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  nationalCode: z.string().nullable(),
  role: codeOf(ROLES),
  sector: codeOf(SECTORS),
  centerId: id.nullable(),
  centerName: z.string().nullable().describe('The name of the center; null when centerId is.'),
  degree: codeOf(DEGREES).nullable(),
  field: z.string().nullable(),
  membershipNo: z.string().nullable(),
  phone: z.string().nullable().describe('Canonical +98… (mobile or landline with area code).'),
  startDate: isoDate.nullable(),
  leftOn: isoDate.nullable().describe('The first day the person no longer works here; null while they do.'),
  active: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const caseload = z.strictObject({ openCases: count, followupsDueThisWeek: count, followupsOverdue: count });

/** `staff leave` and `staff update --active no`: the person's roster assignments from that day on, removed. */
const withRemoved = staffRecord.extend({ removedAssignments: count });

export const staffContracts: GroupContracts = {
  add: staffRecord,
  list: z.array(staffRecord.extend({ caseload: caseload.optional() })).describe("`--caseload` adds each person's caseload."),
  show: staffRecord.extend({ caseload }),
  update: z.union([withRemoved, staffRecord]),
  leave: withRemoved,
};
