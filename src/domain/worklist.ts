/**
 * A social worker's day (`parvande worklist`): the follow-ups they owe today and those
 * overdue (the one definition, overdue.ts), their open high- and critical-risk cases with
 * no service in the office's quiet days, the referrals of their cases awaiting an answer,
 * and their duty shifts today and tomorrow. Reads only; every section is complete (a
 * worklist that left items out would hide work owed to a person at risk).
 */
import { ParvandeError } from '../errors.js';
import { selectReferrals } from '../store/referrals.js';
import { selectAssignments } from '../store/roster.js';
import {
  selectCaseClients,
  selectQuietCases,
  selectWorkerFollowupsDue,
  selectWorkerOverdueFollowups,
  type QuietCaseRow,
  type WorkFollowupRow,
} from '../store/worklist.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { addDays, diffDays, type IsoDate } from '../lang/dates.js';
import { isBlank } from './fields.js';
import { overdueMoment } from './overdue.js';
import { readSetting, writeSetting } from './people/settings.js';
import { readAnswerDays } from './referrals.js';
import { resolveStaff, type Staff } from './staff.js';

/** Days an open high- or critical-risk case may go without a service before it shows in its worker's worklist. */
export const QUIET_DAYS = { key: 'cases.quiet-days', option: 'quiet-days', defaultValue: 7, min: 1, max: 365 };

export const readQuietDays = (ctx: Pick<ReadCtx, 'db'>): number => readSetting(ctx, QUIET_DAYS);
export const writeQuietDays = (ctx: WriteCtx, value: string): number => writeSetting(ctx, QUIET_DAYS, value);

/** The risks whose quiet cases are listed. */
const WATCHED_RISKS = ['critical', 'high'] as const;

/**
 * Whose worklist: `--worker` when given; else, on a terminal, the acting user when the
 * actor (--actor, PARVANDE_USER, the OS user) names exactly one staff member (an id, a
 * national code or a full name); else nobody (undefined), and the command asks or
 * refuses naming --worker. A script gets no guess: without a terminal only --worker counts.
 */
export function worklistWorkerRef(
  ctx: Pick<ReadCtx, 'db'>,
  given: { worker?: string | undefined; actor: string; terminal: boolean },
): string | undefined {
  if (!isBlank(given.worker)) return given.worker;
  if (!given.terminal) return undefined;
  try {
    return `#${resolveStaff(ctx, given.actor, 'actor').id}`;
  } catch (err) {
    // An actor who is no staff member (or shares a name with another) has no list of their own.
    if (err instanceof ParvandeError && err.exitCode !== 1) return undefined;
    throw err;
  }
}

export interface WorkFollowup extends WorkFollowupRow {
  /** Days past the due day (0 for one due today). */
  daysOverdue: number;
}

export interface QuietCase extends QuietCaseRow {
  /** Days since the last service in force, else since the opening. */
  daysWithoutService: number;
}

export interface AwaitingReferral {
  id: number;
  caseId: number;
  caseNumber: string;
  clientId: number | null;
  clientName: string | null;
  agencyKind: string;
  agency: string;
  sentOn: string;
  daysWaiting: number;
  /** Waiting longer than the office's answer days (`referral settings`). */
  pastAnswerDays: boolean;
}

export interface DutyShift {
  assignmentId: number;
  date: string;
  service: string;
  patternId: number;
  patternName: string;
  startsAt: string;
  endsAt: string;
}

export interface Worklist {
  date: IsoDate;
  worker: { id: number; firstName: string; lastName: string; active: boolean };
  /** The office setting the quiet cases were found with (`case settings --quiet-days`). */
  quietDays: number;
  /** The office setting a referral's wait is measured against (`referral settings --answer-days`). */
  answerDays: number;
  overdueFollowups: WorkFollowup[];
  followupsDueToday: WorkFollowup[];
  quietCases: QuietCase[];
  awaitingReferrals: AwaitingReferral[];
  /** Shifts starting today or tomorrow, in time order. */
  shifts: DutyShift[];
}

export function buildWorklist(ctx: Pick<ReadCtx, 'db' | 'today'>, worker: Staff): Worklist {
  const today = ctx.today;
  const quietDays = readQuietDays(ctx);
  const answerDays = readAnswerDays(ctx);
  const late = (f: WorkFollowupRow): WorkFollowup => ({ ...f, daysOverdue: Math.max(0, diffDays(f.dueOn, today)) });
  const referrals = selectReferrals(ctx.db, { workerId: worker.id, pending: true, limit: 1_000_000 });
  const clients = selectCaseClients(
    ctx.db,
    referrals.map((r) => r.caseId),
  );
  return {
    date: today,
    worker: { id: worker.id, firstName: worker.firstName, lastName: worker.lastName, active: worker.active },
    quietDays,
    answerDays,
    overdueFollowups: selectWorkerOverdueFollowups(ctx.db, worker.id, overdueMoment(today, today)).map(late),
    followupsDueToday: selectWorkerFollowupsDue(ctx.db, worker.id, today).map(late),
    quietCases: selectQuietCases(ctx.db, worker.id, WATCHED_RISKS, addDays(today, -quietDays)).map((c) => ({
      ...c,
      daysWithoutService: diffDays(c.lastServiceOn ?? c.openedOn, today),
    })),
    awaitingReferrals: referrals.map((r) => {
      const daysWaiting = diffDays(r.sentOn, today);
      const client = clients.get(r.caseId);
      return {
        id: r.id,
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        clientId: client?.clientId ?? null,
        clientName: client?.clientName ?? null,
        agencyKind: r.agencyKind,
        agency: r.agency,
        sentOn: r.sentOn,
        daysWaiting,
        pastAnswerDays: daysWaiting > answerDays,
      };
    }),
    shifts: selectAssignments(ctx.db, { from: today, to: addDays(today, 1), staffId: worker.id }).map((a) => ({
      assignmentId: a.id,
      date: a.shiftDate,
      service: a.service,
      patternId: a.patternId,
      patternName: a.patternName,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
    })),
  };
}
