import type { ReadableDB, WritableDB } from './database.js';
import { Conditions, flag } from './conditions.js';
import { overdueCondition, type OverdueMoment } from './followups.js';

export interface StaffRow {
  id: number;
  firstName: string;
  lastName: string;
  nationalCode: string | null;
  role: string;
  sector: string;
  centerId: number | null;
  /** The center's name, read with the person. */
  centerName: string | null;
  degree: string | null;
  field: string | null;
  membershipNo: string | null;
  /** Canonical +98… (mobile or landline with area code). */
  phone: string | null;
  startDate: string | null;
  /** The first day the person no longer works here; null while they do (or when they left before dates were kept). */
  leftOn: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The register's fields added by schema 2 are optional so older callers keep working. */
export interface StaffWrite {
  firstName: string;
  lastName: string;
  nameKey: string;
  role: string;
  sector: string;
  centerId: number | null;
  active: boolean;
  nationalCode?: string | null;
  degree?: string | null;
  field?: string | null;
  membershipNo?: string | null;
  phone?: string | null;
  startDate?: string | null;
  leftOn?: string | null;
}

const COLUMNS = `s.id, s.first_name AS firstName, s.last_name AS lastName, s.national_code AS nationalCode, s.role, s.sector,
  s.center_id AS centerId, ce.name AS centerName, s.degree, s.field, s.membership_no AS membershipNo, s.phone,
  s.start_date AS startDate, s.left_on AS leftOn, s.active, s.created_at AS createdAt, s.updated_at AS updatedAt`;

/** The person with the center's name, joined by primary key. */
const FROM = `staff s LEFT JOIN centers ce ON ce.id = s.center_id`;

type RawStaff = Omit<StaffRow, 'active'> & { active: number };
const toRow = (r: RawStaff): StaffRow => ({ ...r, active: r.active === 1 });

function values(s: StaffWrite): unknown[] {
  return [
    s.firstName,
    s.lastName,
    s.nameKey,
    s.role,
    s.sector,
    s.centerId,
    s.active ? 1 : 0,
    s.nationalCode ?? null,
    s.degree ?? null,
    s.field ?? null,
    s.membershipNo ?? null,
    s.phone ?? null,
    s.startDate ?? null,
    s.leftOn ?? null,
  ];
}

export function insertStaff(db: WritableDB, s: StaffWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO staff (first_name, last_name, name_key, role, sector, center_id, active,
           national_code, degree, field, membership_no, phone, start_date, left_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(...values(s), at, at).lastInsertRowid,
  );
}

/** Writes every column: callers start from the stored row (see domain/staff.ts) so nothing is dropped. */
export function updateStaffRow(db: WritableDB, id: number, s: StaffWrite, at: string): void {
  if (s.nationalCode === undefined || s.leftOn === undefined) {
    // An older caller that knows only the schema-1 fields: leave the register's fields as they are.
    db.stmt(
      `UPDATE staff SET first_name = ?, last_name = ?, name_key = ?, role = ?, sector = ?, center_id = ?, active = ?, updated_at = ?
       WHERE id = ?`,
    ).run(s.firstName, s.lastName, s.nameKey, s.role, s.sector, s.centerId, s.active ? 1 : 0, at, id);
    return;
  }
  db.stmt(
    `UPDATE staff SET first_name = ?, last_name = ?, name_key = ?, role = ?, sector = ?, center_id = ?, active = ?,
       national_code = ?, degree = ?, field = ?, membership_no = ?, phone = ?, start_date = ?, left_on = ?, updated_at = ?
     WHERE id = ?`,
  ).run(...values(s), at, id);
}

export function selectStaff(db: ReadableDB, id: number): StaffRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.id = ?`).get(id) as RawStaff | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function selectStaffByNameKey(db: ReadableDB, nameKey: string): StaffRow[] {
  return (db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.name_key = ? ORDER BY s.active DESC, s.id`).all(nameKey) as RawStaff[]).map(
    toRow,
  );
}

