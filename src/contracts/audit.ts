/** `parvande audit …` --json (src/commands/audit.ts). */
import * as z from 'zod';
import { id, timestamp, type GroupContracts } from './shared.js';

export const auditContracts: GroupContracts = {
  list: z
    .array(
      z.strictObject({
        id,
        at: timestamp,
        actor: z.string(),
        osUser: z.string().nullable().describe('The operating-system account the command ran under; null before schema 13.'),
        command: z.string(),
        action: z.string(),
        recordType: z.string(),
        recordId: z.string().nullable().describe("A text: an office's record is its code."),
        detail: z.string().nullable().describe('The changed fields, comma separated, or null.'),
      }),
    )
    .describe('Newest first.'),
};
