/** What a person reads after an import or an export. */
import type { ImportReport } from '../../domain/import/run.js';
import { ENCODING_NAMES, type Encoding } from '../../files/encoding.js';
import type { Fmt } from '../format.js';

export interface ImportResult extends ImportReport {
  file: string;
  format: string;
  encoding: string | null;
  separator: string | null;
  sheet: string | null;
  rejectsFile: string | null;
}

const SEPARATOR_NAMES: Readonly<Record<string, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };
const SHOWN = 20;

export function importSummary(r: ImportResult, f: Fmt): string {
  const what = [
    r.format.toUpperCase(),
    r.encoding === null ? null : (ENCODING_NAMES[r.encoding as Encoding] ?? r.encoding),
    r.separator === null ? null : SEPARATOR_NAMES[r.separator],
    r.sheet === null ? null : `sheet "${r.sheet}"`,
  ]
    .filter((x) => x !== null)
    .join(', ');
  const lines = [`${r.file} (${what}): ${f.n(r.rows)} rows of ${r.entity}`];
  const would = r.dryRun ? 'would be ' : r.committed ? '' : 'not stored, would be ';
  const counts: [string, number][] = [
    [`${would}inserted`, r.inserted],
    [`${would}updated`, r.updated],
    ['unchanged', r.unchanged],
    ['refused', r.rejected],
  ];
  const width = Math.max(...counts.map(([k]) => k.length));
  for (const [k, v] of counts) lines.push(`  ${k.padEnd(width)}  ${f.n(v).padStart(9)}`);
  if (r.repaired > 0) lines.push(`  national codes that had lost their leading zeros, padded: ${f.n(r.repaired)}`);
  if (r.possibleDuplicates > 0) {
    lines.push(`  possible duplicates (stored separately, check them): ${f.n(r.possibleDuplicates)}`);
    for (const d of r.duplicates.slice(0, SHOWN)) lines.push(`    row ${d.row} (#${d.id}) and #${d.existingId}: ${d.reason}`);
    if (r.duplicates.length > SHOWN || r.duplicatesNotListed > 0) lines.push(`    … (--json lists up to 1000)`);
  }
  if (r.rejected > 0) {
    lines.push('refused rows:');
    for (const e of r.errors.slice(0, SHOWN)) {
      const shown =
        e.value === null ? '' : e.value === '' ? ' (empty)' : e.value === '(hidden)' ? ' (value hidden)' : ` (${JSON.stringify(e.value)})`;
      const where = e.column === null ? '' : `, column ${e.column}${shown}`;
      lines.push(`  row ${e.row}${where}: ${e.reason}`);
    }
    if (r.rejected > SHOWN) lines.push(`  … and ${f.n(r.rejected - SHOWN)} more`);
    if (r.rejectsFile !== null)
      lines.push(`the refused rows, with an error column, are in ${r.rejectsFile}: fix them there and import that file`);
  }
  if (r.dryRun) lines.push('dry run: nothing was written.');
  else if (!r.committed) lines.push('--all-or-nothing: nothing was stored, because rows were refused.');
  return lines.join('\n');
}
