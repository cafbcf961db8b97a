/** `parvande export KIND` --json (src/commands/export.ts). */
import * as z from 'zod';
import { count, type GroupContracts } from './shared.js';

/** With --out FILE: what was written. */
const written = z.strictObject({
  kind: z.string(),
  format: z.enum(['csv', 'xlsx', 'json']),
  file: z.string().nullable(),
  rows: count,
  from: z.string().nullable(),
  to: z.string().nullable(),
  redacted: z.boolean().describe('--redact was given.'),
  uniqueShare: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe(
      'Redacted records about people: the share unique on the columns kept, pseudonyms aside (0.05 = 5 %); null otherwise (not redacted; centers, courses, shift patterns).',
    ),
  uniqueOn: z.array(z.string()).nullable().describe('Redacted: the columns the share was measured on; null otherwise.'),
});

/** `export office --out DIR`: the folder written, and its manifest's list of files. */
const office = z.strictObject({
  kind: z.literal('office'),
  folder: z.string().describe('As given on the command line.'),
  office: z.string().describe('The office code.'),
  schemaVersion: count,
  redacted: z.boolean().describe('--redact was given: the folder does not import back.'),
  files: z
    .array(z.strictObject({ kind: z.string(), file: z.string(), rows: count, sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
    .describe('In the order import office reads them: the registry kinds, then case-events, record-times and settings.'),
  rows: count,
});

/**
 * Without --out, --json is accepted only with --format json, and the export itself is the document:
 * one flat object per record, keyed by the fields' camelCase names (docs/import-export.md).
 */
const records = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])));

export const exportContracts: GroupContracts = {
  '': z.union([written, office, records]),
};
