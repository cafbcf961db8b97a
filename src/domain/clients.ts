import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  countCasesOfClient,
  insertClient,
  selectClient,
  selectClientByNationalCode,
  selectClients,
  selectClientsByNameKey,
  selectMergedInto,
  updateClientRow,
  type ClientRow,
  type ClientWrite,
} from '../store/clients.js';
import { selectReplacedTexts } from '../store/replaced-texts.js';
import { keepReplacedText, type ReplacedText } from './replaced-texts.js';
import { recordAudit } from './audit.js';
import { SEXES } from './codes.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { parseDateInput, type IsoDate } from '../lang/dates.js';
import { idDigits, isBlank, noRecordWithId, optionalCode, optionalNote, optionalText, parseBool, parseId, requiredName } from './fields.js';
import { parseMobile } from './mobile.js';
import { nationalCodeMiss, nationalCodeRef, parseNationalCode } from './national-code.js';
import { toLatinDigits } from '../lang/digits.js';
import { matchingKey } from '../lang/persian.js';
import { t } from '../messages/catalogue.js';

export type Client = ClientRow;

/** Raw values as a person typed them or a spreadsheet cell held them. */
export interface RawClient {
  firstName?: string | undefined;
  lastName?: string | undefined;
  nationalCode?: string | undefined;
  birthDate?: string | undefined;
  sex?: string | undefined;
  mobile?: string | undefined;
  address?: string | undefined;
  county?: string | undefined;
  informalSettlement?: string | boolean | undefined;
  womanHead?: string | boolean | undefined;
  notes?: string | undefined;
  registeredOn?: string | undefined;
}

export interface ValidateOptions {
  /** Spreadsheets drop leading zeros of national codes: pad 8 or 9 digits (import only). */
  repairNationalCode?: boolean;
}

/**
 * A client's values as parsed: a key present sets that field (null clears it);
 * a key absent keeps the stored value, or takes a new record's default.
 */
export type ClientFields = Partial<Omit<ClientWrite, 'nameKey'>>;

export interface ParsedClient {
  fields: ClientFields;
  /** Fields whose value was repaired rather than taken as given (import reports them). */
  repaired: string[];
}

export interface ParseClientOptions extends ValidateOptions {
  /** A change to a stored client: the names are required only when given. */
  update?: boolean;
}

/**
 * The parse step of `client add`, `client update` and a client row of an import:
 * each value given, checked on its own (no database). Fields are parsed in this
 * order so that the first bad one is the one reported.
 */
export function parseClientInput(raw: RawClient, today: IsoDate, opts: ParseClientOptions = {}): ParsedClient {
  const repaired: string[] = [];
  const f: ClientFields = {};
  if (raw.firstName !== undefined || opts.update !== true) f.firstName = requiredName(raw.firstName, 'first-name');
  if (raw.lastName !== undefined || opts.update !== true) f.lastName = requiredName(raw.lastName, 'last-name');
  if (raw.nationalCode !== undefined) {
    if (isBlank(raw.nationalCode)) f.nationalCode = null;
    else {
      const nc = parseNationalCode(raw.nationalCode, { repairLeadingZeros: opts.repairNationalCode === true, field: 'national-code' });
      if (nc.repaired) repaired.push('national-code');
      f.nationalCode = nc.code;
    }
  }
  if (raw.birthDate !== undefined) {
    // Its range (1900-01-01 to today) is declared with the others in dates.ts.
    f.birthDate = isBlank(raw.birthDate) ? null : parseDateInput(raw.birthDate, { today, field: 'birth-date', kind: 'birth' });
  }
  if (raw.sex !== undefined) f.sex = optionalCode(SEXES, raw.sex, 'sex');
  if (raw.mobile !== undefined) f.mobile = isBlank(raw.mobile) ? null : parseMobile(raw.mobile, 'mobile');
  if (raw.registeredOn !== undefined && !isBlank(raw.registeredOn)) {
    f.registeredOn = parseDateInput(raw.registeredOn, { today, field: 'registered-on', kind: 'record' });
  }
  if (raw.address !== undefined) f.address = optionalText(raw.address, 'address', 500);
  if (raw.county !== undefined) f.county = optionalText(raw.county, 'county', 100);
  // A blank yes/no keeps what is stored (or no): it never clears.
  if (raw.informalSettlement !== undefined && raw.informalSettlement !== '')
    f.informalSettlement = parseBool(raw.informalSettlement, 'informal-settlement');
  if (raw.womanHead !== undefined && raw.womanHead !== '') f.womanHead = parseBool(raw.womanHead, 'woman-head');
  if (raw.notes !== undefined) f.notes = optionalNote(raw.notes, 'notes');
  return { fields: f, repaired };
}

