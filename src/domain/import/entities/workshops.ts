/**
 * Community workshop sessions (کارگاه‌ها) with their attendees by sex. Key:
 * this office's id, an id recorded from the same source, else what names a
 * session (topic, date, center, place, title): the n-th row naming one is the
 * n-th stored session with it, so two identical sessions stay two. Every value
 * passes `training workshop add`'s rules (held already, a known topic, a known
 * center and facilitator); a matched session is updated as `training workshop
 * update` would update it.
 */
import { NotFoundError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import {
  insertWorkshop,
  selectWorkshop,
  selectWorkshops,
  updateWorkshopRow,
  type WorkshopRow,
  type WorkshopWrite,
} from '../../../store/workshops.js';
import { recordAudit } from '../../audit.js';
import { validateWorkshop, type WorkshopInput } from '../../training/workshops.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'topic', key: 'topic', fa: 'موضوع', aliases: ['موضوع کارگاه'], kind: 'code', required: true },
  { name: 'title', key: 'title', fa: 'عنوان', aliases: ['عنوان کارگاه'], kind: 'text' },
  { name: 'date', key: 'heldOn', fa: 'تاریخ برگزاری', aliases: ['held-on', 'تاریخ'], kind: 'date', required: true, jalali: true },
  { name: 'center', key: 'centerId', fa: 'مرکز', aliases: ['center-id'], kind: 'ref' },
  { name: 'place', key: 'place', fa: 'محل برگزاری', aliases: ['محل', 'مکان'], kind: 'text' },
  { name: 'facilitator', key: 'facilitatorId', fa: 'مجری', aliases: ['facilitator-id', 'مدرس', 'تسهیلگر'], kind: 'ref', personal: true },
  { name: 'hours', key: 'hours', fa: 'مدت (ساعت)', aliases: ['ساعت'], kind: 'int' },
  { name: 'female', key: 'attendeesFemale', fa: 'زن', aliases: ['زنان', 'تعداد زنان', 'attendees-female'], kind: 'int' },
  { name: 'male', key: 'attendeesMale', fa: 'مرد', aliases: ['مردان', 'تعداد مردان', 'attendees-male'], kind: 'int' },
  { name: 'note', key: 'note', fa: 'یادداشت', aliases: ['توضیحات'], kind: 'note', personal: true },
];

const COLUMNS: ReadonlyArray<readonly [keyof WorkshopInput, keyof WorkshopWrite]> = [
  ['topic', 'topic'],
  ['title', 'title'],
  ['date', 'heldOn'],
  ['center', 'centerId'],
  ['place', 'place'],
  ['facilitator', 'facilitatorId'],
  ['hours', 'hours'],
  ['female', 'attendeesFemale'],
  ['male', 'attendeesMale'],
  ['note', 'note'],
];

function importWorkshopRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'workshops', row.get('id'));
  let target: WorkshopRow | undefined;
  if (idRef.local !== undefined) {
    target = selectWorkshop(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no workshop {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectWorkshop(s.db, idRef.mapped);

  const input: WorkshopInput = {};
  for (const [column] of COLUMNS) {
    const v =
      column === 'center'
        ? refText(s, 'centers', row.get('center'))
        : column === 'facilitator'
          ? refText(s, 'staff', row.get('facilitator'))
          : row.get(column);
    if (v !== undefined) input[column] = v;
  }
  const fresh = validateWorkshop(s, input);
  if (target === undefined && idRef.external === undefined && idRef.local === undefined) {
    // No id: the n-th row naming a session is the n-th stored session so named.
    const key = [fresh.topic, fresh.heldOn, fresh.centerId, fresh.place, fresh.title];
    const seen = s.cache('workshops.sessions', () => new Map<string, number>());
    const nth = seen.get(JSON.stringify(key)) ?? 0;
    seen.set(JSON.stringify(key), nth + 1);
    target = selectWorkshops(s.db, { from: fresh.heldOn, to: fresh.heldOn, topic: fresh.topic })
      .filter((w) => w.centerId === fresh.centerId && w.place === fresh.place && w.title === fresh.title)
      .sort((a, b) => a.id - b.id)[nth];
  }
  if (target === undefined) {
    const id = insertWorkshop(s.db, fresh, s.now());
    recordAudit(s, 'create', 'workshop', id);
    s.claim('workshops', id, row.row);
    if (idRef.external !== undefined) insertImportKey(s.db, 'workshops', idRef.external, id, s.batchId);
    return { action: 'inserted', id };
  }

  s.claim('workshops', target.id, row.row);
  if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'workshops', idRef.external, target.id, s.batchId);
  // Cells left empty keep the stored value, as `training workshop update` does.
  const next = validateWorkshop(s, input, target);
  const changed = COLUMNS.filter(([column, stored]) => input[column] !== undefined && next[stored] !== target[stored]).map(
    ([column]) => column,
  );
  if (changed.length === 0) return { action: 'unchanged', id: target.id };
  updateWorkshopRow(s.db, target.id, next, s.now());
  recordAudit(s, 'update', 'workshop', target.id, changed);
  return { action: 'updated', id: target.id };
}

export const workshops: ImportEntity = {
  name: 'workshops',
  record: 'workshop',
  fields: FIELDS,
  rangeField: 'date',
  importRow: importWorkshopRow,
  *exportRows(db, officeCode, range) {
    const rows = selectWorkshops(db, {
      ...(range.from !== undefined ? { from: range.from } : {}),
      ...(range.to !== undefined ? { to: range.to } : {}),
    });
    for (const w of rows.sort((a, b) => a.id - b.id)) {
      yield {
        id: exportId(officeCode, w.id),
        topic: w.topic,
        title: w.title,
        date: { date: w.heldOn },
        center: exportId(officeCode, w.centerId),
        place: w.place,
        facilitator: exportId(officeCode, w.facilitatorId),
        hours: w.hours,
        female: w.attendeesFemale,
        male: w.attendeesMale,
        note: w.note,
      };
    }
  },
};
