/** `parvande client …` --json (src/commands/client.ts). */
import * as z from 'zod';
import { SEXES } from '../domain/codes.js';
import { codeOf, count, id, isoDate, timestamp, type GroupContracts } from './shared.js';

export const clientRecord = z.strictObject({
  id,
  firstName: z.string(),
  lastName: z.string(),
  nationalCode: z.string().nullable(),
  birthDate: isoDate.nullable(),
  sex: codeOf(SEXES).nullable(),
  mobile: z.string().nullable().describe('Canonical +98…'),
  address: z.string().nullable(),
  county: z.string().nullable(),
  informalSettlement: z.boolean(),
  womanHead: z.boolean(),
  notes: z.string().nullable(),
  registeredOn: isoDate,
  createdAt: timestamp,
  updatedAt: timestamp,
});

const withDuplicates = clientRecord.extend({
  possibleDuplicates: z.array(
    z.strictObject({
      id,
      firstName: z.string(),
      lastName: z.string(),
      birthDate: isoDate.nullable(),
      reason: z.enum(['same-name', 'same-name-and-birth']),
    }),
  ),
});

export const clientContracts: GroupContracts = {
  add: withDuplicates,
  update: withDuplicates,
  show: clientRecord.extend({ caseCount: count }),
  list: z.array(clientRecord),
  find: z.array(clientRecord),
};