/** The record the parsed values make, over the stored one (or a new record's defaults), and the rule across fields. */
export function buildClientWrite(f: ClientFields, today: IsoDate, base?: Client): ClientWrite {
  const firstName = f.firstName ?? (base as Client).firstName;
  const lastName = f.lastName ?? (base as Client).lastName;
  const write: ClientWrite = {
    firstName,
    lastName,
    nameKey: clientNameKey(firstName, lastName),
    nationalCode: f.nationalCode !== undefined ? f.nationalCode : (base?.nationalCode ?? null),
    birthDate: f.birthDate !== undefined ? f.birthDate : (base?.birthDate ?? null),
    sex: f.sex !== undefined ? f.sex : (base?.sex ?? null),
    mobile: f.mobile !== undefined ? f.mobile : (base?.mobile ?? null),
    address: f.address !== undefined ? f.address : (base?.address ?? null),
    county: f.county !== undefined ? f.county : (base?.county ?? null),
    informalSettlement: f.informalSettlement ?? base?.informalSettlement ?? false,
    womanHead: f.womanHead ?? base?.womanHead ?? false,
    notes: f.notes !== undefined ? f.notes : (base?.notes ?? null),
    registeredOn: f.registeredOn ?? base?.registeredOn ?? today,
  };
  if (write.birthDate !== null && write.birthDate > write.registeredOn) {
    throw new ValidationError(t('birth-date is after the registration date'), 'birth-date');
  }
  return write;
}

export interface ValidatedClient {
  write: ClientWrite;
  /** Fields whose value was repaired rather than taken as given (import reports them). */
  repaired: string[];
}

export const clientNameKey = (first: string, last: string): string => matchingKey(`${first} ${last}`);

/** Parse, then build over `base`: every rule a client record must satisfy that needs no database (import uses it row by row). */
export function validateClient(input: RawClient, today: IsoDate, base?: Client, opts: ValidateOptions = {}): ValidatedClient {
  const { fields, repaired } = parseClientInput(input, today, { ...opts, update: base !== undefined });
  return { write: buildClientWrite(fields, today, base), repaired };
}

export interface PossibleDuplicate {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** same-name: the names match after Persian normalisation; same-name-and-birth: the birth date matches too. */
  reason: 'same-name' | 'same-name-and-birth';
}

export function findPossibleDuplicates(ctx: Pick<ReadCtx, 'db'>, w: ClientWrite, exceptId?: number): PossibleDuplicate[] {
  return selectClientsByNameKey(ctx.db, w.nameKey)
    .filter((c) => c.id !== exceptId)
    .map((c) => ({
      id: c.id,
      firstName: c.firstName,
      lastName: c.lastName,
      birthDate: c.birthDate,
      reason: w.birthDate !== null && c.birthDate === w.birthDate ? ('same-name-and-birth' as const) : ('same-name' as const),
    }));
}

function assertNationalCodeFree(ctx: Pick<ReadCtx, 'db'>, code: string | null, exceptId?: number): void {
  if (code === null) return;
  const holder = selectClientByNationalCode(ctx.db, code);
  if (holder !== undefined && holder.id !== exceptId) {
    throw new ConflictError(t('this national code is already registered to client #{id}', { id: holder.id }), 'national-code');
  }
}

export interface AddClientResult {
  client: Client;
  possibleDuplicates: PossibleDuplicate[];
}

/** Registers a client from parsed values. Probable duplicates by name are reported, never merged or refused. */
export function registerClient(ctx: WriteCtx, input: ClientFields): AddClientResult {
  const write = buildClientWrite(input, ctx.today);
  assertNationalCodeFree(ctx, write.nationalCode);
  const possibleDuplicates = findPossibleDuplicates(ctx, write);
  const id = insertClient(ctx.db, write, ctx.now());
  recordAudit(ctx, 'create', 'client', id);
  return { client: selectClient(ctx.db, id) as Client, possibleDuplicates };
}

/** `client add` from strings: parse, then the rules. */
export function addClient(ctx: WriteCtx, raw: RawClient): AddClientResult {
  return registerClient(ctx, parseClientInput(raw, ctx.today).fields);
}

/**
 * A client given by id ("12", "#12", "۱۲") or national code (ten digits, written with or
 * without spaces and dashes, as `client add` takes it). Never by name: find the client first.
 */
export function resolveClient(ctx: Pick<ReadCtx, 'db'>, ref: string, field = 'client', opts: ResolveClientOptions = {}): Client {
  const c = findClientByRef(ctx, ref, field);
  if (opts.merged !== 'allow') assertNotMerged(ctx, c, field);
  return c;
}

export interface ResolveClientOptions {
  /** 'allow': a client merged into another is returned too (client show, client merge); else it is refused (exit 4). */
  merged?: 'allow';
}

/** A record merged into another is kept only as a pointer: nothing is added to it or changed on it (exit 4). */
export function assertNotMerged(ctx: Pick<ReadCtx, 'db'>, c: Client, field = 'client'): void {
  const into = selectMergedInto(ctx.db, c.id);
  if (into !== null) throw new ConflictError(t('client #{id} was merged into client #{into}: use #{into}', { id: c.id, into }), field);
}

