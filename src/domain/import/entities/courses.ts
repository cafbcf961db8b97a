/**
 * Training courses (دوره‌های آموزشی), one record per run. Key: this office's
 * id, an id recorded from the same source, else the title (after Persian
 * normalisation) with the first day: two runs of one course start on different
 * days. New rows go through `training course add`; a matched course is updated
 * through `training course update` (its capacity never below the places taken,
 * its audience fixed once people are enrolled, a larger capacity moving people
 * up from the waiting list).
 */
import { ConflictError, NotFoundError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import { selectCourse, selectCourses, selectCoursesByTitleKey, type CourseRow } from '../../../store/training.js';
import { addCourse, updateCourse, validateCourse, type CourseInput, type CourseUpdate } from '../../training/courses.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', aliases: ['کد دوره'], kind: 'id' },
  { name: 'title', key: 'title', fa: 'عنوان دوره', aliases: ['عنوان', 'نام دوره', 'دوره'], kind: 'text', required: true },
  { name: 'topic', key: 'topic', fa: 'موضوع', kind: 'text' },
  { name: 'hours', key: 'hours', fa: 'ساعت', aliases: ['مدت (ساعت)', 'تعداد ساعت', 'ساعات'], kind: 'int', required: true },
  { name: 'provider', key: 'provider', fa: 'برگزارکننده', aliases: ['مجری', 'ارائه دهنده'], kind: 'text' },
  {
    name: 'starts-on',
    key: 'startsOn',
    fa: 'تاریخ شروع',
    aliases: ['from', 'از تاریخ', 'شروع'],
    kind: 'date',
    required: true,
    jalali: true,
  },
  { name: 'ends-on', key: 'endsOn', fa: 'تاریخ پایان', aliases: ['to', 'تا تاریخ', 'پایان'], kind: 'date', jalali: true },
  { name: 'capacity', key: 'capacity', fa: 'ظرفیت', kind: 'int' },
  { name: 'audience', key: 'audience', fa: 'مخاطب', aliases: ['مخاطبان'], kind: 'code' },
  { name: 'mandatory-for', key: 'mandatoryFor', fa: 'الزامی برای', aliases: ['اجباری برای', 'mandatory'], kind: 'list' },
];

/** Column → the option of `training course add` it feeds, and the stored field it becomes. */
const COLUMNS: ReadonlyArray<readonly [string, keyof CourseInput, keyof CourseRow]> = [
  ['title', 'title', 'title'],
  ['topic', 'topic', 'topic'],
  ['hours', 'hours', 'hours'],
  ['provider', 'provider', 'provider'],
  ['starts-on', 'from', 'startsOn'],
  ['ends-on', 'to', 'endsOn'],
  ['capacity', 'capacity', 'capacity'],
  ['audience', 'audience', 'audience'],
  ['mandatory-for', 'mandatoryFor', 'mandatoryFor'],
];

const same = (a: unknown, b: unknown): boolean => (Array.isArray(a) && Array.isArray(b) ? a.join(',') === b.join(',') : a === b);

function importCourseRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'courses', row.get('id'));
  let target: CourseRow | undefined;
  if (idRef.local !== undefined) {
    target = selectCourse(s.db, idRef.local);
    if (target === undefined) throw new NotFoundError(t('no course {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectCourse(s.db, idRef.mapped);

  const input: CourseInput = {};
  for (const [column, option] of COLUMNS) {
    const v = row.get(column);
    if (v !== undefined) (input as Record<string, unknown>)[option] = v;
  }
  // The row as a new course, every rule applied, before anything is looked up or written.
  const fresh = validateCourse(s, input);
  if (target === undefined) {
    const runs = selectCoursesByTitleKey(s.db, fresh.titleKey).filter((c) => c.startsOn === fresh.startsOn);
    if (runs.length > 1) {
      throw new ConflictError(
        t('{count} runs of this course start that day ({ids}): add an id column', {
          count: runs.length,
          ids: runs.map((c) => '#' + c.id).join(', '),
        }),
        'title',
      );
    }
    target = runs[0];
  }
  if (target === undefined) {
    const c = addCourse(s, input);
    s.claim('courses', c.id, row.row);
    if (idRef.external !== undefined) insertImportKey(s.db, 'courses', idRef.external, c.id, s.batchId);
    return { action: 'inserted', id: c.id };
  }

  s.claim('courses', target.id, row.row);
  if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'courses', idRef.external, target.id, s.batchId);
  // A matched course is changed only by the cells that hold something, and only where they differ.
  const next = validateCourse(s, input, target);
  const update: CourseUpdate = { id: String(target.id) };
  for (const [, option, stored] of COLUMNS) {
    if (input[option] !== undefined && !same(next[stored as keyof typeof next], target[stored])) {
      (update as unknown as Record<string, unknown>)[option] = input[option];
    }
  }
  if (Object.keys(update).length === 1) return { action: 'unchanged', id: target.id };
  updateCourse(s, update);
  return { action: 'updated', id: target.id };
}

export const courses: ImportEntity = {
  name: 'courses',
  record: 'course',
  fields: FIELDS,
  rangeField: 'starts-on',
  errorFields: { from: 'starts-on', to: 'ends-on' },
  importRow: importCourseRow,
  *exportRows(db, officeCode, range) {
    const runs = selectCourses(db, {
      ...(range.from !== undefined ? { from: range.from } : {}),
      ...(range.to !== undefined ? { to: range.to } : {}),
    });
    for (const c of runs.sort((a, b) => a.id - b.id)) {
      yield {
        id: exportId(officeCode, c.id),
        title: c.title,
        topic: c.topic,
        hours: c.hours,
        provider: c.provider,
        'starts-on': { date: c.startsOn },
        'ends-on': { date: c.endsOn },
        capacity: c.capacity,
        audience: c.audience,
        'mandatory-for': c.mandatoryFor.join(','),
      };
    }
  },
};
