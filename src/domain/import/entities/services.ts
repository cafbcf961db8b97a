/**
 * Services given (خدمات). Key: this office's id, an id recorded from the same
 * source, else the content itself (case, date, type, worker, minutes, note):
 * the n-th row with some content is the n-th stored service with it, so two
 * identical hotline calls stay two and a second run adds neither again. The
 * rules are `service log`'s, read as history: a closed case takes services
 * dated up to its closing, and a worker may have left since.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { iterateServices } from '../../../store/export.js';
import { insertImportKey, selectServiceByContent } from '../../../store/import.js';
import { insertService, selectService, updateServiceVoided, type ServiceRow } from '../../../store/services.js';
import { addEvent } from '../../case-events.js';
import { CHANNELS, SERVICE_TYPES } from '../../codes.js';
import { optionalCode } from '../../fields.js';
import { parseReason } from '../../service-corrections.js';
import { parseLogServiceInput, validateService } from '../../services.js';
import type { FieldSpec } from '../columns.js';
import { exportId, parseVoidCells, nthStoredWithContent, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { differences, refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'case', key: 'caseNumber', fa: 'شماره پرونده', aliases: ['case-number', 'case-id', 'پرونده'], kind: 'ref' },
  { name: 'date', key: 'serviceDate', fa: 'تاریخ', aliases: ['service-date', 'تاریخ خدمت'], kind: 'date', required: true, jalali: true },
  { name: 'type', key: 'type', fa: 'نوع خدمت', aliases: ['service', 'خدمت', 'نوع'], kind: 'code', required: true, codes: SERVICE_TYPES },
  { name: 'channel', key: 'channel', fa: 'مسیر دریافت', kind: 'code', codes: CHANNELS },
  { name: 'worker-id', key: 'workerId', fa: 'کارشناس', aliases: ['worker'], kind: 'ref' },
  { name: 'minutes', key: 'minutes', fa: 'مدت (دقیقه)', aliases: ['دقیقه', 'مدت'], kind: 'int' },
  { name: 'note', key: 'note', fa: 'یادداشت', aliases: ['notes', 'توضیحات'], kind: 'note', personal: true },
  // A voided service travels voided (all three or none): imported in force it would be counted again.
  { name: 'voided-at', key: 'voidedAt', fa: 'زمان ابطال', kind: 'text' },
  { name: 'voided-by', key: 'voidedBy', fa: 'ابطال توسط', kind: 'text' },
  { name: 'void-reason', key: 'voidReason', fa: 'علت ابطال', kind: 'note', personal: true },
];

function importServiceRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'services', row.get('id'));
  let target: ServiceRow | undefined;
  if (idRef.local !== undefined) {
    target = selectService(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no service {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectService(s.db, idRef.mapped);

  // `service log`'s parse and rules on the row's cells, read as history.
  const input = parseLogServiceInput(
    {
      case: refText(s, 'cases', row.get('case')),
      type: row.get('type'),
      date: row.get('date'),
      worker: refText(s, 'staff', row.get('worker-id')),
      minutes: row.get('minutes'),
      note: row.get('note'),
    },
    s.today,
  );
  const v = validateService(s, input, { history: true });
  if (row.get('date') === undefined) throw new ValidationError(t('{column} is required', { column: 'date' }), 'date');
  const channel = optionalCode(CHANNELS, row.get('channel'), 'channel');
  if (channel !== null && channel !== v.channel) {
    throw new ValidationError(
      t("channel {channel} differs from the case's channel {caseChannel}: a service takes its case's channel", {
        channel,
        caseChannel: v.channel,
      }),
      'channel',
    );
  }
  const voided = parseVoidCells(
    row,
    t('voided-at must be a UTC time as exported (e.g. 2026-11-25T08:30:00.000Z) when the service is void'),
    parseReason,
  );
  const content = { caseId: v.caseId, serviceDate: v.serviceDate, type: v.type, workerId: v.workerId, minutes: v.minutes, note: v.note };
  if (target === undefined && idRef.external === undefined && idRef.local === undefined) {
    const id = nthStoredWithContent(s, 'services', content, (nth) => selectServiceByContent(s.db, content, nth));
    if (id !== undefined) target = selectService(s.db, id);
  }
  if (target !== undefined) {
    s.claim('services', target.id, row.row);
    const changed = differences(target, content, {
      caseId: 'case',
      serviceDate: 'date',
      type: 'type',
      workerId: 'worker-id',
      minutes: 'minutes',
      note: 'note',
    });
    if ((target.voidedAt ?? null) !== (voided?.at ?? null)) changed.push('voided-at');
    if (changed.length > 0) {
      throw new ConflictError(
        t('differs from the stored service #{id} in {fields}: services are not changed by import', {
          id: target.id,
          fields: changed.join(', '),
        }),
        changed[0],
      );
    }
    if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'services', idRef.external, target.id, s.batchId);
    return { action: 'unchanged', id: target.id };
  }
  const id = insertService(s.db, { ...content, channel: v.channel }, s.now());
  if (v.caseId !== null) addEvent(s, v.caseId, 'service', v.serviceDate, { serviceId: id, workerId: v.workerId, reason: v.type });
  if (voided !== null) updateServiceVoided(s.db, id, voided.at, voided.by, voided.reason);
  s.claim('services', id, row.row);
  if (idRef.external !== undefined) insertImportKey(s.db, 'services', idRef.external, id, s.batchId);
  return { action: 'inserted', id };
}

export const services: ImportEntity = {
  name: 'services',
  record: 'service',
  fields: FIELDS,
  rangeField: 'date',
  errorFields: { worker: 'worker-id' },
  importRow: importServiceRow,
  *exportRows(db, officeCode, range) {
    for (const r of iterateServices(db, range)) {
      yield {
        id: exportId(officeCode, r.id),
        case: r.caseNumber,
        date: { date: r.serviceDate },
        type: r.type,
        channel: r.channel,
        'worker-id': exportId(officeCode, r.workerId),
        minutes: r.minutes,
        note: r.note,
        'voided-at': r.voidedAt,
        'voided-by': r.voidedBy,
        'void-reason': r.voidReason,
      };
    }
  },
};
