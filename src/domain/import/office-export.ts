/**
 * `export office`: the whole office in one folder, to move it to another computer or
 * file. One CSV per kind of record, in the registry's order (ENTITIES: a kind added
 * there travels with no change here), written by the same writer as `export KIND` (its
 * formula guard included), then every case's timeline (`case-events.csv`) and when each
 * record was written (`record-times.csv`), all from one read snapshot, and last a
 * manifest naming the office, the schema, each file with its rows and its SHA-256.
 * `import office` reads it back (office-import.ts).
 */
import { join } from 'node:path';
import type { OutputGuard } from '../../files/output-file.js';
import { inSnapshot } from '../../store/export.js';
import type { ReadCtx } from '../context.js';
import { getOffice } from '../office.js';
import type { ExportRedaction } from '../redact.js';
import type { ImportEntity } from './entity.js';
import { exportTable } from './export.js';
import { caseEvents, officeSettings, recordTimesOf, replacedTexts } from './office-kinds.js';
import { ENTITIES } from './registry.js';
import { MANIFEST, MANIFEST_FORMAT, MANIFEST_VERSION, sha256Of, type ManifestFile, type OfficeManifest } from './office-manifest.js';

/** The file names an office folder holds, in the order they are written and read. */
export function officeFileNames(kinds: readonly string[]): string[] {
  return [...kinds.map((k) => `${k}.csv`), MANIFEST];
}

/** Every kind an office folder carries, in the order an import reads them. */
export function officeKinds(opts: { redacted: boolean }): ImportEntity[] {
  const kinds: ImportEntity[] = [...ENTITIES, caseEvents];
  // Replaced texts are what corrections took out (names the records by id); when each record was written says nothing
  // about a person, but its ids are the records' own; the settings hold the pseudonyms' key: none is in a redacted folder.
  if (!opts.redacted) kinds.push(replacedTexts, recordTimesOf(ENTITIES.map((e) => e.name)), officeSettings);
  return kinds;
}

export interface OfficeExportOptions {
  /** The folder, already checked (checkOutputFolder); each file is checked again as it is written. */
  dir: string;
  /** As the person typed it, for the result. */
  name: string;
  guard: OutputGuard;
  schemaVersion: number;
  /** --redact: each kind's redaction (src/domain/redact.ts); the folder does not import back. */
  redact?: ((entity: ImportEntity) => ExportRedaction) | undefined;
  /** Writes the manifest (owner-only, whole or not at all). */
  writeManifest: (path: string, text: string) => void;
}

export interface OfficeExportResult {
  kind: 'office';
  folder: string;
  office: string;
  schemaVersion: number;
  redacted: boolean;
  files: ManifestFile[];
  rows: number;
}

export async function exportOffice(ctx: ReadCtx, opts: OfficeExportOptions): Promise<OfficeExportResult> {
  const office = getOffice(ctx);
  const files: ManifestFile[] = [];
  // One snapshot for every file: a case written while the export runs is in all of them or in none.
  await inSnapshot(ctx.db, async () => {
    for (const entity of officeKinds({ redacted: opts.redact !== undefined })) {
      const file = `${entity.name}.csv`;
      const path = join(opts.dir, file);
      const r = await exportTable(ctx, entity, {
        format: 'csv',
        headers: 'en',
        out: { path, guard: opts.guard, name: file },
        redact: opts.redact?.(entity),
        write: () => undefined,
      });
      files.push({ kind: entity.name, file, rows: r.rows, sha256: await sha256Of(path) });
    }
  });
  const manifest: OfficeManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    office: { code: office.code, name: office.name, county: office.county, province: office.province },
    schemaVersion: opts.schemaVersion,
    exportedAt: ctx.now(),
    redacted: opts.redact !== undefined,
    files,
  };
  // Written last: a folder whose export stopped half-way has no manifest (or an earlier one whose checksums no longer match).
  opts.writeManifest(join(opts.dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    kind: 'office',
    folder: opts.name,
    office: office.code,
    schemaVersion: opts.schemaVersion,
    redacted: manifest.redacted,
    files,
    rows: files.reduce((n, f) => n + f.rows, 0),
  };
}
