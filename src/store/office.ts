import type { ReadableDB, WritableDB } from './database.js';

export interface OfficeRow {
  code: string;
  name: string;
  county: string | null;
  province: string | null;
  createdAt: string;
}

export function selectOffice(db: ReadableDB): OfficeRow | undefined {
  return db.stmt(`SELECT code, name, county, province, created_at AS createdAt FROM office WHERE id = 1`).get() as OfficeRow | undefined;
}

export function upsertOffice(db: WritableDB, o: OfficeRow): void {
  db.stmt(
    `INSERT INTO office (id, code, name, county, province, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, county = excluded.county, province = excluded.province`,
  ).run(o.code, o.name, o.county, o.province, o.createdAt);
}
