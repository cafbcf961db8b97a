/**
 * Referrals to other agencies (ارجاع). Key: this office's id, an id recorded from the
 * same source, else the content (case, kind of agency, agency, sent date), counted as for
 * services. A row is one referral as it stands: sent, its first answer (answer and
 * answered-on) and its latest status (status, status-on, and the note of that entry); the
 * entries between the first answer and the latest are not carried (docs/decisions.md).
 * Adding follows `referral add`'s rules, and the answer and the latest status go through
 * `referral update` itself. A stored referral still awaiting an answer may be answered by a
 * row; any other difference is refused.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import {
  iterateReferrals,
  selectReferral,
  selectReferralByContent,
  updateReferralVoided,
  type ReferralRow,
} from '../../../store/referrals.js';
import { REFERRAL_AGENCIES, REFERRAL_STATUSES, type ReferralStatus } from '../../codes.js';
import { parseDateInput, type IsoDate } from '../../../lang/dates.js';
import { isBlank, optionalCode, optionalNote } from '../../fields.js';
import {
  parseAddReferralInput,
  parseVoidReason,
  recordReferral,
  recordReferralUpdate,
  resolveReferralCase,
  validateReferral,
  type RawAddReferral,
} from '../../referrals.js';
import type { FieldSpec } from '../columns.js';
import { exportId, parseVoidCells, nthStoredWithContent, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { differences, refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'case', key: 'caseNumber', fa: 'شماره پرونده', aliases: ['case-number', 'case-id', 'پرونده'], kind: 'ref', required: true },
  {
    name: 'to',
    key: 'agencyKind',
    fa: 'ارجاع به',
    aliases: ['agency-kind', 'kind'],
    kind: 'code',
    required: true,
    codes: REFERRAL_AGENCIES,
  },
  // A private clinic or a lawyer's office carries a person's name: the agency's name is treated as personal (never echoed, left out of redacted files).
  { name: 'agency', key: 'agency', fa: 'نام دستگاه', aliases: ['دستگاه'], kind: 'text', required: true, personal: true },
  { name: 'sent-on', key: 'sentOn', fa: 'تاریخ ارجاع', aliases: ['date', 'sent'], kind: 'date', required: true, jalali: true },
  { name: 'reason', key: 'reason', fa: 'علت ارجاع', aliases: ['علت'], kind: 'note', personal: true, required: true },
  { name: 'status', key: 'status', fa: 'وضعیت', kind: 'code', codes: REFERRAL_STATUSES },
  { name: 'answer', key: 'answer', fa: 'پاسخ نخست', kind: 'code', codes: REFERRAL_STATUSES },
  { name: 'answered-on', key: 'answeredOn', fa: 'تاریخ پاسخ', kind: 'date', jalali: true },
  { name: 'status-on', key: 'statusOn', fa: 'تاریخ آخرین وضعیت', kind: 'date', jalali: true },
  { name: 'note', key: 'note', fa: 'یادداشت', aliases: ['notes', 'توضیحات'], kind: 'note', personal: true },
  // A voided referral travels voided (all three or none): imported in force it would be counted again.
  { name: 'voided-at', key: 'voidedAt', fa: 'زمان ابطال', kind: 'text' },
  { name: 'voided-by', key: 'voidedBy', fa: 'ابطال توسط', kind: 'text' },
  { name: 'void-reason', key: 'voidReason', fa: 'علت ابطال', kind: 'note', personal: true },
];

/** The referral's state a row gives: the latest status and the first answer. */
interface RowState {
  status: ReferralStatus;
  answer: ReferralStatus | null;
  answeredOn: IsoDate | null;
  statusOn: IsoDate;
  note: string | null;
}

function parseState(s: ImportSession, row: RowView, sentOn: IsoDate): RowState {
  const date = (field: string): IsoDate | null => {
    const v = row.get(field);
    return isBlank(v) ? null : parseDateInput(v, { today: s.today, field, kind: 'record' });
  };
  const status = optionalCode(REFERRAL_STATUSES, row.get('status'), 'status') ?? 'sent';
  const answer = optionalCode(REFERRAL_STATUSES, row.get('answer'), 'answer');
  const answeredOn = date('answered-on');
  const note = optionalNote(row.get('note'), 'note');
  if (status === 'sent') {
    if (answer !== null || answeredOn !== null) {
      throw new ValidationError(t('a referral still sent has no answer or answered-on: set its status, or empty them'), 'status');
    }
    return { status, answer: null, answeredOn: null, statusOn: date('status-on') ?? sentOn, note };
  }
  if (answer === 'sent') throw new ValidationError(t('answer is the first answer: accepted, declined or feedback'), 'answer');
  if (answeredOn === null) throw new ValidationError(t('a {status} referral needs its answered-on date', { status }), 'answered-on');
  return { status, answer: answer ?? status, answeredOn, statusOn: date('status-on') ?? answeredOn, note };
}

