/**
 * `client merge`: two records of one person become one. The cases (with their services,
 * follow-ups and timelines) and the training enrolments of the record merged away move to
 * the record kept; the one merged away stays as a pointer, so no id ever given out leads
 * nowhere, and stops counting as a client. Nothing of the kept record is overwritten: its
 * empty fields are filled from the other, and fields on which the two differ are named
 * (never valued) for a person to check.
 */
import { ConflictError } from '../errors.js';
import {
  markClientMerged,
  moveCasesToClient,
  moveEnrolmentsToClient,
  selectCaseIdsOfClient,
  selectClient,
  selectMergedInto,
  updateClientRow,
} from '../store/clients.js';
import { recordAudit } from './audit.js';
import { addEvent } from './case-events.js';
import { clientNameKey, type Client } from './clients.js';
import type { WriteCtx } from './context.js';
import { t } from '../messages/catalogue.js';

/** The fields a merge compares, as the audit trail and the result name them. */
const FILLABLE = [
  ['nationalCode', 'national-code'],
  ['birthDate', 'birth-date'],
  ['sex', 'sex'],
  ['mobile', 'mobile'],
  ['address', 'address'],
  ['county', 'county'],
  ['notes', 'notes'],
] as const;
const COMPARED = [
  ['firstName', 'first-name'],
  ['lastName', 'last-name'],
  ...FILLABLE,
  ['informalSettlement', 'informal-settlement'],
  ['womanHead', 'woman-head'],
] as const;

export interface ClientMergeResult {
  /** The record kept, after the merge. */
  client: Client;
  /** The record merged away: its id, now a pointer to the one kept. */
  merged: { id: number; mergedInto: number };
  /** Case numbers moved to the kept record. */
  movedCases: string[];
  /** Training enrolments moved; those in a course the kept record is enrolled in already stay on the merged record. */
  movedEnrolments: number;
  enrolmentsLeft: number;
  /** Fields of the kept record that were empty and took the other record's value. */
  filled: string[];
  /** Fields on which the two records differ (or OTHER's birth date falls after KEEP's registration): the kept record's value stayed. */
  differed: string[];
}

/** The rules of `client merge`: `other` is merged into `keep` (both resolved with merged clients allowed). */
export function recordClientMerge(ctx: WriteCtx, keep: Client, other: Client): ClientMergeResult {
  if (keep.id === other.id) throw new ConflictError(t('a client cannot be merged into itself (#{id})', { id: keep.id }), 'other');
  const otherInto = selectMergedInto(ctx.db, other.id);
  if (otherInto !== null)
    throw new ConflictError(t('client #{id} was already merged into client #{into}', { id: other.id, into: otherInto }), 'other');
  const keepInto = selectMergedInto(ctx.db, keep.id);
  if (keepInto !== null) {
    throw new ConflictError(
      t('client #{id} was merged into client #{into}: merge into #{into} instead', { id: keep.id, into: keepInto }),
      'keep',
    );
  }

  const next: Client = { ...keep };
  const filled: string[] = [];
  const differed: string[] = [];
  for (const [key, name] of COMPARED) {
    const mine = keep[key];
    const theirs = other[key];
    if (theirs === null || theirs === mine) continue;
    const fillable = FILLABLE.some(([k]) => k === key);
    // A birth date after the kept registration would break the record's own rule: left for a person to check.
    const fits = key !== 'birthDate' || (theirs as string) <= keep.registeredOn;
    if (fillable && mine === null && fits) {
      (next as unknown as Record<string, unknown>)[key] = theirs;
      filled.push(name);
    } else differed.push(name);
  }

  const at = ctx.now();
  const movesCode = filled.includes('national-code');
  markClientMerged(ctx.db, other.id, keep.id, movesCode, at);
  if (filled.length > 0) updateClientRow(ctx.db, keep.id, { ...next, nameKey: clientNameKey(next.firstName, next.lastName) }, at);

  const cases = selectCaseIdsOfClient(ctx.db, other.id);
  moveCasesToClient(ctx.db, other.id, keep.id, at);
  for (const c of cases) addEvent(ctx, c.id, 'client-merged', ctx.today, { reason: `client merged: #${other.id} → #${keep.id}` });
  const enrolments = moveEnrolmentsToClient(ctx.db, other.id, keep.id, at);

  recordAudit(ctx, 'merge', 'client', keep.id, filled);
  recordAudit(ctx, 'merged-into', 'client', other.id, movesCode ? ['merged-into', 'national-code'] : ['merged-into']);
  return {
    client: selectClient(ctx.db, keep.id) as Client,
    merged: { id: other.id, mergedInto: keep.id },
    movedCases: cases.map((c) => c.caseNumber),
    movedEnrolments: enrolments.moved,
    enrolmentsLeft: enrolments.left,
    filled,
    differed,
  };
}
