/**
 * Putting a backup in place of the live database without losing a write that others
 * commit meanwhile. One connection to the live file takes the write lock (BEGIN
 * IMMEDIATE) and holds it from the moment the replaced contents are copied aside until
 * the backup's contents are committed in their place: a writer either committed before
 * (its row is in the kept copy) or waits for the lock and commits into the restored
 * database (or gives up after its busy timeout, told so).
 *
 * SQLite's backup API cannot write into a database through a connection that holds its
 * lock, and VACUUM cannot run inside a transaction, so the contents move as SQL: the
 * backup is attached, the live schema dropped and the backup's schema and rows copied in,
 * all in the one transaction. Triggers (the report counts among them) are created after
 * the rows, so the rows and counts arrive exactly as the backup holds them.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { copyDatabase } from './backup.js';
import { connect, isEncryptedFile, requireKey } from './cipher.js';
import { translateSqliteError, type Db, type Sqlite } from './database.js';

/** The name the file whose contents are copied is attached under. */
export const SOURCE = 'restore_source';

export interface ReplaceOptions {
  /** Where to keep a verified copy of the contents being replaced; null when there are none to keep. */
  keepAs: string | null;
  /** Runs inside the transaction after the copy (migrations, the audit entry). */
  inside: () => void;
}

/** Replaces the contents of `live` with those of the (verified) backup `source`; returns where the replaced contents were kept. */
export function replaceDatabase(live: Db, source: string, options: ReplaceOptions): string | null {
  const s = live.sqlite;
  // The backup's rows were consistent; checking each key while tables are half-copied would fail.
  s.pragma('foreign_keys = OFF');
  try {
    // ATTACH and DETACH are refused inside a transaction. An encrypted backup opens with the
    // office key (bound, never written into the SQL); KEY '' reads a plain one.
    const file = resolve(source);
    s.prepare(`ATTACH DATABASE ? AS ${SOURCE} KEY ?`).run(file, isEncryptedFile(file) ? requireKey(file) : '');
  } catch (err) {
    s.pragma('foreign_keys = ON');
    throw translateSqliteError(err, resolve(source));
  }
  let kept: string | null = null;
  let committing = false;
  try {
    s.exec('BEGIN IMMEDIATE');
    try {
      if (options.keepAs !== null) kept = keepCopy(live.path, options.keepAs);
      copyContents(s);
      options.inside();
      committing = true;
      s.exec('COMMIT');
    } catch (err) {
      if (s.inTransaction) s.exec('ROLLBACK');
      // The live file is as it was: a second copy of it would only be one more copy of the data lying about.
      // A failed COMMIT is not known to have changed nothing: then the kept copy stays.
      if (!committing && kept !== null) rmSync(kept, { force: true });
      throw err;
    }
  } catch (err) {
    throw translateSqliteError(err, live.path);
  } finally {
    try {
      s.exec(`DETACH DATABASE ${SOURCE}`);
    } catch {
      // Closing the connection detaches it too.
    }
    s.pragma('foreign_keys = ON');
  }
  return kept;
}

/**
 * The kept copy is made by a second connection while the first holds the write lock: in
 * WAL a reader is not blocked by it, and with nobody else able to commit it reads exactly
 * the contents about to be replaced.
 */
function keepCopy(livePath: string, target: string): string {
  // Keyed as the live file is: the kept copy of an encrypted office is encrypted too.
  const reader = connect(livePath, { readonly: true }).sqlite;
  try {
    return copyDatabase(reader, livePath, target, 'file').path;
  } finally {
    reader.close();
  }
}

interface SchemaRow {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  sql: string;
}

const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const USER_OBJECTS = `name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql IS NOT NULL`;

/** Replaces main's schema and rows with those of the attached `SOURCE` (restore, and the copy db encrypt makes). */
export function copyContents(s: Sqlite): void {
  const live = s.prepare(`SELECT type, name, sql FROM main.sqlite_schema WHERE ${USER_OBJECTS}`).all() as SchemaRow[];
  for (const type of ['trigger', 'view', 'table'] as const) {
    for (const o of live) if (o.type === type) s.exec(`DROP ${type.toUpperCase()} IF EXISTS main.${q(o.name)}`);
  }
  for (const stat of ['sqlite_stat1', 'sqlite_stat4']) if (hasTable(s, 'main', stat)) s.exec(`DELETE FROM main.${stat}`);

  const backup = s.prepare(`SELECT type, name, sql FROM ${SOURCE}.sqlite_schema WHERE ${USER_OBJECTS} ORDER BY rowid`).all() as SchemaRow[];
  const tables = backup.filter((o) => o.type === 'table');
  // Unqualified CREATE statements create in main.
  for (const t of tables) s.exec(t.sql);
  for (const t of tables) copyRows(s, t.name);
  if (hasTable(s, 'main', 'sqlite_sequence')) s.exec('DELETE FROM main.sqlite_sequence');
  if (hasTable(s, SOURCE, 'sqlite_sequence'))
    s.exec(`INSERT INTO main.sqlite_sequence (name, seq) SELECT name, seq FROM ${SOURCE}.sqlite_sequence`);
  for (const o of backup) if (o.type !== 'table') s.exec(o.sql);
  for (const pragma of ['user_version', 'application_id']) {
    const value = Number(s.pragma(`${SOURCE}.${pragma}`, { simple: true }));
    s.pragma(`main.${pragma} = ${Math.trunc(value)}`);
  }
}

function hasTable(s: Sqlite, schema: string, name: string): boolean {
  return s.prepare(`SELECT count(*) FROM ${schema}.sqlite_schema WHERE type = 'table' AND name = ?`).pluck().get(name) === 1;
}

/** Every stored column (generated ones are computed again), and the rowid where no column is it. */
function copyRows(s: Sqlite, table: string): void {
  const columns = s.prepare(`SELECT name, type, pk, hidden FROM pragma_table_xinfo(?, '${SOURCE}')`).all(table) as {
    name: string;
    type: string;
    pk: number;
    hidden: number;
  }[];
  const stored = columns.filter((c) => c.hidden === 0).map((c) => q(c.name));
  const withoutRowid = s.prepare(`SELECT wr FROM pragma_table_list WHERE schema = '${SOURCE}' AND name = ?`).pluck().get(table) === 1;
  const keys = columns.filter((c) => c.pk > 0);
  const rowidIsColumn = keys.length === 1 && keys[0]?.type.toUpperCase() === 'INTEGER';
  const names = withoutRowid || rowidIsColumn || columns.some((c) => c.name.toLowerCase() === 'rowid') ? stored : ['rowid', ...stored];
  const list = names.join(', ');
  s.exec(`INSERT INTO main.${q(table)} (${list}) SELECT ${list} FROM ${SOURCE}.${q(table)}`);
}
