/**
 * The roster's rules, checked for every placement of a person on a shift
 * (assign, swap, import): the shift exists that day, the person works here that
 * day, they are on no overlapping shift, and they rest for the rest period
 * (a setting, default 8 hours) after a night shift before the next one starts.
 * Each refusal says why; all are conflicts with stored data (exit 4).
 */
import { ConflictError } from '../../errors.js';
import { t, type Text } from '../../messages/catalogue.js';
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

const describe = (a: AssignmentRow): Text =>
  t('{service} "{name}" (assignment #{id}, {start}–{end})', {
    service: a.service,
    name: a.patternName,
    id: a.id,
    start: showInstant(a.startsAt),
    end: showInstant(a.endsAt),
  });

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
  const who = t('staff member #{id}', { id: staff.id });
  if (!inForceOn(pattern, date)) {
    throw new ConflictError(
      date < pattern.validFrom
        ? t('shift pattern #{id} has no shift on that date: it starts on {date}', { id: pattern.id, date: pattern.validFrom })
        : t('shift pattern #{id} has no shift on that date: it was retired on {date}', { id: pattern.id, date: String(pattern.retiredOn) }),
      'date',
    );
  }
  if (staff.leftOn !== null && date >= staff.leftOn)
    throw new ConflictError(t('{who} left on {date}: no shifts from that day', { who, date: staff.leftOn }), 'staff');
  if (staff.leftOn === null && !staff.active) throw new ConflictError(t('{who} is no longer active', { who }), 'staff');
  if (staff.startDate !== null && date < staff.startDate)
    throw new ConflictError(t('{who} starts work on {date}', { who, date: staff.startDate }), 'staff');

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
          ? t('{who} is already on this shift (assignment #{id})', { who, id: a.id })
          : t('{who} is already on {shift}, which overlaps {start}–{end}', {
              who,
              shift: describe(a),
              start: showInstant(span.startsAt),
              end: showInstant(span.endsAt),
            }),
        'staff',
      );
    }
  }
  if (rest === 0) return span;
  const hours = rest / 60;
  const thisIsNight = isNightShift(span.startsAt, span.endsAt);
  for (const a of around) {
    if (a.endsAt <= span.startsAt && isNightShift(a.startsAt, a.endsAt)) {
      const gap = instantMinutes(span.startsAt) - instantMinutes(a.endsAt);
      if (gap < rest) {
        throw new ConflictError(
          t('{who} needs {hours} h of rest after the night shift {shift}: the next shift may start at {at} or later', {
            who,
            hours,
            shift: describe(a),
            at: showInstant(addMinutes(a.endsAt, rest)),
          }),
          'staff',
        );
      }
    }
    if (thisIsNight && a.startsAt >= span.endsAt) {
      const gap = instantMinutes(a.startsAt) - instantMinutes(span.endsAt);
      if (gap < rest) {
        throw new ConflictError(
          t('this night shift ends at {at} and {who} is on {shift} less than {hours} h later (the rest period)', {
            at: showInstant(span.endsAt),
            who,
            shift: describe(a),
            hours,
          }),
          'staff',
        );
      }
    }
  }
  return span;
}
