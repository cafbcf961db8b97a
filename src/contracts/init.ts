/** `parvande init` --json (src/commands/init.ts). */
import * as z from 'zod';
import { timestamp, type GroupContracts } from './shared.js';

export const initContracts: GroupContracts = {
  '': z.strictObject({
    code: z.string(),
    name: z.string(),
    county: z.string().nullable(),
    province: z.string().nullable(),
    createdAt: timestamp,
    dbPath: z.string(),
    created: z.boolean().describe('false when init updated an existing office.'),
  }),
};
