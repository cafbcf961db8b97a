/**
 * Duty roster assignments (کشیک): one person on one shift pattern's shift on
 * one date. Key: this office's id, an id recorded from the same source, else
 * the person, the pattern and the date (a person is on a shift once). A new
 * row is `roster assign --date`: every rule of the roster applies (the pattern
 * is in force, the person works here that day, no overlapping shift, the rest
 * after a night shift). A stored assignment is never changed by a file: people
 * move between shifts with `roster unassign`, `assign` and `swap`.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import { selectAssignment, selectAssignments, selectPattern, type AssignmentRow, type PatternRow } from '../../../store/roster.js';
import { selectStaffList } from '../../../store/staff.js';
import { parseDateInput } from '../../../lang/dates.js';
import { noRecordWithId, parseCode, requiredText } from '../../fields.js';
import { DUTY_SERVICES } from '../../people/codes.js';
import { assignShifts } from '../../roster/assignments.js';
import { shiftSpan } from '../../roster/clock.js';
import { resolvePattern } from '../../roster/patterns.js';
import { toLatinDigits } from '../../../lang/digits.js';
import { matchingKey } from '../../../lang/persian.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { rowTarget } from '../refs.js';
import type { RowView } from '../values.js';
import { asColumn, personColumn, readRef, rowStaff } from './people-refs.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  {
    name: 'date',
    key: 'shiftDate',
    fa: 'تاریخ',
    aliases: ['shift-date', 'تاریخ شیفت', 'تاریخ کشیک'],
    kind: 'date',
    required: true,
    jalali: true,
  },
  { name: 'service', key: 'service', fa: 'خدمت', aliases: ['واحد'], kind: 'code' },
  { name: 'pattern', key: 'pattern', fa: 'شیفت', aliases: ['pattern-id', 'نوبت', 'نوبت کاری', 'الگوی شیفت'], kind: 'ref' },
  { name: 'pattern-name', key: 'patternName', fa: 'نام شیفت', kind: 'text' },
  { name: 'staff', key: 'staff', fa: 'کارمند', aliases: ['staff-id', 'کارشناس', 'پرسنل', 'نیرو'], kind: 'ref', personal: true },
  { name: 'national-code', key: 'nationalCode', fa: 'کد ملی', aliases: ['شماره ملی'], kind: 'national-code', personal: true },
  { name: 'first-name', key: 'firstName', fa: 'نام', kind: 'name', personal: true },
  { name: 'last-name', key: 'lastName', fa: 'نام خانوادگی', aliases: ['فامیلی'], kind: 'name', personal: true },
  { name: 'starts-at', key: 'startsAt', fa: 'شروع', aliases: ['زمان شروع'], kind: 'text' },
  { name: 'ends-at', key: 'endsAt', fa: 'پایان', aliases: ['زمان پایان'], kind: 'text' },
];

/** The pattern a row names: by its pattern column (id or name), else by pattern-name; checked against service and pattern-name. */
function rowPattern(s: ImportSession, row: RowView): PatternRow {
  const ref = readRef(s, 'shift-patterns', row.get('pattern'));
  const name = row.get('pattern-name');
  const serviceText = row.get('service');
  let p: PatternRow | undefined;
  if (ref !== undefined && 'id' in ref) {
    p = selectPattern(s.db, ref.id);
    if (p === undefined) throw noRecordWithId('shift pattern', 'pattern');
  } else if (ref !== undefined && 'text' in ref) {
    p = resolvePattern(s, ref.text, serviceText, 'pattern');
  } else if (name !== undefined) {
    p = resolvePattern(s, name, serviceText, 'pattern-name');
  } else if (ref !== undefined && 'foreign' in ref) {
    throw new NotFoundError(
      t(
        "no shift pattern was imported here with the id in the pattern column: import that office's shift-patterns file first, or add pattern-name and service columns",
      ),
      'pattern',
    );
  } else {
    throw new ValidationError(t("pattern is required: give the shift pattern's id, or its name (with the service)"), 'pattern');
  }
  if (serviceText !== undefined && parseCode(DUTY_SERVICES, serviceText, 'service') !== p.service) {
    throw new ConflictError(
      t('shift pattern #{id} is a {service} shift, not one of the service given', { id: p.id, service: p.service }),
      'service',
    );
  }
  if (name !== undefined && matchingKey(name) !== matchingKey(p.name)) {
    throw new ValidationError(
      t('shift pattern #{id} is named "{name}", not as the pattern-name column says', { id: p.id, name: p.name }),
      'pattern-name',
    );
  }
  return p;
}

