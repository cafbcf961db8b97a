import type { ReadableDB, WritableDB } from './database.js';

/** The office's key/value settings (rest period, certificate validity, ...). */
export function selectSetting(db: ReadableDB, key: string): string | undefined {
  const r = db.stmt(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return r?.value;
}

export function upsertSetting(db: WritableDB, key: string, value: string, at: string): void {
  db.stmt(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, at);
}

/** Stores a setting only when it has no value yet (first use); returns the value stored now. */
export function insertSettingUnlessSet(db: WritableDB, key: string, value: string, at: string): string {
  db.stmt(`INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING`).run(key, value, at);
  return selectSetting(db, key) as string;
}
