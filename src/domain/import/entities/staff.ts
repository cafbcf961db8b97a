/**
 * The staff register (کارکنان). Key: this office's id, the national code, an
 * id recorded from the same source, else the full name when exactly one person
 * has it. Every value passes validateStaff (the parse and rules of `staff add`
 * and `staff update`); a row saying the person has left goes through the parse
 * and rules of `staff leave --date`.
 */
import { ConflictError, NotFoundError, ValidationError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import { insertImportKey } from '../../../store/import.js';
import {
  insertStaff,
  selectStaff,
  selectStaffByNameKey,
  selectStaffByNationalCode,
  selectStaffList,
  updateStaffRow,
  type StaffRow,
} from '../../../store/staff.js';
import { recordAudit } from '../../audit.js';
import { parseDateInput } from '../../../lang/dates.js';
import { isBlank, parseBool } from '../../fields.js';
import { parseNationalCode } from '../../national-code.js';
import { formatPhoneLocal } from '../../people/phone.js';
import { parseLeaveDate, recordStaffLeaving, staffNameKey, validateStaff, type RawStaff, type Staff } from '../../staff.js';
import type { FieldSpec } from '../columns.js';
import { exportId, type ImportEntity, type ImportSession, type RowOutcome } from '../entity.js';
import { refText, rowTarget } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', kind: 'id' },
  { name: 'first-name', key: 'firstName', fa: 'نام', kind: 'name', required: true, personal: true },
  { name: 'last-name', key: 'lastName', fa: 'نام خانوادگی', aliases: ['فامیلی'], kind: 'name', required: true, personal: true },
  { name: 'national-code', key: 'nationalCode', fa: 'کد ملی', aliases: ['شماره ملی'], kind: 'national-code', personal: true },
  { name: 'role', key: 'role', fa: 'سمت', aliases: ['نقش', 'پست'], kind: 'code', required: true },
  { name: 'sector', key: 'sector', fa: 'بخش', aliases: ['دولتی/غیردولتی'], kind: 'code', required: true },
  { name: 'center-id', key: 'centerId', fa: 'مرکز', aliases: ['center'], kind: 'ref' },
  { name: 'degree', key: 'degree', fa: 'مدرک تحصیلی', aliases: ['مدرک'], kind: 'code' },
  { name: 'field', key: 'field', fa: 'رشته تحصیلی', aliases: ['رشته'], kind: 'text' },
  { name: 'membership-no', key: 'membershipNo', fa: 'شماره عضویت', aliases: ['شماره عضویت انجمن'], kind: 'text' },
  { name: 'phone', key: 'phone', fa: 'تلفن', aliases: ['تلفن همراه', 'موبایل', 'شماره تماس', 'تلفن تماس'], kind: 'phone', personal: true },
  {
    name: 'start-date',
    key: 'startDate',
    fa: 'تاریخ شروع به کار',
    aliases: ['تاریخ شروع', 'تاریخ شروع خدمت', 'تاریخ استخدام'],
    kind: 'date',
    jalali: true,
  },
  { name: 'left-on', key: 'leftOn', fa: 'تاریخ ترک کار', aliases: ['left', 'تاریخ ترک خدمت', 'تاریخ خروج'], kind: 'date', jalali: true },
  { name: 'active', key: 'active', fa: 'فعال', kind: 'bool' },
];

const INPUTS: ReadonlyArray<readonly [string, keyof RawStaff]> = [
  ['first-name', 'firstName'],
  ['last-name', 'lastName'],
  ['national-code', 'nationalCode'],
  ['role', 'role'],
  ['sector', 'sector'],
  ['degree', 'degree'],
  ['field', 'field'],
  ['membership-no', 'membershipNo'],
  ['phone', 'phone'],
  ['start-date', 'startDate'],
];
const COMPARED = {
  firstName: 'first-name',
  lastName: 'last-name',
  nationalCode: 'national-code',
  role: 'role',
  sector: 'sector',
  centerId: 'center-id',
  degree: 'degree',
  field: 'field',
  membershipNo: 'membership-no',
  phone: 'phone',
  startDate: 'start-date',
} as const;

