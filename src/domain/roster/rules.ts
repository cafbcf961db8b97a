/**
 * The roster's rules, checked for every placement of a person on a shift
 * (assign, swap, import): the shift exists that day, the person works here that
 * day, they are on no overlapping shift, and they rest for the rest period
 * (a setting, default 8 hours) after a night shift before the next one starts.
 * Each refusal says why; all are conflicts with stored data (exit 4).
 */
import { ConflictError } from '../../errors.js';
import { selectStaffAssignmentsIn, type AssignmentRow, type PatternRow } from '../../store/roster.js';
import type { ReadCtx } from '../context.js';
import { REST_HOURS, readSetting } from '../people/settings.js';
import type { Staff } from '../staff.js';
import { addMinutes, instantMinutes, isNightShift, shiftSpan, type LocalInstant } from './clock.js';
import { inForceOn } from './patterns.js';

export interface Placement {
  staff: Staff;
  pattern: PatternRow;
  date: string;
}

export interface CheckOptions {
  /** Assignments to disregard (the two rows of a swap). */
  exclude?: ReadonlySet<number>;
  /** Rest period in minutes; read from the settings when absent. */
  restMinutes?: number;
}

export const showInstant = (at: LocalInstant): string => at.replace('T', ' ');

const describe = (a: AssignmentRow): string =>
  `${a.service} "${a.patternName}" (assignment #${a.id}, ${showInstant(a.startsAt)}–${showInstant(a.endsAt)})`;

export function restMinutesOf(ctx: Pick<ReadCtx, 'db'>): number {
  return readSetting(ctx, REST_HOURS) * 60;
}

/** Throws a ConflictError naming the first rule the placement breaks; returns the shift's span. */
export function checkPlacement(
  ctx: Pick<ReadCtx, 'db'>,
  p: Placement,
  opts: CheckOptions = {},
): { startsAt: LocalInstant; endsAt: LocalInstant } {
  const { staff, pattern, date } = p;
  const who = `staff member #${staff.id}`;
  if (!inForceOn(pattern, date)) {
    const when = date < pattern.validFrom ? `starts on ${pattern.validFrom}` : `was retired on ${pattern.retiredOn}`;
    throw new ConflictError(`shift pattern #${pattern.id} has no shift on that date: it ${when}`, 'date');
  }
  if (staff.leftOn !== null && date >= staff.leftOn)
    throw new ConflictError(`${who} left on ${staff.leftOn}: no shifts from that day`, 'staff');
  if (staff.leftOn === null && !staff.active) throw new ConflictError(`${who} is no longer active`, 'staff');
  if (staff.startDate !== null && date < staff.startDate) throw new ConflictError(`${who} starts work on ${staff.startDate}`, 'staff');

  const span = shiftSpan(date, pattern.startTime, pattern.endTime);
  const rest = opts.restMinutes ?? restMinutesOf(ctx);
  const exclude = opts.exclude ?? new Set<number>();
  // Anything that can clash lies within one rest period of the shift (a night
  // shift ending just before it may have started up to a day earlier).
  const around = selectStaffAssignmentsIn(ctx.db, staff.id, addMinutes(span.startsAt, -rest), addMinutes(span.endsAt, rest + 1)).filter(
    (a) => !exclude.has(a.id),
  );
  for (const a of around) {
    if (a.startsAt < span.endsAt && span.startsAt < a.endsAt) {
      throw new ConflictError(
        a.patternId === pattern.id && a.shiftDate === date
          ? `${who} is already on this shift (assignment #${a.id})`
          : `${who} is already on ${describe(a)}, which overlaps ${showInstant(span.startsAt)}–${showInstant(span.endsAt)}`,
        'staff',
      );
    }
  }
  if (rest === 0) return span;
  const hours = `${rest / 60} h`;
  const thisIsNight = isNightShift(span.startsAt, span.endsAt);
  for (const a of around) {
    if (a.endsAt <= span.startsAt && isNightShift(a.startsAt, a.endsAt)) {
      const gap = instantMinutes(span.startsAt) - instantMinutes(a.endsAt);
      if (gap < rest) {
        throw new ConflictError(
          `${who} needs ${hours} of rest after the night shift ${describe(a)}: the next shift may start at ${showInstant(addMinutes(a.endsAt, rest))} or later`,
          'staff',
        );
      }
    }
    if (thisIsNight && a.startsAt >= span.endsAt) {
      const gap = instantMinutes(a.startsAt) - instantMinutes(span.endsAt);
      if (gap < rest) {
        throw new ConflictError(
          `this night shift ends at ${showInstant(span.endsAt)} and ${who} is on ${describe(a)} less than ${hours} later (the rest period)`,
          'staff',
        );
      }
    }
  }
  return span;
}
