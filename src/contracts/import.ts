/** `parvande import KIND FILE` --json (src/commands/import.ts): printed also when rows were refused (exit 2). */
import * as z from 'zod';
import { count, id, type GroupContracts } from './shared.js';

const rejection = z.strictObject({
  row: z.number().int().positive(),
  column: z
    .string()
    .nullable()
    .describe('The header as in the file; null when no one column is at fault; `#3` for a column with no header.'),
  field: z.string().nullable(),
  value: z.string().nullable().describe('The cell as written, "(hidden)" for personal fields, null when there is no one cell.'),
  reason: z.string(),
});

export const importContracts: GroupContracts = {
  '': z.strictObject({
    entity: z.string(),
    dryRun: z.boolean(),
    allOrNothing: z.boolean(),
    committed: z.boolean().describe('false on a dry run, or all-or-nothing with refusals: inserted/updated are what would have been.'),
    rows: count,
    inserted: count,
    updated: count,
    unchanged: count,
    rejected: count,
    repaired: count.describe('Rows whose national code had lost its leading zeros.'),
    possibleDuplicates: count,
    batchId: id.nullable().describe('The recorded run; null when nothing was stored.'),
    errors: z.array(rejection).describe('At most 1,000; errorsNotListed says how many more.'),
    duplicates: z.array(z.strictObject({ row: z.number().int().positive(), id, existingId: id, reason: z.string() })),
    errorsNotListed: count,
    duplicatesNotListed: count,
    file: z.string(),
    format: z.enum(['csv', 'xlsx', 'json']),
    encoding: z.enum(['utf8', 'windows-1256', 'utf16le', 'utf16be']).nullable().describe('Text files only.'),
    separator: z.string().nullable(),
    sheet: z.string().nullable(),
    rejectsFile: z.string().nullable(),
  }),
};
