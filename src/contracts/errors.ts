/** The one JSON object on stderr when a command fails with --json (src/errors.ts toErrorJson), whatever the command. */
import * as z from 'zod';
import type { ErrorCode } from '../errors.js';

const CODES = [
  'usage',
  'invalid',
  'missing-input',
  'not-found',
  'conflict',
  'database-locked',
  'database-unreadable',
  'database-newer',
  'database-missing',
  'internal',
] as const satisfies readonly ErrorCode[];
// A new ErrorCode fails to compile here until it is listed above.
const everyCode: [Exclude<ErrorCode, (typeof CODES)[number]>] extends [never] ? true : never = true;
void everyCode;

export const errorContract = z.strictObject({
  error: z.strictObject({
    code: z.enum(CODES).describe('usage, invalid, missing-input (exit 2), not-found (3), conflict (4), database-… (5), internal (1).'),
    message: z.string(),
    field: z.string().nullable().describe('The option (without --) or column at fault, or null.'),
  }),
});
