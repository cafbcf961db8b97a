/** `parvande client …` --json (src/commands/client.ts). */
import * as z from 'zod';
import { SEXES } from '../domain/codes.js';
import { codeOf, count, id, isoDate, timestamp, type GroupContracts } from './shared.js';
import { replacedText } from './case.js';

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
  show: clientRecord.extend({
    caseCount: count,
    mergedInto: id.nullable().describe('The client this record was merged into (its cases are there), or null'),
    replacedNotes: z.array(replacedText).describe('Notes replaced by client update or an import, oldest first, kept whole'),
  }),
  merge: z.strictObject({
    client: clientRecord.describe('The record kept, after the merge'),
    merged: z.strictObject({ id, mergedInto: id }).describe('The record merged away, now a pointer to the one kept'),
    movedCases: z.array(z.string()).describe('Case numbers moved to the record kept'),
    movedEnrolments: count,
    enrolmentsLeft: count.describe('Enrolments left on the merged record: a course the kept record was enrolled in already'),
    filled: z.array(z.string()).describe("Fields of the kept record that were empty and took the other record's value (names)"),
    differed: z.array(z.string()).describe("Fields on which the records differed: the kept record's value stayed (names)"),
  }),
  list: z.array(clientRecord),
  find: z.array(clientRecord),
};
