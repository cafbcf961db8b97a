import type { ReadableDB, WritableDB } from './database.js';
import { Conditions, flag } from './conditions.js';

export interface ClientRow {
  id: number;
  firstName: string;
  lastName: string;
  nationalCode: string | null;
  birthDate: string | null;
  sex: string | null;
  mobile: string | null;
  address: string | null;
  county: string | null;
  informalSettlement: boolean;
  womanHead: boolean;
  notes: string | null;
  registeredOn: string;
  createdAt: string;
  updatedAt: string;
}

export type ClientWrite = Omit<ClientRow, 'id' | 'createdAt' | 'updatedAt'> & { nameKey: string };

const COLUMNS = `id, first_name AS firstName, last_name AS lastName, national_code AS nationalCode,
  birth_date AS birthDate, sex, mobile, address, county, informal_settlement AS informalSettlement,
  woman_head AS womanHead, notes, registered_on AS registeredOn, created_at AS createdAt, updated_at AS updatedAt`;

interface RawClientRow extends Omit<ClientRow, 'informalSettlement' | 'womanHead'> {
  informalSettlement: number;
  womanHead: number;
}

function toRow(r: RawClientRow | undefined): ClientRow | undefined {
  if (r === undefined) return undefined;
  return { ...r, informalSettlement: r.informalSettlement === 1, womanHead: r.womanHead === 1 };
}

