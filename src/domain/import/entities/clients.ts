/**
 * Clients (مددجو). The key of a row: its id when it is one of this office's
 * (KRJ01:12, from an export), its national code, its id from another source,
 * else its name (exact spelling) and birth date. A namesake that differs only
 * in spelling, or has another key, is reported and never merged.
 */
import { ConflictError, NotFoundError, ParvandeError } from '../../../errors.js';
import { t } from '../../../messages/catalogue.js';
import {
  insertClient,
  insertMergedClient,
  markClientMerged,
  selectClient,
  selectClientByNationalCode,
  selectMergedInto,
  updateClientRow,
} from '../../../store/clients.js';
import { iterateClients } from '../../../store/export.js';
import { resumeNewClientCounts, suspendNewClientCounts } from '../../../store/report-counts/index.js';
import {
  anyClientWithoutBirthDate,
  anyNamesakeExcept,
  insertClientUnlessCodeTaken,
  insertImportKey,
  selectClientIdsByNameAndBirth,
  selectImportKey,
  selectNamesake,
  selectNamesakeIds,
} from '../../../store/import.js';
import { keepReplacedText } from '../../replaced-texts.js';
import { recordAudit } from '../../audit.js';
import { assertNotMerged, validateClient, type Client, type RawClient, type ValidatedClient } from '../../clients.js';
import { formatMobileLocal } from '../../mobile.js';
import type { FieldSpec } from '../columns.js';
import {
  exportId,
  ownCode,
  parseRowRef,
  type ImportEntity,
  type ImportSession,
  type PossibleDuplicate,
  type RowOutcome,
} from '../entity.js';
import { refText } from '../refs.js';
import type { RowView } from '../values.js';

const FIELDS: readonly FieldSpec[] = [
  { name: 'id', key: 'id', fa: 'شناسه', aliases: ['external-id', 'شناسه خارجی', 'کد مددجو', 'شماره مددجو'], kind: 'id' },
  { name: 'first-name', key: 'firstName', fa: 'نام', aliases: ['given name'], kind: 'name', required: true, personal: true },
  {
    name: 'last-name',
    key: 'lastName',
    fa: 'نام خانوادگی',
    aliases: ['surname', 'family name', 'فامیلی', 'نام فامیل'],
    kind: 'name',
    required: true,
    personal: true,
  },
  {
    name: 'national-code',
    key: 'nationalCode',
    fa: 'کد ملی',
    aliases: ['شماره ملی', 'national id'],
    kind: 'national-code',
    personal: true,
  },
  { name: 'birth-date', key: 'birthDate', fa: 'تاریخ تولد', aliases: ['date of birth', 'dob'], kind: 'date', personal: true, jalali: true },
  { name: 'sex', key: 'sex', fa: 'جنسیت', aliases: ['جنس', 'gender'], kind: 'code' },
  {
    name: 'mobile',
    key: 'mobile',
    fa: 'تلفن همراه',
    aliases: ['موبایل', 'شماره همراه', 'شماره موبایل', 'همراه', 'mobile number'],
    kind: 'mobile',
    personal: true,
  },
  { name: 'address', key: 'address', fa: 'نشانی', aliases: ['آدرس'], kind: 'text', personal: true },
  { name: 'county', key: 'county', fa: 'شهرستان', kind: 'text' },
  { name: 'informal-settlement', key: 'informalSettlement', fa: 'سکونتگاه غیررسمی', aliases: ['حاشیه نشین'], kind: 'bool' },
  { name: 'woman-head', key: 'womanHead', fa: 'زن سرپرست خانوار', kind: 'bool' },
  { name: 'notes', key: 'notes', fa: 'یادداشت', aliases: ['توضیحات', 'ملاحظات'], kind: 'note', personal: true },
  { name: 'registered-on', key: 'registeredOn', fa: 'تاریخ ثبت', aliases: ['registered', 'تاریخ پذیرش'], kind: 'date', jalali: true },
  // A client merged into another (client merge) is a pointer to the record kept: exports carry it.
  { name: 'merged-into', key: 'mergedInto', fa: 'ادغام شده در', aliases: ['merged'], kind: 'ref' },
];

type InputKey = keyof RawClient;
const INPUT_OF: ReadonlyArray<readonly [string, InputKey]> = FIELDS.filter((f) => f.name !== 'id' && f.name !== 'merged-into').map((f) => [
  f.name,
  f.key as InputKey,
]);

