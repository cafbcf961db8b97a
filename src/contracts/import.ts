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

/** `import office DIR`: the folder export office wrote, read into an empty office of the same code as one transaction. */
const office = z.strictObject({
  kind: z.literal('office'),
  folder: z.string().describe('As given on the command line.'),
  office: z.string().describe('The office code, the same in the folder and in this office.'),
  dryRun: z.boolean(),
  committed: z.boolean().describe('false on a dry run: nothing was written.'),
  files: z
    .array(z.strictObject({ kind: z.string(), file: z.string(), rows: count }))
    .describe('Each kind in the order it was read: the registry kinds, then case-events, record-times and settings.'),
  rows: count,
  renumbered: z
    .record(z.string(), count)
    .describe('Kinds whose records got another id than in the folder (ids the sending office had left free), with how many; {} when none.'),
});

export const importContracts: GroupContracts = {
  '': z.union([
    office,
    z.strictObject({
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
  ]),
};
