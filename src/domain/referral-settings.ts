/**
 * The office's answer days for referrals, and the list the nightly run reads with them:
 * apart from src/domain/referrals.ts so that a report loads no case-lifecycle module.
 */
import { selectOverdueReferrals, type ReferralRow } from '../store/referrals.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { addDays } from '../lang/dates.js';
import { readSetting, writeSetting } from './people/settings.js';

/** Days an agency has to answer before the referral shows in the nightly "needs attention" list. */
export const ANSWER_DAYS = { key: 'referrals.answer-days', option: 'answer-days', defaultValue: 14, min: 1, max: 365 };

export const readAnswerDays = (ctx: Pick<ReadCtx, 'db'>): number => readSetting(ctx, ANSWER_DAYS);
export const writeAnswerDays = (ctx: WriteCtx, value: string): number => writeSetting(ctx, ANSWER_DAYS, value);

export interface OverdueReferrals {
  /** The office setting: days an agency has to answer. */
  answerDays: number;
  total: number;
  items: ReferralRow[];
}

/** Awaiting an answer for more than the office's answer days (sent before today − days): the nightly run's list. */
export function overdueReferrals(ctx: Pick<ReadCtx, 'db' | 'today'>, limit: number): OverdueReferrals {
  const answerDays = readAnswerDays(ctx);
  const { total, rows } = selectOverdueReferrals(ctx.db, addDays(ctx.today, -answerDays), limit);
  return { answerDays, total, items: rows };
}
