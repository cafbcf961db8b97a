/**
 * The staff register (the province's list of every social worker in both
 * sectors): who they are, their role, sector, center, degree, association
 * membership, phone, and when they started and left.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { deleteAssignmentsFrom } from '../store/roster.js';
import {
  insertStaff, selectCaseload, selectCaseloads, selectStaff, selectStaffByNameKey, selectStaffByNationalCode, selectStaffList,
  updateStaffRow, type Caseload, type StaffRow, type StaffWrite,
} from '../store/staff.js';
import { recordAudit } from './audit.js';
import { overdueMoment } from './followups.js';
import { optionalCenter } from './centers.js';
import { ROLES, SECTORS } from './codes.js';
import type { Ctx } from './context.js';
import { addDays, parseDateInput } from './dates.js';
import { HAS_LETTER, idDigits, isBlank, noRecordWithId, optionalCode, optionalText, parseBool, parseCode, parseId, requiredName, requiredText } from './fields.js';
import { nationalCodeMiss, nationalCodeRef, parseNationalCode } from './national-code.js';
import { DEGREES } from './people/codes.js';
import { parsePhone } from './people/phone.js';
import { toLatinDigits } from './text/digits.js';
import { matchingKey } from './text/persian.js';

export type Staff = StaffRow;

/** Raw values as typed or as a spreadsheet cell held them. */
export interface StaffInput {
  firstName?: string | undefined;
  lastName?: string | undefined;
  role?: string | undefined;
  sector?: string | undefined;
  center?: string | undefined;
  active?: string | boolean | undefined;
  nationalCode?: string | undefined;
  degree?: string | undefined;
  field?: string | undefined;
  membershipNo?: string | undefined;
  phone?: string | undefined;
  startDate?: string | undefined;
}

/** Option names as typed, for messages and the audit trail. */
const OPTION_OF: Readonly<Record<keyof StaffInput, string>> = {
  firstName: 'first-name', lastName: 'last-name', role: 'role', sector: 'sector', center: 'center', active: 'active',
  nationalCode: 'national-code', degree: 'degree', field: 'field', membershipNo: 'membership-no', phone: 'phone',
  startDate: 'start-date',
};

export const staffNameKey = (first: string, last: string): string => matchingKey(`${first} ${last}`);

export interface ValidateStaffOptions {
  /** Spreadsheet import: pad national codes that lost their leading zeros. */
  repairNationalCode?: boolean;
}

/**
 * Every rule a register entry must satisfy, shared by `staff add`, `staff update`
 * and import. Given `base`, absent fields keep the stored value; a blank one clears it.
 */
