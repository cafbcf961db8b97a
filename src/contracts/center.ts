/** `parvande center …` --json (src/commands/center.ts). */
import * as z from 'zod';
import { CENTER_KINDS, SECTORS } from '../domain/codes.js';
import { codeOf, count, id, timestamp, type GroupContracts } from './shared.js';

export const centerRecord = z.strictObject({
  id,
  name: z.string(),
  kind: codeOf(CENTER_KINDS),
  sector: codeOf(SECTORS),
  capacity: count.nullable(),
  county: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const centerContracts: GroupContracts = {
  add: centerRecord,
  list: z.array(centerRecord),
  show: centerRecord.extend({ openCases: count, staff: count, overCapacity: z.boolean() }),
};
