/** What a derived set declares (src/store/derived.ts applies it); a type of its own so that a set's module need not import the code that applies it. */
import type { Sqlite } from './sqlite.js';

export interface DerivedSet {
  /** The key of the set in derived_schema. */
  name: string;
  /** CREATE TRIGGER / CREATE VIEW statements, in creation order. */
  objects: () => readonly { type: 'trigger' | 'view'; name: string; sql: string }[];
  /** Objects a migration created before the set existed: dropped by name the first time. */
  supersedes: readonly { type: 'trigger' | 'view'; name: string }[];
  /** Anything else the set's data follows from (part of the hash). */
  fingerprint: () => string;
  /** Writes the set's data afresh, after its objects are created, inside the same transaction. */
  refill: (s: Sqlite) => void;
  /** False when the stored state shows the set's data cannot be trusted (re-created as if changed). */
  intact: (s: Sqlite) => boolean;
}