/** Fields whose values repeat from row to row (dates, sex, county, yes/no): validated once per distinct value. */
const REPEATING = ['birthDate', 'sex', 'county', 'informalSettlement', 'womanHead', 'registeredOn'] as const;
type Repeating = (typeof REPEATING)[number];

/** What validateClient made of one cell text of a repeating field: its value, or the error it refused it with. */
class Outcome {
  constructor(
    readonly value: unknown,
    readonly error: unknown,
    readonly refused: boolean,
  ) {}
}

/** Outcomes by cell text, and the outcome of a blank cell or absent column (kept aside: no lookup for it). */
class Memo {
  readonly byText = new Map<string, Outcome>();
  blank: Outcome | undefined = undefined;
}
type Memos = Record<Repeating, Memo>;

/** The field's value as validateClient gives it for this cell alone, computed once per distinct cell text. */
function repeating<K extends Repeating>(s: ImportSession, memo: Memo, k: K, raw: RawClient[K]): ValidatedClient['write'][K] {
  let hit = raw === undefined ? memo.blank : memo.byText.get(String(raw));
  if (hit === undefined) {
    try {
      hit = new Outcome(validateClient({ firstName: '-', lastName: '-', [k]: raw }, s.today).write[k], undefined, false);
    } catch (err) {
      if (!(err instanceof ParvandeError)) throw err;
      hit = new Outcome(undefined, err, true);
    }
    if (raw === undefined) memo.blank = hit;
    else {
      if (memo.byText.size > 50_000) memo.byText.clear();
      memo.byText.set(String(raw), hit);
    }
  }
  if (hit.refused) throw hit.error;
  return hit.value as ValidatedClient['write'][K];
}

/**
 * Each repeating field goes through validateClient itself, alone, once per
 * distinct cell text; the row then goes through validateClient with those
 * values as its base, which applies the rules across fields (birth before
 * registration). The same rules, without re-parsing "1402/07/05" 200,000 times.
 * Fields are spelled out rather than looped over: this runs once per row.
 */
function validateNew(s: ImportSession, input: RawClient): ValidatedClient {
  const m = s.cache<Memos>('clients.repeating', () => ({
    birthDate: new Memo(),
    sex: new Memo(),
    county: new Memo(),
    informalSettlement: new Memo(),
    womanHead: new Memo(),
    registeredOn: new Memo(),
  }));
  // In REPEATING's order: the first refused of them is the one reported.
  const base: Client = {
    id: 0,
    firstName: '',
    lastName: '',
    nationalCode: null,
    birthDate: repeating(s, m.birthDate, 'birthDate', input.birthDate),
    sex: repeating(s, m.sex, 'sex', input.sex),
    mobile: null,
    address: null,
    county: repeating(s, m.county, 'county', input.county),
    informalSettlement: repeating(s, m.informalSettlement, 'informalSettlement', input.informalSettlement),
    womanHead: repeating(s, m.womanHead, 'womanHead', input.womanHead),
    notes: null,
    registeredOn: repeating(s, m.registeredOn, 'registeredOn', input.registeredOn),
    createdAt: '',
    updatedAt: '',
  };
  return validateClient(
    {
      firstName: input.firstName ?? '',
      lastName: input.lastName ?? '',
      nationalCode: input.nationalCode,
      mobile: input.mobile,
      address: input.address,
      notes: input.notes,
    },
    s.today,
    base,
    { repairNationalCode: true },
  );
}

const COMPARED = [
  'firstName',
  'lastName',
  'nationalCode',
  'birthDate',
  'sex',
  'mobile',
  'address',
  'county',
  'informalSettlement',
  'womanHead',
  'notes',
  'registeredOn',
] as const;
const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

