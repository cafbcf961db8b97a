// The import's floor in Node.js: the same CSV's rows, already clean (split on commas: the bench's
// file has no quotes), inserted into a fresh parvande file's clients table through one prepared
// INSERT of better-sqlite3 (the driver parvande uses), in transactions of 20,000 rows, with the
// per-row report count held back as an import batch holds it. Nothing read, validated, normalised,
// compared or recorded: what better-sqlite3 itself costs per row. No importer in Node.js that
// writes row by row through better-sqlite3 can beat it.
//
//   node insert-floor.mjs DB CSV
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './proc.mjs';

const Database = createRequire(join(ROOT, 'package.json'))('better-sqlite3');
const [dbPath, csvPath] = process.argv.slice(2);
const db = new Database(dbPath);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
// The import's own settings (tuneForImport in src/store/import.ts).
db.pragma('cache_size = -20000');
db.pragma('temp_store = MEMORY');
const insert = db.prepare(`INSERT INTO clients (first_name, last_name, name_key, national_code, birth_date, sex, mobile, address, county,
    informal_settlement, woman_head, notes, registered_on, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, 0, 0, NULL, ?, ?, ?) ON CONFLICT (national_code) DO NOTHING`);
const at = new Date().toISOString();
const today = at.slice(0, 10);
const lines = readFileSync(csvPath, 'utf8').split('\n');
let inBatch = 0;
db.exec('BEGIN IMMEDIATE');
db.exec(`INSERT INTO report_counts_held (source) VALUES ('clients')`);
for (let i = 1; i < lines.length; i++) {
  const line = lines[i];
  if (line === '') continue;
  const [first, last, code, birth, sex, mobile, county] = line.split(',');
  insert.run(first, last, `${first} ${last}`, code || null, birth || null, sex || null, mobile || null, county || null, today, at, at);
  if (++inBatch === 20_000) {
    db.exec('COMMIT');
    db.exec('BEGIN IMMEDIATE');
    inBatch = 0;
  }
}
db.exec(`DELETE FROM report_counts_held WHERE source = 'clients'`);
db.exec('COMMIT');
db.close();
