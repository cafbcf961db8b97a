/**
 * References between records in a file (a case's client, a service's case, a
 * worker, a center). This office's own ids (KRJ01:12) are used as they are;
 * ids from another source are looked up among the ids recorded when that
 * source's records were imported; anything else is read the way the commands
 * read it (an id, a national code, a case number, a name).
 */
import { selectImportKey } from '../../store/import.js';
import { ownCode, parseRowRef, type ImportSession } from './entity.js';

export function refText(s: ImportSession, entity: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const r = parseRowRef(value, ownCode(s));
  if (r.local !== undefined) return `#${r.local}`;
  const mapped = selectImportKey(s.db, entity, r.external as string);
  return mapped === undefined ? value : `#${mapped}`;
}

/** The stored record a row's own id column names: this office's id, or one recorded from the same source. */
export function rowTarget(
  s: ImportSession,
  entity: string,
  idText: string | undefined,
): { local?: number; mapped?: number; external?: string } {
  if (idText === undefined) return {};
  const r = parseRowRef(idText, ownCode(s));
  if (r.local !== undefined) return { local: r.local };
  const mapped = selectImportKey(s.db, entity, r.external as string);
  return mapped === undefined ? { external: r.external as string } : { mapped, external: r.external as string };
}

/** Names the fields in which a row differs from the stored record. */
export function differences<T extends object>(
  stored: T,
  incoming: Partial<T>,
  names: Readonly<Partial<Record<keyof T, string>>>,
): string[] {
  const out: string[] = [];
  for (const k of Object.keys(names) as (keyof T)[]) {
    const a = stored[k];
    const b = incoming[k];
    if (b === undefined) continue;
    const same = Array.isArray(a) && Array.isArray(b) ? a.join(',') === b.join(',') : a === b;
    if (!same) out.push(names[k] as string);
  }
  return out;
}