export function validateStaff(ctx: Pick<Ctx, 'db' | 'today'>, input: StaffInput, base?: Staff, opts: ValidateStaffOptions = {}): StaffWrite {
  const keep = <K extends keyof StaffInput>(k: K): boolean => base !== undefined && input[k] === undefined;
  const firstName = keep('firstName') ? (base as Staff).firstName : requiredName(input.firstName, 'first-name');
  const lastName = keep('lastName') ? (base as Staff).lastName : requiredName(input.lastName, 'last-name');
  const role = keep('role') ? (base as Staff).role : parseCode(ROLES, requiredText(input.role, 'role'), 'role');
  const sector = keep('sector') ? (base as Staff).sector : parseCode(SECTORS, requiredText(input.sector, 'sector'), 'sector');
  const centerId = keep('center') ? (base as Staff).centerId : (optionalCenter(ctx, input.center)?.id ?? null);
  let nationalCode = base?.nationalCode ?? null;
  if (input.nationalCode !== undefined) {
    nationalCode = isBlank(input.nationalCode)
      ? null
      : parseNationalCode(input.nationalCode, { repairLeadingZeros: opts.repairNationalCode === true, field: 'national-code' }).code;
  }
  if (nationalCode !== null) {
    const other = selectStaffByNationalCode(ctx.db, nationalCode);
    if (other !== undefined && other.id !== base?.id) {
      throw new ConflictError(`staff member #${other.id} already has this national code`, 'national-code');
    }
  }
  const degree = keep('degree') ? (base?.degree ?? null) : optionalCode(DEGREES, input.degree, 'degree');
  const field = keep('field') ? (base?.field ?? null) : optionalText(input.field, 'field', 100);
  let membershipNo = base?.membershipNo ?? null;
  if (input.membershipNo !== undefined) {
    // Spaces people put between digit groups are not part of the number.
    membershipNo = optionalText(toLatinDigits(input.membershipNo), 'membership-no', 30)?.replace(/\s+/g, '') ?? null;
  }
  const phone = keep('phone') ? (base?.phone ?? null) : isBlank(input.phone) ? null : parsePhone(input.phone, 'phone');
  const startDate = keep('startDate')
    ? (base?.startDate ?? null)
    : isBlank(input.startDate) ? null : parseDateInput(input.startDate, { today: ctx.today, field: 'start-date', kind: 'record' });
  const leftOn = base?.leftOn ?? null;
  if (startDate !== null && leftOn !== null && leftOn <= startDate) {
    throw new ValidationError('start-date must be before the date the person left', 'start-date');
  }
  const active = input.active === undefined || input.active === '' ? (base?.active ?? true) : parseBool(input.active, 'active');
  return {
    firstName, lastName, nameKey: staffNameKey(firstName, lastName), role, sector, centerId, active,
    nationalCode, degree, field, membershipNo, phone, startDate,
    // Rejoining clears the leaving date; leaving through update is handled by the caller.
    leftOn: active ? null : leftOn,
  };
}

export function addStaff(ctx: Ctx, input: StaffInput): Staff {
  const w = validateStaff(ctx, input);
  if (!w.active) throw new ValidationError('a new staff member is active; record a leaving with "staff deactivate --date"', 'active');
  const id = insertStaff(ctx.db, w, ctx.now());
  recordAudit(ctx, 'create', 'staff', id);
  return selectStaff(ctx.db, id) as Staff;
}

/**
 * A staff member given by id ("12", "#12", "۱۲"), national code (ten digits, written
 * with or without spaces and dashes) or full name. A name that fits several people is
 * refused rather than guessed: the record would name the wrong worker. Text that is
 * neither an id, a national code nor a name ("1-2", "-1") is refused, never read as an id.
 */
