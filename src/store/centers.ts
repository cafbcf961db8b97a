import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface CenterRow {
  id: number;
  name: string;
  kind: string;
  sector: string;
  capacity: number | null;
  county: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CenterWrite {
  name: string;
  nameKey: string;
  kind: string;
  sector: string;
  capacity: number | null;
  county: string | null;
}

const COLUMNS = `id, name, kind, sector, capacity, county, created_at AS createdAt, updated_at AS updatedAt`;

export function insertCenter(db: WritableDB, c: CenterWrite, at: string): number {
  return Number(
    db
      .stmt(`INSERT INTO centers (name, name_key, kind, sector, capacity, county, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(c.name, c.nameKey, c.kind, c.sector, c.capacity, c.county, at, at).lastInsertRowid,
  );
}

export function selectCenter(db: ReadableDB, id: number): CenterRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM centers WHERE id = ?`).get(id) as CenterRow | undefined;
}

export function selectCenterByNameKey(db: ReadableDB, nameKey: string): CenterRow | undefined {
  return db.stmt(`SELECT ${COLUMNS} FROM centers WHERE name_key = ?`).get(nameKey) as CenterRow | undefined;
}

export function selectCenters(db: ReadableDB, f: { kind?: string; sector?: string }): CenterRow[] {
  const c = new Conditions();
  c.when('kind = ?', f.kind);
  c.when('sector = ?', f.sector);
  return db.stmt(`SELECT ${COLUMNS} FROM centers ${c.where} ORDER BY id`).all(...c.args) as CenterRow[];
}

export interface CenterLoad {
  openCases: number;
  staff: number;
}

export function selectCenterLoad(db: ReadableDB, id: number): CenterLoad {
  return db
    .stmt(
      `SELECT (SELECT count(*) FROM cases WHERE center_id = @id AND status = 'open') AS openCases,
              (SELECT count(*) FROM staff WHERE center_id = @id AND active = 1) AS staff`,
    )
    .get({ id }) as CenterLoad;
}