function possibleDuplicates(s: ImportSession, id: number, w: ValidatedClient['write']): PossibleDuplicate[] {
  // Clients with an unknown birth date are namesakes of everyone with the name; when there are none, one query is saved per row.
  const unknownBirths = s.cache('clients.unknownBirths', () => ({ any: anyClientWithoutBirthDate(s.db) }));
  if (w.birthDate === null) unknownBirths.any = true;
  if (!anyNamesakeExcept(s.db, w.nameKey, w.birthDate, id, unknownBirths.any)) return [];
  const others = selectNamesakeIds(s.db, w.nameKey, w.birthDate, 7, unknownBirths.any).filter((other) => other !== id);
  if (others.length === 0) return [];
  const out: PossibleDuplicate[] = [];
  for (const other of others) {
    const c = selectNamesake(s.db, other);
    // Two different national codes are two different people.
    if (c === undefined || (c.nationalCode !== null && w.nationalCode !== null && c.nationalCode !== w.nationalCode)) continue;
    const spelled = c.firstName === w.firstName && c.lastName === w.lastName;
    const born = c.birthDate === w.birthDate;
    const reason = spelled
      ? born
        ? t('same name, same birth date')
        : t('same name, a birth date unknown')
      : born
        ? t('same name spelled differently, same birth date')
        : t('same name spelled differently, a birth date unknown');
    out.push({ id: c.id, reason });
  }
  return out.slice(0, 5);
}

function importClient(s: ImportSession, row: RowView): RowOutcome {
  // Spelled out in FIELDS' order (a date read twice, ISO and Jalali, may refuse the row here).
  const input: RawClient = {
    firstName: row.get('first-name'),
    lastName: row.get('last-name'),
    nationalCode: row.get('national-code'),
    birthDate: row.get('birth-date'),
    sex: row.get('sex'),
    mobile: row.get('mobile'),
    address: row.get('address'),
    county: row.get('county'),
    informalSettlement: row.get('informal-settlement'),
    womanHead: row.get('woman-head'),
    notes: row.get('notes'),
    registeredOn: row.get('registered-on'),
  };
  const idText = row.get('id');
  const ref = idText === undefined ? {} : parseRowRef(idText, ownCode(s));

  let target: Client | undefined;
  if (ref.local !== undefined) {
    target = selectClient(s.db, ref.local);
    if (target === undefined) throw new NotFoundError(t('no client {id} in this office', { id: `${s.officeCode}:${ref.local}` }), 'id');
  } else if (ref.external !== undefined) {
    const mapped = selectImportKey(s.db, 'clients', ref.external);
    if (mapped !== undefined) target = selectClient(s.db, mapped);
  }

  const mergedText = row.get('merged-into');
  // The row as a new record, every rule applied, before anything is written.
  const fresh = validateNew(s, input);
  const w = fresh.write;
  const at = s.now();
  const inserted = (id: number): RowOutcome => {
    s.claim('clients', id, row.row);
    if (mergedText !== undefined && s.afterAll !== undefined) s.afterAll(() => linkMergedClient(s, id, mergedText));
    if (ref.external !== undefined) insertImportKey(s.db, 'clients', ref.external, id, s.batchId);
    const dups = possibleDuplicates(s, id, w);
    const outcome: RowOutcome = { action: 'inserted', id };
    if (fresh.repaired.length > 0) outcome.repaired = fresh.repaired;
    if (dups.length > 0) outcome.possibleDuplicates = dups;
    return outcome;
  };

  // A pointer from a file: linked after every row (import office), else to a record stored already.
  const insertNew = (): number => {
    if (mergedText === undefined || s.afterAll !== undefined) return insertClient(s.db, w, at);
    return insertMergedClient(s.db, w, mergedTarget(s, mergedText), at);
  };
  if (w.nationalCode !== null && mergedText !== undefined && target === undefined)
    target = selectClientByNationalCode(s.db, w.nationalCode);
  if (w.nationalCode !== null) {
    if (target === undefined) {
      // A merged row's code holder was looked up above: no ON CONFLICT needed.
      const id = mergedText === undefined ? insertClientUnlessCodeTaken(s.db, w, at) : insertNew();
      if (id !== null) return inserted(id);
      target = selectClientByNationalCode(s.db, w.nationalCode) as Client;
    } else {
      const holder = selectClientByNationalCode(s.db, w.nationalCode);
      if (holder !== undefined && holder.id !== target.id) {
        throw new ConflictError(
          t('this national code belongs to client #{holder}, but the id column names client #{id}', { holder: holder.id, id: target.id }),
          'national-code',
        );
      }
    }
  }
  // Name and birth date are the key only of a row with neither a national code nor an id of its own.
  if (target === undefined && ref.external === undefined) {
    const same = selectClientIdsByNameAndBirth(s.db, w.nameKey, w.birthDate).filter(
      (c) => c.firstName === w.firstName && c.lastName === w.lastName,
    );
    if (same.length > 1) {
      throw new ConflictError(
        t('{count} clients have this name and birth date ({ids}): add a national-code or id column to tell them apart', {
          count: same.length,
          ids: same.map((c) => '#' + c.id).join(', '),
        }),
        'first-name',
      );
    }
    if (same.length === 1) target = selectClient(s.db, (same[0] as { id: number }).id);
  }
  if (target === undefined) return inserted(insertNew());

  s.claim('clients', target.id, row.row);
  if (mergedText !== undefined && selectMergedInto(s.db, target.id) !== mergedTarget(s, mergedText)) {
    throw new ConflictError(t('a stored client is merged with client merge, never by an import'), 'merged-into');
  }
  if (ref.external !== undefined) insertImportKey(s.db, 'clients', ref.external, target.id, s.batchId);
  // A stored client is updated only from the cells that hold something: a blank cell never erases.
  const given: RawClient = {};
  for (const [, key] of INPUT_OF) if (input[key] !== undefined) (given as Record<string, unknown>)[key] = input[key];
  const next = validateClient(given, s.today, target, { repairNationalCode: true });
  const changed = COMPARED.filter((k) => next.write[k] !== target[k]);
  if (changed.length === 0) return { action: 'unchanged', id: target.id };
  // A client merged into another is a pointer (client merge): a row changing it is refused, naming the record kept.
  assertNotMerged(s, target, 'id');
  updateClientRow(s.db, target.id, next.write, at);
  // A notes cell that replaces the stored notes keeps them, as client update does.
  keepReplacedText(s, {
    recordType: 'client',
    recordId: target.id,
    field: 'notes',
    before: target.notes,
    after: next.write.notes,
    reason: null,
  });
  recordAudit(s, 'update', 'client', target.id, changed.map(kebab));
  return { action: 'updated', id: target.id, ...(next.repaired.length > 0 ? { repaired: next.repaired } : {}) };
}