export function resolveStaff(ctx: Pick<Ctx, 'db'>, ref: string, field = 'worker'): Staff {
  const id = idDigits(ref);
  // Ten digits are a national code (spreadsheets from the province name people so); "#" marks an id.
  const code = id !== undefined && toLatinDigits(ref.trim()).startsWith('#') ? undefined : nationalCodeRef(ref);
  if (code !== undefined) {
    const s = selectStaffByNationalCode(ctx.db, code);
    if (s === undefined) throw nationalCodeMiss(code, `no staff member has the national code given for --${field}`, field);
    return s;
  }
  if (id !== undefined) {
    const s = selectStaff(ctx.db, parseId(id, field));
    if (s === undefined) throw noRecordWithId('staff member', field);
    return s;
  }
  if (!HAS_LETTER.test(ref)) throw new ValidationError(`--${field} must be a staff id (e.g. 12 or #12), a national code or a name`, field);
  const matches = selectStaffByNameKey(ctx.db, matchingKey(ref));
  const active = matches.filter((s) => s.active);
  const pool = active.length > 0 ? active : matches;
  // Messages never repeat the name typed: it identifies a person.
  if (pool.length === 0) throw new NotFoundError(`no staff member has the name given for --${field}`, field);
  if (pool.length > 1) {
    throw new ValidationError(`${pool.length} staff members share the name given for --${field}: give the id (${pool.map((s) => '#' + s.id).join(', ')})`, field);
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

export interface LeaveResult extends Staff {
  /** Roster assignments on or after the leaving date that were removed (their shifts now show in `roster gaps`). */
  removedAssignments: number;
}

export function updateStaff(ctx: Ctx, input: StaffUpdate): Staff | LeaveResult {
  const current = resolveStaff(ctx, input.id, 'id');
  const changed = (Object.keys(OPTION_OF) as (keyof StaffInput)[]).filter((k) => input[k] !== undefined);
  if (changed.length === 0) throw new ValidationError('nothing to update: give at least one field to change');
  const next = validateStaff(ctx, input, current);
  if (current.active && !next.active) {
    // Leaving through update is the same act as "staff deactivate": dated today.
    const { active: _ignored, ...rest } = input;
    if (changed.length > 1) updateStaff(ctx, { ...rest });
    return leaveStaff(ctx, String(current.id), undefined);
  }
  updateStaffRow(ctx.db, current.id, next, ctx.now());
  recordAudit(ctx, 'update', 'staff', current.id, changed.map((k) => OPTION_OF[k]));
  return selectStaff(ctx.db, current.id) as Staff;
}

/**
 * Records that a person left on `date` (default today; not in the future): they
 * are off the roll from that day, and their roster assignments from that day on
 * are removed so the shifts show as gaps instead of as covered.
 */
export function leaveStaff(ctx: Ctx, ref: string, date: string | undefined): LeaveResult {
  const current = resolveStaff(ctx, ref, 'id');
  if (!current.active) throw new ConflictError(`staff member #${current.id} is already inactive`, 'id');
  const leftOn = isBlank(date) ? ctx.today : parseDateInput(date, { today: ctx.today, field: 'date', kind: 'record' });
  if (leftOn > ctx.today) throw new ValidationError('--date is in the future: record the leaving on the day', 'date');
  if (current.startDate !== null && leftOn <= current.startDate) {
    throw new ValidationError('the leaving date must be after the start date', 'date');
  }
  updateStaffRow(ctx.db, current.id, { ...current, nameKey: staffNameKey(current.firstName, current.lastName), active: false, leftOn }, ctx.now());
  const removed = deleteAssignmentsFrom(ctx.db, current.id, leftOn);
  recordAudit(ctx, 'deactivate', 'staff', current.id, ['active', 'left-on']);
  if (removed > 0) recordAudit(ctx, 'delete', 'roster-assignment', `staff:${current.id}`, ['count']);
  return { ...(selectStaff(ctx.db, current.id) as Staff), removedAssignments: removed };
}

/** Kept for callers of the first version: leaving today. */
export function deactivateStaff(ctx: Ctx, ref: string, date?: string): LeaveResult {
  return leaveStaff(ctx, ref, date);
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
  const status = isBlank(f.status) ? 'all' : f.status.trim().toLowerCase();
  if (status !== 'all') {
    if (status === 'active') active = true;
    else if (status === 'inactive' || status === 'left') active = false;
    else throw new ValidationError('invalid status: expected active, left (or inactive) or all', 'status');
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

/** "This week" is today and the six days after it, as in `followup list`. */
const weekEnd = (today: string): string => addDays(today, 6);

export function listStaffWithCaseload(ctx: Pick<Ctx, 'db' | 'today'>, f: StaffListFilter): StaffDetail[] {
  const rows = listStaff(ctx, f);
  const loads = selectCaseloads(ctx.db, ctx.today, weekEnd(ctx.today), overdueMoment(ctx.today, ctx.today));
  return rows.map((s) => ({ ...s, caseload: loads.get(s.id) ?? { openCases: 0, followupsDueThisWeek: 0, followupsOverdue: 0 } }));
}

export function showStaff(ctx: Pick<Ctx, 'db' | 'today'>, ref: string): StaffDetail {
  const s = resolveStaff(ctx, ref, 'id');
  return { ...s, caseload: selectCaseload(ctx.db, s.id, ctx.today, weekEnd(ctx.today), overdueMoment(ctx.today, ctx.today)) };
}

/** Whether the person works here on `date`: started by then and not left by then. */
export function worksOn(s: Staff, date: string): boolean {
  if (s.startDate !== null && date < s.startDate) return false;
  if (s.leftOn !== null) return date < s.leftOn;
  return s.active;
}