function importStaffRow(s: ImportSession, row: RowView): RowOutcome {
  const idRef = rowTarget(s, 'staff', row.get('id'));
  let target: StaffRow | undefined;
  if (idRef.local !== undefined) {
    target = selectStaff(s.db, idRef.local);
    if (target === undefined)
      throw new NotFoundError(t('no staff member {id} in this office', { id: `${s.officeCode}:${idRef.local}` }), 'id');
  } else if (idRef.mapped !== undefined) target = selectStaff(s.db, idRef.mapped);

  const input: RawStaff = {};
  for (const [name, key] of INPUTS) if (row.get(name) !== undefined) (input as Record<string, unknown>)[key] = row.get(name);
  const center = refText(s, 'centers', row.get('center-id'));
  if (center !== undefined) input.center = center;
  const leftText = row.get('left-on');
  const active = row.get('active') === undefined ? leftText === undefined : parseBool(row.get('active') as string, 'active');
  if (active && leftText !== undefined) throw new ValidationError(t('left-on is filled but active says yes: empty one of them'), 'left-on');
  // `staff leave`'s parse and rules (its errors name date: errorFields maps it to left-on).
  const leave = (id: number): void => {
    recordStaffLeaving(s, selectStaff(s.db, id) as Staff, parseLeaveDate(leftText, s.today));
  };

  const parsedCode = isBlank(input.nationalCode)
    ? undefined
    : parseNationalCode(input.nationalCode, { repairLeadingZeros: true, field: 'national-code' });
  const code = parsedCode?.code;
  // A code a spreadsheet cut short and that was padded is counted as repaired, as for clients.
  const repaired = parsedCode?.repaired === true ? { repaired: ['national-code'] } : {};
  if (target === undefined && code !== undefined) target = selectStaffByNationalCode(s.db, code);
  let namesakes: StaffRow[] = [];
  if (target === undefined && idRef.external === undefined) {
    const first = input.firstName ?? '';
    const last = input.lastName ?? '';
    namesakes = selectStaffByNameKey(s.db, staffNameKey(first, last));
    // Two different national codes are two different people: namesakes are reported, never merged.
    const same = namesakes.filter(
      (x) => x.firstName === first && x.lastName === last && (code === undefined || x.nationalCode === null || x.nationalCode === code),
    );
    if (same.length > 1) {
      throw new ConflictError(
        t('{count} staff members have this name ({ids}): add an id or national-code column', {
          count: same.length,
          ids: same.map((x) => '#' + x.id).join(', '),
        }),
        'first-name',
      );
    }
    target = same[0];
  }

  if (target === undefined) {
    const w = validateStaff(s, input, undefined, { repairNationalCode: true });
    const id = insertStaff(s.db, w, s.now());
    if (!active) {
      const depart = (): void => {
        if (leftText === undefined) {
          updateStaffRow(s.db, id, { ...w, active: false, leftOn: null }, s.now());
          return;
        }
        const removed = recordStaffLeaving(s, selectStaff(s.db, id) as Staff, parseLeaveDate(leftText, s.today)).removedAssignments;
        if (removed > 0 && s.afterAll !== undefined) {
          throw new ConflictError(
            t('the folder holds {count} shifts of staff member #{id} after the day they left', { count: removed, id }),
            'left-on',
          );
        }
      };
      // import office: the departure waits for every row, so that what the office kept from before it was recorded
      // (an enrolment asked for after a leaving date entered late) is read as it was.
      if (s.afterAll !== undefined) s.afterAll(depart);
      else depart();
    }
    s.claim('staff', id, row.row);
    if (idRef.external !== undefined) insertImportKey(s.db, 'staff', idRef.external, id, s.batchId);
    // As for clients: a name spelled differently is reported; two different national codes are two people.
    const possibleDuplicates = namesakes
      .filter((x) => code === undefined || x.nationalCode === null || x.nationalCode === code)
      .slice(0, 5)
      .map((x) => ({ id: x.id, reason: t('same name spelled differently') }));
    return { action: 'inserted', id, ...repaired, ...(possibleDuplicates.length > 0 ? { possibleDuplicates } : {}) };
  }

  s.claim('staff', target.id, row.row);
  if (idRef.external !== undefined && idRef.mapped === undefined) insertImportKey(s.db, 'staff', idRef.external, target.id, s.batchId);
  const next = validateStaff(s, { ...input, active: target.active }, target, { repairNationalCode: true });
  const changed = (Object.keys(COMPARED) as (keyof typeof COMPARED)[])
    .filter((k) => (next[k] ?? null) !== target[k])
    .map((k) => COMPARED[k]);
  const leaving = target.active && !active;
  const rejoining = !target.active && active;
  const leftDiffers =
    !target.active &&
    !active &&
    leftText !== undefined &&
    target.leftOn !== null &&
    parseDateInput(leftText, { today: s.today, field: 'left-on', kind: 'record' }) !== target.leftOn;
  if (leftDiffers)
    throw new ConflictError(
      t('left-on differs from the stored date of staff member #{id}: change it with the staff commands', { id: target.id }),
      'left-on',
    );
  if (changed.length === 0 && !leaving && !rejoining) return { action: 'unchanged', id: target.id };
  if (changed.length > 0 || rejoining) {
    const write = rejoining ? { ...next, active: true, leftOn: null } : next;
    updateStaffRow(s.db, target.id, write, s.now());
    recordAudit(s, 'update', 'staff', target.id, rejoining ? [...changed, 'active'] : changed);
  }
  if (leaving) leave(target.id);
  return { action: 'updated', id: target.id, ...repaired };
}

export const staff: ImportEntity = {
  name: 'staff',
  record: 'staff',
  fields: FIELDS,
  errorFields: { center: 'center-id', date: 'left-on' },
  importRow: importStaffRow,
  *exportRows(db, officeCode) {
    const all = selectStaffList(db, {}).sort((a, b) => a.id - b.id);
    for (const r of all) {
      yield {
        id: exportId(officeCode, r.id),
        'first-name': r.firstName,
        'last-name': r.lastName,
        'national-code': r.nationalCode,
        role: r.role,
        sector: r.sector,
        'center-id': exportId(officeCode, r.centerId),
        degree: r.degree,
        field: r.field,
        'membership-no': r.membershipNo,
        phone: r.phone === null ? null : formatPhoneLocal(r.phone),
        'start-date': r.startDate === null ? null : { date: r.startDate },
        'left-on': r.leftOn === null ? null : { date: r.leftOn },
        active: r.active,
      };
    }
  },
};
