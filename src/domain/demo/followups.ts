/**
 * A case's follow-ups: one while it is open (sometimes) and a plan after each close
 * (by risk). By "today" each is still ahead, done on time or late, missed,
 * cancelled, or overdue (still scheduled, its day gone).
 */
import type { DemoFollowupRow } from '../../store/demo.js';
import type { Risk } from '../codes.js';
import * as P from './proportions.js';
import type { GeneratorState } from './state.js';
import { RANK, type AddEvent } from './timeline.js';

export function makeFollowups(
  g: GeneratorState,
  caseId: number,
  risk: Risk,
  opened: number,
  closes: readonly { day: number }[],
  workerId: number | null,
  event: AddEvent,
): DemoFollowupRow[] {
  const { rng } = g;
  const out: DemoFollowupRow[] = [];
  const schedule = (createdDay: number, dueDay: number, fromPlan: boolean): void => {
    const f: DemoFollowupRow = {
      id: g.next.followup++,
      caseId,
      dueOn: g.days.isoOf(dueDay),
      workerId,
      status: 'scheduled',
      doneOn: null,
      outcome: null,
      fromPlan,
      createdAt: '',
      updatedAt: '',
    };
    finish(g, f, createdDay, dueDay, event);
    event(createdDay, 'follow-up', { created: f, workerId, reason: 'scheduled' }, fromPlan ? RANK.plan : RANK['follow-up']);
    out.push(f);
  };
  if (rng.chance(P.OPEN_CASE_FOLLOWUP * (risk === 'critical' || risk === 'high' ? 1.5 : 0.6))) {
    schedule(opened, opened + rng.int(P.OPEN_CASE_FOLLOWUP_DAYS[0], P.OPEN_CASE_FOLLOWUP_DAYS[1]), false);
  }
  const plan = P.FOLLOWUP_PLAN[risk];
  for (const c of closes) {
    if (rng.chance(plan.chance)) for (const after of plan.days) schedule(c.day, c.day + after, true);
  }
  return out;
}

function finish(g: GeneratorState, f: DemoFollowupRow, createdDay: number, dueDay: number, event: AddEvent): void {
  const { rng, days, fx } = g;
  const today = days.today;
  if (dueDay > today) return;
  let outcome = rng.weighted(P.FOLLOWUP_OUTCOME);
  if (outcome === 'overdue' && today - dueDay > P.OLD_OVERDUE_DAYS && !rng.chance(P.OLD_OVERDUE_KEPT)) outcome = 'on-time';
  let on: number;
  switch (outcome) {
    case 'on-time':
      on = Math.max(createdDay, dueDay - rng.int(0, 2));
      break;
    case 'late':
      on = dueDay + rng.int(1, 14);
      break;
    case 'missed':
      on = dueDay + rng.int(0, 7);
      break;
    case 'cancelled':
      on = Math.max(createdDay, dueDay - rng.int(0, 3));
      break;
    default:
      return;
  }
  if (on > today) return; // not finished yet: overdue on "today"
  const status = outcome === 'missed' ? 'missed' : outcome === 'cancelled' ? 'cancelled' : 'done';
  f.status = status;
  f.doneOn = status === 'cancelled' ? null : days.isoOf(on);
  f.outcome = status === 'done' ? rng.pick(fx.texts.followupDone) : status === 'missed' ? rng.pick(fx.texts.followupMissed) : null;
  event(on, 'follow-up', { finished: f, workerId: f.workerId, reason: status, text: f.outcome });
}