function findClientByRef(ctx: Pick<ReadCtx, 'db'>, ref: string, field: string): Client {
  const id = idDigits(ref);
  const code = id !== undefined && toLatinDigits(ref.trim()).startsWith('#') ? undefined : nationalCodeRef(ref);
  if (code !== undefined) {
    const c = selectClientByNationalCode(ctx.db, code);
    if (c === undefined) throw nationalCodeMiss(code, t('no client with this national code'), field);
    return c;
  }
  // Never echo what was typed: it may be a name or a national code.
  if (id === undefined) {
    throw new ValidationError(
      t('{field} must be a client id or a national code; find a client by name with "parvande client find"', { field }),
      field,
    );
  }
  const c = selectClient(ctx.db, parseId(id, field));
  if (c !== undefined) return c;
  // Eight or nine digits may be a national code that lost its zeros: lookups never pad it.
  if (id.length >= 8) {
    throw new NotFoundError(
      t('no client has the id given for --{field}; if it is a national code, leading zeros may be missing: give all 10 digits', { field }),
      field,
    );
  }
  throw noRecordWithId('client', field);
}

export interface RawClientUpdate extends RawClient {
  id: string;
}

export interface ClientUpdateInput {
  fields: ClientFields;
  /** The fields given, as the audit trail names them. */
  changed: string[];
}

/** The parse step of `client update`: at least one field given, each parsed (the names only when given). */
export function parseClientUpdateInput(raw: RawClient, today: IsoDate): ClientUpdateInput {
  const changed = (Object.keys(raw) as (keyof RawClient)[]).filter((k) => raw[k] !== undefined);
  if (changed.length === 0) throw new ValidationError(t('nothing to update: give at least one field to change'));
  return { fields: parseClientInput(raw, today, { update: true }).fields, changed: changed.map(kebab) };
}

export function recordClientUpdate(ctx: WriteCtx, current: Client, input: ClientUpdateInput): AddClientResult {
  const write = buildClientWrite(input.fields, ctx.today, current);
  assertNationalCodeFree(ctx, write.nationalCode, current.id);
  updateClientRow(ctx.db, current.id, write, ctx.now());
  keepReplacedText(ctx, {
    recordType: 'client',
    recordId: current.id,
    field: 'notes',
    before: current.notes,
    after: write.notes,
    reason: null,
  });
  recordAudit(ctx, 'update', 'client', current.id, input.changed);
  const renamed = input.changed.includes('first-name') || input.changed.includes('last-name');
  return {
    client: selectClient(ctx.db, current.id) as Client,
    possibleDuplicates: renamed ? findPossibleDuplicates(ctx, write, current.id) : [],
  };
}

/** `client update` from strings: the client, then parse, then the rules. */
export function updateClient(ctx: WriteCtx, raw: RawClientUpdate): AddClientResult {
  const current = resolveClient(ctx, raw.id, 'id');
  const { id: _id, ...fields } = raw;
  return recordClientUpdate(ctx, current, parseClientUpdateInput(fields, ctx.today));
}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

export interface ClientDetail extends Client {
  caseCount: number;
  /** The client this record was merged into (its cases are there), or null. */
  mergedInto: number | null;
  /** Notes replaced by client update or an import, oldest first, with who and when. */
  replacedNotes: ReplacedText[];
}

export function showClient(ctx: WriteCtx, ref: string): ClientDetail {
  const c = resolveClient(ctx, ref, 'id', { merged: 'allow' });
  // Reading the record of a person at risk is itself recorded, as `case show` is.
  recordAudit(ctx, 'view', 'client', c.id);
  return {
    ...c,
    caseCount: countCasesOfClient(ctx.db, c.id),
    mergedInto: selectMergedInto(ctx.db, c.id),
    replacedNotes: selectReplacedTexts(ctx.db, 'client', c.id),
  };
}

export interface ClientListFilter {
  county?: string | undefined;
  informalSettlement?: boolean | undefined;
  womanHead?: boolean | undefined;
  limit: number;
}

export function listClients(ctx: Pick<ReadCtx, 'db'>, f: ClientListFilter): Client[] {
  return selectClients(ctx.db, {
    limit: f.limit,
    ...(f.county !== undefined ? { county: f.county } : {}),
    ...(f.informalSettlement !== undefined ? { informalSettlement: f.informalSettlement } : {}),
    ...(f.womanHead !== undefined ? { womanHead: f.womanHead } : {}),
  });
}

/** Search by name (Persian matching key, so ي/ی, ZWNJ and spacing do not matter), national code or mobile. */
export function findClients(ctx: Pick<ReadCtx, 'db'>, text: string, limit: number): Client[] {
  const q = text.trim();
  if (q === '') throw new ValidationError(t('search text is empty'), 'text');
  const digitsOnly = toLatinDigits(q).replace(/[\s\-+()]/g, '');
  const digits = /^\d+$/.test(digitsOnly) ? digitsOnly.replace(/^(0098|98)(?=9)/, '0') : null;
  return selectClients(ctx.db, { search: { nameKey: digits === null ? matchingKey(q) : '', digits }, limit });
}
