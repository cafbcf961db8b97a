/**
 * Case files (پرونده). Key: this office's id, the case number (kept as it is,
 * so a case keeps its number when files move between offices), or an id
 * recorded from the same source. A new case passes `case open`'s validation
 * and, when the row says it is closed, `case close` itself. A stored case is
 * never rewritten by a file: a row may only close an open case; any other
 * difference is refused (the case commands change cases, with their timeline).
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { insertCase, nextCaseSeq, selectCase, selectCaseByNumber, type CaseRow } from '../../../store/cases.js';
import { iterateCases } from '../../../store/export.js';
import { caseSeqTaken, insertImportKey, updateCaseReopenCount } from '../../../store/import.js';
import { addEvent } from '../../case-events.js';
import {
  formatCaseNumber,
  parseCloseCaseInput,
  parseOpenCaseInput,
  recordCaseClosing,
  resolveCaseClient,
  validateCaseOpening,
  type RawOpenCase,
} from '../../cases.js';
import { CASE_STATUSES, CATEGORIES, CHANNELS, CLOSE_REASONS, RISKS } from '../../codes.js';
import { jalaliYearOf, parseDateInput } from '../../../lang/dates.js';
import { optionalCode, optionalInteger } from '../../fields.js';
import { toLatinDigits } from '../../../lang/digits.js';
import { t } from '../../../messages/catalogue.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { differences, refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'case-number', key: 'caseNumber', fa: 'شماره پرونده', aliases: ['number', 'case'], kind: 'ref' },
  { name: 'client-id', key: 'clientId', fa: 'مددجو', aliases: ['client', 'کد مددجو', 'شناسه مددجو'], kind: 'ref' },
  { name: 'channel', key: 'channel', fa: 'مسیر دریافت', aliases: ['مسیر'], kind: 'code', required: true, codes: CHANNELS },
  {
    name: 'category',
    key: 'primaryCategory',
    fa: 'نوع مسئله',
    aliases: ['primary-category', 'مسئله اصلی'],
    kind: 'code',
    required: true,
    codes: CATEGORIES,
  },
  {
    name: 'categories',
    key: 'categories',
    fa: 'مسائل دیگر',
    aliases: ['further-categories', 'سایر مسائل'],
    kind: 'list',
    codes: CATEGORIES,
  },
  { name: 'risk', key: 'risk', fa: 'خطر', aliases: ['سطح خطر'], kind: 'code', required: true, codes: RISKS },
  { name: 'center-id', key: 'centerId', fa: 'مرکز', aliases: ['center'], kind: 'ref' },
  { name: 'worker-id', key: 'workerId', fa: 'کارشناس', aliases: ['worker'], kind: 'ref' },
  { name: 'opened-on', key: 'openedOn', fa: 'تاریخ تشکیل', aliases: ['opened', 'تاریخ تشکیل پرونده'], kind: 'date', jalali: true },
  { name: 'status', key: 'status', fa: 'وضعیت', kind: 'code', codes: CASE_STATUSES },
  { name: 'closed-on', key: 'closedOn', fa: 'تاریخ بستن', aliases: ['closed'], kind: 'date', jalali: true },
  { name: 'close-reason', key: 'closeReason', fa: 'علت بستن', aliases: ['reason'], kind: 'code', codes: CLOSE_REASONS },
  { name: 'reopen-count', key: 'reopenCount', fa: 'بازگشایی', aliases: ['reopened'], kind: 'int' },
  { name: 'summary', key: 'summary', fa: 'خلاصه', kind: 'note', personal: true },
];

const NUMBER = /^([A-Z0-9]{2,12})-(\d{4})-(\d{6})$/;

function importCaseRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'cases', row.get('id'));
  const numberText = row.get('case-number');
  const number = numberText === undefined ? undefined : toLatinDigits(numberText).trim().toUpperCase();
  let target: CaseRow | undefined;
  if (idRef.local !== undefined) {
    target = selectCase(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no case {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  }
  if (number !== undefined) {
    if (!NUMBER.test(number)) throw new ValidationError(t('invalid case-number: expected e.g. KRJ01-1405-000012'), 'case-number');
    const byNumber = selectCaseByNumber(s.db, number);
    if (target !== undefined && byNumber !== undefined && byNumber.id !== target.id) {
      throw new ConflictError(
        t('the id column names case #{id}, but case number {number} is case #{other}', { id: target.id, number, other: byNumber.id }),
        'case-number',
      );
    }
    target ??= byNumber;
  }
  if (target === undefined && idRef.mapped !== undefined) target = selectCase(s.db, idRef.mapped);

  // `case open`'s steps on the row's cells: the client, the parse, the rules (a worker may have left since).
  const client = refText(s, 'clients', row.get('client-id'));
  const raw: RawOpenCase = {
    client,
    anonymous: client === undefined,
    channel: row.get('channel'),
    category: row.get('category'),
    categories: row.get('categories'),
    risk: row.get('risk'),
    center: refText(s, 'centers', row.get('center-id')),
    worker: refText(s, 'staff', row.get('worker-id')),
    opened: row.get('opened-on'),
    summary: row.get('summary'),
  };
  const opening = validateCaseOpening(s, resolveCaseClient(s, raw), parseOpenCaseInput(raw, s.today), { allowInactiveWorker: true });
  const status = optionalCode(CASE_STATUSES, row.get('status'), 'status') ?? 'open';
  const closeReason = optionalCode(CLOSE_REASONS, row.get('close-reason'), 'close-reason');
  const reopenCount = optionalInteger(row.get('reopen-count'), 'reopen-count', { min: 0, max: 1000 }) ?? 0;
  if (status === 'open' && (row.get('closed-on') !== undefined || closeReason !== null)) {
    throw new ValidationError(t('an open case has no closed-on or close-reason: set status to closed, or empty them'), 'status');
  }
  if (status === 'closed' && row.get('closed-on') === undefined)
    throw new ValidationError(t('a closed case needs its closed-on date'), 'closed-on');
  if (status === 'closed' && closeReason === null) throw new ValidationError(t('a closed case needs its close-reason'), 'close-reason');
  // `case close`'s parse and rules (errors name reason and date: errorFields maps them to the columns).
  const close = (id: number): void => {
    recordCaseClosing(
      s,
      selectCase(s.db, id) as CaseRow,
      parseCloseCaseInput({ reason: closeReason as string, date: row.get('closed-on') }, s.today),
    );
  };

  if (target !== undefined) {
    s.claim('cases', target.id, row.row);
    // Stored categories list the primary first, then the others in code order.
    const categories = [opening.primaryCategory, ...opening.categories.slice(1).sort()];
    const changed = differences(
      target,
      { ...opening, categories, reopenCount },
      {
        clientId: 'client-id',
        channel: 'channel',
        primaryCategory: 'category',
        categories: 'categories',
        risk: 'risk',
        centerId: 'center-id',
        workerId: 'worker-id',
        openedOn: 'opened-on',
        summary: 'summary',
        reopenCount: 'reopen-count',
      },
    );
    if (number !== undefined && number !== target.caseNumber) changed.unshift('case-number');
    const closing = target.status === 'open' && status === 'closed';
    if (!closing)
      changed.push(
        ...differences(
          target,
          { status, closedOn: status === 'closed' ? closedOnIso(s, row) : null, closeReason },
          { status: 'status', closedOn: 'closed-on', closeReason: 'close-reason' },
        ),
      );
    if (changed.length > 0) {
      throw new ConflictError(
        t('differs from the stored case {number} in {fields}: change a case with the case commands', {
          number: target.caseNumber,
          fields: changed.join(', '),
        }),
        changed[0],
      );
    }
    if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'cases', idRef.external, target.id, s.batchId);
    if (!closing) return { action: 'unchanged', id: target.id };
    close(target.id);
    return { action: 'updated', id: target.id };
  }

  const year = jalaliYearOf(opening.openedOn);
  let caseNumber: string;
  let seq: number;
  if (number !== undefined) {
    const m = NUMBER.exec(number) as RegExpExecArray;
    if (Number(m[2]) !== year)
      throw new ValidationError(
        t('case-number {number} is of year {numberYear}, but the case was opened in {year}', {
          number,
          numberYear: Number(m[2]),
          year,
        }),
        'case-number',
      );
    caseNumber = number;
    seq = Number(m[3]);
    if (seq < 1) throw new ValidationError(t('invalid case-number: its sequence must be at least 000001'), 'case-number');
    if (caseSeqTaken(s.db, year, seq)) {
      throw new ConflictError(
        t('case number {number}: year {year} sequence {seq} is taken by another case here', { number, year, seq }),
        'case-number',
      );
    }
  } else {
    seq = nextCaseSeq(s.db, year);
    caseNumber = formatCaseNumber(s.officeCode, year, seq);
  }
  const id = insertCase(
    s.db,
    {
      caseNumber,
      year,
      seq,
      clientId: opening.clientId,
      channel: opening.channel,
      primaryCategory: opening.primaryCategory,
      risk: opening.risk,
      centerId: opening.centerId,
      workerId: opening.workerId,
      openedOn: opening.openedOn,
      summary: opening.summary,
    },
    opening.categories,
    s.now(),
  );
  addEvent(s, id, 'opened', opening.openedOn, { workerId: opening.workerId });
  if (opening.workerId !== null) addEvent(s, id, 'assigned', opening.openedOn, { workerId: opening.workerId });
  if (status === 'closed') close(id);
  if (reopenCount > 0) updateCaseReopenCount(s.db, id, reopenCount);
  s.claim('cases', id, row.row);
  if (idRef.external !== undefined) insertImportKey(s.db, 'cases', idRef.external, id, s.batchId);
  return { action: 'inserted', id };
}

function closedOnIso(s: ImportSession, row: RowView): string | null {
  const v = row.get('closed-on');
  return v === undefined ? null : parseDateInput(v, { today: s.today, field: 'closed-on', kind: 'record' });
}

export const cases: ImportEntity = {
  name: 'cases',
  record: 'case',
  fields: FIELDS,
  rangeField: 'opened-on',
  errorFields: {
    client: 'client-id',
    center: 'center-id',
    worker: 'worker-id',
    opened: 'opened-on',
    reason: 'close-reason',
    date: 'closed-on',
    case: 'case-number',
  },
  importRow: importCaseRow,
  *exportRows(db, officeCode, range) {
    for (const r of iterateCases(db, range)) {
      yield {
        id: exportId(officeCode, r.id),
        'case-number': r.caseNumber,
        'client-id': exportId(officeCode, r.clientId),
        channel: r.channel,
        category: r.primaryCategory,
        categories: r.further,
        risk: r.risk,
        'center-id': exportId(officeCode, r.centerId),
        'worker-id': exportId(officeCode, r.workerId),
        'opened-on': { date: r.openedOn },
        status: r.status,
        'closed-on': r.closedOn === null ? null : { date: r.closedOn },
        'close-reason': r.closeReason,
        'reopen-count': r.reopenCount,
        summary: r.summary,
      };
    }
  },
};
