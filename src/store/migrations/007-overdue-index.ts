import type { Database } from 'better-sqlite3';

/**
 * Schema 7: "overdue at a moment" (store/followups.ts overdueCondition) is still scheduled
 * and due before the moment, or done or missed after it. The second half is found by the
 * day a follow-up was settled: without this index a list of what is overdue tonight would
 * read every follow-up ever done. Self-contained: never import today's types here.
 */
export function up(db: Database): void {
  db.exec(`CREATE INDEX followups_settled ON followups(status, done_on, due_on);`);
}
