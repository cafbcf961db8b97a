import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  insertStaff, selectCaseload, selectStaff, selectStaffByNameKey, selectStaffList, updateStaffRow,
  type Caseload, type StaffRow, type StaffWrite,
} from '../store/staff.js';
import { recordAudit } from './audit.js';
import { optionalCenter } from './centers.js';
import { ROLES, SECTORS } from './codes.js';
import type { Ctx } from './context.js';
import { addDays } from './dates.js';
import { isBlank, optionalCode, parseBool, parseCode, requiredText } from './fields.js';
import { toLatinDigits } from './text/digits.js';
import { matchingKey } from './text/persian.js';

export type Staff = StaffRow;

export interface StaffInput {
  firstName?: string | undefined;
  lastName?: string | undefined;
  role?: string | undefined;
  sector?: string | undefined;
  center?: string | undefined;
  active?: string | boolean | undefined;
}

const staffKey = (first: string, last: string): string => matchingKey(`${first} ${last}`);

export function addStaff(ctx: Ctx, input: StaffInput): Staff {
  const firstName = requiredText(input.firstName, 'first-name', 100);
  const lastName = requiredText(input.lastName, 'last-name', 100);
  const role = parseCode(ROLES, requiredText(input.role, 'role'), 'role');
  const sector = parseCode(SECTORS, requiredText(input.sector, 'sector'), 'sector');
  const center = optionalCenter(ctx, input.center);
  const active = input.active === undefined ? true : parseBool(input.active, 'active');
  const id = insertStaff(
    ctx.db,
    { firstName, lastName, nameKey: staffKey(firstName, lastName), role, sector, centerId: center?.id ?? null, active },
    ctx.now(),
  );
  recordAudit(ctx, 'create', 'staff', id);
  return selectStaff(ctx.db, id) as Staff;
}

/**
 * A staff member given by id or by full name. A name that fits several people is
 * refused rather than guessed: the record would name the wrong worker.
 */
export function resolveStaff(ctx: Pick<Ctx, 'db'>, ref: string, field = 'worker'): Staff {
  const digits = toLatinDigits(ref.trim()).replace(/^#/, '');
  if (/^\d+$/.test(digits)) {
    const s = selectStaff(ctx.db, Number(digits));
    if (s === undefined) throw new NotFoundError(`no staff member #${digits}`, field);
    return s;
  }
  const matches = selectStaffByNameKey(ctx.db, matchingKey(ref));
  const active = matches.filter((s) => s.active);
  const pool = active.length > 0 ? active : matches;
  if (pool.length === 0) throw new NotFoundError(`no staff member named "${ref.trim()}"`, field);
  if (pool.length > 1) {
    throw new ValidationError(`${pool.length} staff members are named "${ref.trim()}": give the id (${pool.map((s) => '#' + s.id).join(', ')})`, field);
  }
  return pool[0] as Staff;
}

/** A worker who may take new work: refuses people who have left. */
export function resolveActiveWorker(ctx: Pick<Ctx, 'db'>, ref: string, field = 'worker'): Staff {
  const s = resolveStaff(ctx, ref, field);
  if (!s.active) throw new ConflictError(`staff member #${s.id} is no longer active`, field);
  return s;
}

export function optionalActiveWorker(ctx: Pick<Ctx, 'db'>, ref: string | undefined, field = 'worker'): Staff | null {
  return isBlank(ref) ? null : resolveActiveWorker(ctx, ref, field);
}

export interface StaffUpdate extends StaffInput {
  id: string;
}

export function updateStaff(ctx: Ctx, input: StaffUpdate): Staff {
  const current = resolveStaff(ctx, input.id, 'id');
  const next: StaffWrite = {
    firstName: input.firstName === undefined ? current.firstName : requiredText(input.firstName, 'first-name', 100),
    lastName: input.lastName === undefined ? current.lastName : requiredText(input.lastName, 'last-name', 100),
    nameKey: '',
    role: input.role === undefined ? current.role : parseCode(ROLES, input.role, 'role'),
    sector: input.sector === undefined ? current.sector : parseCode(SECTORS, input.sector, 'sector'),
    centerId: input.center === undefined ? current.centerId : (optionalCenter(ctx, input.center)?.id ?? null),
    active: input.active === undefined ? current.active : parseBool(input.active, 'active'),
  };
  next.nameKey = staffKey(next.firstName, next.lastName);
  const changed = (Object.keys(input) as (keyof StaffUpdate)[]).filter((k) => k !== 'id' && input[k] !== undefined);
  if (changed.length === 0) throw new ValidationError('nothing to update: give at least one field to change');
  updateStaffRow(ctx.db, current.id, next, ctx.now());
  recordAudit(ctx, 'update', 'staff', current.id, changed);
  return selectStaff(ctx.db, current.id) as Staff;
}

export function deactivateStaff(ctx: Ctx, ref: string): Staff {
  const current = resolveStaff(ctx, ref, 'id');
  if (!current.active) throw new ConflictError(`staff member #${current.id} is already inactive`, 'id');
  updateStaffRow(ctx.db, current.id, { ...current, nameKey: staffKey(current.firstName, current.lastName), active: false }, ctx.now());
  recordAudit(ctx, 'deactivate', 'staff', current.id, ['active']);
  return selectStaff(ctx.db, current.id) as Staff;
}

export interface StaffListFilter {
  role?: string | undefined;
  sector?: string | undefined;
  center?: string | undefined;
  status?: string | undefined;
}

export function listStaff(ctx: Pick<Ctx, 'db'>, f: StaffListFilter): Staff[] {
  const role = optionalCode(ROLES, f.role, 'role');
  const sector = optionalCode(SECTORS, f.sector, 'sector');
  const center = optionalCenter(ctx, f.center);
  let active: boolean | undefined;
  if (!isBlank(f.status) && f.status !== 'all') {
    if (f.status === 'active') active = true;
    else if (f.status === 'inactive' || f.status === 'left') active = false;
    else throw new ValidationError(`invalid status "${f.status}": expected active, inactive or all`, 'status');
  }
  return selectStaffList(ctx.db, {
    ...(role ? { role } : {}),
    ...(sector ? { sector } : {}),
    ...(center ? { centerId: center.id } : {}),
    ...(active !== undefined ? { active } : {}),
  });
}

export interface StaffDetail extends Staff {
  caseload: Caseload;
}

export function showStaff(ctx: Pick<Ctx, 'db' | 'today'>, ref: string): StaffDetail {
  const s = resolveStaff(ctx, ref, 'id');
  return { ...s, caseload: selectCaseload(ctx.db, s.id, ctx.today, addDays(ctx.today, 6)) };
}