/** The INSERT of one client, shared by `client add` and the import (which adds an ON CONFLICT clause). */
export const INSERT_CLIENT = `INSERT INTO clients (first_name, last_name, name_key, national_code, birth_date, sex, mobile, address, county,
        informal_settlement, woman_head, notes, registered_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * A merged client's record arriving from a file (an export carries the pointer): inserted
 * with merged_into already set, so it is never counted as a client. Setting it by an UPDATE
 * inside an import batch would take away a count the batch has not added yet (the batch
 * counts its new clients at its end).
 */
const INSERT_MERGED_CLIENT = INSERT_CLIENT.replace('updated_at)', 'updated_at, merged_into)').replace(/\?\)$/, '?, ?)');

export function insertMergedClient(db: WritableDB, c: ClientWrite, mergedInto: number, at: string): number {
  const info = db.stmt(INSERT_MERGED_CLIENT).run(...clientInsertValues(c, at), mergedInto);
  return Number(info.lastInsertRowid);
}

/** A client's stored values, in the column order INSERT_CLIENT and the update share (first name … registered on). */
function clientValues(c: ClientWrite): unknown[] {
  return [
    c.firstName,
    c.lastName,
    c.nameKey,
    c.nationalCode,
    c.birthDate,
    c.sex,
    c.mobile,
    c.address,
    c.county,
    c.informalSettlement ? 1 : 0,
    c.womanHead ? 1 : 0,
    c.notes,
    c.registeredOn,
  ];
}

/** The values of INSERT_CLIENT, in its column order. */
export function clientInsertValues(c: ClientWrite, at: string): unknown[] {
  return [...clientValues(c), at, at];
}

export function insertClient(db: WritableDB, c: ClientWrite, at: string): number {
  const info = db.stmt(INSERT_CLIENT).run(...clientInsertValues(c, at));
  return Number(info.lastInsertRowid);
}

export function updateClientRow(db: WritableDB, id: number, c: ClientWrite, at: string): void {
  db.stmt(
    `UPDATE clients SET first_name = ?, last_name = ?, name_key = ?, national_code = ?, birth_date = ?, sex = ?,
      mobile = ?, address = ?, county = ?, informal_settlement = ?, woman_head = ?, notes = ?, registered_on = ?,
      updated_at = ? WHERE id = ?`,
  ).run(...clientValues(c), at, id);
}

export function selectClient(db: ReadableDB, id: number): ClientRow | undefined {
  return toRow(db.stmt(`SELECT ${COLUMNS} FROM clients WHERE id = ?`).get(id) as RawClientRow | undefined);
}

export function selectClientByNationalCode(db: ReadableDB, code: string): ClientRow | undefined {
  return toRow(db.stmt(`SELECT ${COLUMNS} FROM clients WHERE national_code = ?`).get(code) as RawClientRow | undefined);
}

export function selectClientsByNameKey(db: ReadableDB, nameKey: string, limit = 20): ClientRow[] {
  return (
    db
      .stmt(`SELECT ${COLUMNS} FROM clients WHERE name_key = ? AND merged_into IS NULL ORDER BY id LIMIT ?`)
      .all(nameKey, limit) as RawClientRow[]
  ).map((r) => toRow(r) as ClientRow);
}

export interface ClientQuery {
  /** Free-text search: any of these may match (name key substring, national-code prefix, mobile substring). */
  search?: { nameKey: string; digits: string | null };
  county?: string;
  informalSettlement?: boolean;
  womanHead?: boolean;
  registeredFrom?: string;
  registeredTo?: string;
  limit: number;
}

export function selectClients(db: ReadableDB, q: ClientQuery): ClientRow[] {
  const c = new Conditions();
  if (q.search !== undefined) {
    const any: string[] = [];
    const args: unknown[] = [];
    if (q.search.nameKey !== '') {
      any.push(`instr(name_key, ?) > 0`);
      args.push(q.search.nameKey);
    }
    if (q.search.digits !== null && q.search.digits.length >= 3) {
      any.push(`substr(national_code, 1, ?) = ?`, `instr(mobile, ?) > 0`);
      args.push(q.search.digits.length, q.search.digits, q.search.digits.replace(/^0/, ''));
    }
    c.add(any.length > 0 ? `(${any.join(' OR ')})` : '0', ...args);
  }
  c.when(`county = ?`, q.county);
  c.when(`informal_settlement = ?`, flag(q.informalSettlement));
  c.when(`woman_head = ?`, flag(q.womanHead));
  c.when(`registered_on >= ?`, q.registeredFrom);
  c.when(`registered_on <= ?`, q.registeredTo);
  // A client merged into another is reached through the one kept (client show still finds it).
  c.add(`merged_into IS NULL`);
  const sql = `SELECT ${COLUMNS} FROM clients ${c.where} ORDER BY id DESC LIMIT ?`;
  return (db.stmt(sql).all(...c.args, q.limit) as RawClientRow[]).map((r) => toRow(r) as ClientRow);
}

export function countCasesOfClient(db: ReadableDB, clientId: number): number {
  return (db.stmt(`SELECT count(*) AS n FROM cases WHERE client_id = ?`).get(clientId) as { n: number }).n;
}

// ---- Merges (client merge) ----

/** The client a merged record points at, or null for a record in use. */
export function selectMergedInto(db: ReadableDB, id: number): number | null {
  const r = db.stmt(`SELECT merged_into AS m FROM clients WHERE id = ?`).get(id) as { m: number | null } | undefined;
  return r?.m ?? null;
}

/** Marks `otherId` merged into `keepId`; its national code is cleared first when the kept record takes it (the code is unique). */
export function markClientMerged(db: WritableDB, otherId: number, keepId: number, clearNationalCode: boolean, at: string): void {
  db.stmt(
    `UPDATE clients SET merged_into = ?, national_code = CASE WHEN ? THEN NULL ELSE national_code END, updated_at = ? WHERE id = ?`,
  ).run(keepId, clearNationalCode ? 1 : 0, at, otherId);
}

export function selectCaseIdsOfClient(db: ReadableDB, clientId: number): { id: number; caseNumber: string }[] {
  return db.stmt(`SELECT id, case_number AS caseNumber FROM cases WHERE client_id = ? ORDER BY id`).all(clientId) as {
    id: number;
    caseNumber: string;
  }[];
}

export function moveCasesToClient(db: WritableDB, fromId: number, toId: number, at: string): void {
  db.stmt(`UPDATE cases SET client_id = ?, updated_at = ? WHERE client_id = ?`).run(toId, at, fromId);
}

/** Moves the enrolments of `fromId` to `toId`, except in a course `toId` is enrolled in already (one enrolment per course). */
export function moveEnrolmentsToClient(db: WritableDB, fromId: number, toId: number, at: string): { moved: number; left: number } {
  const moved = db
    .stmt(
      `UPDATE enrolments SET client_id = ?, updated_at = ? WHERE client_id = ?
        AND course_id NOT IN (SELECT course_id FROM enrolments WHERE client_id = ?)`,
    )
    .run(toId, at, fromId, toId).changes;
  const left = (db.stmt(`SELECT count(*) AS n FROM enrolments WHERE client_id = ?`).get(fromId) as { n: number }).n;
  return { moved, left };
}
