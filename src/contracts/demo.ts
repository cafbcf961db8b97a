/** `parvande demo` --json (src/commands/demo.ts). */
import * as z from 'zod';
import { count, isoDate, type GroupContracts } from './shared.js';

export const demoContracts: GroupContracts = {
  '': z.strictObject({
    path: z.string(),
    officeCode: z.string(),
    seed: z.number().int(),
    years: z.number().int().positive(),
    scale: z.number().positive(),
    from: isoDate,
    to: isoDate,
    replaced: z.boolean().describe('An earlier demo office at the path was replaced (--force).'),
    counts: z.strictObject({
      centers: count,
      staff: count,
      clients: count,
      cases: count,
      caseCategories: count,
      caseEvents: count,
      services: count,
      followups: count,
    }),
  }),
};
