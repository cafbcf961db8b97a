import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { UsageError, ValidationError } from '../errors.js';
import { render, t, tr, type Text } from '../messages/catalogue.js';
import { planColumns } from '../domain/import/columns.js';
import { checkFixedValues } from '../domain/import/fixed-values.js';
import { entityNames, getEntity } from '../domain/import/registry.js';
import { parseInteger } from '../domain/fields.js';
import type { ImportEntity } from '../domain/import/entity.js';
import type { ImportReport } from '../domain/import/run.js';
import { isStdio } from '../files/output-file.js';
import type { RejectsFile } from '../files/rejects.js';
import { Runtime } from '../runtime.js';
import { importSummary, type ImportResult } from '../ui/views/import.js';
import { fmt, withExamples } from './shared.js';
import { listOf } from '../ui/labels.js';

interface ImportOpts {
  format?: 'csv' | 'xlsx' | 'json';
  sheet?: string;
  encoding?: string;
  separator?: string;
  map: string[];
  set: string[];
  dryRun?: boolean;
  allOrNothing?: boolean;
  batchSize?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function importCommand(): Command {
  const cmd = new Command('import')
    .description('bring in a spreadsheet (CSV, Excel XLSX or JSON) of records; every row passes the same checks as the commands')
    .argument('<kind>', `what the file holds: ${entityNames().join(', ')}; office: a folder export office wrote, into an empty office`)
    .argument(
      '<file>',
      'CSV or tab-separated text (UTF-8, Windows-1256 or UTF-16), .xlsx, or .json; - reads standard input; office: the folder',
    )
    .addOption(
      new Option('--format <format>', "the file's format (default: from its name; csv for standard input)").choices([
        'csv',
        'xlsx',
        'json',
      ]),
    )
    .option('--sheet <name>', 'XLSX: the sheet to read (default: the first)')
    .option('--encoding <encoding>', 'text files: utf8, windows-1256 or utf16le (default: detected)')
    .option('--separator <separator>', 'text files: comma, semicolon or tab (default: detected)')
    .option('--map <header=field>', 'read a column as a field, e.g. "نام پدر=-" to skip it (repeatable)', collect, [])
    .option(
      '--set <field=value>',
      'give every row this value for a field the file has no column for, e.g. --set risk=medium (repeatable)',
      collect,
      [],
    )
    .option('--dry-run', 'check every row and say what would be inserted, updated, unchanged and refused; write nothing')
    .option('--all-or-nothing', 'store nothing if any row is refused')
    .option('--batch-size <rows>', 'rows per transaction', '20000');
  withExamples(
    cmd,
    'parvande import clients clients.csv --dry-run',
    'parvande import clients "مددجویان.xlsx" --sheet "فهرست" --map "نام پدر=-"',
    'parvande import cases cases.csv --all-or-nothing --json',
    'parvande import cases "پرونده‌های استان.xlsx" --set risk=medium --set channel=hotline',
    'parvande import enrolments "فهرست فراگیران.xlsx" --map "سمت=-" --map "بخش=-"',
    'parvande export clients --out - | parvande --db other.db import clients -',
    'parvande --db new-office.db import office karaj-office --dry-run',
  ).action(async (kind: string, file: string, opts: ImportOpts, command: Command) => {
    const rt = Runtime.of(command);
    const batchSize = parseInteger(opts.batchSize ?? '20000', 'batch-size', { min: 1, max: 1_000_000 });
    // The whole office is one transaction: --batch-size is checked, as everywhere, and has nothing to split.
    if (kind.trim().toLowerCase() === 'office') return importWholeOffice(rt, file, opts);
    const entity = getEntity(kind);
    if (!isStdio(file)) return importFile(rt, entity, file, file, opts, batchSize);
    // The scratch copy sits beside the database: a missing database is said first, as such.
    rt.open();
    const { copyStdin } = await import('../files/stdin.js');
    const copy = await copyStdin(rt.dbPath.path);
    try {
      await importFile(rt, entity, file, copy.path, opts, batchSize);
    } finally {
      copy.discard();
    }
  });
  return cmd;
}

/** `file` is what the person named (a file or `-`); `path` is where its bytes are. */
async function importFile(
  rt: Runtime,
  entity: ImportEntity,
  file: string,
  path: string,
  opts: ImportOpts,
  batchSize: number,
): Promise<void> {
  const { openTable } = await import('../files/table.js');
  const { parseEncodingName } = await import('../files/encoding.js');
  const source = await openTable(path, {
    encoding: opts.encoding === undefined ? undefined : parseEncodingName(opts.encoding),
    separator: opts.separator,
    sheet: opts.sheet,
    format: opts.format ?? (isStdio(file) ? 'csv' : undefined),
  });
  // Unknown and missing columns, and bad --set values, are named here, before any row is read.
  const plan = planColumns(entity.fields, source.header, opts.map, opts.set);
  const ctx = rt.ctx();
  checkFixedValues(plan, entity.fields, ctx.today);
  const { runImport } = await import('../domain/import/run.js');
  const { openRejects } = await import('../files/rejects.js');
  const { startProgress } = await import('../ui/progress.js');
  const progress = await startProgress(tr(rt.lang, 'import {kind}', { kind: entity.name }), source.dataRows);
  // The rejects file is made on the first refused row (never on a dry run).
  const held: { rejects: RejectsFile | null } = { rejects: null };
  let report;
  try {
    report = await runImport(
      ctx,
      entity,
      source,
      plan,
      { dryRun: opts.dryRun === true, allOrNothing: opts.allOrNothing === true, batchSize, lang: rt.lang },
      {
        progress: (rows) => progress.update(rows),
        rejected: async (rows) => {
          held.rejects ??= await openRejects(source, file, [rt.dbPath.path]);
          await held.rejects.write(rows);
        },
      },
    );
    await held.rejects?.close();
  } catch (err) {
    held.rejects?.abort();
    throw err;
  } finally {
    progress.stop();
  }
  const result: ImportResult = {
    ...report,
    file,
    format: source.format,
    encoding: source.encoding,
    separator: source.separator,
    sheet: source.sheet,
    rejectsFile: held.rejects?.path ?? null,
  };
  rt.out.result(result, () => importSummary(result, fmt(rt)));
  if (report.rejected > 0) throw new ValidationError(refusedRows(report), 'rows');
}

/** How many rows were refused, the first of them (its reason already in the import's language), and what was stored. */
function refusedRows(report: ImportReport): Text {
  const first = report.errors[0];
  const counts = { refused: report.rejected, rows: report.rows };
  const refused =
    first === undefined
      ? t('{refused} of {rows} rows refused', counts)
      : first.column === null
        ? t('{refused} of {rows} rows refused (first: row {row}: {reason})', { ...counts, row: first.row, reason: first.reason })
        : t('{refused} of {rows} rows refused (first: row {row}, column {column}: {reason})', {
            ...counts,
            row: first.row,
            column: first.column,
            reason: first.reason,
          });
  if (report.dryRun) return refused;
  return report.committed ? t('{refused}; the other rows were stored', { refused }) : t('{refused}; nothing was stored', { refused });
}

/** `import office DIR`: a folder export office wrote, into an empty office of the same code, all or nothing. */
async function importWholeOffice(rt: Runtime, dir: string, opts: ImportOpts): Promise<void> {
  const reading = (['format', 'sheet', 'encoding', 'separator'] as const).find((k) => opts[k] !== undefined);
  if (reading !== undefined)
    throw new UsageError(
      t("--{option} does not apply to office: the folder's files are read as export office wrote them", { option: reading }),
      reading,
    );
  if (opts.map.length > 0 || opts.set.length > 0)
    throw new UsageError(t('--{option} does not apply to office', { option: opts.map.length > 0 ? 'map' : 'set' }), 'map');
  if (isStdio(dir)) throw new UsageError(t('import office reads a folder, not standard input'), 'file');
  const { importOffice } = await import('../domain/import/office-import.js');
  const { LATEST_VERSION } = await import('../store/migrations/index.js');
  const ctx = rt.ctx();
  const r = await importOffice(ctx, resolve(dir), { name: dir, dryRun: opts.dryRun === true, schemaVersion: LATEST_VERSION });
  const renumbered = Object.entries(r.renumbered);
  if (renumbered.length > 0)
    rt.out.note(
      t('records given another id (ids the sending office had left free): {kinds}', {
        kinds: countsOf(
          rt,
          renumbered.map(([kind, count]) => ({ kind, count })),
        ),
      }),
    );
  rt.out.result(r, () => {
    const shown = {
      office: r.office,
      folder: r.folder,
      files: countsOf(
        rt,
        r.files.map((f) => ({ kind: f.kind, count: f.rows })),
      ),
    };
    return r.dryRun
      ? tr(rt.lang, 'would import office {office} from {folder}: {files} (dry run: nothing was written)', shown)
      : tr(rt.lang, 'imported office {office} from {folder}: {files}', shown);
  });
}

/** `120 clients, 40 cases`, in the command's language. */
function countsOf(rt: Runtime, counts: readonly { kind: string; count: number }[]): string {
  return listOf(
    counts.map((c) => render(t('{count} {kind}', c), rt.lang)),
    rt.lang,
  );
}
