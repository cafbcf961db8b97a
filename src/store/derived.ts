/**
 * Derived schema: triggers and views (and the data they keep) that follow from code,
 * not from history. Migrations keep tables and data and are never edited; a derived
 * set is declared in code, and after the migrations, in the same IMMEDIATE transaction,
 * a set whose SQL no longer matches the hash stored in derived_schema (migration 8) is
 * dropped and created again and its data refilled (the report counts rebuilt from a
 * recount). So a trigger is changed by changing the code that generates it, and the
 * next open that may write puts it in place. A read-only open that finds a set out of
 * date writes nothing: Db.pendingMigrations counts it, and the caller reopens to write
 * (Runtime.openForReading in src/runtime.ts) exactly as for a pending migration.
 */
import type { DerivedSet } from './derived-set.js';
import { REPORT_COUNTS } from './report-counts/set.js';
import type { Sqlite } from './sqlite.js';

export type { DerivedSet } from './derived-set.js';

const SETS: readonly DerivedSet[] = [REPORT_COUNTS];

interface Built {
  hash: string;
  objects: ReturnType<DerivedSet['objects']>;
}

const built = new Map<string, Built>();

/** The set's SQL and its hash, worked out once per process. */
function build(set: DerivedSet): Built {
  let b = built.get(set.name);
  if (b === undefined) {
    const objects = set.objects();
    b = { hash: changeHash([...objects.flatMap((o) => [o.type, o.name, o.sql]), set.fingerprint()]), objects };
    built.set(set.name, b);
  }
  return b;
}

/**
 * A 128-bit hash of the texts (four 32-bit FNV-1a lanes with different offsets), to notice that
 * a set's SQL changed. Not a security check (anyone who can write the file can write the hash
 * too): it only has to differ when the code's SQL differs. Hand-written instead of node:crypto's
 * sha256, whose loading alone cost every command that opens a database about a millisecond.
 */
function changeHash(texts: readonly string[]): string {
  const lanes = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  for (const text of texts) {
    for (let i = 0; i <= text.length; i++) {
      // A 0 after each text: ["ab", "c"] and ["a", "bc"] hash apart.
      const c = i < text.length ? text.charCodeAt(i) : 0;
      for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l] as number) ^ (c + l), 0x01000193);
    }
  }
  return lanes.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

interface Stored {
  hash: string;
  objects: string;
}

const stored = (s: Sqlite, name: string): Stored | undefined =>
  s.prepare(`SELECT hash, objects FROM derived_schema WHERE name = ?`).get(name) as Stored | undefined;

function isCurrent(s: Sqlite, set: DerivedSet): boolean {
  const row = stored(s, set.name);
  if (row === undefined || row.hash !== build(set).hash || !set.intact(s)) return false;
  // Every object still there (a bulk load killed half-way may have dropped some).
  const names = (JSON.parse(row.objects) as [string, string][]).map(([, name]) => name);
  const present = s
    .prepare(`SELECT count(*) FROM sqlite_master WHERE name IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(names));
  return present === names.length;
}

/** Whether some derived set must be re-created (call at the latest schema version only). */
export function derivedSchemaStale(s: Sqlite): boolean {
  return SETS.some((set) => !isCurrent(s, set));
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Re-creates every out-of-date set; inside the migrations' write transaction. Returns the names of the sets re-created. */
export function applyDerivedSchema(s: Sqlite): string[] {
  const done: string[] = [];
  for (const set of SETS) {
    if (isCurrent(s, set)) continue;
    const row = stored(s, set.name);
    const old =
      row === undefined ? set.supersedes : (JSON.parse(row.objects) as [string, string][]).map(([type, name]) => ({ type, name }));
    for (const o of old) s.exec(`DROP ${o.type === 'view' ? 'VIEW' : 'TRIGGER'} IF EXISTS ${quote(o.name)}`);
    const { hash, objects } = build(set);
    for (const o of objects) {
      s.exec(`DROP ${o.type === 'view' ? 'VIEW' : 'TRIGGER'} IF EXISTS ${quote(o.name)}`);
      s.exec(o.sql);
    }
    set.refill(s);
    s.prepare(
      `INSERT INTO derived_schema (name, hash, objects) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, objects = excluded.objects`,
    ).run(set.name, hash, JSON.stringify(objects.map((o) => [o.type, o.name])));
    done.push(set.name);
  }
  return done;
}
