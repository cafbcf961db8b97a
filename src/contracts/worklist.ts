/** `parvande worklist` --json (src/commands/worklist.ts): one worker's day, ids beside names. */
import * as z from 'zod';
import { CATEGORIES, REFERRAL_AGENCIES, RISKS } from '../domain/codes.js';
import { DUTY_SERVICES } from '../domain/people/codes.js';
import { count, codeOf, id, isoDate, localInstant, type GroupContracts } from './shared.js';

const client = {
  clientId: id.nullable().describe('null: an anonymous case.'),
  clientName: z.string().nullable().describe('`first last` of the client (after a merge, the record kept).'),
};
const center = { centerId: id.nullable(), centerName: z.string().nullable() };

const followup = z.strictObject({
  id,
  caseId: id,
  caseNumber: z.string(),
  dueOn: isoDate,
  daysOverdue: count.describe('Days past the due day; 0 for one due today.'),
  risk: codeOf(RISKS),
  ...client,
  ...center,
  note: z.string().nullable(),
});

const quietCase = z.strictObject({
  caseId: id,
  caseNumber: z.string(),
  risk: codeOf(RISKS),
  primaryCategory: codeOf(CATEGORIES),
  ...client,
  ...center,
  openedOn: isoDate,
  lastServiceOn: isoDate.nullable().describe('The last service in force (a voided one is no service); null: none yet.'),
  daysWithoutService: count.describe('Days since the last service, else since the opening.'),
});

const referral = z.strictObject({
  id,
  caseId: id,
  caseNumber: z.string(),
  ...client,
  agencyKind: codeOf(REFERRAL_AGENCIES),
  agency: z.string(),
  sentOn: isoDate,
  daysWaiting: count,
  pastAnswerDays: z.boolean().describe('Waiting longer than answerDays.'),
});

const shift = z.strictObject({
  assignmentId: id,
  date: isoDate,
  service: codeOf(DUTY_SERVICES),
  patternId: id,
  patternName: z.string(),
  startsAt: localInstant,
  endsAt: localInstant,
});

export const worklistContracts: GroupContracts = {
  '': z.strictObject({
    date: isoDate.describe('Today, the day the list is for.'),
    worker: z.strictObject({ id, firstName: z.string(), lastName: z.string(), active: z.boolean().describe('false: has left.') }),
    quietDays: z.number().int().positive().describe('The office setting (`case settings --quiet-days`).'),
    answerDays: z.number().int().positive().describe('The office setting (`referral settings --answer-days`).'),
    overdueFollowups: z.array(followup).describe('Overdue now (src/domain/overdue.ts), the longest overdue first.'),
    followupsDueToday: z.array(followup).describe('Still scheduled for today, the riskiest case first.'),
    quietCases: z
      .array(quietCase)
      .describe('Open high- and critical-risk cases of the worker with no service in force for quietDays days or more.'),
    awaitingReferrals: z.array(referral).describe("Referrals of the worker's cases with no answer yet, oldest first."),
    shifts: z.array(shift).describe('Duty shifts starting today or tomorrow, in time order.'),
  }),
};
