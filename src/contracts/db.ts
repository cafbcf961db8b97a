/** `parvande db …` --json (src/commands/db.ts). */
import * as z from 'zod';
import { count, type GroupContracts } from './shared.js';

const version = z.number().int().nonnegative();

const fileCheck = z.strictObject({
  path: z.string(),
  integrity: z.string(),
  schemaVersion: version,
  officeCode: z.string().nullable(),
  bytes: count,
});

export const dbContracts: GroupContracts = {
  path: z.strictObject({ path: z.string(), source: z.enum(['option', 'env', 'default']) }),
  migrate: z.strictObject({ path: z.string(), from: version, to: version, applied: z.array(version) }),
  check: z
    .strictObject({
      path: z.string(),
      ok: z.boolean(),
      schemaVersion: version,
      latestVersion: version,
      integrity: z.array(z.string()),
      foreignKeyProblems: count.nullable().describe('null when that check could not run.'),
      counts: z.record(z.string(), count.nullable()).describe('Rows per table; null for a table that could not be read.'),
      reportCounts: z
        .strictObject({
          mismatches: count,
          examples: z
            .array(
              z.strictObject({
                period: z.union([z.string(), z.number()]),
                measure: z.string(),
                code: z.union([z.string(), z.number()]),
                stored: z.number(),
                actual: z.number(),
              }),
            )
            .describe('The first 10.'),
        })
        .nullable()
        .describe('The stored report counts against a recount; null when the recount could not run.'),
    })
    .describe('Printed also when the check fails.'),
  backup: fileCheck,
  restore: z.strictObject({
    backup: fileCheck,
    livePath: z.string(),
    liveOfficeCode: z.string().nullable().describe('null when there was no database or it was damaged.'),
    liveDamaged: z.boolean().describe('The damaged file was moved aside as keptAs.'),
    keptAs: z.string().nullable().describe('null when there was nothing to keep.'),
  }),
};
