/**
 * How the rows of the people side (roster assignments, enrolments, workshops)
 * name the records they refer to. A reference cell holds this office's id
 * (KRJ01:12), an id recorded when the file's source was imported, or what the
 * commands accept (an id, a national code, a name). Companion columns (national
 * code and names of a person, the name of a shift or a course) find the record
 * when the cell is another source's id, and are checked against it whenever
 * both are given: a typo in an id must not land a shift or a course on the
 * wrong person.
 */
import { ConflictError, NotFoundError, ParvandeError, ValidationError } from '../../../errors.js';
import { saidOf, t, type Text } from '../../../messages/catalogue.js';
import { selectClient, selectClientByNationalCode } from '../../../store/clients.js';
import { selectImportKey } from '../../../store/import.js';
import { selectStaff, selectStaffByNationalCode } from '../../../store/staff.js';
import { assertNotMerged, clientNameKey, resolveClient, type Client } from '../../clients.js';
import { noRecordWithId } from '../../fields.js';
import { parseNationalCode } from '../../national-code.js';
import { resolveStaff, staffNameKey, type Staff } from '../../staff.js';
import { ownCode, parseRowRef, type ImportSession } from '../entity.js';
import type { RowView } from '../values.js';

export type RefCell =
  /** A stored record's id: this office's own, or recorded from the same source. */
  | { id: number }
  /** Another office's id (`KRJ01:12`) never imported here. */
  | { foreign: string }
  /** Anything else: read the way the commands read it. */
  | { text: string };

export function readRef(s: ImportSession, entity: string, value: string | undefined): RefCell | undefined {
  if (value === undefined) return undefined;
  const r = parseRowRef(value, ownCode(s));
  if (r.local !== undefined) return { id: r.local };
  const mapped = selectImportKey(s.db, entity, r.external as string);
  if (mapped !== undefined) return { id: mapped };
  const text = value.trim();
  return /^[A-Za-z0-9]{2,12}:\d{1,15}$/.test(text) ? { foreign: text } : { text };
}

/** The national-code column of a row, padded when a spreadsheet dropped its zeros. */
function rowNationalCode(row: RowView): string | undefined {
  const text = row.get('national-code');
  return text === undefined ? undefined : parseNationalCode(text, { repairLeadingZeros: true, field: 'national-code' }).code;
}

/** The name columns of a row must name the person found; spelling variants (ی/ي, ZWNJ, spaces) are no difference. */
function checkName(row: RowView, stored: { firstName: string; lastName: string }, key: (f: string, l: string) => string, what: Text): void {
  const first = row.get('first-name');
  const last = row.get('last-name');
  if (first === undefined && last === undefined) return;
  if (key(first ?? stored.firstName, last ?? stored.lastName) !== key(stored.firstName, stored.lastName)) {
    const field = first === undefined ? 'last-name' : 'first-name';
    throw new ValidationError(t("the name is not that of {who}: check the row's names, id and national code", { who: what }), field);
  }
}

/** How a row's person was found: by a column, or by the name. */
const foundBy = (by: string): Text => (by === 'name' ? t('found by name') : t('found by {column}', { column: by }));

/**
 * The staff member a row names: by its `refField` column, else its national
 * code, else its full name (when one person has it); then checked against the
 * national code and names the row also gives.
 */
