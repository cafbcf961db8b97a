/** `parvande db …` --json (src/commands/db.ts). */
import * as z from 'zod';
import { count, id, type GroupContracts } from './shared.js';

const version = z.number().int().nonnegative();

const fileCheck = z.strictObject({
  path: z.string(),
  integrity: z.string(),
  schemaVersion: version,
  officeCode: z.string().nullable(),
  bytes: count,
});

export const dbContracts: GroupContracts = {
  path: z.strictObject({ path: z.string(), source: z.enum(['option', 'env', 'file', 'default']) }),
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
      auditTrail: z
        .strictObject({
          entries: count,
          head: z.string().nullable().describe("The last entry's chained SHA-256; keep a copy elsewhere to prove what the trail held."),
          firstBroken: z
            .strictObject({ id, why: z.enum(['changed', 'missing before', 'unchained']) })
            .nullable()
            .describe('The first entry whose hash does not follow from the entries before it.'),
          missingGuards: z.array(z.string()).describe('Append-only triggers missing or no longer refusing.'),
        })
        .nullable()
        .describe('null when not checked (an older schema or a damaged file).'),
    })
    .describe('Printed also when the check fails.'),
  backup: fileCheck.extend({
    keep: count.nullable().describe('--keep; null without it.'),
    removed: z.array(z.string()).describe("This office's older backups removed by --keep (absolute paths, oldest first)."),
    notRemoved: z
      .array(z.strictObject({ path: z.string(), reason: z.string() }))
      .describe('Older backups --keep could not remove, and why (each also a warning on stderr); the new backup is made either way.'),
  }),
  encrypt: z
    .strictObject({
      path: z.string(),
      cipher: z.literal('sqlcipher'),
      counts: z.record(z.string(), count).describe("Rows per table, the same before and after (this command's audit entry aside)."),
      bytes: count.describe('The size of the encrypted file.'),
    })
    .describe('The office file, now encrypted in place; the passphrase is never printed.'),
  rekey: z
    .strictObject({
      path: z.string(),
      cipher: z.literal('sqlcipher'),
      counts: z.record(z.string(), count).describe("Rows per table, the same before and after (this command's audit entry aside)."),
      bytes: count.describe('The size of the file under its new key.'),
    })
    .describe('The office file under its new key; the old passphrase no longer opens it.'),
  restore: z.strictObject({
    backup: fileCheck,
    livePath: z.string(),
    liveOfficeCode: z.string().nullable().describe('null when there was no database or it was damaged.'),
    liveDamaged: z.boolean().describe('The damaged file was moved aside as keptAs.'),
    keptAs: z.string().nullable().describe('null when there was nothing to keep.'),
  }),
};