/** Brings a referral still awaiting an answer to the row's state, through `referral update`'s rules. */
function applyState(s: ImportSession, id: number, state: RowState): void {
  const current = (): ReferralRow => selectReferral(s.db, id) as ReferralRow;
  if (state.answer === null || state.answeredOn === null) {
    // Still sent: a reminder sent again after the first sending.
    if (state.statusOn > current().statusOn) {
      recordReferralUpdate(s, current(), { status: 'sent', onDate: state.statusOn, note: state.note });
    }
    return;
  }
  const answerIsLatest = state.answer === state.status && state.answeredOn === state.statusOn;
  recordReferralUpdate(s, current(), { status: state.answer, onDate: state.answeredOn, note: answerIsLatest ? state.note : null });
  if (!answerIsLatest) recordReferralUpdate(s, current(), { status: state.status, onDate: state.statusOn, note: state.note });
}

function importReferralRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'referrals', row.get('id'));
  let target: ReferralRow | undefined;
  if (idRef.local !== undefined) {
    target = selectReferral(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no referral {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectReferral(s.db, idRef.mapped);

  // `referral add`'s steps on the row's cells: the case, the parse, the rules.
  const raw: RawAddReferral = {
    case: refText(s, 'cases', row.get('case')),
    to: row.get('to'),
    agency: row.get('agency'),
    date: row.get('sent-on'),
    reason: row.get('reason'),
  };
  if (isBlank(raw.date)) throw new ValidationError(t('{column} is required', { column: 'sent-on' }), 'sent-on');
  const v = validateReferral(s, resolveReferralCase(s, raw.case), parseAddReferralInput(raw, s.today));
  const state = parseState(s, row, v.sentOn);
  const voided = parseVoidCells(
    row,
    t('voided-at must be a UTC time as exported (e.g. 2026-11-25T08:30:00.000Z) when the referral is void'),
    parseVoidReason,
  );
  const content = { caseId: v.caseId, agencyKind: v.agencyKind, agency: v.agency, sentOn: v.sentOn, reason: v.reason };

  if (target === undefined && idRef.external === undefined && idRef.local === undefined) {
    const key = [v.caseId, v.agencyKind, v.agency, v.sentOn];
    const id = nthStoredWithContent(s, 'referrals', key, (nth) => selectReferralByContent(s.db, content, nth));
    if (id !== undefined) target = selectReferral(s.db, id);
  }
  if (target !== undefined) {
    s.claim('referrals', target.id, row.row);
    const changed = differences(target, content, {
      caseId: 'case',
      agencyKind: 'to',
      agency: 'agency',
      sentOn: 'sent-on',
      reason: 'reason',
    });
    const same = target.status === state.status && target.answeredOn === state.answeredOn && target.statusOn === state.statusOn;
    const answering = target.answeredOn === null && state.answeredOn !== null;
    if (!same && !answering) changed.push('status');
    if (target.voidedAt !== (voided?.at ?? null)) changed.push('voided-at');
    if (changed.length > 0) {
      throw new ConflictError(
        t('differs from the stored referral #{id} in {fields}: change it with "parvande referral update"', {
          id: target.id,
          fields: changed.join(', '),
        }),
        changed[0],
      );
    }
    if (idRef.external !== undefined && idRef.mapped === undefined)
      insertImportKey(s.db, 'referrals', idRef.external, target.id, s.batchId);
    if (same) return { action: 'unchanged', id: target.id };
    applyState(s, target.id, state);
    return { action: 'updated', id: target.id };
  }
  const id = recordReferral(s, v).id;
  applyState(s, id, state);
  if (voided !== null) updateReferralVoided(s.db, id, voided.at, voided.by, voided.reason);
  s.claim('referrals', id, row.row);
  if (idRef.external !== undefined) insertImportKey(s.db, 'referrals', idRef.external, id, s.batchId);
  return { action: 'inserted', id };
}

export const referrals: ImportEntity = {
  name: 'referrals',
  record: 'referral',
  fields: FIELDS,
  rangeField: 'sent-on',
  errorFields: { date: 'sent-on', case: 'case' },
  importRow: importReferralRow,
  *exportRows(db, officeCode, range) {
    for (const r of iterateReferrals(db, range)) {
      yield {
        id: exportId(officeCode, r.id),
        case: r.caseNumber,
        to: r.agencyKind,
        agency: r.agency,
        'sent-on': { date: r.sentOn },
        reason: r.reason,
        status: r.status,
        answer: r.answer,
        'answered-on': r.answeredOn === null ? null : { date: r.answeredOn },
        'status-on': { date: r.statusOn },
        note: r.note,
        'voided-at': r.voidedAt,
        'voided-by': r.voidedBy,
        'void-reason': r.voidReason,
      };
    }
  },
};