export function selectStaffByNationalCode(db: ReadableDB, code: string): StaffRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM ${FROM} WHERE s.national_code = ?`).get(code) as RawStaff | undefined;
  return r === undefined ? undefined : toRow(r);
}

export interface StaffFilter {
  role?: string;
  sector?: string;
  centerId?: number;
  active?: boolean;
}

export function selectStaffList(db: ReadableDB, f: StaffFilter): StaffRow[] {
  const c = new Conditions();
  c.when('s.role = ?', f.role);
  c.when('s.sector = ?', f.sector);
  c.when('s.center_id = ?', f.centerId);
  c.when('s.active = ?', flag(f.active));
  const sql = `SELECT ${COLUMNS} FROM ${FROM} ${c.where} ORDER BY s.active DESC, s.last_name, s.first_name, s.id`;
  return (db.stmt(sql).all(...c.args) as RawStaff[]).map(toRow);
}

export interface Caseload {
  openCases: number;
  followupsDueThisWeek: number;
  followupsOverdue: number;
}

/** Open cases, follow-ups due from today to weekEnd, and follow-ups overdue at `overdue` (store/followups.ts overdueCondition). */
export function selectCaseload(db: ReadableDB, staffId: number, today: string, weekEnd: string, overdue: OverdueMoment): Caseload {
  const late = overdueCondition('f', overdue);
  return db
    .stmt(
      `SELECT (SELECT count(*) FROM cases WHERE worker_id = ? AND status = 'open') AS openCases,
              (SELECT count(*) FROM followups WHERE worker_id = ? AND status = 'scheduled' AND due_on BETWEEN ? AND ?) AS followupsDueThisWeek,
              (SELECT count(*) FROM followups AS f WHERE f.worker_id = ? AND ${late.sql}) AS followupsOverdue`,
    )
    .get(staffId, staffId, today, weekEnd, staffId, ...late.args) as Caseload;
}

/** The same three counts for every worker at once (grouped scans instead of three queries per person). */
export function selectCaseloads(db: ReadableDB, today: string, weekEnd: string, overdue: OverdueMoment): Map<number, Caseload> {
  const loads = new Map<number, Caseload>();
  const get = (id: number): Caseload => {
    let l = loads.get(id);
    if (l === undefined) loads.set(id, (l = { openCases: 0, followupsDueThisWeek: 0, followupsOverdue: 0 }));
    return l;
  };
  const cases = db
    .stmt(`SELECT worker_id AS id, count(*) AS n FROM cases WHERE status = 'open' AND worker_id IS NOT NULL GROUP BY worker_id`)
    .all() as { id: number; n: number }[];
  for (const r of cases) get(r.id).openCases = r.n;
  const due = db
    .stmt(
      `SELECT worker_id AS id, count(*) AS n FROM followups
       WHERE status = 'scheduled' AND worker_id IS NOT NULL AND due_on BETWEEN ? AND ? GROUP BY worker_id`,
    )
    .all(today, weekEnd) as { id: number; n: number }[];
  for (const r of due) get(r.id).followupsDueThisWeek = r.n;
  const late = overdueCondition('f', overdue);
  const overdueRows = db
    .stmt(`SELECT f.worker_id AS id, count(*) AS n FROM followups AS f WHERE f.worker_id IS NOT NULL AND ${late.sql} GROUP BY f.worker_id`)
    .all(...late.args) as { id: number; n: number }[];
  for (const r of overdueRows) get(r.id).followupsOverdue = r.n;
  return loads;
}

export interface StaffCount {
  role: string;
  sector: string;
  n: number;
}

/**
 * People on the roll at the end of `on`: started by then (or start unknown) and
 * not left by then. Someone deactivated before leaving dates were kept (active 0,
 * no left_on) is off the roll. Role and sector are the current ones.
 */
export function countStaffOnRoll(db: ReadableDB, on: string): StaffCount[] {
  return db
    .stmt(
      `SELECT role, sector, count(*) AS n FROM staff
       WHERE (start_date IS NULL OR start_date <= @on)
         AND (CASE WHEN left_on IS NULL THEN active = 1 ELSE left_on > @on END)
       GROUP BY role, sector ORDER BY role, sector`,
    )
    .all({ on }) as StaffCount[];
}
