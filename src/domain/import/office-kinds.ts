/**
 * The two files of an office folder that are no import kind of their own: every case's
 * timeline as stored (`case-events.csv`: notes, assignments, closings, reopenings,
 * corrections, risk changes, with their ids, dates, times and actors), and when each
 * record was written and last changed (`record-times.csv`). They have the shape of an
 * ImportEntity so that the same CSV writer and reader carry them, but they are not in
 * the registry: only `import office` reads them, after every kind is stored, mapping
 * the file's ids to the records it has just stored (`OfficeIds`).
 */
import { ValidationError } from '../../errors.js';
import { selectCaseByNumber } from '../../store/cases.js';
import {
  caseEventIdTaken,
  insertCaseEventAsStored,
  iterateCaseEvents,
  iterateRecordTimes,
  insertReplacedTextAsStored,
  iterateReplacedTexts,
  iterateSettings,
  recordTimesWriter,
  restoreSetting,
  tableOfKind,
  type RecordTimes,
} from '../../store/office-move.js';
import { EVENT_KINDS } from '../codes.js';
import { parseDateInput } from '../../lang/dates.js';
import { t } from '../../messages/catalogue.js';
import type { FieldSpec } from './columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from './entity.js';
import type { RowView } from './values.js';

/**
 * The file's ids (`KRJ01:12`) of each kind, and the id each record got here. A record that got
 * its own number again (nearly all) is kept as a number in a set, the others by their file id:
 * a million services cost a few megabytes, not a map of strings.
 */
export class OfficeIds {
  private readonly same = new Map<string, Set<number>>();
  private readonly moved = new Map<string, Map<string, number>>();
  /** Records whose id here differs from the file's (ids left free by records removed in the sending office). */
  readonly renumbered = new Map<string, number>();

  constructor(private readonly officeCode: string) {}

  /** The number of a file id of this office (`KRJ01:12` → 12), else undefined. */
  private numberOf(fileId: string): number | undefined {
    const m = /^([A-Za-z0-9]{2,12}):(\d{1,15})$/.exec(fileId.trim());
    return m !== null && (m[1] as string).toUpperCase() === this.officeCode ? Number(m[2]) : undefined;
  }

  record(kind: string, fileId: string, id: number): void {
    if (this.numberOf(fileId) === id) {
      let ids = this.same.get(kind);
      if (ids === undefined) this.same.set(kind, (ids = new Set()));
      ids.add(id);
      return;
    }
    let ids = this.moved.get(kind);
    if (ids === undefined) this.moved.set(kind, (ids = new Map()));
    ids.set(fileId.trim(), id);
    this.renumbered.set(kind, (this.renumbered.get(kind) ?? 0) + 1);
  }

  /** The record here that the file's id names; a ValidationError naming the column when none does. */
  resolve(kind: string, fileId: string | undefined, field: string): number | null {
    if (fileId === undefined) return null;
    const moved = this.moved.get(kind)?.get(fileId.trim());
    if (moved !== undefined) return moved;
    const n = this.numberOf(fileId);
    if (n !== undefined && this.same.get(kind)?.has(n) === true) return n;
    throw new ValidationError(t('{field} names no record of {kind} in this folder', { field, kind }), field);
  }
}

const refuseEmpty = (field: string): never => {
  throw new ValidationError(t('{field} is empty', { field }), field);
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function timestamp(v: string | undefined, field: string, required: boolean): string | null {
  if (v === undefined) {
    if (required) throw new ValidationError(t('{field} is empty: expected a UTC time such as 2026-11-25T08:30:00.000Z', { field }), field);
    return null;
  }
  const time = v.trim();
  if (!TIMESTAMP.test(time) || Number.isNaN(Date.parse(time)))
    throw new ValidationError(t('invalid {field}: expected a UTC time such as 2026-11-25T08:30:00.000Z', { field }), field);
  return time;
}

const EVENT_FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'case', key: 'case', fa: 'شماره پرونده', kind: 'ref', required: true },
  { name: 'kind', key: 'kind', fa: 'نوع', kind: 'code', required: true, codes: EVENT_KINDS },
  { name: 'on-date', key: 'onDate', fa: 'تاریخ', kind: 'date', required: true },
  { name: 'at', key: 'at', fa: 'زمان ثبت', kind: 'text', required: true },
  // Who wrote it: a user name may be a person's name.
  { name: 'actor', key: 'actor', fa: 'ثبت کننده', kind: 'text', required: true, personal: true },
  { name: 'worker-id', key: 'workerId', fa: 'کارشناس', kind: 'ref' },
  // A correction's reason names what changed, ids included: left out of a redacted folder.
  { name: 'reason', key: 'reason', fa: 'شرح', kind: 'text', personal: true },
  { name: 'text', key: 'text', fa: 'متن', kind: 'note', personal: true },
  { name: 'service-id', key: 'serviceId', fa: 'خدمت', kind: 'ref' },
  { name: 'followup-id', key: 'followupId', fa: 'پیگیری', kind: 'ref' },
];

