import type { Db } from '../store/database.js';
import type { IsoDate } from './dates.js';

/** What every domain operation needs: the database, who acts, through which command, and when. */
export interface Ctx {
  db: Db;
  /** --actor, else PARVANDE_USER, else the OS user: recorded in the audit trail. */
  actor: string;
  /** The command line's verb, e.g. "case close": recorded in the audit trail. */
  command: string;
  /** The office's calendar date, the base of "today", "+7d" and overdue checks. */
  today: IsoDate;
  /** UTC timestamp for created/updated columns and the audit trail. */
  now: () => string;
}
