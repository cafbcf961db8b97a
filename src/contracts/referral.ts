/** `parvande referral …` --json (src/commands/referral.ts). */
import * as z from 'zod';
import { REFERRAL_AGENCIES, REFERRAL_STATUSES } from '../domain/codes.js';
import { codeOf, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const referralRecord = z.strictObject({
  id,
  caseId: id,
  caseNumber: z.string(),
  workerId: id.nullable().describe("The case's worker, who chases the answer."),
  workerName: z.string().nullable().describe("The worker's first and last name; null when workerId is."),
  agencyKind: codeOf(REFERRAL_AGENCIES).describe('The kind of agency (`--to`).'),
  agency: z.string().describe("The agency's name."),
  sentOn: isoDate,
  reason: z.string(),
  status: codeOf(REFERRAL_STATUSES).describe('The latest status.'),
  answeredOn: isoDate.nullable().describe('The day of the first answer (accepted, declined or feedback); null while awaited.'),
  statusOn: isoDate.describe('The day of the latest entry of its history.'),
  createdAt: timestamp,
  updatedAt: timestamp,
  voidedAt: timestamp.nullable().describe('When it was voided (recorded by mistake); null for a referral in force.'),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
});

const referralEvent = z.strictObject({
  id,
  referralId: id,
  status: codeOf(REFERRAL_STATUSES),
  onDate: isoDate,
  note: z.string().nullable(),
  at: timestamp,
  actor: z.string(),
});

const referralDetail = referralRecord.extend({
  events: z.array(referralEvent).min(1).describe('Its history, oldest first: the first entry is `sent` on sentOn.'),
});

export const referralContracts: GroupContracts = {
  add: referralDetail,
  update: referralDetail,
  void: referralDetail,
  list: z.array(referralRecord),
  settings: z.strictObject({ answerDays: z.number().int().min(1).max(365) }),
};
