import type { Database } from 'better-sqlite3';
import { up as core } from './001-core.js';
import { up as people } from './002-people.js';
import { up as importing } from './003-import.js';
import { up as reports } from './004-reports.js';
import { up as auditGuard } from './005-audit-guard.js';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append-only: never edit a released migration; add the next number. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'core', up: core },
  { version: 2, name: 'staff register, roster and training', up: people },
  { version: 3, name: 'import batches', up: importing },
  { version: 4, name: 'report indexes', up: reports },
  { version: 5, name: 'audit trail refuses replaced entries', up: auditGuard },
];

export const LATEST_VERSION = MIGRATIONS.length;
