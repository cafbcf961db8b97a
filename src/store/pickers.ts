/**
 * The queries behind the search prompts (a client, a worker or a center chosen by typing part
 * of a name). Each reads at most `limit` rows: the prompt runs one on every key pressed, on an
 * office that may hold a million clients, and never holds a table in memory.
 */
import type { ReadableDB } from './database.js';

/** What a clerk's screen may show to tell namesakes apart: never the whole national code, mobile or address. */
export interface ClientPick {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** The last four digits of the national code only; the full code never leaves this query. */
  nationalCodeEnd: string | null;
}

export interface StaffPick {
  id: number;
  firstName: string;
  lastName: string;
  role: string;
  active: boolean;
}

export interface CenterPick {
  id: number;
  name: string;
  kind: string;
}

/** Each key must occur in the row's key: "محمدی زهرا" finds زهرا محمدی. */
function keyConditions(column: string, keys: readonly string[]): string {
  return keys.map(() => `instr(${column}, ?) > 0`).join(' AND ') || '1';
}

export function selectClientPicks(db: ReadableDB, q: { keys: readonly string[]; digits: string | null; limit: number }): ClientPick[] {
  const cols = `id, first_name AS firstName, last_name AS lastName, birth_date AS birthDate,
    CASE WHEN national_code IS NULL THEN NULL ELSE substr(national_code, 7, 4) END AS nationalCodeEnd`;
  if (q.digits !== null) {
    // Digits are an id, or (three or more) the start of a national code.
    const byCode = q.digits.length >= 3 ? ` OR substr(national_code, 1, ${q.digits.length}) = ?` : '';
    const args: unknown[] = [Number(q.digits), ...(byCode === '' ? [] : [q.digits])];
    return db
      .stmt(`SELECT ${cols} FROM clients WHERE merged_into IS NULL AND (id = ?${byCode}) ORDER BY id LIMIT ?`)
      .all(...args, q.limit) as ClientPick[];
  }
  if (q.keys.length === 0) return [];
  return db
    .stmt(`SELECT ${cols} FROM clients WHERE merged_into IS NULL AND ${keyConditions('name_key', q.keys)} ORDER BY id DESC LIMIT ?`)
    .all(...q.keys, q.limit) as ClientPick[];
}

export function selectStaffPicks(db: ReadableDB, q: { keys: readonly string[]; id: number | null; limit: number }): StaffPick[] {
  const cond = q.id !== null ? 'id = ?' : keyConditions('name_key', q.keys);
  const args = q.id !== null ? [q.id] : q.keys;
  const rows = db
    .stmt(`SELECT id, first_name AS firstName, last_name AS lastName, role, active FROM staff WHERE ${cond}
      ORDER BY active DESC, last_name, first_name, id LIMIT ?`)
    .all(...args, q.limit) as (Omit<StaffPick, 'active'> & { active: number })[];
  return rows.map((r) => ({ ...r, active: r.active === 1 }));
}

export function selectCenterPicks(db: ReadableDB, q: { keys: readonly string[]; id: number | null; limit: number }): CenterPick[] {
  const cond = q.id !== null ? 'id = ?' : keyConditions('name_key', q.keys);
  const args = q.id !== null ? [q.id] : q.keys;
  return db.stmt(`SELECT id, name, kind FROM centers WHERE ${cond} ORDER BY name, id LIMIT ?`).all(...args, q.limit) as CenterPick[];
}
