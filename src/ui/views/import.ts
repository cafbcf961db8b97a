/** What a person reads after an import or an export. */
import type { ImportReport } from '../../domain/import/run.js';
import { ENCODING_NAMES, type Encoding } from '../../files/encoding.js';
import { tr } from '../../messages/catalogue.js';
import type { Fmt } from '../format.js';
import type { Lang } from '../labels.js';

export interface ImportResult extends ImportReport {
  file: string;
  format: string;
  encoding: string | null;
  separator: string | null;
  sheet: string | null;
  rejectsFile: string | null;
}

const SHOWN = 20;

function separatorName(separator: string, lang: Lang): string | null {
  if (separator === ',') return tr(lang, 'comma');
  if (separator === ';') return tr(lang, 'semicolon');
  if (separator === '\t') return tr(lang, 'tab');
  return null;
}

/** The counts' labels: what was done, what a dry run would do, what an all-or-nothing run refused to store. */
function countLabels(r: ImportResult, lang: Lang): [inserted: string, updated: string] {
  if (r.dryRun) return [tr(lang, 'would be inserted'), tr(lang, 'would be updated')];
  if (r.committed) return [tr(lang, 'inserted'), tr(lang, 'updated')];
  return [tr(lang, 'not stored, would be inserted'), tr(lang, 'not stored, would be updated')];
}

export function importSummary(r: ImportResult, f: Fmt): string {
  const lang = f.lang;
  const what = f.list(
    [
      r.format.toUpperCase(),
      r.encoding === null ? null : (ENCODING_NAMES[r.encoding as Encoding] ?? r.encoding),
      r.separator === null ? null : separatorName(r.separator, lang),
      r.sheet === null ? null : tr(lang, 'sheet "{sheet}"', { sheet: r.sheet }),
    ].filter((x) => x !== null),
  );
  const lines = [tr(lang, '{file} ({what}): {rows} rows of {entity}', { file: r.file, what, rows: f.n(r.rows), entity: r.entity })];
  const [inserted, updated] = countLabels(r, lang);
  const counts: [string, number][] = [
    [inserted, r.inserted],
    [updated, r.updated],
    [tr(lang, 'unchanged'), r.unchanged],
    [tr(lang, 'refused'), r.rejected],
  ];
  const width = Math.max(...counts.map(([k]) => k.length));
  for (const [k, v] of counts) lines.push(`  ${k.padEnd(width)}  ${f.n(v).padStart(9)}`);
  if (r.repaired > 0) {
    lines.push(`  ${tr(lang, 'national codes that had lost their leading zeros, padded: {count}', { count: f.n(r.repaired) })}`);
  }
  if (r.possibleDuplicates > 0) {
    lines.push(`  ${tr(lang, 'possible duplicates (stored separately, check them): {count}', { count: f.n(r.possibleDuplicates) })}`);
    for (const d of r.duplicates.slice(0, SHOWN)) {
      const pair = tr(lang, 'row {row} ({id}) and {existing}: {reason}', {
        row: d.row,
        id: f.id(d.id),
        existing: f.id(d.existingId),
        reason: f.said(d.reason),
      });
      lines.push(`    ${pair}`);
    }
    if (r.duplicates.length > SHOWN || r.duplicatesNotListed > 0)
      lines.push(`    … ${tr(lang, '(--json lists up to {max})', { max: 1000 })}`);
  }
  if (r.rejected > 0) {
    lines.push(tr(lang, 'refused rows:'));
    for (const e of r.errors.slice(0, SHOWN)) {
      const shown =
        e.value === null
          ? ''
          : e.value === ''
            ? ` ${tr(lang, '(empty)')}`
            : e.value === '(hidden)'
              ? ` ${tr(lang, '(value hidden)')}`
              : ` (${JSON.stringify(e.value)})`;
      const line =
        e.column === null
          ? tr(lang, 'row {row}: {reason}', { row: e.row, reason: f.said(e.reason) })
          : tr(lang, 'row {row}, column {column}{shown}: {reason}', { row: e.row, column: e.column, shown, reason: f.said(e.reason) });
      lines.push(`  ${line}`);
    }
    if (r.rejected > SHOWN) lines.push(`  … ${tr(lang, 'and {count} more', { count: f.n(r.rejected - SHOWN) })}`);
    if (r.rejectsFile !== null) {
      lines.push(
        tr(lang, 'the refused rows, with an error column, are in {file}: fix them there and import that file', { file: r.rejectsFile }),
      );
    }
  }
  if (r.dryRun) lines.push(tr(lang, 'dry run: nothing was written.'));
  else if (!r.committed) lines.push(tr(lang, '--all-or-nothing: nothing was stored, because rows were refused.'));
  return lines.join('\n');
}
