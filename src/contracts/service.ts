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
  minutes: z.number().int().nonnegative().nullable(),
  note: z.string().nullable(),
  createdAt: timestamp,
});

export const serviceContracts: GroupContracts = {
  log: serviceRecord.extend({
    workerDefaultedFrom: z
      .string()
      .nullable()
      .describe('null when --worker was given (or nobody); else where the worker came from: "case", or the duty roster.'),
  }),
  list: z.array(serviceRecord),
};
