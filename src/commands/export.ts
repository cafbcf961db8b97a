import { Command, Option } from 'commander';
import { rmSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { t, tr, type Text } from '../messages/catalogue.js';
import { entityNames, getEntity } from '../domain/import/registry.js';
import type { ImportEntity } from '../domain/import/entity.js';
import {
  checkBinaryStdout,
  checkOutputFolder,
  checkOutputPath,
  isStdio,
  openOutputFolder,
  writePrivateFile,
} from '../files/output-file.js';
import { Runtime } from '../runtime.js';
import { fmt, withExamples } from './shared.js';
import { listOf, decimal } from '../ui/labels.js';

interface ExportOpts {
  format?: string;
  out?: string;
  from?: string;
  to?: string;
  redact?: boolean;
  linkable?: boolean;
  keyFile?: string;
  force?: boolean;
}

const FORCE_HELP = 'replace an existing file (never a database)';

function formatOf(out: string | undefined): 'csv' | 'xlsx' | 'json' {
  const name = out?.toLowerCase() ?? '';
  return name.endsWith('.xlsx') ? 'xlsx' : name.endsWith('.json') ? 'json' : 'csv';
}

export function exportCommand(): Command {
  const cmd = new Command('export')
    .description('write records to a spreadsheet (CSV UTF-8 with BOM, right-to-left XLSX, or JSON) that imports back unchanged')
    .argument('<kind>', `what to export: ${entityNames().join(', ')}; office: every kind and every case's timeline, into the folder --out`)
    .addOption(new Option('--format <format>', 'file format (default: from --out, else csv)').choices(['csv', 'xlsx', 'json']))
    .option('--out <file>', 'write to this file, owner-only; - or none: standard output (xlsx only when redirected); office: a folder')
    .option('--force', FORCE_HELP)
    .option(
      '--from <date>',
      'only records dated on or after (clients: registered, cases: opened, services: date, followups: due, referrals: sent, roster-assignments: shift date, courses: running, enrolments: requested, workshops: held)',
    )
    .option('--to <date>', 'only records dated on or before')
    .option(
      '--redact',
      'for files that leave the office: no names, national codes, phones, addresses or notes; dates as months; people and cases as pseudonyms new to this file (does not import back)',
    )
    .option('--linkable', 'with --redact: the same pseudonyms as other files made with the same --key-file')
    .option('--key-file <file>', 'with --linkable: the key, kept outside the database (made owner-only when missing)');
  withExamples(
    cmd,
    'parvande export clients --format xlsx --out clients.xlsx',
    'parvande export services --from 1405/09/01 --to 1405/09/30 > azar-services.csv',
    'parvande --lang fa export cases --out cases.csv --force',
    'parvande export roster-assignments --from 1405/09/01 --to 1405/09/30 --out azar-roster.xlsx',
    'parvande export cases --redact --out cases-for-province.csv',
    'parvande export clients --format xlsx --out - | ssh archive "cat > clients.xlsx"',
    'parvande export office --out karaj-office',
  ).action(async (kind: string, opts: ExportOpts, command: Command) => {
    const rt = Runtime.of(command);
    if (kind.trim().toLowerCase() === 'office') return exportWholeOffice(rt, opts);
    const entity = getEntity(kind);
    const toStdout = opts.out === undefined || isStdio(opts.out);
    const format = (opts.format as 'csv' | 'xlsx' | 'json' | undefined) ?? (toStdout ? 'csv' : formatOf(opts.out));
    if (format === 'xlsx' && opts.out === undefined)
      throw new UsageError(t('--format xlsx needs --out FILE (or --out - for standard output)'), 'out');
    if (rt.out.json && toStdout && format !== 'json') {
      throw new UsageError(t('--json prints one JSON document: give --out FILE, or use --format json'), 'json');
    }
    if ((opts.from !== undefined || opts.to !== undefined) && entity.rangeField === undefined) {
      throw new UsageError(t('--from and --to do not apply to {kind}', { kind: entity.name }), 'from');
    }
    // The target is checked before the database is even opened: a refusal costs nothing and writes nothing.
    const guard = { field: 'out', protect: [rt.dbPath.path], force: opts.force === true };
    if (toStdout && format === 'xlsx') checkBinaryStdout(`${entity.name}.xlsx`);
    const target = toStdout ? undefined : checkOutputPath(opts.out as string, guard);
    checkLinkable(opts);
    const { exportTable } = await import('../domain/import/export.js');
    const ctx = rt.ctx();
    let redact;
    if (opts.redact === true) {
      const { exportRedaction } = await import('../domain/redact.js');
      redact = exportRedaction(entity, await exportPseudonyms(rt, opts), await officeCodeOf(rt));
    }
    const result = await exportTable(ctx, entity, {
      redact,
      format,
      out: target === undefined ? undefined : { path: target, guard, name: opts.out as string },
      from: opts.from,
      to: opts.to,
      headers: rt.lang,
      // CSV and JSON as text (a terminal shows control characters escaped); XLSX as bytes.
      write: (chunk) => rt.out.write(format === 'xlsx' ? chunk : chunk.toString('utf8')),
    });
    await recordExportOrUndo(rt, entity.name, { rows: result.rows, format, redacted: result.redacted }, target);
    if (result.uniqueShare !== null) rt.out.note(uniquenessNote(rt, result.rows, result.uniqueShare, result.uniqueOn ?? []));
    if (!toStdout) {
      rt.out.result(result, () => {
        const shown = { rows: result.rows, kind: entity.name, file: result.file ?? '', format };
        return result.redacted
          ? tr(rt.lang, 'exported {rows} {kind} to {file} ({format}, redacted)', shown)
          : tr(rt.lang, 'exported {rows} {kind} to {file} ({format})', shown);
      });
    }
  });
  return cmd;
}

/** --linkable and --key-file go with --redact, and with each other. */
function checkLinkable(opts: ExportOpts): void {
  if (opts.linkable === true && opts.redact !== true) throw new UsageError(t('--linkable goes with --redact'), 'linkable');
  if (opts.linkable === true && opts.keyFile === undefined) {
    throw new UsageError(t('--linkable needs --key-file FILE: the key is kept outside the database'), 'key-file');
  }
  if (opts.keyFile !== undefined && opts.linkable !== true) throw new UsageError(t('--key-file goes with --linkable'), 'key-file');
}

async function officeCodeOf(rt: Runtime): Promise<string> {
  const { getOffice } = await import('../domain/office.js');
  return rt.read((c) => getOffice(c).code);
}

/** A fresh key for this export, or the one kept in --key-file (--linkable). */
async function exportPseudonyms(rt: Runtime, opts: ExportOpts) {
  const { freshPseudonyms, linkablePseudonyms } = await import('../domain/redact.js');
  if (opts.linkable !== true) return freshPseudonyms();
  const made = linkablePseudonyms(opts.keyFile as string, { field: 'key-file', protect: [rt.dbPath.path] });
  if (made.created)
    rt.out.note(t('made the key file {file}: keep it apart from the database, and keep it safe', { file: opts.keyFile as string }));
  return made.pseudonyms;
}

/** The uniqueness of a redacted file, for the person who decides whether it may leave. */
function uniquenessNote(rt: Runtime, rows: number, share: number, on: readonly string[]): Text {
  // One decimal always (5.0), in the command's digits and decimal sign.
  const shown = fmt(rt).text((Math.round(share * 1000) / 10).toFixed(1));
  const percent = decimal(shown, rt.lang);
  return t(
    '{percent} % of the {rows} records are unique on the columns kept ({columns}): each of those can be told apart by anyone who knows those facts of a person',
    { percent, rows, columns: on.join(', ') },
  );
}

/**
 * Records the export in the audit trail. When that cannot be written (the office locked past the
 * busy timeout, a full disk), a file just written is removed and the command fails: no export
 * leaves the office unrecorded. (What went to standard output has left; the command still fails.)
 */
async function recordExportOrUndo(
  rt: Runtime,
  kind: string,
  e: { rows: number; format: string; redacted: boolean },
  file?: string,
): Promise<void> {
  const { recordExport } = await import('../domain/audit.js');
  try {
    rt.write((ctx) => recordExport(ctx, kind, e));
  } catch (err) {
    if (file !== undefined) rmSync(file, { force: true });
    throw err;
  }
}

/** `export office --out DIR`: every kind, every case's timeline and a manifest, into one folder (docs/import-export.md). */
async function exportWholeOffice(rt: Runtime, opts: ExportOpts): Promise<void> {
  if (opts.format !== undefined && opts.format !== 'csv')
    throw new UsageError(t('export office writes CSV files: leave out --format'), 'format');
  if (opts.from !== undefined || opts.to !== undefined)
    throw new UsageError(t('--from and --to do not apply to office: it is the whole office'), 'from');
  if (opts.out === undefined || isStdio(opts.out))
    throw new UsageError(t('export office needs --out FOLDER (it writes several files)'), 'out');
  const { exportOffice, officeFileNames, officeKinds } = await import('../domain/import/office-export.js');
  const { MANIFEST } = await import('../domain/import/office-manifest.js');
  const redacted = opts.redact === true;
  const names = officeFileNames(officeKinds({ redacted }).map((k) => k.name));
  // The folder and every name in it are checked before the database is opened: a refusal costs nothing and writes nothing.
  const guard = { field: 'out', protect: [rt.dbPath.path], force: opts.force === true };
  const folder = checkOutputFolder(opts.out, names, guard);
  checkLinkable(opts);
  const ctx = rt.ctx();
  let redact;
  if (redacted) {
    const { exportRedaction } = await import('../domain/redact.js');
    // One key for the whole folder: its files name each person and case the same way.
    const pseudonyms = await exportPseudonyms(rt, opts);
    const officeCode = await officeCodeOf(rt);
    redact = (entity: ImportEntity) => exportRedaction(entity, pseudonyms, officeCode);
  }
  const { LATEST_VERSION } = await import('../store/migrations/index.js');
  const opened = openOutputFolder(folder, [MANIFEST]);
  let result;
  try {
    result = await exportOffice(ctx, {
      dir: folder.path,
      name: opts.out,
      guard,
      schemaVersion: LATEST_VERSION,
      redact,
      writeManifest: (path, text) => writePrivateFile(path, text, guard),
    });
  } catch (err) {
    opened.discard();
    throw err;
  }
  const r = result;
  try {
    await recordExportOrUndo(rt, 'office', { rows: r.files.reduce((n, f) => n + f.rows, 0), format: 'csv', redacted: r.redacted });
  } catch (err) {
    opened.discard();
    throw err;
  }
  rt.out.result(r, () => {
    const files = listOf(
      r.files.map((f) => tr(rt.lang, '{count} {kind}', { count: f.rows, kind: f.kind })),
      rt.lang,
    );
    const shown = { office: r.office, folder: r.folder, files };
    return r.redacted
      ? tr(rt.lang, 'exported office {office} to {folder}: {files} (redacted: it does not import back)', shown)
      : tr(rt.lang, 'exported office {office} to {folder}: {files}', shown);
  });
}
