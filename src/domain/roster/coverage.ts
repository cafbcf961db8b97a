/**
 * The roster as shifts: every day each pattern in force has one shift needing
 * its number of people. Gaps, the week/month grid and the report figures are
 * all counted from this one expansion.
 */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { countAssignmentsByShift, selectAssignments, selectPatterns, type PatternRow } from '../../store/roster.js';
import type { ReadCtx } from '../context.js';
import { addDays, diffDays, monthRange, parseDateInput, parseMonthInput } from '../../lang/dates.js';
import { isBlank, optionalCode } from '../fields.js';
import { DUTY_SERVICES, WEEKDAY_ORDER, type Weekday } from '../people/codes.js';
import { resolveStaff } from '../staff.js';
import { shiftSpan, weekdayIndex, weekStart } from './clock.js';
import { inForceOn } from './patterns.js';
import { MAX_RANGE_DAYS } from './repeat.js';

export interface ShiftPerson {
  assignmentId: number;
  staffId: number;
  firstName: string;
  lastName: string;
}

export interface Shift {
  date: string;
  patternId: number;
  service: string;
  name: string;
  startsAt: string;
  endsAt: string;
  needed: number;
  people: ShiftPerson[];
}

function eachDate(from: string, to: string): string[] {
  const n = diffDays(from, to) + 1;
  return Array.from({ length: Math.max(0, n) }, (_, i) => addDays(from, i));
}

function checkRange(from: string, to: string): void {
  if (to < from) throw new ValidationError(t('--to is before --from'), 'to');
  const span = diffDays(from, to) + 1;
  if (span > MAX_RANGE_DAYS)
    throw new ValidationError(t('the range has {days} days; at most {max} at a time', { days: span, max: MAX_RANGE_DAYS }), 'to');
}

/** Every shift starting on dates from..to (patterns in force that day), with the people on it. */
export function shiftsBetween(ctx: Pick<ReadCtx, 'db'>, from: string, to: string, service?: string): Shift[] {
  const patterns = selectPatterns(ctx.db, { from, to, ...(service ? { service } : {}) });
  const people = new Map<string, ShiftPerson[]>();
  for (const a of selectAssignments(ctx.db, { from, to, ...(service ? { service } : {}) })) {
    const key = `${a.patternId}|${a.shiftDate}`;
    const list = people.get(key) ?? [];
    list.push({ assignmentId: a.id, staffId: a.staffId, firstName: a.firstName, lastName: a.lastName });
    people.set(key, list);
  }
  const shifts: Shift[] = [];
  for (const date of eachDate(from, to)) {
    for (const p of patterns) {
      if (!inForceOn(p, date)) continue;
      const span = shiftSpan(date, p.startTime, p.endTime);
      shifts.push({
        date,
        patternId: p.id,
        service: p.service,
        name: p.name,
        ...span,
        needed: p.peopleNeeded,
        people: people.get(`${p.id}|${date}`) ?? [],
      });
    }
  }
  return shifts.sort((a, b) =>
    a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.service.localeCompare(b.service) || a.patternId - b.patternId,
  );
}

export interface Gap extends Shift {
  assigned: number;
  missing: number;
}

export interface GapsInput {
  from?: string | undefined;
  to?: string | undefined;
  service?: string | undefined;
}

/** Every shift with fewer people than it needs, partly covered ones included. */
export function findGaps(ctx: Pick<ReadCtx, 'db' | 'today'>, input: GapsInput): { from: string; to: string; gaps: Gap[] } {
  const from = isBlank(input.from) ? ctx.today : parseDateInput(input.from, { today: ctx.today, field: 'from' });
  const to = isBlank(input.to) ? addDays(from, 6) : parseDateInput(input.to, { today: ctx.today, field: 'to' });
  checkRange(from, to);
  const service = optionalCode(DUTY_SERVICES, input.service, 'service') ?? undefined;
  const gaps = shiftsBetween(ctx, from, to, service)
    .filter((s) => s.people.length < s.needed)
    .map((s) => ({ ...s, assigned: s.people.length, missing: s.needed - s.people.length }));
  return { from, to, gaps };
}

