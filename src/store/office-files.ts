/**
 * Other offices' files, for the provincial roll-up: the command's own database is
 * the Runtime's; these are opened here, used and closed again before the command ends.
 */
import { Db, type WritableDB } from './database.js';

/**
 * Runs fn with `open`, which opens a file read-only (never creating or migrating
 * it), and closes every file it opened however fn ends: a refusal half-way through
 * leaves nothing open.
 */
export function withReadOnlyFiles<T>(fn: (open: (file: string) => Db) => T): T {
  const opened: Db[] = [];
  try {
    return fn((file) => {
      const db = Db.open(file, { readonly: true });
      opened.push(db);
      return db;
    });
  } finally {
    for (const db of opened) db.close();
  }
}

/** Opens an existing file read-write, runs fn in one write transaction (BEGIN IMMEDIATE) and closes it. */
export function writeToFile<T>(file: string, fn: (db: WritableDB) => T): T {
  const db = Db.open(file);
  try {
    return db.write(fn);
  } finally {
    db.close();
  }
}
