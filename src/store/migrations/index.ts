import type { Database } from 'better-sqlite3';
import { up as core } from './001-core.js';
import { up as people } from './002-people.js';
import { up as importing } from './003-import.js';
import { up as reports } from './004-reports.js';
import { up as auditGuard } from './005-audit-guard.js';
import { up as matchingKeys } from './006-matching-keys.js';
import { up as overdueIndex } from './007-overdue-index.js';
import { up as derivedSchema } from './008-derived-schema.js';
import { up as serviceVoids } from './009-service-voids.js';
import { up as clientMerges } from './010-client-merges.js';
import { up as referrals } from './011-referrals.js';
import { up as replacedTexts } from './012-replaced-texts.js';
import { up as auditChain } from './013-audit-chain.js';

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
  { version: 6, name: 'matching keys fold ة and presentation forms', up: matchingKeys },
  { version: 7, name: 'overdue follow-ups by the day they were settled', up: overdueIndex },
  { version: 8, name: 'derived schema: its record, the Jalali months, held counts', up: derivedSchema },
  { version: 9, name: 'voided services: who, when and why', up: serviceVoids },
  { version: 10, name: 'merged clients point at the record kept', up: clientMerges },
  { version: 11, name: 'referrals to other agencies and their history', up: referrals },
  { version: 12, name: 'corrections keep the texts they replace', up: replacedTexts },
  { version: 13, name: 'the audit trail is a hash chain, with the operating-system user', up: auditChain },
];

export const LATEST_VERSION = MIGRATIONS.length;
