/** `parvande service …` --json (src/commands/service.ts). */
import * as z from 'zod';
import { CHANNELS, SERVICE_TYPES } from '../domain/codes.js';
import { codeOf, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const serviceRecord = z.strictObject({
  id,
  caseId: id.nullable().describe('null (with caseNumber): a hotline call with no case.'),
  caseNumber: z.string().nullable(),
  serviceDate: isoDate,
  type: codeOf(SERVICE_TYPES),
  channel: codeOf(CHANNELS),
  workerId: id.nullable(),
  workerName: z.string().nullable().describe("The worker's first and last name; null when workerId is."),
  minutes: z.number().int().nonnegative().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
  voidedAt: timestamp.nullable().describe('null: in force. Set: voided (UTC); the service stays in the record and leaves every count.'),
  voidedBy: z.string().nullable().describe('Who voided it (the actor).'),
  voidReason: z.string().nullable().describe('Why it was voided.'),
});

export const serviceContracts: GroupContracts = {
  log: serviceRecord.extend({
    workerDefaultedFrom: z
      .string()
      .nullable()
      .describe('null when --worker was given (or nobody); else where the worker came from: "case", or the duty roster.'),
  }),
  list: z.array(serviceRecord).describe('In force only, unless --void (voided only) or --all.'),
  correct: serviceRecord.extend({
    changed: z
      .array(z.enum(['type', 'date', 'worker', 'minutes', 'note']))
      .min(1)
      .describe('The fields whose value the correction changed.'),
  }),
  void: serviceRecord,
};
