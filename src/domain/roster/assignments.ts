/** Putting people on shifts, taking them off, and swapping two assignments. */
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { render, t, type Text } from '../../messages/catalogue.js';
import {
  deleteAssignment,
  insertAssignment,
  selectAssignment,
  selectAssignments,
  updateAssignmentStaff,
  type AssignmentRow,
} from '../../store/roster.js';
import { selectStaff } from '../../store/staff.js';
import { recordAudit } from '../audit.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { parseDateInput } from '../../lang/dates.js';
import { noRecordWithId, isBlank, parseId, splitList } from '../fields.js';
import { resolveStaff, type Staff } from '../staff.js';
import { resolvePattern } from './patterns.js';
import { expandRepeat } from './repeat.js';
import { checkPlacement, restMinutesOf } from './rules.js';

export type Assignment = AssignmentRow;

export interface AssignInput {
  staff?: string | undefined;
  pattern?: string | undefined;
  service?: string | undefined;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  repeat?: string | undefined;
  /** Assign the dates that pass the rules and report the others, instead of refusing them all. */
  skipConflicts?: boolean | undefined;
}

export interface SkippedDate {
  date: string;
  /** Why, in English: the value --json gives. */
  reason: string;
  /** Why, as a message to show in the reader's language (not enumerable: --json has `reason`). */
  readonly why: Text;
}

function skippedDate(date: string, why: Text): SkippedDate {
  const skipped = { date, reason: render(why, 'en') };
  Object.defineProperty(skipped, 'why', { value: why, enumerable: false });
  return skipped as SkippedDate;
}

export interface AssignResult {
  assigned: Assignment[];
  skipped: SkippedDate[];
}

/** The dates of an assign or unassign: one --date, or --from/--to with a --repeat (default daily). */
export function datesOf(
  ctx: Pick<ReadCtx, 'today'>,
  input: { date?: string | undefined; from?: string | undefined; to?: string | undefined; repeat?: string | undefined },
): string[] {
  const parse = (v: string, field: string): string => parseDateInput(v, { today: ctx.today, field, kind: 'record' });
  if (!isBlank(input.date)) {
    if (!isBlank(input.from) || !isBlank(input.to)) throw new ValidationError(t('give either --date or --from/--to, not both'), 'date');
    if (!isBlank(input.repeat)) throw new ValidationError(t('--repeat needs --from and --to'), 'repeat');
    return [parse(input.date, 'date')];
  }
  if (isBlank(input.from) || isBlank(input.to))
    throw new ValidationError(t('give --date, or --from and --to (with --repeat)'), isBlank(input.from) ? 'from' : 'to');
  return expandRepeat(parse(input.from, 'from'), parse(input.to, 'to'), isBlank(input.repeat) ? 'daily' : input.repeat);
}

/**
 * Puts one person on a shift pattern's shift on each date. Every date passes the
 * rules against what is stored, including the dates assigned just before it in
 * the same command; by default one refusal refuses the whole command.
 */
export function assignShifts(ctx: WriteCtx, input: AssignInput): AssignResult {
  if (isBlank(input.staff)) throw new ValidationError(t('--staff is required'), 'staff');
  if (isBlank(input.pattern)) throw new ValidationError(t('--pattern is required'), 'pattern');
  const staff = resolveStaff(ctx, input.staff, 'staff');
  const pattern = resolvePattern(ctx, input.pattern, input.service);
  const dates = datesOf(ctx, input);
  if (dates.length === 0) throw new ValidationError(t('the repeat picks no date in that range'), 'repeat');
  const restMinutes = restMinutesOf(ctx);
  const assigned: Assignment[] = [];
  const skipped: SkippedDate[] = [];
  for (const date of dates) {
    let span;
    try {
      span = checkPlacement(ctx, { staff, pattern, date }, { restMinutes });
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      if (input.skipConflicts === true) {
        skipped.push(skippedDate(date, err.text));
        continue;
      }
      throw dates.length > 1
        ? new ConflictError(
            t('{date}: {reason}; nothing was assigned (add --skip-conflicts to assign the other dates)', { date, reason: err.text }),
            err.field,
          )
        : err;
    }
    const id = insertAssignment(ctx.db, { patternId: pattern.id, shiftDate: date, staffId: staff.id, ...span }, ctx.now());
    recordAudit(ctx, 'create', 'roster-assignment', id);
    assigned.push(selectAssignment(ctx.db, id) as Assignment);
  }
  return { assigned, skipped };
}

