/**
 * A check of the per-day service counts (report_service_days, migration 004)
 * that triggers keep: a recount from the services themselves. It reads every
 * service, so it belongs to checks and tests, never to a report.
 */
import type { Db } from './database.js';

export interface AggregateMismatch { day: string; dimension: string; code: string; stored: number; actual: number }

/**
 * Compares the per-day service counts the triggers keep with a recount from the
 * services themselves (a full scan: for checks and tests, never for a report).
 */
export function checkServiceAggregates(db: Db): AggregateMismatch[] {
  const actual = db
    .stmt(
      `SELECT s.service_date AS day, 'type' AS dimension, s.type AS code, count(*) AS n FROM services AS s GROUP BY 1, 3
       UNION ALL SELECT s.service_date, 'channel', s.channel, count(*) FROM services AS s GROUP BY 1, 3
       UNION ALL SELECT s.service_date, 'category', coalesce(c.primary_category, 'none'), count(*)
         FROM services AS s LEFT JOIN cases AS c ON c.id = s.case_id GROUP BY 1, 3
       UNION ALL SELECT s.service_date, 'any-category', cc.category, count(*)
         FROM services AS s JOIN case_categories AS cc ON cc.case_id = s.case_id GROUP BY 1, 3`,
    )
    .all() as { day: string; dimension: string; code: string; n: number }[];
  const stored = db.stmt(`SELECT day, dimension, code, n FROM report_service_days`).all() as typeof actual;
  const key = (r: { day: string; dimension: string; code: string }): string => `${r.day}|${r.dimension}|${r.code}`;
  const have = new Map(stored.map((r) => [key(r), r.n]));
  const mismatches: AggregateMismatch[] = [];
  for (const r of actual) {
    const s = have.get(key(r)) ?? 0;
    if (s !== r.n) mismatches.push({ day: r.day, dimension: r.dimension, code: r.code, stored: s, actual: r.n });
    have.delete(key(r));
  }
  for (const [k, n] of have) {
    if (n === 0) continue;
    const [day = '', dimension = '', code = ''] = k.split('|');
    mismatches.push({ day, dimension, code, stored: n, actual: 0 });
  }
  return mismatches;
}
