/**
 * The manifest of an office folder (`export office` writes it last, `import office` reads it
 * first): the office, the schema, and each file's kind, rows and SHA-256. Reading checks its
 * shape and every file it lists, byte for byte, before anything is written; a refusal names
 * the folder and the file, never a value from them.
 */
import { createHash } from 'node:crypto';
import { createReadStream, lstatSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError, ParvandeError } from '../../errors.js';
import { t, type Text } from '../../messages/catalogue.js';
import type { ImportEntity } from './entity.js';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'parvande-office';
/** The manifest's own layout; a later one that this version cannot read is refused by name. */
export const MANIFEST_VERSION = 1;

export interface ManifestFile {
  kind: string;
  file: string;
  rows: number;
  sha256: string;
}

export interface OfficeManifest {
  format: typeof MANIFEST_FORMAT;
  version: number;
  office: { code: string; name: string; county: string | null; province: string | null };
  schemaVersion: number;
  exportedAt: string;
  redacted: boolean;
  files: ManifestFile[];
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export const refuse = (message: Text, field = 'folder'): never => {
  throw new ValidationError(message, field);
};

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The manifest, its shape checked; exit 2 naming what is wrong, never a value from it. */
export function readManifest(dir: string, name: string): OfficeManifest {
  const path = join(dir, MANIFEST);
  let text: string;
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st === undefined) refuse(t('{folder} does not exist: give the folder export office wrote', { folder: name }));
    if (st?.isDirectory() !== true) refuse(t('{folder} is not a folder: give the folder export office wrote', { folder: name }));
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof ParvandeError) throw err;
    const code = (err as { code?: string }).code;
    return refuse(
      code === 'ENOENT'
        ? t('{folder} has no {manifest}: give the folder that export office wrote (an export that stopped half-way has none)', {
            folder: name,
            manifest: MANIFEST,
          })
        : code === undefined
          ? t('cannot read {file} (unreadable)', { file: join(name, MANIFEST) })
          : t('cannot read {file} ({code})', { file: join(name, MANIFEST), code }),
    );
  }
  let m: unknown;
  try {
    m = JSON.parse(text);
  } catch {
    return refuse(t('{manifest} in {folder} is not valid JSON', { manifest: MANIFEST, folder: name }));
  }
  if (!isObject(m) || m.format !== MANIFEST_FORMAT)
    return refuse(t("{manifest} in {folder} is not an office folder's manifest", { manifest: MANIFEST, folder: name }));
  if (typeof m.version !== 'number' || m.version > MANIFEST_VERSION) {
    return refuse(
      t('{folder} was written by a newer parvande (manifest version {version}): upgrade parvande', {
        folder: name,
        version: typeof m.version === 'number' ? m.version : String(m.version),
      }),
    );
  }
  const office = m.office;
  const files = m.files;
  if (
    !isObject(office) ||
    typeof office.code !== 'string' ||
    typeof office.name !== 'string' ||
    !(typeof office.county === 'string' || office.county === null) ||
    !(typeof office.province === 'string' || office.province === null) ||
    typeof m.schemaVersion !== 'number' ||
    typeof m.redacted !== 'boolean' ||
    typeof m.exportedAt !== 'string' ||
    !Array.isArray(files) ||
    !files.every(
      (f) =>
        isObject(f) &&
        typeof f.kind === 'string' &&
        typeof f.file === 'string' &&
        Number.isSafeInteger(f.rows) &&
        (f.rows as number) >= 0 &&
        typeof f.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(f.sha256),
    )
  ) {
    return refuse(t('{manifest} in {folder} is damaged: a field is missing or of the wrong kind', { manifest: MANIFEST, folder: name }));
  }
  return m as unknown as OfficeManifest;
}

/** Every file the manifest lists: a known kind, its own plain name, present, and byte for byte what the export wrote. */
export async function checkFiles(
  dir: string,
  name: string,
  manifest: OfficeManifest,
  kinds: readonly ImportEntity[],
): Promise<Map<string, ManifestFile>> {
  const byKind = new Map<string, ManifestFile>();
  for (const f of manifest.files) {
    if (!kinds.some((k) => k.name === f.kind)) {
      refuse(
        t('{manifest} in {folder} lists a kind of record this version does not know: upgrade parvande', {
          manifest: MANIFEST,
          folder: name,
        }),
      );
    }
    if (f.file !== `${f.kind}.csv` || byKind.has(f.kind))
      refuse(t("{manifest} in {folder} is damaged: its file list is not one export's", { manifest: MANIFEST, folder: name }));
    const path = join(dir, f.file);
    let st;
    try {
      st = lstatSync(path);
    } catch {
      return refuse(t('{file} is missing: the folder is not the whole export; copy it again', { file: join(name, f.file) }));
    }
    if (!st.isFile()) refuse(t('{file} is not a plain file (a link or a folder): copy the export again', { file: join(name, f.file) }));
    if ((await sha256Of(path)) !== f.sha256) {
      refuse(
        t("{file} has changed since the export (its SHA-256 differs from the manifest's): nothing was imported; copy the export again", {
          file: join(name, f.file),
        }),
      );
    }
    byKind.set(f.kind, f);
  }
  return byKind;
}
