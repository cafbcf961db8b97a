import type { Db } from './database.js';

/** The office's key/value settings (rest period, certificate validity, ...). */
export function selectSetting(db: Db, key: string): string | undefined {
  const r = db.stmt(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined;
  return r?.value;
}

export function upsertSetting(db: Db, key: string, value: string, at: string): void {
  db.stmt(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(key, value, at);
}
