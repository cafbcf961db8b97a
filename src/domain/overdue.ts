import type { OverdueMoment } from '../store/followups.js';
import { addDays, type IsoDate } from '../lang/dates.js';

/**
 * What "overdue" means, for every list, caseload, report and nightly file: a follow-up is
 * overdue at a moment when its due day had ended by then and it was not done, missed or
 * cancelled by then. Dates have no time of day, so the moment is one of two kinds:
 * - now (asOf today or later: the running day, month or period): due before today and
 *   still scheduled. One done or missed today, even late, is no longer overdue tonight;
 *   one due today is not overdue yet.
 * - the end of a past day asOf (a month that has ended): due on or before asOf and still
 *   scheduled at its end: scheduled now, or done or missed after asOf. One done after the
 *   month ended was overdue at the month's end. A cancellation has no date: a cancelled
 *   follow-up counts as never overdue.
 * The SQL of the condition is store/followups.ts overdueCondition.
 */
export function overdueMoment(asOf: IsoDate, today: IsoDate): OverdueMoment {
  if (asOf < today) return { dueBefore: addDays(asOf, 1), settledThrough: asOf };
  return { dueBefore: today, settledThrough: today };
}
