/**
 * The raw connection, as a type: better-sqlite3's API, which the driver every file is opened
 * with (better-sqlite3-multiple-ciphers, src/store/cipher.ts) shares, so @types/better-sqlite3
 * describes it. Modules below the Db class (the derived schema and the SQL it generates) take
 * this rather than importing database.ts, so that database.ts, which runs them after the
 * migrations, is not imported back.
 */
import type Database from 'better-sqlite3';

export type Sqlite = Database.Database;