export interface CoverageCounts {
  planned: number;
  /** As many people as needed, or more. */
  covered: number;
  /** Fewer people than needed: planned − covered (partly covered ones included). */
  uncovered: number;
  /** The uncovered shifts that have somebody, just not enough people. */
  partlyCovered: number;
}

/** Shift coverage by service for shifts starting on dates from..to (report figures). */
export function coverageByService(ctx: Pick<ReadCtx, 'db'>, from: string, to: string): Record<string, CoverageCounts> {
  const patterns: PatternRow[] = selectPatterns(ctx.db, { from, to });
  const counts = new Map<string, number>();
  for (const r of countAssignmentsByShift(ctx.db, from, to)) counts.set(`${r.patternId}|${r.shiftDate}`, r.n);
  const by: Record<string, CoverageCounts> = {};
  for (const date of eachDate(from, to)) {
    for (const p of patterns) {
      if (!inForceOn(p, date)) continue;
      const c = (by[p.service] ??= { planned: 0, covered: 0, uncovered: 0, partlyCovered: 0 });
      const n = counts.get(`${p.id}|${date}`) ?? 0;
      c.planned++;
      if (n >= p.peopleNeeded) c.covered++;
      else {
        c.uncovered++;
        if (n > 0) c.partlyCovered++;
      }
    }
  }
  return by;
}

export interface RosterDay {
  date: string;
  weekday: Weekday;
  shifts: Shift[];
}

export interface RosterView {
  from: string;
  to: string;
  service: string | null;
  staffId: number | null;
  days: RosterDay[];
}

export interface RosterShowInput {
  week?: string | boolean | undefined;
  month?: string | boolean | undefined;
  service?: string | undefined;
  staff?: string | undefined;
}

/**
 * The roster of a Jalali week (Saturday to Friday, holding the given date, default
 * today) or a Jalali month (default this month), for one service or one person.
 */
export function showRoster(ctx: Pick<ReadCtx, 'db' | 'today'>, input: RosterShowInput): RosterView {
  const wantsMonth = input.month !== undefined && input.month !== false;
  const wantsWeek = input.week !== undefined && input.week !== false;
  if (wantsMonth && wantsWeek) throw new ValidationError(t('give --week or --month, not both'), 'week');
  if (!isBlank(input.service) && !isBlank(input.staff)) throw new ValidationError(t('give --service or --staff, not both'), 'service');
  let from: string;
  let to: string;
  if (wantsMonth) {
    const m =
      typeof input.month === 'string' ? parseMonthInput(input.month, { today: ctx.today }) : parseMonthInput('this', { today: ctx.today });
    ({ from, to } = monthRange(m));
  } else {
    const day = typeof input.week === 'string' ? parseDateInput(input.week, { today: ctx.today, field: 'week' }) : ctx.today;
    from = weekStart(day);
    to = addDays(from, 6);
  }
  const service = optionalCode(DUTY_SERVICES, input.service, 'service') ?? undefined;
  const staff = isBlank(input.staff) ? null : resolveStaff(ctx, input.staff, 'staff');
  let shifts = shiftsBetween(ctx, from, to, service);
  if (staff !== null) {
    shifts = shifts
      .filter((s) => s.people.some((p) => p.staffId === staff.id))
      .map((s) => ({ ...s, people: s.people.filter((p) => p.staffId === staff.id) }));
  }
  const days = eachDate(from, to).map((date) => ({
    date,
    weekday: WEEKDAY_ORDER[weekdayIndex(date)] as Weekday,
    shifts: shifts.filter((s) => s.date === date),
  }));
  return { from, to, service: service ?? null, staffId: staff?.id ?? null, days };
}
