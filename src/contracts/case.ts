/** `parvande case …` --json (src/commands/case.ts). */
import * as z from 'zod';
import { CASE_STATUSES, CATEGORIES, CHANNELS, CLOSE_REASONS, EVENT_KINDS, RISKS } from '../domain/codes.js';
import { followupRecord } from './followup.js';
import { referralRecord } from './referral.js';
import { serviceRecord } from './service.js';
import { codeOf, count, id, isoDate, timestamp, type GroupContracts } from './shared.js';

/** A text a correction replaced (src/store/replaced-texts.ts), kept whole, with who, when (UTC) and why. */
export const replacedText = z.strictObject({
  id,
  recordType: z.enum(['case', 'service', 'client']),
  recordId: id,
  field: z.enum(['summary', 'note', 'notes']),
  oldText: z.string().describe('The text as it was before the correction.'),
  caseEventId: id
    .nullable()
    .describe('The timeline entry of the correction (updated, service-corrected); null for a client or a service with no case.'),
  replacedAt: timestamp,
  replacedBy: z.string(),
  reason: z.string().nullable().describe('The --reason of the correction; null where the command takes none (client update).'),
});

export const caseRecord = z.strictObject({
  id,
  caseNumber: z.string(),
  clientId: id.nullable().describe('null: an anonymous case.'),
  clientName: z.string().nullable().describe("The client's first and last name; null: an anonymous case."),
  channel: codeOf(CHANNELS),
  primaryCategory: codeOf(CATEGORIES),
  risk: codeOf(RISKS),
  centerId: id.nullable(),
  centerName: z.string().nullable().describe('The name of the center; null when centerId is.'),
  workerId: id.nullable(),
  workerName: z.string().nullable().describe("The worker's first and last name; null when workerId is."),
  openedOn: isoDate,
  status: codeOf(CASE_STATUSES),
  closedOn: isoDate.nullable(),
  closeReason: codeOf(CLOSE_REASONS).nullable(),
  reopenCount: count,
  summary: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  categories: z.array(codeOf(CATEGORIES)).describe('The primary category first.'),
});

export const caseEvent = z.strictObject({
  id,
  caseId: id,
  kind: codeOf(EVENT_KINDS),
  onDate: isoDate,
  at: timestamp,
  actor: z.string(),
  workerId: id.nullable(),
  workerName: z.string().nullable().describe("The worker's first and last name; null when workerId is."),
  reason: z
    .string()
    .nullable()
    .describe(
      'The close reason (closed), the service type (service), scheduled/done/missed/cancelled (follow-up), the fields changed, ' +
        'comma separated (service-corrected), the date it was due before (follow-up-rescheduled), ' +
        '"raised: medium → high" (risk-changed), each field changed as "field: before → after", joined by "; " (updated), ' +
        'or the referral, its status and the kind of agency, "#3 accepted: police" (referral).',
    ),
  text: z.string().nullable(),
  serviceId: id.nullable(),
  followupId: id.nullable(),
});

const person = z.strictObject({ id, firstName: z.string(), lastName: z.string() });

export const caseContracts: GroupContracts = {
  open: caseRecord,
  show: caseRecord.extend({
    client: person.nullable(),
    worker: person.nullable(),
    events: z.array(caseEvent),
    services: z.array(serviceRecord),
    followups: z.array(followupRecord),
    referrals: z.array(referralRecord),
    replacedTexts: z
      .array(replacedText)
      .describe("Texts corrections replaced: the case's summary (case update) and its services' notes (service correct), oldest first."),
  }),
  list: z.array(caseRecord),
  assign: caseRecord,
  note: caseEvent,
  close: caseRecord.extend({
    plannedFollowups: z.array(z.strictObject({ id, dueOn: isoDate, afterDays: z.number().int().positive() })),
    stillScheduled: count.describe('Follow-ups scheduled before closing that stay due.'),
  }),
  reopen: caseRecord,
  update: caseRecord.extend({
    changed: z
      .array(z.enum(['risk', 'primary-category', 'categories', 'center', 'summary', 'channel', 'opened-on', 'client']))
      .min(1)
      .describe('The fields changed, as the timeline and the audit trail name them.'),
  }),
  settings: z.strictObject({
    quietDays: z.number().int().positive().describe('Days an open high- or critical-risk case may go without a service.'),
  }),
};