/** `2026-11-25T20:00`, `2026-11-25 20:00` or with Persian digits, as local text. */
const instantCell = (text: string): string => toLatinDigits(text).trim().replace(/\s+/, 'T');

function importAssignmentRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'roster-assignments', row.get('id'));
  let target: AssignmentRow | undefined;
  if (idRef.local !== undefined) {
    target = selectAssignment(s.db, idRef.local);
    if (target === undefined)
      throw new NotFoundError(t('no roster assignment {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectAssignment(s.db, idRef.mapped);

  const date = parseDateInput(requiredText(row.get('date'), 'date'), { today: s.today, field: 'date', kind: 'record' });
  const pattern = rowPattern(s, row);
  const staff = rowStaff(s, row);
  // The times a file gives are the sender's: a pattern of the same name with other hours is another shift.
  const span = shiftSpan(date, pattern.startTime, pattern.endTime);
  for (const [field, expected] of [
    ['starts-at', span.startsAt],
    ['ends-at', span.endsAt],
  ] as const) {
    const given = row.get(field);
    if (given !== undefined && instantCell(given) !== expected) {
      throw new ConflictError(
        t('shift pattern #{id} runs {start}–{end} on that date, not as the {column} column says', {
          id: pattern.id,
          start: span.startsAt.replace('T', ' '),
          end: span.endsAt.replace('T', ' '),
          column: field,
        }),
        field,
      );
    }
  }

  target ??= selectAssignments(s.db, { from: date, to: date, staffId: staff.id, patternId: pattern.id })[0];
  if (target !== undefined) {
    s.claim('roster-assignments', target.id, row.row);
    const changed = [
      ...(target.shiftDate !== date ? ['date'] : []),
      ...(target.patternId !== pattern.id ? ['pattern'] : []),
      ...(target.staffId !== staff.id ? ['staff'] : []),
    ];
    if (changed.length > 0) {
      throw new ConflictError(
        t(
          'differs from the stored roster assignment #{id} in {fields}: move people with "roster unassign", "roster assign" or "roster swap"',
          { id: target.id, fields: changed.join(', ') },
        ),
        changed[0],
      );
    }
    if (idRef.external !== undefined && idRef.mapped === undefined)
      insertImportKey(s.db, 'roster-assignments', idRef.external, target.id, s.batchId);
    return { action: 'unchanged', id: target.id };
  }

  const made = asColumn('staff', personColumn(row, 'staff'), () =>
    assignShifts(s, { staff: String(staff.id), pattern: String(pattern.id), date }),
  ).assigned[0] as AssignmentRow;
  s.claim('roster-assignments', made.id, row.row);
  if (idRef.external !== undefined) insertImportKey(s.db, 'roster-assignments', idRef.external, made.id, s.batchId);
  return { action: 'inserted', id: made.id };
}

export const rosterAssignments: ImportEntity = {
  name: 'roster-assignments',
  record: 'roster-assignment',
  fields: FIELDS,
  rangeField: 'date',
  importRow: importAssignmentRow,
  *exportRows(db, officeCode, range) {
    const codes = new Map(selectStaffList(db, {}).map((p) => [p.id, p.nationalCode]));
    const rows = selectAssignments(db, { from: range.from ?? '0001-01-01', to: range.to ?? '9999-12-31' });
    for (const a of rows) {
      yield {
        id: exportId(officeCode, a.id),
        date: { date: a.shiftDate },
        service: a.service,
        pattern: exportId(officeCode, a.patternId),
        'pattern-name': a.patternName,
        staff: exportId(officeCode, a.staffId),
        'national-code': codes.get(a.staffId) ?? null,
        'first-name': a.firstName,
        'last-name': a.lastName,
        'starts-at': a.startsAt,
        'ends-at': a.endsAt,
      };
    }
  },
};
