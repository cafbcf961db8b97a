/**
 * Follow-ups (پیگیری). Key: this office's id, an id recorded from the same
 * source, else the content (case, due date, note), counted as for services.
 * Scheduling follows `followup schedule`'s rules; a row that is done, missed or
 * cancelled then goes through `followup done|missed|cancel` itself. A stored
 * follow-up that is still scheduled may be finished by a row; any other
 * difference is refused.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { iterateFollowups } from '../../../store/export.js';
import { insertFollowup, selectFollowup, type FollowupRow } from '../../../store/followups.js';
import { insertImportKey, selectFollowupByContent } from '../../../store/import.js';
import { addEvent } from '../../case-events.js';
import { FOLLOWUP_STATUSES } from '../../codes.js';
import { parseDateInput } from '../../../lang/dates.js';
import { optionalCode, optionalNote, parseBool } from '../../fields.js';
import {
  parseFinishFollowupInput,
  parseScheduleFollowupInput,
  recordFollowupEnd,
  resolveFollowupCase,
  validateFollowupSchedule,
  type RawFollowupSchedule,
} from '../../followups.js';
import type { FieldSpec } from '../columns.js';
import { exportId, nthStoredWithContent, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { differences, refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'case', key: 'caseNumber', fa: 'شماره پرونده', aliases: ['case-number', 'case-id', 'پرونده'], kind: 'ref', required: true },
  { name: 'due-on', key: 'dueOn', fa: 'موعد', aliases: ['due', 'تاریخ پیگیری'], kind: 'date', required: true, jalali: true },
  { name: 'worker-id', key: 'workerId', fa: 'کارشناس', aliases: ['worker'], kind: 'ref' },
  { name: 'status', key: 'status', fa: 'وضعیت', kind: 'code' },
  { name: 'done-on', key: 'doneOn', fa: 'تاریخ انجام', aliases: ['done', 'date'], kind: 'date', jalali: true },
  { name: 'outcome', key: 'outcome', fa: 'نتیجه', aliases: ['reason'], kind: 'note', personal: true },
  { name: 'note', key: 'note', fa: 'یادداشت', aliases: ['notes', 'توضیحات'], kind: 'note', personal: true },
  { name: 'from-plan', key: 'fromPlan', fa: 'از برنامه پیگیری', kind: 'bool' },
];

function importFollowupRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'followups', row.get('id'));
  let target: FollowupRow | undefined;
  if (idRef.local !== undefined) {
    target = selectFollowup(s.db, idRef.local);
    if (target === undefined)
      throw new NotFoundError(t('no follow-up {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectFollowup(s.db, idRef.mapped);

  // `followup schedule`'s steps on the row's cells: the case, the parse, the rules (a worker may have left since).
  const raw: RawFollowupSchedule = {
    case: refText(s, 'cases', row.get('case')),
    due: row.get('due-on'),
    worker: refText(s, 'staff', row.get('worker-id')),
    note: row.get('note'),
  };
  const v = validateFollowupSchedule(s, resolveFollowupCase(s, raw.case), parseScheduleFollowupInput(raw, s.today), {
    allowInactiveWorker: true,
  });
  const status = optionalCode(FOLLOWUP_STATUSES, row.get('status'), 'status') ?? 'scheduled';
  const fromPlan = row.get('from-plan') === undefined ? false : parseBool(row.get('from-plan') as string, 'from-plan');
  const doneText = row.get('done-on');
  const outcome = optionalNote(row.get('outcome'), 'outcome');
  if (status === 'scheduled' && (doneText !== undefined || outcome !== null)) {
    throw new ValidationError(t('a scheduled follow-up has no done-on or outcome: set its status, or empty them'), 'status');
  }
  if ((status === 'done' || status === 'missed') && doneText === undefined)
    throw new ValidationError(t('a {status} follow-up needs its done-on date', { status }), 'done-on');
  const doneOn =
    status === 'cancelled' || doneText === undefined
      ? null
      : parseDateInput(doneText, { today: s.today, field: 'done-on', kind: 'record' });
  const finish = (id: number): void => {
    const input = parseFinishFollowupInput(
      status as 'done' | 'missed' | 'cancelled',
      { date: doneText, outcome: row.get('outcome') },
      s.today,
    );
    recordFollowupEnd(s, selectFollowup(s.db, id) as FollowupRow, input);
  };

  const schedule = { caseId: v.caseId, dueOn: v.dueOn, workerId: v.workerId, note: v.note, fromPlan };
  if (target === undefined && idRef.external === undefined && idRef.local === undefined) {
    const content = { caseId: v.caseId, dueOn: v.dueOn, note: v.note };
    const id = nthStoredWithContent(s, 'followups', content, (nth) => selectFollowupByContent(s.db, content, nth));
    if (id !== undefined) target = selectFollowup(s.db, id);
  }
  if (target !== undefined) {
    s.claim('followups', target.id, row.row);
    const changed = differences(target, schedule, {
      caseId: 'case',
      dueOn: 'due-on',
      workerId: 'worker-id',
      note: 'note',
      fromPlan: 'from-plan',
    });
    const finishing = target.status === 'scheduled' && status !== 'scheduled';
    if (!finishing)
      changed.push(...differences(target, { status, doneOn, outcome }, { status: 'status', doneOn: 'done-on', outcome: 'outcome' }));
    if (changed.length > 0) {
      throw new ConflictError(
        t('differs from the stored follow-up #{id} in {fields}: change it with the followup commands', {
          id: target.id,
          fields: changed.join(', '),
        }),
        changed[0],
      );
    }
    if (idRef.external !== undefined && idRef.mapped === undefined)
      insertImportKey(s.db, 'followups', idRef.external, target.id, s.batchId);
    if (!finishing) return { action: 'unchanged', id: target.id };
    finish(target.id);
    return { action: 'updated', id: target.id };
  }
  const id = insertFollowup(s.db, schedule, s.now());
  addEvent(s, v.caseId, 'follow-up', s.today < v.caseOpenedOn ? v.caseOpenedOn : s.today, {
    followupId: id,
    workerId: v.workerId,
    reason: 'scheduled',
  });
  if (status !== 'scheduled') finish(id);
  s.claim('followups', id, row.row);
  if (idRef.external !== undefined) insertImportKey(s.db, 'followups', idRef.external, id, s.batchId);
  return { action: 'inserted', id };
}

export const followups: ImportEntity = {
  name: 'followups',
  record: 'followup',
  fields: FIELDS,
  rangeField: 'due-on',
  errorFields: { due: 'due-on', worker: 'worker-id', date: 'done-on', reason: 'outcome' },
  importRow: importFollowupRow,
  *exportRows(db, officeCode, range) {
    for (const r of iterateFollowups(db, range)) {
      yield {
        id: exportId(officeCode, r.id),
        case: r.caseNumber,
        'due-on': { date: r.dueOn },
        'worker-id': exportId(officeCode, r.workerId),
        status: r.status,
        'done-on': r.doneOn === null ? null : { date: r.doneOn },
        outcome: r.outcome,
        note: r.note,
        'from-plan': r.fromPlan === 1,
      };
    }
  },
};
