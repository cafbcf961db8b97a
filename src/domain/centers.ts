import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  insertCenter,
  selectCenter,
  selectCenterByNameKey,
  selectCenterLoad,
  selectCenters,
  type CenterLoad,
  type CenterRow,
} from '../store/centers.js';
import { recordAudit } from './audit.js';
import { CENTER_KINDS, SECTORS, type CenterKind, type Sector } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import {
  HAS_LETTER,
  idDigits,
  isBlank,
  noRecordWithId,
  optionalCode,
  optionalInteger,
  optionalText,
  parseCode,
  parseId,
  requiredText,
} from './fields.js';
import { matchingKey } from '../lang/persian.js';
import { t } from '../messages/catalogue.js';

export type Center = CenterRow;

/** `center add` as typed: every value a string, nothing checked yet. */
export interface RawCenter {
  name?: string | undefined;
  kind?: string | undefined;
  sector?: string | undefined;
  capacity?: string | number | undefined;
  county?: string | undefined;
}

/** A center as parsed: kind and sector as codes, capacity as a number. */
export interface CenterInput {
  name: string;
  kind: CenterKind;
  sector: Sector;
  capacity: number | null;
  county: string | null;
}

/** The parse step of `center add` (and of a center row of an import): no database. */
export function parseCenterInput(raw: RawCenter): CenterInput {
  const name = requiredText(raw.name, 'name');
  const kind = parseCode(CENTER_KINDS, requiredText(raw.kind, 'kind'), 'kind');
  const sector = parseCode(SECTORS, requiredText(raw.sector, 'sector'), 'sector');
  const capacity = optionalInteger(raw.capacity, 'capacity', { min: 0, max: 100000 });
  const county = optionalText(raw.county, 'county', 100);
  return { name, kind, sector, capacity, county };
}

/** Center names are unique after Persian matching. */
export function registerCenter(ctx: WriteCtx, input: CenterInput): Center {
  const nameKey = matchingKey(input.name);
  const clash = selectCenterByNameKey(ctx.db, nameKey);
  if (clash !== undefined) throw new ConflictError(t('a center with this name exists already (#{id})', { id: clash.id }), 'name');
  const id = insertCenter(ctx.db, { ...input, nameKey }, ctx.now());
  recordAudit(ctx, 'create', 'center', id);
  return selectCenter(ctx.db, id) as Center;
}

/** `center add` from strings: parse, then the rules. */
export function addCenter(ctx: WriteCtx, raw: RawCenter): Center {
  return registerCenter(ctx, parseCenterInput(raw));
}

/** A center given by id ("3", "#3", "۳") or by name, matched by the Persian matching key. */
export function resolveCenter(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'center'): Center {
  const id = idDigits(ref);
  if (id !== undefined) {
    const c = selectCenter(ctx.db, parseId(id, field));
    if (c === undefined) throw noRecordWithId('center', field);
    return c;
  }
  if (!HAS_LETTER.test(ref)) throw new ValidationError(t('--{field} must be a center id (e.g. 3 or #3) or a name', { field }), field);
  const c = selectCenterByNameKey(ctx.db, matchingKey(ref));
  if (c === undefined) throw new NotFoundError(t('no center has the name given for --{field}', { field }), field);
  return c;
}

export function optionalCenter(ctx: Pick<ReadCtx, 'db'>, ref: string | undefined, field = 'center'): Center | null {
  return isBlank(ref) ? null : resolveCenter(ctx, ref, field);
}

export interface CenterFilter {
  kind?: string | undefined;
  sector?: string | undefined;
}

export function listCenters(ctx: Pick<ReadCtx, 'db'>, f: CenterFilter): Center[] {
  const kind: CenterKind | null = optionalCode(CENTER_KINDS, f.kind, 'kind');
  const sector: Sector | null = optionalCode(SECTORS, f.sector, 'sector');
  return selectCenters(ctx.db, { ...(kind ? { kind } : {}), ...(sector ? { sector } : {}) });
}

export interface CenterDetail extends Center, CenterLoad {
  overCapacity: boolean;
}

export function showCenter(ctx: Pick<ReadCtx, 'db'>, ref: string): CenterDetail {
  const c = resolveCenter(ctx, ref, 'id');
  const load = selectCenterLoad(ctx.db, c.id);
  return { ...c, ...load, overCapacity: c.capacity !== null && load.openCases > c.capacity };
}
