/**
 * Shift patterns of the duty roster (الگوی شیفت). Key: this office's id, an id
 * recorded from the same source, else the service with the pattern's name
 * (unique per service, as `roster pattern add` keeps them). New patterns go
 * through `roster pattern add` and, with a retired-on date, `roster pattern
 * retire`; a matched pattern changes only as `roster pattern update` and
 * `retire` would change it (its hours only while nobody is assigned to it).
 */
import { ConflictError, NotFoundError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import { selectPattern, selectPatterns, selectPatternsByNameKey, type PatternRow } from '../../../store/roster.js';
import { parseDateInput } from '../../../lang/dates.js';
import { parseCode, parseInteger, requiredText } from '../../fields.js';
import { DUTY_SERVICES } from '../../people/codes.js';
import { parseClockTime } from '../../roster/clock.js';
import { addPattern, retirePattern, updatePattern, type PatternUpdate } from '../../roster/patterns.js';
import { toLatinDigits } from '../../../lang/digits.js';
import { matchingKey } from '../../../lang/persian.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'service', key: 'service', fa: 'خدمت', aliases: ['واحد'], kind: 'code', required: true },
  { name: 'name', key: 'name', fa: 'نام شیفت', aliases: ['شیفت', 'نوبت', 'نوبت کاری', 'pattern'], kind: 'text', required: true },
  { name: 'start', key: 'start', fa: 'ساعت شروع', aliases: ['شروع', 'start-time'], kind: 'text', required: true },
  { name: 'end', key: 'end', fa: 'ساعت پایان', aliases: ['پایان', 'end-time'], kind: 'text', required: true },
  { name: 'needed', key: 'needed', fa: 'تعداد لازم', aliases: ['نفرات لازم', 'تعداد نفرات', 'people-needed'], kind: 'int' },
  { name: 'valid-from', key: 'validFrom', fa: 'تاریخ اجرا', aliases: ['از تاریخ', 'from'], kind: 'date', jalali: true },
  { name: 'retired-on', key: 'retiredOn', fa: 'تاریخ لغو', aliases: ['retired'], kind: 'date', jalali: true },
];

/**
 * A time cell: `08:00`, `۲۰:۰۰`, `8`, or the fraction of a day a spreadsheet
 * keeps behind a time it shows (0.3333… = 08:00).
 */
export function clockCell(text: string, field: string): string {
  const s = toLatinDigits(text).trim();
  if (/^0?\.\d+$/.test(s)) {
    const minutes = Math.round(Number(s) * 1440) % 1440;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return parseClockTime(s, field);
}

function importPatternRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'shift-patterns', row.get('id'));
  let target: PatternRow | undefined;
  if (idRef.local !== undefined) {
    target = selectPattern(s.db, idRef.local);
    if (target === undefined)
      throw new NotFoundError(t('no shift pattern {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectPattern(s.db, idRef.mapped);

  const service = parseCode(DUTY_SERVICES, requiredText(row.get('service'), 'service'), 'service');
  const name = requiredText(row.get('name'), 'name', 60);
  const start = clockCell(requiredText(row.get('start'), 'start'), 'start');
  const end = clockCell(requiredText(row.get('end'), 'end'), 'end');
  const neededText = row.get('needed');
  const needed = neededText === undefined ? undefined : parseInteger(neededText, 'needed', { min: 1, max: 100 });
  const date = (field: string): string | undefined => {
    const v = row.get(field);
    return v === undefined ? undefined : parseDateInput(v, { today: s.today, field, kind: 'record' });
  };
  const validFrom = date('valid-from');
  const retiredOn = date('retired-on');

  target ??= selectPatternsByNameKey(s.db, matchingKey(name), service)[0];
  if (target === undefined) {
    const p = addPattern(s, { service, name, start, end, needed, from: validFrom });
    if (retiredOn !== undefined) retirePattern(s, String(p.id), retiredOn);
    s.claim('shift-patterns', p.id, row.row);
    if (idRef.external !== undefined) insertImportKey(s.db, 'shift-patterns', idRef.external, p.id, s.batchId);
    return { action: 'inserted', id: p.id };
  }

  s.claim('shift-patterns', target.id, row.row);
  if (idRef.external !== undefined && idRef.mapped === undefined)
    insertImportKey(s.db, 'shift-patterns', idRef.external, target.id, s.batchId);
  if (service !== target.service) {
    throw new ConflictError(
      t("shift pattern #{id} is a {service} shift: a pattern's service does not change", { id: target.id, service: target.service }),
      'service',
    );
  }
  if (retiredOn !== target.retiredOn && !(retiredOn === undefined || target.retiredOn === null)) {
    throw new ConflictError(
      t('shift pattern #{id} was retired on {date}: a retirement does not change', { id: target.id, date: target.retiredOn }),
      'retired-on',
    );
  }
  // Only the cells that differ go to `roster pattern update`, so the audit trail names just those.
  const update: PatternUpdate = { id: String(target.id) };
  if (name !== target.name) update.name = name;
  if (start !== target.startTime) update.start = start;
  if (end !== target.endTime) update.end = end;
  if (needed !== undefined && needed !== target.peopleNeeded) update.needed = needed;
  if (validFrom !== undefined && validFrom !== target.validFrom) update.from = validFrom;
  const updating = Object.keys(update).length > 1;
  const retiring = retiredOn !== undefined && target.retiredOn === null;
  if (!updating && !retiring) return { action: 'unchanged', id: target.id };
  if (updating) updatePattern(s, update);
  if (retiring) retirePattern(s, String(target.id), retiredOn);
  return { action: 'updated', id: target.id };
}

export const shiftPatterns: ImportEntity = {
  name: 'shift-patterns',
  record: 'shift-pattern',
  fields: FIELDS,
  errorFields: { from: 'valid-from', date: 'retired-on' },
  importRow: importPatternRow,
  *exportRows(db, officeCode) {
    for (const p of selectPatterns(db, {}).sort((a, b) => a.id - b.id)) {
      yield {
        id: exportId(officeCode, p.id),
        service: p.service,
        name: p.name,
        start: p.startTime,
        end: p.endTime,
        needed: p.peopleNeeded,
        'valid-from': { date: p.validFrom },
        'retired-on': p.retiredOn === null ? null : { date: p.retiredOn },
      };
    }
  },
};