/** The stored client a merged-into cell names (this office's id, or one recorded from the same source). */
function mergedTarget(s: ImportSession, text: string): number {
  const ref = refText(s, 'clients', text);
  const id = ref !== undefined && /^#\d+$/.test(ref) ? Number(ref.slice(1)) : undefined;
  if (id === undefined || selectClient(s.db, id) === undefined) {
    throw new NotFoundError(t('the client this one was merged into is not stored here: its row must come first'), 'merged-into');
  }
  return id;
}

/** Restores a merged client's pointer (import office, after every row): never to itself, never round in a circle. */
function linkMergedClient(s: ImportSession, id: number, text: string): void {
  const keep = mergedTarget(s, text);
  for (let at: number | null = keep, steps = 0; at !== null; at = selectMergedInto(s.db, at), steps++) {
    if (at === id || steps > 1000) throw new ConflictError(t('client #{id} would be merged into itself', { id }), 'merged-into');
  }
  markClientMerged(s.db, id, keep, false, s.now());
}

function localMobile(m: string | null): string | null {
  if (m === null) return null;
  try {
    return formatMobileLocal(m);
  } catch {
    return m;
  }
}

export const clients: ImportEntity = {
  name: 'clients',
  record: 'client',
  fields: FIELDS,
  rangeField: 'registered-on',
  writesLast: true,
  // New clients are added to the report counts once per batch, in one grouped statement.
  openBatch(s) {
    const held = suspendNewClientCounts(s.db);
    return () => resumeNewClientCounts(s.db, held);
  },
  importRow: importClient,
  *exportRows(db, officeCode, range) {
    for (const r of iterateClients(db, range)) {
      yield {
        id: exportId(officeCode, r.id),
        'first-name': r.firstName,
        'last-name': r.lastName,
        'national-code': r.nationalCode,
        'birth-date': r.birthDate === null ? null : { date: r.birthDate },
        sex: r.sex,
        mobile: localMobile(r.mobile),
        address: r.address,
        county: r.county,
        'informal-settlement': r.informalSettlement === 1,
        'woman-head': r.womanHead === 1,
        notes: r.notes,
        'registered-on': { date: r.registeredOn },
        'merged-into': exportId(officeCode, r.mergedInto),
      };
    }
  },
};
