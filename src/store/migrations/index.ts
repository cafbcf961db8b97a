import type { Database } from 'better-sqlite3';
import { up as core } from './001-core.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append-only: never edit a released migration; add the next number. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'core', up: core }];

export const LATEST_VERSION = MIGRATIONS.length;