export function rowStaff(s: ImportSession, row: RowView, refField = 'staff'): Staff {
  const ref = readRef(s, 'staff', row.get(refField));
  const code = rowNationalCode(row);
  let staff: Staff | undefined;
  let by = refField;
  if (ref !== undefined && 'id' in ref) {
    staff = selectStaff(s.db, ref.id);
    if (staff === undefined) throw noRecordWithId('staff member', refField);
  } else if (ref !== undefined && 'text' in ref) {
    staff = resolveStaff(s, ref.text, refField);
  } else if (code !== undefined) {
    staff = selectStaffByNationalCode(s.db, code);
    if (staff === undefined)
      throw new NotFoundError(t('no staff member has this national code: import or add the person first'), 'national-code');
    by = 'national-code';
  } else if (row.get('first-name') !== undefined && row.get('last-name') !== undefined) {
    staff = resolveStaff(s, `${row.get('first-name')} ${row.get('last-name')}`, 'first-name');
    by = 'name';
  } else if (ref !== undefined && 'foreign' in ref) {
    throw new NotFoundError(
      t("no staff was imported here with the id {id}: import that office's staff file first, or add a national-code column", {
        id: ref.foreign,
      }),
      refField,
    );
  } else {
    throw new ValidationError(
      t("{field} is required: give the staff member's id, national code or full name", { field: refField }),
      refField,
    );
  }
  if (code !== undefined && staff.nationalCode !== code) {
    const holder = staff.nationalCode === null ? selectStaffByNationalCode(s.db, code) : staff;
    if (holder !== undefined) {
      throw new ConflictError(
        t('the national code is not that of staff member #{id} ({found}): check the row', { id: staff.id, found: foundBy(by) }),
        'national-code',
      );
    }
  }
  checkName(row, staff, staffNameKey, t('staff member #{id} ({found})', { id: staff.id, found: foundBy(by) }));
  return staff;
}

/** The client a row names: by its `client` column (id or national code), else its national code; names are checked, never searched. */
export function rowClient(s: ImportSession, row: RowView, refField = 'client'): Client {
  const ref = readRef(s, 'clients', row.get(refField));
  const code = rowNationalCode(row);
  let client: Client | undefined;
  let by = refField;
  if (ref !== undefined && 'id' in ref) {
    client = selectClient(s.db, ref.id);
    if (client === undefined) throw noRecordWithId('client', refField);
  } else if (ref !== undefined && 'text' in ref) {
    client = resolveClient(s, ref.text, refField);
  } else if (code !== undefined) {
    client = selectClientByNationalCode(s.db, code);
    if (client === undefined) throw new NotFoundError(t('no client has this national code'), 'national-code');
    by = 'national-code';
  } else if (ref !== undefined && 'foreign' in ref) {
    throw new NotFoundError(
      t("no clients was imported here with the id {id}: import that office's clients file first, or add a national-code column", {
        id: ref.foreign,
      }),
      refField,
    );
  } else {
    throw new ValidationError(t("{field} is required: give the client's id or national code", { field: refField }), refField);
  }
  // A client merged into another takes nothing new (client merge): the row names the record kept.
  assertNotMerged(s, client, by);
  if (code !== undefined && client.nationalCode !== code) {
    const holder = client.nationalCode === null ? selectClientByNationalCode(s.db, code) : client;
    if (holder !== undefined)
      throw new ConflictError(
        t('the national code is not that of client #{id} ({found}): check the row', { id: client.id, found: foundBy(by) }),
        'national-code',
      );
  }
  checkName(row, client, clientNameKey, t('client #{id} ({found})', { id: client.id, found: foundBy(by) }));
  return client;
}

/** The column a row names its person in: the reference column, else the national code, else the names. */
export function personColumn(row: RowView, refField: string): string {
  if (row.get(refField) !== undefined) return refField;
  return row.get('national-code') !== undefined ? 'national-code' : 'first-name';
}

/**
 * Runs a command's step, its errors naming the row's column rather than the
 * command's option: `--date` of `training drop` is the row's dropped-on, and a
 * refusal of `--staff` belongs to the column that named the person.
 */
export function asColumn<T>(option: string, column: string, step: () => T): T {
  try {
    return step();
  } catch (err) {
    if (err instanceof ParvandeError && err.field === option && option !== column) {
      const Same = err.constructor as new (message: Text, field?: string) => ParvandeError;
      throw new Same(ofColumn(err.text, option, column), column);
    }
    throw err;
  }
}

/** A command's message said of the row's column: the first `--option` in it becomes the column, in either language. */
function ofColumn(text: Text, option: string, column: string): Text {
  return saidOf(text, `--${option}`, column);
}