export interface UnassignInput {
  ids?: string[] | undefined;
  staff?: string | undefined;
  pattern?: string | undefined;
  service?: string | undefined;
  date?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Takes people off shifts: by assignment ids, or a person's shifts on a date or range (optionally of one pattern). */
export function unassignShifts(ctx: WriteCtx, input: UnassignInput): Assignment[] {
  const ids = (input.ids ?? []).flatMap((v) => splitList(v));
  let rows: Assignment[];
  if (ids.length > 0) {
    if (!isBlank(input.staff) || !isBlank(input.date) || !isBlank(input.from)) {
      throw new ValidationError(t('give assignment ids, or --staff with --date or --from/--to, not both'), 'staff');
    }
    rows = ids.map((v) => {
      const id = parseId(v, 'assignment');
      const a = selectAssignment(ctx.db, id);
      if (a === undefined) throw noRecordWithId('roster assignment', 'assignment');
      return a;
    });
  } else {
    if (isBlank(input.staff)) throw new ValidationError(t('give assignment ids, or --staff with --date or --from/--to'), 'staff');
    const staff = resolveStaff(ctx, input.staff, 'staff');
    const pattern = isBlank(input.pattern) ? undefined : resolvePattern(ctx, input.pattern, input.service);
    const dates = datesOf(ctx, input);
    const from = dates[0] as string;
    const to = dates[dates.length - 1] as string;
    rows = selectAssignments(ctx.db, { from, to, staffId: staff.id, ...(pattern ? { patternId: pattern.id } : {}) });
    if (rows.length === 0) throw new NotFoundError(t('staff member #{id} has no shift there', { id: staff.id }), 'staff');
  }
  const seen = new Set<number>();
  for (const a of rows) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    deleteAssignment(ctx.db, a.id);
    recordAudit(ctx, 'delete', 'roster-assignment', a.id);
  }
  return rows.filter((a, i) => rows.findIndex((b) => b.id === a.id) === i);
}

function loadAssignment(ctx: Pick<ReadCtx, 'db'>, ref: string, field: string): Assignment {
  const id = parseId(ref, field);
  const a = selectAssignment(ctx.db, id);
  if (a === undefined) throw noRecordWithId('roster assignment', field);
  return a;
}

/**
 * Two assignments exchange their people. Both new placements are checked by the
 * same rules, disregarding the two rows being swapped, and both change or neither.
 */
export function swapAssignments(ctx: WriteCtx, refA: string, refB: string): [Assignment, Assignment] {
  const a = loadAssignment(ctx, refA, 'a');
  const b = loadAssignment(ctx, refB, 'b');
  if (a.id === b.id) throw new ValidationError(t('give two different assignments'), 'b');
  if (a.staffId === b.staffId)
    throw new ValidationError(t("both assignments are staff member #{id}'s: nothing to swap", { id: a.staffId }), 'b');
  if (a.patternId === b.patternId && a.shiftDate === b.shiftDate) {
    throw new ValidationError(t('both assignments are on the same shift: swapping them changes nothing'), 'b');
  }
  const staffA = selectStaff(ctx.db, a.staffId) as Staff;
  const staffB = selectStaff(ctx.db, b.staffId) as Staff;
  const exclude = new Set([a.id, b.id]);
  const restMinutes = restMinutesOf(ctx);
  const patternOf = (x: Assignment) => resolvePattern(ctx, String(x.patternId));
  try {
    checkPlacement(ctx, { staff: staffB, pattern: patternOf(a), date: a.shiftDate }, { exclude, restMinutes });
  } catch (err) {
    if (err instanceof ConflictError)
      throw new ConflictError(
        t('cannot give assignment #{id} to staff member #{staff}: {reason}', { id: a.id, staff: b.staffId, reason: err.text }),
        'a',
      );
    throw err;
  }
  try {
    checkPlacement(ctx, { staff: staffA, pattern: patternOf(b), date: b.shiftDate }, { exclude, restMinutes });
  } catch (err) {
    if (err instanceof ConflictError)
      throw new ConflictError(
        t('cannot give assignment #{id} to staff member #{staff}: {reason}', { id: b.id, staff: a.staffId, reason: err.text }),
        'b',
      );
    throw err;
  }
  // The two new placements are different people, so they cannot clash with each other.
  const at = ctx.now();
  updateAssignmentStaff(ctx.db, a.id, b.staffId, at);
  updateAssignmentStaff(ctx.db, b.id, a.staffId, at);
  recordAudit(ctx, 'swap', 'roster-assignment', a.id, ['staff']);
  recordAudit(ctx, 'swap', 'roster-assignment', b.id, ['staff']);
  return [selectAssignment(ctx.db, a.id) as Assignment, selectAssignment(ctx.db, b.id) as Assignment];
}
