/**
 * `parvande worklist` on a terminal: five short tables in 80 columns, clients named beside
 * their ids. A case's center and a referral's kind of agency are in --json: beside a case
 * number, a risk and a client, 80 columns leave no room for a second name.
 */
import { CATEGORIES, RISKS } from '../../domain/codes.js';
import { DUTY_SERVICES } from '../../domain/people/codes.js';
import type { WorkFollowup, Worklist } from '../../domain/worklist.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { hoursSpan } from './people-words.js';
import { inLang } from '../labels.js';

const WORDS = {
  worklist: ['Worklist', 'کارتابل'],
  overdue: ['Overdue follow-ups', 'پیگیری‌های معوق'],
  dueToday: ['Follow-ups due today', 'پیگیری‌های امروز'],
  quiet: ['High-risk cases with no service in {n} days (* none yet)', 'پرونده‌های پرخطر بدون خدمت در {n} روز گذشته (* هنوز هیچ)'],
  referrals: ['Referrals awaiting an answer', 'ارجاع‌های در انتظار پاسخ'],
  shifts: ['Duty shifts today and tomorrow', 'شیفت‌های امروز و فردا'],
  late: ['Late', 'تأخیر'],
  days: ['Days', 'روز'],
  agency: ['Agency', 'مرجع'],
  sent: ['Sent', 'ارسال'],
  service: ['Service', 'خدمت'],
  shift: ['Shift', 'شیفت'],
  hours: ['Hours', 'ساعت'],
  quietDays: ['Quiet days', 'روزهای بدون خدمت'],
  left: ['(has left)', '(ترک خدمت)'],
} as const satisfies Record<string, readonly [string, string]>;

type WorklistWord = keyof typeof WORDS;

function ww(f: Fmt, w: WorklistWord, n?: number): string {
  const text = inLang(WORDS[w], f.lang);
  return n === undefined ? text : text.replace('{n}', f.n(n));
}

/** A section: its title with how many items, then its table or "(none)". */
function section(title: string, count: number, table: () => string, f: Fmt): string {
  return `${title} (${f.n(count)})\n${count === 0 ? f.w('none') : table()}`;
}

/** A follow-up's case, risk, due day (and days late) and client; its center is in --json (80 columns hold one name). */
function followupTable(rows: WorkFollowup[], f: Fmt, withLate: boolean): string {
  return renderTable(
    [f.w('id'), f.w('caseNumber'), f.w('risk'), f.w('dueOn'), ...(withLate ? [ww(f, 'late')] : []), f.w('client')],
    rows.map((x) => [
      f.id(x.id),
      f.text(x.caseNumber),
      f.code(RISKS, x.risk),
      f.date(x.dueOn),
      ...(withLate ? [f.n(x.daysOverdue)] : []),
      x.clientId === null ? f.w('anonymous') : f.named(x.clientName, x.clientId),
    ]),
    { rtl: f.rtl, numeric: withLate ? [0, 4] : [0], names: [withLate ? 5 : 4] },
  );
}

export function worklistView(w: Worklist, f: Fmt): string {
  const head = renderCard(
    [
      [ww(f, 'worklist'), `${f.named(f.person(w.worker), w.worker.id)}${w.worker.active ? '' : ` ${ww(f, 'left')}`}`],
      [f.w('date'), f.date(w.date)],
    ],
    { rtl: f.rtl },
  );
  const parts = [
    head,
    section(ww(f, 'overdue'), w.overdueFollowups.length, () => followupTable(w.overdueFollowups, f, true), f),
    section(ww(f, 'dueToday'), w.followupsDueToday.length, () => followupTable(w.followupsDueToday, f, false), f),
    section(
      ww(f, 'quiet', w.quietDays),
      w.quietCases.length,
      () =>
        renderTable(
          [f.w('caseNumber'), f.w('risk'), f.w('category'), ww(f, 'days'), f.w('client')],
          w.quietCases.map((c) => [
            f.text(c.caseNumber),
            f.code(RISKS, c.risk),
            f.code(CATEGORIES, c.primaryCategory),
            // Days since the last service, or since the opening when there was none ("*").
            f.n(c.daysWithoutService) + (c.lastServiceOn === null ? '*' : ''),
            c.clientId === null ? f.w('anonymous') : f.named(c.clientName, c.clientId),
          ]),
          { rtl: f.rtl, numeric: [3], names: [4], cut: [2] },
        ),
      f,
    ),
    section(
      ww(f, 'referrals'),
      w.awaitingReferrals.length,
      () =>
        renderTable(
          [f.w('id'), f.w('caseNumber'), ww(f, 'agency'), ww(f, 'sent'), ww(f, 'days'), f.w('client')],
          w.awaitingReferrals.map((r) => [
            f.id(r.id),
            f.text(r.caseNumber),
            r.agency,
            f.date(r.sentOn),
            f.n(r.daysWaiting) + (r.pastAnswerDays ? ' !' : ''),
            r.clientId === null ? f.w('anonymous') : f.named(r.clientName, r.clientId),
          ]),
          { rtl: f.rtl, numeric: [0, 4], names: [5], cut: [2] },
        ),
      f,
    ),
    section(
      ww(f, 'shifts'),
      w.shifts.length,
      () =>
        renderTable(
          [f.w('id'), f.w('date'), ww(f, 'service'), ww(f, 'shift'), ww(f, 'hours')],
          w.shifts.map((s) => [
            f.id(s.assignmentId),
            f.date(s.date),
            f.code(DUTY_SERVICES, s.service),
            s.patternName,
            hoursSpan(f, s.startsAt, s.endsAt),
          ]),
          { rtl: f.rtl, numeric: [0], cut: [3] },
        ),
      f,
    ),
  ];
  return parts.join('\n\n');
}

/** `case settings`: the office's quiet days. */
export function quietDaysCard(quietDays: number, f: Fmt): string {
  return renderCard([[ww(f, 'quietDays'), f.n(quietDays)]], { rtl: f.rtl });
}
