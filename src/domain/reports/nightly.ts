/**
 * What the nightly run adds to the report: the follow-ups that are overdue and
 * the open cases with nobody assigned, by id and case number only (the list
 * goes to a log and a file beside the reports: never a name).
 */
import type { ReadCtx } from '../context.js';
import { buildReport, monthlyPlan, type MonthlyReport } from './build.js';
import { overdueMoment } from '../overdue.js';
import type { IsoDate, JalaliMonth } from '../../lang/dates.js';
import { selectOverdueFollowups, selectUnassignedOpenCases, type OverdueFollowupRow, type UnassignedCaseRow } from '../../store/reports.js';
import { overdueReferrals } from '../referral-settings.js';
import { selectAuditHead } from '../../store/audit.js';

/** A referral awaiting its answer too long, as the nightly lists show it: never its reason, nor the agency's name. */
export interface OverdueReferralItem {
  id: number;
  caseNumber: string;
  sentOn: string;
  agencyKind: string;
  workerId: number | null;
  /** `first last` of the case's worker: staff, never the client. */
  workerName: string | null;
}

export interface Attention {
  /** The follow-ups overdue now (domain/overdue.ts overdueMoment). */
  overdueFollowups: { total: number; items: OverdueFollowupRow[] };
  unassignedCases: { total: number; items: UnassignedCaseRow[] };
  /** Referrals with no answer after the office's answer days (`referral settings`). */
  overdueReferrals: { total: number; answerDays: number; items: OverdueReferralItem[] };
}

export function collectAttention(ctx: Pick<ReadCtx, 'db' | 'today'>, limit: number): Attention {
  const overdue = selectOverdueFollowups(ctx.db, overdueMoment(ctx.today, ctx.today), limit);
  const unassigned = selectUnassignedOpenCases(ctx.db, limit);
  const referrals = overdueReferrals(ctx, limit);
  return {
    overdueFollowups: { total: overdue.total, items: overdue.rows },
    unassignedCases: { total: unassigned.total, items: unassigned.rows },
    overdueReferrals: {
      total: referrals.total,
      answerDays: referrals.answerDays,
      items: referrals.items.map((r) => ({
        id: r.id,
        caseNumber: r.caseNumber,
        sentOn: r.sentOn,
        agencyKind: r.agencyKind,
        workerId: r.workerId,
        workerName: r.workerName,
      })),
    },
  };
}

export interface NightlyFigures {
  /** One monthly report per month of the run (monthsForNightly). */
  reports: MonthlyReport[];
  attention: Attention;
  /** The audit trail's entries and its chain's head at the run: a copy kept in the job's log proves what the trail held. */
  auditTrail: { entries: number; head: string | null };
}

/** Every figure and list of the nightly run, from one snapshot however long the clerks keep writing. */
export function readNightly(ctx: Pick<ReadCtx, 'db' | 'today'>, months: readonly JalaliMonth[], limit: number): NightlyFigures {
  return {
    reports: months.map((m) => buildReport(ctx, monthlyPlan(m, ctx.today))),
    attention: collectAttention(ctx, limit),
    auditTrail: selectAuditHead(ctx.db),
  };
}

/** `parvande-KRJ01-1405-09-2026-11-25.html`: office, report month, day of the run. */
export function nightlyFileName(officeCode: string, month: string, today: IsoDate, ext: string): string {
  return `parvande-${officeCode}-${month}-${today}.${ext}`;
}
