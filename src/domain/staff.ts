/**
 * The staff register (the province's list of every social worker in both
 * sectors): who they are, their role, sector, center, degree, association
 * membership, phone, and when they started and left.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { deleteAssignmentsFrom } from '../store/roster.js';
import {
  insertStaff,
  selectCaseload,
  selectCaseloads,
  selectStaff,
  selectStaffByNameKey,
  selectStaffByNationalCode,
  selectStaffList,
  updateStaffRow,
  type Caseload,
  type StaffRow,
  type StaffWrite,
} from '../store/staff.js';
import { recordAudit } from './audit.js';
import { overdueMoment } from './overdue.js';
import { optionalCenter } from './centers.js';
import { ROLES, SECTORS, type Role, type Sector } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { addDays, parseDateInput, type IsoDate } from '../lang/dates.js';
import {
  HAS_LETTER,
  idDigits,
  invalidValue,
  isBlank,
  noRecordWithId,
  optionalCode,
  optionalText,
  parseBool,
  parseCode,
  parseId,
  requiredName,
  requiredText,
} from './fields.js';
import { nationalCodeMiss, nationalCodeRef, parseNationalCode } from './national-code.js';
import { DEGREES, type Degree } from './people/codes.js';
import { parsePhone } from './people/phone.js';
import { toLatinDigits } from '../lang/digits.js';
import { matchingKey } from '../lang/persian.js';
import { t } from '../messages/catalogue.js';

export type Staff = StaffRow;

/** Raw values as typed or as a spreadsheet cell held them. */
export interface RawStaff {
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
const OPTION_OF: Readonly<Record<keyof RawStaff, string>> = {
  firstName: 'first-name',
  lastName: 'last-name',
  role: 'role',
  sector: 'sector',
  center: 'center',
  active: 'active',
  nationalCode: 'national-code',
  degree: 'degree',
  field: 'field',
  membershipNo: 'membership-no',
  phone: 'phone',
  startDate: 'start-date',
};

export const staffNameKey = (first: string, last: string): string => matchingKey(`${first} ${last}`);

export interface ValidateStaffOptions {
  /** Spreadsheet import: pad national codes that lost their leading zeros. */
  repairNationalCode?: boolean;
}

/**
 * A register entry's values as parsed: a key present sets that field (null clears
 * it), a key absent keeps the stored value. The center stays a reference (id or
 * name) that the rules look up.
 */
export interface StaffFields {
  firstName?: string;
  lastName?: string;
  role?: Role;
  sector?: Sector;
  center?: string | null;
  nationalCode?: string | null;
  degree?: Degree | null;
  field?: string | null;
  membershipNo?: string | null;
  phone?: string | null;
  startDate?: IsoDate | null;
  active?: boolean;
}

export interface ParseStaffOptions extends ValidateStaffOptions {
  /** A change to a stored entry: a field not given is kept (a new entry parses every field). */
  update?: boolean;
}

/** The parse step of `staff add`, `staff update` and a staff row of an import: no database. */
export function parseStaffInput(raw: RawStaff, today: IsoDate, opts: ParseStaffOptions = {}): StaffFields {
  const given = (k: keyof RawStaff): boolean => opts.update !== true || raw[k] !== undefined;
  const f: StaffFields = {};
  if (given('firstName')) f.firstName = requiredName(raw.firstName, 'first-name');
  if (given('lastName')) f.lastName = requiredName(raw.lastName, 'last-name');
  if (given('role')) f.role = parseCode(ROLES, requiredText(raw.role, 'role'), 'role');
  if (given('sector')) f.sector = parseCode(SECTORS, requiredText(raw.sector, 'sector'), 'sector');
  if (given('center')) f.center = isBlank(raw.center) ? null : raw.center;
  if (raw.nationalCode !== undefined) {
    f.nationalCode = isBlank(raw.nationalCode)
      ? null
      : parseNationalCode(raw.nationalCode, { repairLeadingZeros: opts.repairNationalCode === true, field: 'national-code' }).code;
  }
  if (given('degree')) f.degree = optionalCode(DEGREES, raw.degree, 'degree');
  if (given('field')) f.field = optionalText(raw.field, 'field', 100);
  if (raw.membershipNo !== undefined) {
    // Spaces people put between digit groups are not part of the number.
    f.membershipNo = optionalText(toLatinDigits(raw.membershipNo), 'membership-no', 30)?.replace(/\s+/g, '') ?? null;
  }
  if (given('phone')) f.phone = isBlank(raw.phone) ? null : parsePhone(raw.phone, 'phone');
  if (given('startDate')) {
    f.startDate = isBlank(raw.startDate) ? null : parseDateInput(raw.startDate, { today, field: 'start-date', kind: 'record' });
  }
  if (raw.active !== undefined && raw.active !== '') f.active = parseBool(raw.active, 'active');
  return f;
}

/**
 * The rules of a register entry over the stored one (`base`) or a new one: the
 * center looked up, a national code held by nobody else, a start before the
 * leaving.
 */
export function buildStaffWrite(ctx: Pick<ReadCtx, 'db'>, f: StaffFields, base?: Staff): StaffWrite {
  const b = base as Staff;
  const firstName = f.firstName ?? b.firstName;
  const lastName = f.lastName ?? b.lastName;
  const role = f.role ?? b.role;
  const sector = f.sector ?? b.sector;
  const centerId = f.center === undefined ? b.centerId : (optionalCenter(ctx, f.center ?? undefined)?.id ?? null);
  const nationalCode = f.nationalCode !== undefined ? f.nationalCode : (base?.nationalCode ?? null);
  if (nationalCode !== null) {
    const other = selectStaffByNationalCode(ctx.db, nationalCode);
    if (other !== undefined && other.id !== base?.id) {
      throw new ConflictError(t('staff member #{id} already has this national code', { id: other.id }), 'national-code');
    }
  }
  const degree = f.degree !== undefined ? f.degree : (base?.degree ?? null);
  const field = f.field !== undefined ? f.field : (base?.field ?? null);
  const membershipNo = f.membershipNo !== undefined ? f.membershipNo : (base?.membershipNo ?? null);
  const phone = f.phone !== undefined ? f.phone : (base?.phone ?? null);
  const startDate = f.startDate !== undefined ? f.startDate : (base?.startDate ?? null);
  const leftOn = base?.leftOn ?? null;
  if (startDate !== null && leftOn !== null && leftOn <= startDate) {
    throw new ValidationError(t('start-date must be before the date the person left'), 'start-date');
  }
  const active = f.active ?? base?.active ?? true;
  return {
    firstName,
    lastName,
    nameKey: staffNameKey(firstName, lastName),
    role,
    sector,
    centerId,
    active,
    nationalCode,
    degree,
    field,
    membershipNo,
    phone,
    startDate,
    // Rejoining clears the leaving date; leaving through update is handled by the caller.
    leftOn: active ? null : leftOn,
  };
}

/**
 * Parse, then the rules: every rule a register entry must satisfy, shared by
 * `staff add`, `staff update` and import. Given `base`, absent fields keep the
 * stored value; a blank one clears it.
 */
export function validateStaff(
  ctx: Pick<ReadCtx, 'db' | 'today'>,
  input: RawStaff,
  base?: Staff,
  opts: ValidateStaffOptions = {},
): StaffWrite {
  return buildStaffWrite(ctx, parseStaffInput(input, ctx.today, { ...opts, update: base !== undefined }), base);
}

export function registerStaff(ctx: WriteCtx, input: StaffFields): Staff {
  const w = buildStaffWrite(ctx, input);
  if (!w.active) throw new ValidationError(t('a new staff member is active; record a leaving with "staff deactivate --date"'), 'active');
  const id = insertStaff(ctx.db, w, ctx.now());
  recordAudit(ctx, 'create', 'staff', id);
  return selectStaff(ctx.db, id) as Staff;
}

/** `staff add` from strings: parse, then the rules. */
export function addStaff(ctx: WriteCtx, raw: RawStaff): Staff {
  return registerStaff(ctx, parseStaffInput(raw, ctx.today));
}

/**
 * A staff member given by id ("12", "#12", "۱۲"), national code (ten digits, written
 * with or without spaces and dashes) or full name. A name that fits several people is
 * refused rather than guessed: the record would name the wrong worker. Text that is
 * neither an id, a national code nor a name ("1-2", "-1") is refused, never read as an id.
 */
export function resolveStaff(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'worker'): Staff {
  const id = idDigits(ref);
  // Ten digits are a national code (spreadsheets from the province name people so); "#" marks an id.
  const code = id !== undefined && toLatinDigits(ref.trim()).startsWith('#') ? undefined : nationalCodeRef(ref);
  if (code !== undefined) {
    const s = selectStaffByNationalCode(ctx.db, code);
    if (s === undefined) throw nationalCodeMiss(code, t('no staff member has the national code given for --{field}', { field }), field);
    return s;
  }
  if (id !== undefined) {
    const s = selectStaff(ctx.db, parseId(id, field));
    if (s === undefined) throw noRecordWithId('staff member', field);
    return s;
  }
  if (!HAS_LETTER.test(ref))
    throw new ValidationError(t('--{field} must be a staff id (e.g. 12 or #12), a national code or a name', { field }), field);
  const matches = selectStaffByNameKey(ctx.db, matchingKey(ref));
  const active = matches.filter((s) => s.active);
  const pool = active.length > 0 ? active : matches;
  // Messages never repeat the name typed: it identifies a person.
  if (pool.length === 0) throw new NotFoundError(t('no staff member has the name given for --{field}', { field }), field);
  if (pool.length > 1) {
    throw new ValidationError(
      t('{count} staff members share the name given for --{field}: give the id ({ids})', {
        count: pool.length,
        field,
        ids: pool.map((s) => '#' + s.id).join(', '),
      }),
      field,
    );
  }
  return pool[0] as Staff;
}

/** A worker who may take new work: refuses people who have left. */
export function resolveActiveWorker(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'worker'): Staff {
  const s = resolveStaff(ctx, ref, field);
  if (!s.active) throw new ConflictError(t('staff member #{id} is no longer active', { id: s.id }), field);
  return s;
}

export function optionalActiveWorker(ctx: Pick<ReadCtx, 'db'>, ref: string | undefined, field = 'worker'): Staff | null {
  return isBlank(ref) ? null : resolveActiveWorker(ctx, ref, field);
}

/**
 * The worker a record names: one who has left only when `allowInactive` (an import of history,
 * whose workers may have left since); else an active one, as a command requires.
 */
export function recordWorker(ctx: Pick<ReadCtx, 'db'>, ref: string | null | undefined, allowInactive: boolean): Staff | null {
  if (!allowInactive) return optionalActiveWorker(ctx, ref ?? undefined);
  return ref === null || ref === undefined ? null : resolveStaff(ctx, ref);
}

export interface StaffUpdate extends RawStaff {
  id: string;
}

export interface LeaveResult extends Staff {
  /** Roster assignments on or after the leaving date that were removed (their shifts now show in `roster gaps`). */
  removedAssignments: number;
}

export interface StaffUpdateInput {
  fields: StaffFields;
  /** The fields given, as typed. */
  changed: (keyof RawStaff)[];
}

/** The parse step of `staff update`: at least one field given, each parsed. */
export function parseStaffUpdateInput(raw: RawStaff, today: IsoDate): StaffUpdateInput {
  const changed = (Object.keys(OPTION_OF) as (keyof RawStaff)[]).filter((k) => raw[k] !== undefined);
  if (changed.length === 0) throw new ValidationError(t('nothing to update: give at least one field to change'));
  return { fields: parseStaffInput(raw, today, { update: true }), changed };
}

export function recordStaffUpdate(ctx: WriteCtx, current: Staff, input: StaffUpdateInput): Staff | LeaveResult {
  const next = buildStaffWrite(ctx, input.fields, current);
  if (current.active && !next.active) {
    // Leaving through update is the same act as "staff deactivate": dated today.
    const { active: _ignored, ...rest } = input.fields;
    const others = input.changed.filter((k) => k !== 'active');
    if (others.length > 0) recordStaffUpdate(ctx, current, { fields: rest, changed: others });
    return recordStaffLeaving(ctx, resolveStaff(ctx, String(current.id), 'id'), ctx.today);
  }
  updateStaffRow(ctx.db, current.id, next, ctx.now());
  recordAudit(
    ctx,
    'update',
    'staff',
    current.id,
    input.changed.map((k) => OPTION_OF[k]),
  );
  return selectStaff(ctx.db, current.id) as Staff;
}

/** `staff update` from strings: the staff member, then parse, then the rules. */
export function updateStaff(ctx: WriteCtx, input: StaffUpdate): Staff | LeaveResult {
  const current = resolveStaff(ctx, input.id, 'id');
  const { id: _id, ...raw } = input;
  return recordStaffUpdate(ctx, current, parseStaffUpdateInput(raw, ctx.today));
}

/** The parse step of a leaving: the first day they no longer work here (default today; not in the future). */
export function parseLeaveDate(date: string | undefined, today: IsoDate): IsoDate {
  const leftOn = isBlank(date) ? today : parseDateInput(date, { today, field: 'date', kind: 'record' });
  if (leftOn > today) throw new ValidationError(t('--date is in the future: record the leaving on the day'), 'date');
  return leftOn;
}

/**
 * Records that a person left on `leftOn`: they are off the roll from that day,
 * and their roster assignments from that day on are removed so the shifts show
 * as gaps instead of as covered.
 */
export function recordStaffLeaving(ctx: WriteCtx, current: Staff, leftOn: IsoDate): LeaveResult {
  if (!current.active) throw new ConflictError(t('staff member #{id} is already inactive', { id: current.id }), 'id');
  if (current.startDate !== null && leftOn <= current.startDate) {
    throw new ValidationError(t('the leaving date must be after the start date'), 'date');
  }
  updateStaffRow(
    ctx.db,
    current.id,
    { ...current, nameKey: staffNameKey(current.firstName, current.lastName), active: false, leftOn },
    ctx.now(),
  );
  const removed = deleteAssignmentsFrom(ctx.db, current.id, leftOn);
  recordAudit(ctx, 'deactivate', 'staff', current.id, ['active', 'left-on']);
  if (removed > 0) recordAudit(ctx, 'delete', 'roster-assignment', `staff:${current.id}`, ['count']);
  return { ...(selectStaff(ctx.db, current.id) as Staff), removedAssignments: removed };
}

/** `staff leave` from strings: the staff member, then the date, then the rules. */
export function leaveStaff(ctx: WriteCtx, ref: string, date: string | undefined): LeaveResult {
  const current = resolveStaff(ctx, ref, 'id');
  return recordStaffLeaving(ctx, current, parseLeaveDate(date, ctx.today));
}

export interface StaffListFilter {
  role?: string | undefined;
  sector?: string | undefined;
  center?: string | undefined;
  status?: string | undefined;
}

export function listStaff(ctx: Pick<ReadCtx, 'db'>, f: StaffListFilter): Staff[] {
  const role = optionalCode(ROLES, f.role, 'role');
  const sector = optionalCode(SECTORS, f.sector, 'sector');
  const center = optionalCenter(ctx, f.center);
  let active: boolean | undefined;
  const status = isBlank(f.status) ? 'all' : f.status.trim().toLowerCase();
  if (status !== 'all') {
    if (status === 'active') active = true;
    else if (status === 'inactive' || status === 'left') active = false;
    else throw invalidValue('status', t('expected active, left (or inactive) or all'));
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

export function listStaffWithCaseload(ctx: Pick<ReadCtx, 'db' | 'today'>, f: StaffListFilter): StaffDetail[] {
  const rows = listStaff(ctx, f);
  const loads = selectCaseloads(ctx.db, ctx.today, weekEnd(ctx.today), overdueMoment(ctx.today, ctx.today));
  return rows.map((s) => ({ ...s, caseload: loads.get(s.id) ?? { openCases: 0, followupsDueThisWeek: 0, followupsOverdue: 0 } }));
}

export function showStaff(ctx: Pick<ReadCtx, 'db' | 'today'>, ref: string): StaffDetail {
  const s = resolveStaff(ctx, ref, 'id');
  return { ...s, caseload: selectCaseload(ctx.db, s.id, ctx.today, weekEnd(ctx.today), overdueMoment(ctx.today, ctx.today)) };
}

/** Whether the person works here on `date`: started by then and not left by then. */
export function worksOn(s: Staff, date: string): boolean {
  if (s.startDate !== null && date < s.startDate) return false;
  if (s.leftOn !== null) return date < s.leftOn;
  return s.active;
}
