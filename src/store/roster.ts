/** Shift patterns and roster assignments. Instants are local `YYYY-MM-DDTHH:MM` text (see domain/roster/clock.ts). */
import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface PatternRow {
  id: number;
  service: string;
  name: string;
  startTime: string;
  endTime: string;
  peopleNeeded: number;
  validFrom: string;
  /** First day the pattern is no longer in force; null while it is. */
  retiredOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PatternWrite {
  service: string;
  name: string;
  nameKey: string;
  startTime: string;
  endTime: string;
  peopleNeeded: number;
  validFrom: string;
  retiredOn: string | null;
}

const PATTERN_COLUMNS = `id, service, name, start_time AS startTime, end_time AS endTime, people_needed AS peopleNeeded,
  valid_from AS validFrom, retired_on AS retiredOn, created_at AS createdAt, updated_at AS updatedAt`;

export function insertPattern(db: WritableDB, p: PatternWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO shift_patterns (service, name, name_key, start_time, end_time, people_needed, valid_from, retired_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(p.service, p.name, p.nameKey, p.startTime, p.endTime, p.peopleNeeded, p.validFrom, p.retiredOn, at, at).lastInsertRowid,
  );
}

export function updatePatternRow(db: WritableDB, id: number, p: PatternWrite, at: string): void {
  db.stmt(
    `UPDATE shift_patterns SET service = ?, name = ?, name_key = ?, start_time = ?, end_time = ?, people_needed = ?, valid_from = ?,
       retired_on = ?, updated_at = ? WHERE id = ?`,
  ).run(p.service, p.name, p.nameKey, p.startTime, p.endTime, p.peopleNeeded, p.validFrom, p.retiredOn, at, id);
}

export function selectPattern(db: ReadableDB, id: number): PatternRow | undefined {
  return db.stmt(`SELECT ${PATTERN_COLUMNS} FROM shift_patterns WHERE id = ?`).get(id) as PatternRow | undefined;
}

export function selectPatternsByNameKey(db: ReadableDB, nameKey: string, service?: string): PatternRow[] {
  if (service !== undefined) {
    return db
      .stmt(`SELECT ${PATTERN_COLUMNS} FROM shift_patterns WHERE name_key = ? AND service = ?`)
      .all(nameKey, service) as PatternRow[];
  }
  return db.stmt(`SELECT ${PATTERN_COLUMNS} FROM shift_patterns WHERE name_key = ? ORDER BY id`).all(nameKey) as PatternRow[];
}

/** Patterns, optionally of one service and only those in force at some point of [from, to]. */
export function selectPatterns(db: ReadableDB, f: { service?: string; from?: string; to?: string }): PatternRow[] {
  const c = new Conditions();
  c.when('service = ?', f.service);
  c.when('valid_from <= ?', f.to);
  c.when('(retired_on IS NULL OR retired_on > ?)', f.from);
  return db
    .stmt(`SELECT ${PATTERN_COLUMNS} FROM shift_patterns ${c.where} ORDER BY service, start_time, id`)
    .all(...c.args) as PatternRow[];
}

export function countPatternAssignments(db: ReadableDB, patternId: number, fromDate?: string): number {
  const r = db
    .stmt(`SELECT count(*) AS n FROM roster_assignments WHERE pattern_id = ? AND shift_date >= ?`)
    .get(patternId, fromDate ?? '0000-00-00') as { n: number };
  return r.n;
}

/** Earliest and latest dates the pattern has assignments on. */
export function selectPatternAssignmentSpan(db: ReadableDB, patternId: number): { first: string | null; last: string | null } {
  return db
    .stmt(`SELECT min(shift_date) AS first, max(shift_date) AS last FROM roster_assignments WHERE pattern_id = ?`)
    .get(patternId) as { first: string | null; last: string | null };
}

export interface AssignmentRow {
  id: number;
  patternId: number;
  service: string;
  patternName: string;
  shiftDate: string;
  staffId: number;
  firstName: string;
  lastName: string;
  startsAt: string;
  endsAt: string;
  createdAt: string;
}

export interface AssignmentWrite {
  patternId: number;
  shiftDate: string;
  staffId: number;
  startsAt: string;
  endsAt: string;
}

const ASSIGNMENT_FROM = `roster_assignments a JOIN shift_patterns p ON p.id = a.pattern_id JOIN staff s ON s.id = a.staff_id`;
const ASSIGNMENT_COLUMNS = `a.id, a.pattern_id AS patternId, p.service, p.name AS patternName, a.shift_date AS shiftDate,
  a.staff_id AS staffId, s.first_name AS firstName, s.last_name AS lastName, a.starts_at AS startsAt, a.ends_at AS endsAt,
  a.created_at AS createdAt`;

export function insertAssignment(db: WritableDB, a: AssignmentWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO roster_assignments (pattern_id, shift_date, staff_id, starts_at, ends_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(a.patternId, a.shiftDate, a.staffId, a.startsAt, a.endsAt, at, at).lastInsertRowid,
  );
}

export function selectAssignment(db: ReadableDB, id: number): AssignmentRow | undefined {
  return db.stmt(`SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.id = ?`).get(id) as AssignmentRow | undefined;
}

export function deleteAssignment(db: WritableDB, id: number): void {
  db.stmt(`DELETE FROM roster_assignments WHERE id = ?`).run(id);
}

export function updateAssignmentStaff(db: WritableDB, id: number, staffId: number, at: string): void {
  db.stmt(`UPDATE roster_assignments SET staff_id = ?, updated_at = ? WHERE id = ?`).run(staffId, at, id);
}

/** A person's assignments that overlap the window [from, to). */
export function selectStaffAssignmentsIn(db: ReadableDB, staffId: number, from: string, to: string): AssignmentRow[] {
  return db
    .stmt(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.staff_id = ? AND a.ends_at > ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`,
    )
    .all(staffId, from, to) as AssignmentRow[];
}

export interface AssignmentFilter {
  from: string;
  to: string;
  service?: string;
  staffId?: number;
  patternId?: number;
}

/** Assignments of shifts starting on dates from..to, in time order. */
export function selectAssignments(db: ReadableDB, f: AssignmentFilter): AssignmentRow[] {
  const c = new Conditions().add('a.shift_date BETWEEN ? AND ?', f.from, f.to);
  c.when('p.service = ?', f.service);
  c.when('a.staff_id = ?', f.staffId);
  c.when('a.pattern_id = ?', f.patternId);
  return db
    .stmt(`SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} ${c.where} ORDER BY a.starts_at, p.service, p.id, s.last_name, a.id`)
    .all(...c.args) as AssignmentRow[];
}

/** Who is on a shift that has begun and not ended at `at`. */
export function selectOnDutyAt(db: ReadableDB, at: string, service?: string): AssignmentRow[] {
  const args: unknown[] = [at, at];
  let extra = '';
  if (service !== undefined) {
    extra = ' AND p.service = ?';
    args.push(service);
  }
  return db
    .stmt(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM ${ASSIGNMENT_FROM} WHERE a.starts_at <= ? AND a.ends_at > ?${extra} ORDER BY p.service, a.starts_at, a.staff_id, a.id`,
    )
    .all(...args) as AssignmentRow[];
}

/** How many people each (pattern, date) shift has, for dates from..to. */
export function countAssignmentsByShift(db: ReadableDB, from: string, to: string): { patternId: number; shiftDate: string; n: number }[] {
  return db
    .stmt(
      `SELECT pattern_id AS patternId, shift_date AS shiftDate, count(*) AS n FROM roster_assignments
       WHERE shift_date BETWEEN ? AND ? GROUP BY pattern_id, shift_date`,
    )
    .all(from, to) as { patternId: number; shiftDate: string; n: number }[];
}

/** Removes a person's assignments of shifts starting on or after `date`; returns how many. */
export function deleteAssignmentsFrom(db: WritableDB, staffId: number, date: string): number {
  return db.stmt(`DELETE FROM roster_assignments WHERE staff_id = ? AND shift_date >= ?`).run(staffId, date).changes;
}
