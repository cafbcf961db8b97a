/**
 * A course's waiting list: people asked for a place when none was free and wait
 * in order. Whenever places free up (someone drops, the capacity grows) the
 * first in line move up, and the rest of the list closes ranks.
 */
import { countPlacesTaken, renumberWaitingList, selectCourse, selectWaitingList, updateEnrolmentRow } from '../../store/training.js';
import { recordAudit } from '../audit.js';
import type { WriteCtx } from '../context.js';

/** Moves people up while places are free; returns the enrolment ids that got a place, in order. */
export function promoteWaiting(ctx: WriteCtx, courseId: number, on: string): number[] {
  const course = selectCourse(ctx.db, courseId);
  if (course === undefined) return [];
  const free = course.capacity === null ? Number.POSITIVE_INFINITY : course.capacity - countPlacesTaken(ctx.db, courseId);
  const promoted: number[] = [];
  for (const w of selectWaitingList(ctx.db, courseId)) {
    if (promoted.length >= free) break;
    updateEnrolmentRow(ctx.db, w.id, { status: 'enrolled', waitingPosition: null, enrolledOn: on }, ctx.now());
    recordAudit(ctx, 'promote', 'enrolment', w.id, ['status']);
    promoted.push(w.id);
  }
  if (promoted.length > 0) renumberWaitingList(ctx.db, courseId, ctx.now());
  return promoted;
}
