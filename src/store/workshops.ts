/** Community workshop sessions with their attendees by sex. */
import type { ReadableDB, WritableDB } from './database.js';
import { Conditions } from './conditions.js';

export interface WorkshopRow {
  id: number;
  topic: string;
  title: string | null;
  heldOn: string;
  centerId: number | null;
  place: string | null;
  facilitatorId: number | null;
  hours: number | null;
  attendeesFemale: number;
  attendeesMale: number;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export type WorkshopWrite = Omit<WorkshopRow, 'id' | 'createdAt' | 'updatedAt'>;

const WORKSHOP_COLUMNS = `id, topic, title, held_on AS heldOn, center_id AS centerId, place, facilitator_id AS facilitatorId, hours,
  attendees_female AS attendeesFemale, attendees_male AS attendeesMale, note, created_at AS createdAt, updated_at AS updatedAt`;

export function insertWorkshop(db: WritableDB, w: WorkshopWrite, at: string): number {
  return Number(
    db
      .stmt(
        `INSERT INTO workshops (topic, title, held_on, center_id, place, facilitator_id, hours, attendees_female, attendees_male, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(w.topic, w.title, w.heldOn, w.centerId, w.place, w.facilitatorId, w.hours, w.attendeesFemale, w.attendeesMale, w.note, at, at)
      .lastInsertRowid,
  );
}

export function updateWorkshopRow(db: WritableDB, id: number, w: WorkshopWrite, at: string): void {
  db.stmt(
    `UPDATE workshops SET topic = ?, title = ?, held_on = ?, center_id = ?, place = ?, facilitator_id = ?, hours = ?, attendees_female = ?,
       attendees_male = ?, note = ?, updated_at = ? WHERE id = ?`,
  ).run(w.topic, w.title, w.heldOn, w.centerId, w.place, w.facilitatorId, w.hours, w.attendeesFemale, w.attendeesMale, w.note, at, id);
}

export function selectWorkshop(db: ReadableDB, id: number): WorkshopRow | undefined {
  return db.stmt(`SELECT ${WORKSHOP_COLUMNS} FROM workshops WHERE id = ?`).get(id) as WorkshopRow | undefined;
}

export function selectWorkshops(db: ReadableDB, f: { from?: string; to?: string; topic?: string; centerId?: number }): WorkshopRow[] {
  const c = new Conditions();
  c.when('held_on >= ?', f.from);
  c.when('held_on <= ?', f.to);
  c.when('topic = ?', f.topic);
  c.when('center_id = ?', f.centerId);
  return db.stmt(`SELECT ${WORKSHOP_COLUMNS} FROM workshops ${c.where} ORDER BY held_on DESC, id DESC`).all(...c.args) as WorkshopRow[];
}

export interface WorkshopCounts {
  topic: string;
  held: number;
  female: number;
  male: number;
}

export function countWorkshops(db: ReadableDB, from: string, to: string): WorkshopCounts[] {
  return db
    .stmt(
      `SELECT topic, count(*) AS held, sum(attendees_female) AS female, sum(attendees_male) AS male
       FROM workshops WHERE held_on BETWEEN ? AND ? GROUP BY topic ORDER BY topic`,
    )
    .all(from, to) as WorkshopCounts[];
}
