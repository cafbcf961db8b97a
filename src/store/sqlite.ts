/**
 * The raw better-sqlite3 connection, as a type. Modules below the Db class (the derived
 * schema and the SQL it generates) take this rather than importing database.ts, so that
 * database.ts, which runs them after the migrations, is not imported back.
 */
import type Database from 'better-sqlite3';

export type Sqlite = Database.Database;
