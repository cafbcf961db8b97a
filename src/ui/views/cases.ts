import type { Case, CaseDetail, CloseCaseResult } from '../../domain/cases.js';
import {
  CATEGORIES,
  CHANNELS,
  CLOSE_REASONS,
  EVENT_KINDS,
  FOLLOWUP_STATUSES,
  RISKS,
  SERVICE_TYPES,
  CASE_STATUSES,
} from '../../domain/codes.js';
import type { Fmt } from '../format.js';
import type { Word } from '../labels.js';
import { renderCard, renderTable } from '../table.js';
import { caseUpdateDetail } from './case-updates.js';
import { followupTable } from './followups.js';
import { referralTable, referralTimelineDetail } from './referrals.js';
import { replacedTextsTable, replacedTextsTitle } from './replaced-texts.js';
import { serviceTable } from './services.js';

export function caseCard(c: Case, f: Fmt): string {
  return renderCard(
    [
      [f.w('caseNumber'), f.text(c.caseNumber)],
      [f.w('id'), f.id(c.id)],
      [f.w('client'), c.clientId === null ? f.w('anonymous') : f.named(c.clientName, c.clientId)],
      [f.w('channel'), f.code(CHANNELS, c.channel)],
      [f.w('categories'), f.list(c.categories.map((x) => f.code(CATEGORIES, x)))],
      [f.w('risk'), f.code(RISKS, c.risk)],
      [f.w('center'), f.named(c.centerName, c.centerId)],
      [f.w('worker'), f.named(c.workerName, c.workerId)],
      [f.w('openedOn'), f.date(c.openedOn)],
      [f.w('status'), f.code(CASE_STATUSES, c.status)],
      [f.w('closedOn'), f.date(c.closedOn)],
      [f.w('closeReason'), f.code(CLOSE_REASONS, c.closeReason)],
      [f.w('reopenCount'), c.reopenCount > 0 ? f.n(c.reopenCount) : ''],
      [f.w('summary'), c.summary ?? ''],
    ],
    { rtl: f.rtl },
  );
}

export function caseDetail(c: CaseDetail, f: Fmt): string {
  const head = caseCard(c, f);
  const timeline = renderTable(
    [f.w('date'), f.w('event'), f.w('note'), f.w('actor')],
    c.events.map((e) => [f.date(e.onDate), f.code(EVENT_KINDS, e.kind) + eventDetail(e, f), e.text ?? '', e.actor]),
    // The case file is read whole: an entry and its note go on over several lines, never cut (a long user name is).
    { rtl: f.rtl, wrap: [1, 2], names: [3] },
  );
  const parts = [head, `\n${f.w('timeline')}\n${timeline}`];
  // What corrections replaced, just under the entries that say why.
  if (c.replacedTexts.length > 0) parts.push(`\n${replacedTextsTitle(f)}\n${replacedTextsTable(c.replacedTexts, f)}`);
  if (c.services.length > 0) parts.push(`\n${f.w('services')}\n${serviceTable(c.services, f)}`);
  if (c.followups.length > 0) parts.push(`\n${f.w('followups')}\n${followupTable(c.followups, f)}`);
  if (c.referrals.length > 0) parts.push(`\n${f.code(EVENT_KINDS, 'referral')}\n${referralTable(c.referrals, f)}`);
  return parts.join('\n');
}

/** The fields a service correction names (the `reason` of its timeline entry), as read. */
const CORRECTED = { type: 'type', date: 'date', worker: 'worker', minutes: 'minutes', note: 'note' } as const satisfies Record<
  string,
  Word
>;

function eventDetail(e: CaseDetail['events'][number], f: Fmt): string {
  const bits: string[] = [];
  if (e.kind === 'closed' && e.reason) bits.push(f.code(CLOSE_REASONS, e.reason));
  if (e.kind === 'service' && e.reason) bits.push(f.code(SERVICE_TYPES, e.reason));
  if (e.kind === 'follow-up' && e.reason) bits.push(`${f.id(e.followupId)} ${f.code(FOLLOWUP_STATUSES, e.reason)}`);
  if (e.kind === 'service-corrected' || e.kind === 'service-voided') bits.push(f.id(e.serviceId));
  if (e.kind === 'service-corrected' && e.reason) {
    bits.push(...e.reason.split(',').map((k) => (k in CORRECTED ? f.w(CORRECTED[k as keyof typeof CORRECTED]) : k)));
  }
  if (e.kind === 'follow-up-rescheduled') bits.push(`${f.id(e.followupId)} ${f.w('wasDue')} ${f.date(e.reason)}`);
  if ((e.kind === 'assigned' || e.kind === 'opened') && e.workerId !== null)
    bits.push(`${f.w('worker')} ${e.workerName ?? f.id(e.workerId)}`);
  if (e.kind === 'referral' && e.reason) bits.push(referralTimelineDetail(e.reason, f));
  bits.push(...caseUpdateDetail(e, f));
  return bits.length > 0 ? ` (${f.list(bits)})` : '';
}

/**
 * One line per case, in 80 columns whatever the names and labels: the problem and the
 * worker are cut (at a word's end where they can be) to what the other columns leave.
 * The channel is left to `case show` and --json: with it, the longest labels (a closed,
 * critical case) leave no room for a problem and a name, in either language.
 */
export function caseTable(rows: Case[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('caseNumber'), f.w('status'), f.w('risk'), f.w('category'), f.w('worker'), f.w('openedOn')],
    rows.map((c) => [
      f.text(c.caseNumber),
      f.code(CASE_STATUSES, c.status),
      f.code(RISKS, c.risk),
      f.code(CATEGORIES, c.primaryCategory),
      c.workerName ?? '',
      f.date(c.openedOn),
    ]),
    { rtl: f.rtl, names: [4], cut: [3] },
  );
}

export function closeResult(r: CloseCaseResult, f: Fmt): string {
  const lines = [caseCard(r.case, f)];
  if (r.plannedFollowups.length > 0) {
    lines.push('', `${f.w('followups')}: ${f.list(r.plannedFollowups.map((p) => `${f.id(p.id)} ${f.date(p.dueOn)}`))}`);
  }
  return lines.join('\n');
}
