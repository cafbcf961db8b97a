import type { ReadableDB, WritableDB } from '../store/database.js';
import type { IsoDate } from '../lang/dates.js';

/**
 * What a domain operation that only reads needs: the connection inside a read
 * transaction (`Runtime.read`), who acts, through which command, and when.
 */
export interface ReadCtx {
  db: ReadableDB;
  /** --actor, else PARVANDE_USER, else the OS user: recorded in the audit trail. */
  actor: string;
  /** The command line's verb, e.g. "case close": recorded in the audit trail. */
  command: string;
  /** The office's calendar date, the base of "today", "+7d" and overdue checks. */
  today: IsoDate;
  /** UTC timestamp for created/updated columns and the audit trail. */
  now: () => string;
}

/** What a domain operation that writes needs: the same, with the connection inside a write transaction (`Runtime.write`). */
export interface WriteCtx extends ReadCtx {
  db: WritableDB;
}
