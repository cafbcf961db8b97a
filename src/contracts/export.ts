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
});

/**
 * Without --out, --json is accepted only with --format json, and the export itself is the document:
 * one flat object per record, keyed by the fields' camelCase names (docs/import-export.md).
 */
const records = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])));

export const exportContracts: GroupContracts = {
  '': z.union([written, records]),
};
