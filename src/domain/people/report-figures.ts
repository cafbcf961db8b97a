/**
 * The people side of the monthly report: staff on the roll, shift coverage,
 * training and community workshops over a date range (a Jalali month, or the
 * year to date). Every code of each list appears, with 0 when nothing happened,
 * so report tables keep their rows.
 */
import { countStaffOnRoll } from '../../store/staff.js';
import { countTraining } from '../../store/training.js';
import { countWorkshops } from '../../store/workshops.js';
import { codesOf, ROLES, SECTORS } from '../codes.js';
import type { ReadCtx } from '../context.js';
import { coverageByService, type CoverageCounts } from '../roster/coverage.js';
import { AUDIENCES, DUTY_SERVICES, WORKSHOP_TOPICS } from './codes.js';

export interface TrainingFigures {
  /** Enrolments that got a place in the range (later drop-outs included; the waiting list is not). */
  enrolments: number;
  /** Courses completed in the range. */
  completions: number;
  /** Course hours of those completions (person-hours of training). */
  hours: number;
}

export interface PeopleFigures {
  range: { from: string; to: string };
  staff: {
    /** On the roll at the end of the range (started by then, not left by then); current role and sector. */
    onRoll: number;
    byRole: Record<string, number>;
    bySector: Record<string, number>;
  };
  /** Shifts starting in the range, of the patterns in force each day. */
  shifts: CoverageCounts & { byService: Record<string, CoverageCounts> };
  training: TrainingFigures & { byAudience: Record<string, TrainingFigures> };
  workshops: {
    held: number;
    attendees: { female: number; male: number; total: number };
    byTopic: Record<string, { held: number; female: number; male: number }>;
  };
}

// Hours may have fractions (1.5 h): keep sums free of binary noise such as 4.499999.
const roundHours = (h: number): number => Math.round(h * 100) / 100;

const zeros = <T>(codes: string[], make: () => T): Record<string, T> => Object.fromEntries(codes.map((c) => [c, make()]));

export function peopleFigures(ctx: Pick<ReadCtx, 'db'>, range: { from: string; to: string }): PeopleFigures {
  const { from, to } = range;

  const byRole = zeros(codesOf(ROLES), () => 0);
  const bySector = zeros(codesOf(SECTORS), () => 0);
  let onRoll = 0;
  for (const r of countStaffOnRoll(ctx.db, to)) {
    byRole[r.role] = (byRole[r.role] ?? 0) + r.n;
    bySector[r.sector] = (bySector[r.sector] ?? 0) + r.n;
    onRoll += r.n;
  }

  const none = (): CoverageCounts => ({ planned: 0, covered: 0, uncovered: 0, partlyCovered: 0 });
  const byService = { ...zeros(codesOf(DUTY_SERVICES), none), ...coverageByService(ctx, from, to) };
  const shifts = none();
  for (const c of Object.values(byService)) {
    shifts.planned += c.planned;
    shifts.covered += c.covered;
    shifts.uncovered += c.uncovered;
    shifts.partlyCovered += c.partlyCovered;
  }

  const noTraining = (): TrainingFigures => ({ enrolments: 0, completions: 0, hours: 0 });
  const byAudience = zeros(codesOf(AUDIENCES), noTraining);
  const training = noTraining();
  for (const t of countTraining(ctx.db, from, to)) {
    byAudience[t.audience] = { enrolments: t.enrolments, completions: t.completions, hours: roundHours(t.hours) };
    training.enrolments += t.enrolments;
    training.completions += t.completions;
    training.hours = roundHours(training.hours + t.hours);
  }

  const byTopic = zeros(codesOf(WORKSHOP_TOPICS), () => ({ held: 0, female: 0, male: 0 }));
  const workshops = { held: 0, attendees: { female: 0, male: 0, total: 0 }, byTopic };
  for (const w of countWorkshops(ctx.db, from, to)) {
    byTopic[w.topic] = { held: w.held, female: w.female, male: w.male };
    workshops.held += w.held;
    workshops.attendees.female += w.female;
    workshops.attendees.male += w.male;
  }
  workshops.attendees.total = workshops.attendees.female + workshops.attendees.male;

  return {
    range: { from, to },
    staff: { onRoll, byRole, bySector },
    shifts: { ...shifts, byService },
    training: { ...training, byAudience },
    workshops,
  };
}
