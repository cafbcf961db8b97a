import { REFERRAL_AGENCIES, REFERRAL_STATUSES } from '../../domain/codes.js';
import type { Referral, ReferralDetail } from '../../domain/referrals.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { inLang } from '../labels.js';

/** The referral words (kept here, beside the only views that use them). */
const WORDS = {
  referral: ['Referral', 'ارجاع'],
  to: ['To', 'ارجاع به'],
  agency: ['Agency', 'دستگاه'],
  sentOn: ['Sent', 'تاریخ ارجاع'],
  reason: ['Reason', 'علت'],
  answeredOn: ['Answered', 'تاریخ پاسخ'],
  waiting: ['Waiting', 'انتظار'],
  days: ['days', 'روز'],
  history: ['History', 'سابقه'],
  answerDays: ['Days an agency has to answer', 'مهلت پاسخ دستگاه (روز)'],
  voided: ['VOID', 'باطل'],
} as const satisfies Record<string, readonly [string, string]>;

const w = (f: Fmt, k: keyof typeof WORDS): string => inLang(WORDS[k], f.lang);

/** Days since it was sent, for a referral still awaited. */
function waiting(r: Referral, f: Fmt, today: string | undefined): string {
  if (today === undefined || r.answeredOn !== null) return '';
  const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.sentOn}T00:00:00Z`)) / 86_400_000);
  return `${f.n(days)} ${w(f, 'days')}`;
}

export function referralCard(r: ReferralDetail, f: Fmt, today?: string): string {
  const card = renderCard(
    [
      [f.w('id'), f.id(r.id)],
      [f.w('caseNumber'), f.text(r.caseNumber)],
      [f.w('worker'), f.named(r.workerName, r.workerId)],
      [w(f, 'to'), f.code(REFERRAL_AGENCIES, r.agencyKind)],
      [w(f, 'agency'), r.agency],
      [w(f, 'sentOn'), f.date(r.sentOn)],
      [w(f, 'reason'), r.reason],
      [f.w('status'), f.code(REFERRAL_STATUSES, r.status)],
      [w(f, 'answeredOn'), f.date(r.answeredOn)],
      [w(f, 'waiting'), waiting(r, f, today)],
      ...(r.voidedAt === null
        ? []
        : [[w(f, 'voided'), `${f.timestamp(r.voidedAt)} ${r.voidedBy ?? ''}: ${r.voidReason ?? ''}`] as [string, string]]),
    ],
    { rtl: f.rtl },
  );
  const history = renderTable(
    [f.w('date'), f.w('status'), f.w('note'), f.w('actor')],
    r.events.map((e) => [f.date(e.onDate), f.code(REFERRAL_STATUSES, e.status), e.note ?? '', e.actor]),
    // The agency's answer is read whole, over several lines.
    { rtl: f.rtl, wrap: [2], names: [3] },
  );
  return `${card}\n\n${w(f, 'history')}\n${history}`;
}

export function referralTable(rows: Referral[], f: Fmt, today?: string): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), w(f, 'sentOn'), f.w('caseNumber'), w(f, 'to'), f.w('status'), w(f, 'waiting'), f.w('worker')],
    rows.map((r) => [
      f.id(r.id),
      f.date(r.sentOn),
      f.text(r.caseNumber),
      f.code(REFERRAL_AGENCIES, r.agencyKind),
      r.voidedAt === null ? f.code(REFERRAL_STATUSES, r.status) : w(f, 'voided'),
      r.voidedAt === null ? waiting(r, f, today) : '',
      r.workerName ?? '',
    ]),
    // In 80 columns: the worker and the kind of agency cut first, then the days waiting go, then the day sent (`referral list --pending --older-than`, --json).
    { rtl: f.rtl, numeric: [0], names: [6], cut: [3], drop: [5, 1] },
  );
}

export function referralSettingsCard(answerDays: number, f: Fmt): string {
  return renderCard([[w(f, 'answerDays'), f.n(answerDays)]], { rtl: f.rtl });
}

/** A timeline entry's reason (`#3 accepted: police`, src/domain/referrals.ts timelineReason) as read. */
export function referralTimelineDetail(reason: string, f: Fmt): string {
  const m = /^#(\d+) ([a-z-]+): ([a-z-]+)$/.exec(reason);
  if (m === null) return reason;
  const status = m[2] === 'voided' ? w(f, 'voided') : f.code(REFERRAL_STATUSES, m[2]);
  return `${f.id(Number(m[1]))} ${status}, ${f.code(REFERRAL_AGENCIES, m[3])}`;
}
