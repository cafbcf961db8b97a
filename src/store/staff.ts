import type { Db } from './database.js';

export interface StaffRow {
  id: number;
  firstName: string;
  lastName: string;
  role: string;
  sector: string;
  centerId: number | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StaffWrite {
  firstName: string;
  lastName: string;
  nameKey: string;
  role: string;
  sector: string;
  centerId: number | null;
  active: boolean;
}

const COLUMNS = `id, first_name AS firstName, last_name AS lastName, role, sector, center_id AS centerId, active,
  created_at AS createdAt, updated_at AS updatedAt`;

type RawStaff = Omit<StaffRow, 'active'> & { active: number };
const toRow = (r: RawStaff): StaffRow => ({ ...r, active: r.active === 1 });

export function insertStaff(db: Db, s: StaffWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO staff (first_name, last_name, name_key, role, sector, center_id, active, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(s.firstName, s.lastName, s.nameKey, s.role, s.sector, s.centerId, s.active ? 1 : 0, at, at).lastInsertRowid,
  );
}

export function updateStaffRow(db: Db, id: number, s: StaffWrite, at: string): void {
  db.stmt(
    `UPDATE staff SET first_name = ?, last_name = ?, name_key = ?, role = ?, sector = ?, center_id = ?, active = ?, updated_at = ?
     WHERE id = ?`,
  ).run(s.firstName, s.lastName, s.nameKey, s.role, s.sector, s.centerId, s.active ? 1 : 0, at, id);
}

export function selectStaff(db: Db, id: number): StaffRow | undefined {
  const r = db.stmt(`SELECT ${COLUMNS} FROM staff WHERE id = ?`).get(id) as RawStaff | undefined;
  return r === undefined ? undefined : toRow(r);
}

export function selectStaffByNameKey(db: Db, nameKey: string): StaffRow[] {
  return (db.stmt(`SELECT ${COLUMNS} FROM staff WHERE name_key = ? ORDER BY active DESC, id`).all(nameKey) as RawStaff[]).map(toRow);
}

export interface StaffFilter {
  role?: string;
  sector?: string;
  centerId?: number;
  active?: boolean;
}

export function selectStaffList(db: Db, f: StaffFilter): StaffRow[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.role !== undefined) { where.push('role = ?'); args.push(f.role); }
  if (f.sector !== undefined) { where.push('sector = ?'); args.push(f.sector); }
  if (f.centerId !== undefined) { where.push('center_id = ?'); args.push(f.centerId); }
  if (f.active !== undefined) { where.push('active = ?'); args.push(f.active ? 1 : 0); }
  const sql = `SELECT ${COLUMNS} FROM staff ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY active DESC, last_name, first_name, id`;
  return (db.stmt(sql).all(...args) as RawStaff[]).map(toRow);
}

export interface Caseload {
  openCases: number;
  followupsDueThisWeek: number;
  followupsOverdue: number;
}

/** Open cases, follow-ups due from today to weekEnd, and scheduled follow-ups already past due. */
export function selectCaseload(db: Db, staffId: number, today: string, weekEnd: string): Caseload {
  return db
    .stmt(
      `SELECT (SELECT count(*) FROM cases WHERE worker_id = ?1 AND status = 'open') AS openCases,
              (SELECT count(*) FROM followups WHERE worker_id = ?1 AND status = 'scheduled' AND due_on BETWEEN ?2 AND ?3) AS followupsDueThisWeek,
              (SELECT count(*) FROM followups WHERE worker_id = ?1 AND status = 'scheduled' AND due_on < ?2) AS followupsOverdue`,
    )
    .get(staffId, today, weekEnd) as Caseload;
}
