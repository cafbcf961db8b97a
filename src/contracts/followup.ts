/** `parvande followup …` --json (src/commands/followup.ts). */
import * as z from 'zod';
import { FOLLOWUP_STATUSES, RISKS } from '../domain/codes.js';
import { codeOf, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const followupRecord = z.strictObject({
  id,
  caseId: id,
  caseNumber: z.string(),
  dueOn: isoDate,
  workerId: id.nullable(),
  workerName: z.string().nullable().describe("The worker's first and last name; null when workerId is."),
  status: codeOf(FOLLOWUP_STATUSES),
  doneOn: isoDate.nullable().describe('null while scheduled and when cancelled.'),
  outcome: z.string().nullable().describe('The outcome, or the reason (missed, cancelled).'),
  note: z.string().nullable(),
  fromPlan: z.boolean().describe('Made by `case close --followup-plan`.'),
  risk: codeOf(RISKS).describe("The case's risk."),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const followupContracts: GroupContracts = {
  schedule: followupRecord,
  done: followupRecord,
  missed: followupRecord,
  cancel: followupRecord,
  reschedule: followupRecord,
  list: z.array(followupRecord),
};
