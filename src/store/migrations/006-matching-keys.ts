import type { Database } from 'better-sqlite3';
import { matchingKey } from '../../lang/persian.js';

/**
 * Schema 6: the matching rule now folds ة into ه and reads Arabic presentation forms
 * (ﻓﺎﻃﻤﻪ) as letters, so every stored key is recomputed; a key left as schema 5 made it
 * would never equal what a lookup computes, and the record would silently stop matching.
 *
 * Keys are derived data, so this runs the key function itself rather than a copy frozen
 * here: a database migrating from any older schema ends with today's keys. A later change
 * of matchingKey needs a migration that runs `recomputeKeys` again.
 *
 * Where two rows of a UNIQUE key (two centers; two shift patterns of one service) now have
 * one key, neither keeps it: each gets `<key>#<id>`, which no lookup computes. Taking one of
 * them by name would be a guess; both stay found by id, and the refusal says to give one.
 * Records are not changed (updated_at stays): only the derived column is.
 */
interface KeyedTable {
  table: string;
  key: string;
  /** SQL giving the text the domain computes the key from. */
  text: string;
  /** The column the UNIQUE constraint pairs with the key, or '' for the whole table; null when not unique. */
  unique: string | null;
}

const TABLES: readonly KeyedTable[] = [
  { table: 'clients', key: 'name_key', text: `first_name || ' ' || last_name`, unique: null },
  { table: 'staff', key: 'name_key', text: `first_name || ' ' || last_name`, unique: null },
  { table: 'centers', key: 'name_key', text: 'name', unique: '' },
  { table: 'shift_patterns', key: 'name_key', text: 'name', unique: 'service' },
  { table: 'courses', key: 'title_key', text: 'title', unique: null },
];

interface Row {
  id: number;
  text: string;
  stored: string;
  scope: string;
}

export function recomputeKeys(db: Database, key: (text: string) => string): void {
  for (const t of TABLES) {
    const scope = t.unique === null || t.unique === '' ? `''` : t.unique;
    const rows = db
      .prepare(`SELECT id, ${t.text} AS text, ${t.key} AS stored, ${scope} AS scope FROM ${t.table}`)
      .iterate() as IterableIterator<Row>;
    const next = new Map<number, string>();
    const holders = new Map<string, number[]>();
    for (const r of rows) {
      const k = key(r.text);
      if (k !== r.stored) next.set(r.id, k);
      if (t.unique !== null) {
        const slot = `${r.scope}\u0000${k}`;
        const ids = holders.get(slot);
        if (ids === undefined) holders.set(slot, [r.id]);
        else ids.push(r.id);
      }
    }
    for (const [slot, ids] of holders) {
      if (ids.length < 2) continue;
      const k = slot.slice(slot.indexOf('\u0000') + 1);
      for (const id of ids) next.set(id, `${k}#${id}`);
    }
    if (next.size === 0) continue;
    const set = db.prepare(`UPDATE ${t.table} SET ${t.key} = ? WHERE id = ?`);
    // In two steps where keys are unique, so no row takes a key another still holds.
    if (t.unique !== null) for (const id of next.keys()) set.run(`\u0000${id}`, id);
    for (const [id, k] of next) set.run(k, id);
  }
}

export function up(db: Database): void {
  recomputeKeys(db, matchingKey);
}