/** The session of an office move: its id map besides the import session. */
export interface OfficeSession extends ImportSession {
  officeIds: OfficeIds;
}

const officeIdsOf = (s: ImportSession): OfficeIds => (s as OfficeSession).officeIds;

function restoreEvent(s: ImportSession, row: RowView): RowOutcome {
  const ids = officeIdsOf(s);
  const idText = row.get('id');
  const m = idText === undefined ? null : /^[A-Za-z0-9]{2,12}:(\d{1,15})$/.exec(idText.trim());
  if (m === null) throw new ValidationError(t('invalid id: expected an exported id such as KRJ01:12'), 'id');
  const id = Number(m[1]);
  if (caseEventIdTaken(s.db, id)) throw new ValidationError(t('id is given twice'), 'id');
  const number = (row.get('case') ?? '').trim();
  const kase = selectCaseByNumber(s.db, number);
  if (kase === undefined) throw new ValidationError(t('case names no case of this folder'), 'case');
  const kind = (row.get('kind') ?? '').trim();
  if (!Object.hasOwn(EVENT_KINDS, kind))
    throw new ValidationError(t('invalid kind: expected one of {codes}', { codes: Object.keys(EVENT_KINDS).join(', ') }), 'kind');
  const actor = row.get('actor');
  if (actor === undefined) throw new ValidationError(t('{field} is empty', { field: 'actor' }), 'actor');
  insertCaseEventAsStored(s.db, {
    id,
    caseId: kase.id,
    kind,
    onDate: parseDateInput(row.get('on-date') ?? refuseEmpty('on-date'), { today: s.today, field: 'on-date', kind: 'filter' }),
    at: timestamp(row.get('at'), 'at', true) as string,
    actor,
    workerId: ids.resolve('staff', row.get('worker-id'), 'worker-id'),
    reason: row.get('reason') ?? null,
    text: row.get('text') ?? null,
    serviceId: ids.resolve('services', row.get('service-id'), 'service-id'),
    followupId: ids.resolve('followups', row.get('followup-id'), 'followup-id'),
  });
  return { action: 'inserted', id };
}

/** Every case's timeline as stored: `case show` after a move lists the same entries, in the same order. */
export const caseEvents: ImportEntity = {
  name: 'case-events',
  record: 'case-event',
  fields: EVENT_FIELDS,
  importRow: restoreEvent,
  *exportRows(db, officeCode) {
    for (const e of iterateCaseEvents(db)) {
      yield {
        id: exportId(officeCode, e.id),
        case: e.caseNumber,
        kind: e.kind,
        'on-date': { date: e.onDate },
        at: e.at,
        actor: e.actor,
        'worker-id': exportId(officeCode, e.workerId),
        reason: e.reason,
        text: e.text,
        'service-id': exportId(officeCode, e.serviceId),
        'followup-id': exportId(officeCode, e.followupId),
      };
    }
  },
};

const TIME_FIELDS: readonly FieldSpec[] = [
  { name: 'kind', key: 'kind', fa: 'نوع', kind: 'text', required: true },
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'ref', required: true },
  { name: 'created-at', key: 'createdAt', fa: 'زمان ثبت', kind: 'text' },
  { name: 'updated-at', key: 'updatedAt', fa: 'زمان آخرین تغییر', kind: 'text' },
];

/** The record-times rows of the kinds given (in that order), for the export. */
export function recordTimesOf(kinds: readonly string[]): ImportEntity {
  return {
    name: 'record-times',
    record: 'record-time',
    fields: TIME_FIELDS,
    importRow: restoreTimes,
    *exportRows(db, officeCode) {
      for (const kind of kinds) {
        const table = tableOfKind(db, kind);
        if (table === undefined) continue;
        for (const r of iterateRecordTimes(db, table)) {
          yield { kind, id: exportId(officeCode, r.id), 'created-at': r.createdAt, 'updated-at': r.updatedAt };
        }
      }
    },
  };
}

function restoreTimes(s: ImportSession, row: RowView): RowOutcome {
  const kind = (row.get('kind') ?? '').trim();
  const writers = s.cache('office.recordTimes', () => new Map<string, ((r: RecordTimes) => boolean) | undefined>());
  if (!writers.has(kind)) {
    const table = tableOfKind(s.db, kind);
    writers.set(kind, table === undefined ? undefined : recordTimesWriter(s.db, table));
  }
  const write = writers.get(kind);
  if (write === undefined) throw new ValidationError(t('kind names no kind of record this office keeps'), 'kind');
  const id = officeIdsOf(s).resolve(kind, row.get('id'), 'id') as number;
  write({
    id,
    createdAt: timestamp(row.get('created-at'), 'created-at', false),
    updatedAt: timestamp(row.get('updated-at'), 'updated-at', false),
  });
  return { action: 'updated', id };
}

