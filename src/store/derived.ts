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
import { createHash } from 'node:crypto';
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
    const h = createHash('sha256');
    for (const o of objects) h.update(`${o.type}\0${o.name}\0${o.sql}\0`);
    h.update(set.fingerprint());
    b = { hash: h.digest('hex'), objects };
    built.set(set.name, b);
  }
  return b;
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