const SETTING_FIELDS: readonly FieldSpec[] = [
  { name: 'key', key: 'key', fa: 'کلید', kind: 'text', required: true },
  // A setting may be stored empty ("none": a letterhead's report-number prefix cleared).
  { name: 'value', key: 'value', fa: 'مقدار', kind: 'text' },
  { name: 'updated-at', key: 'updatedAt', fa: 'زمان آخرین تغییر', kind: 'text', required: true },
];

/**
 * The office's settings: the rest after a night shift, how long a certificate is valid, and
 * the key of its pseudonyms (a redacted report names a worker by the same pseudonym after the
 * move). Never in a redacted folder: the key would undo the pseudonyms.
 */
export const officeSettings: ImportEntity = {
  name: 'settings',
  record: 'setting',
  fields: SETTING_FIELDS,
  importRow(s, row) {
    const key = (row.get('key') ?? '').trim();
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(key))
      throw new ValidationError(t('invalid key: expected a setting name such as rest-hours'), 'key');
    restoreSetting(s.db, {
      key,
      value: row.get('value') ?? '',
      updatedAt: timestamp(row.get('updated-at'), 'updated-at', true) as string,
    });
    return { action: 'inserted', id: 0 };
  },
  *exportRows(db) {
    for (const r of iterateSettings(db)) yield { key: r.key, value: r.value, 'updated-at': r.updatedAt };
  },
};

const TEXT_FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'record-type', key: 'recordType', fa: 'نوع', kind: 'text', required: true },
  { name: 'record-id', key: 'recordId', fa: 'شناسه رکورد', kind: 'ref', required: true },
  { name: 'field', key: 'field', fa: 'فیلد', kind: 'text', required: true },
  { name: 'old-text', key: 'oldText', fa: 'متن پیشین', kind: 'note', required: true, personal: true },
  { name: 'case-event-id', key: 'caseEventId', fa: 'رویداد پرونده', kind: 'ref' },
  { name: 'replaced-at', key: 'replacedAt', fa: 'زمان', kind: 'text', required: true },
  { name: 'replaced-by', key: 'replacedBy', fa: 'توسط', kind: 'text', required: true, personal: true },
  { name: 'reason', key: 'reason', fa: 'علت', kind: 'note', personal: true },
];

/** The kind of record a replaced text belongs to, as the registry names it. */
const KIND_OF_RECORD: Readonly<Record<string, string>> = { case: 'cases', service: 'services', client: 'clients' };

/**
 * The texts corrections replaced (a case's summary, a service's note, a client's notes), with
 * who, when and why: `case show` lists them. Read after the timeline, whose entries they name.
 */
export const replacedTexts: ImportEntity = {
  name: 'replaced-texts',
  record: 'replaced-text',
  fields: TEXT_FIELDS,
  importRow(s, row) {
    if (tableOfKind(s.db, 'replaced-texts') === undefined)
      throw new ValidationError(t('this version keeps no replaced texts: upgrade parvande'), 'id');
    const idText = row.get('id');
    const m = idText === undefined ? null : /^[A-Za-z0-9]{2,12}:(\d{1,15})$/.exec(idText.trim());
    if (m === null) throw new ValidationError(t('invalid id: expected an exported id such as KRJ01:12'), 'id');
    const recordType = (row.get('record-type') ?? '').trim();
    const kind = KIND_OF_RECORD[recordType];
    if (kind === undefined) throw new ValidationError(t('invalid record-type: expected case, service or client'), 'record-type');
    const eventText = row.get('case-event-id');
    const event = eventText === undefined ? null : /:(\d{1,15})$/.exec(eventText.trim());
    if (eventText !== undefined && event === null) throw new ValidationError(t('invalid case-event-id'), 'case-event-id');
    insertReplacedTextAsStored(s.db, {
      id: Number(m[1]),
      recordType,
      recordId: officeIdsOf(s).resolve(kind, row.get('record-id'), 'record-id') as number,
      field: (row.get('field') ?? '').trim(),
      oldText: row.get('old-text') ?? refuseEmpty('old-text'),
      // The timeline was written back with its own ids.
      caseEventId: event === null ? null : Number(event[1]),
      replacedAt: timestamp(row.get('replaced-at'), 'replaced-at', true) as string,
      replacedBy: row.get('replaced-by') ?? refuseEmpty('replaced-by'),
      reason: row.get('reason') ?? null,
    });
    return { action: 'inserted', id: Number(m[1]) };
  },
  *exportRows(db, officeCode) {
    for (const r of iterateReplacedTexts(db)) {
      yield {
        id: exportId(officeCode, r.id),
        'record-type': r.recordType,
        'record-id': exportId(officeCode, r.recordId),
        field: r.field,
        'old-text': r.oldText,
        'case-event-id': exportId(officeCode, r.caseEventId),
        'replaced-at': r.replacedAt,
        'replaced-by': r.replacedBy,
        reason: r.reason,
      };
    }
  },
};
