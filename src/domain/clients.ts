import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import {
  countCasesOfClient, insertClient, selectClient, selectClientByNationalCode, selectClients, selectClientsByNameKey,
  updateClientRow, type ClientRow, type ClientWrite,
} from '../store/clients.js';
import { recordAudit } from './audit.js';
import { SEXES } from './codes.js';
import type { Ctx } from './context.js';
import { parseDateInput } from './dates.js';
import { idDigits, isBlank, noRecordWithId, optionalCode, optionalNote, optionalText, parseBool, parseId, requiredName } from './fields.js';
import { parseMobile } from './mobile.js';
import { nationalCodeMiss, nationalCodeRef, parseNationalCode } from './national-code.js';
import { toLatinDigits } from './text/digits.js';
import { matchingKey } from './text/persian.js';

export type Client = ClientRow;

/** Raw values as a person typed them or a spreadsheet cell held them. */
export interface ClientInput {
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

export interface ValidatedClient {
  write: ClientWrite;
  /** Fields whose value was repaired rather than taken as given (import reports them). */
  repaired: string[];
}

export const clientNameKey = (first: string, last: string): string => matchingKey(`${first} ${last}`);

/** Every rule a client record must satisfy, shared by `client add`, `client update` and import. */
export function validateClient(input: ClientInput, today: string, base?: Client, opts: ValidateOptions = {}): ValidatedClient {
  const repaired: string[] = [];
  const pick = <K extends keyof ClientInput>(k: K): ClientInput[K] | undefined => input[k];
  const firstName = pick('firstName') !== undefined || !base ? requiredName(input.firstName, 'first-name') : base.firstName;
  const lastName = pick('lastName') !== undefined || !base ? requiredName(input.lastName, 'last-name') : base.lastName;
  let nationalCode = base?.nationalCode ?? null;
  if (input.nationalCode !== undefined) {
    if (isBlank(input.nationalCode)) nationalCode = null;
    else {
      const nc = parseNationalCode(input.nationalCode, { repairLeadingZeros: opts.repairNationalCode === true, field: 'national-code' });
      if (nc.repaired) repaired.push('national-code');
      nationalCode = nc.code;
    }
  }
  let birthDate = base?.birthDate ?? null;
  if (input.birthDate !== undefined) {
    // Its range (1900-01-01 to today) is declared with the others in dates.ts.
    birthDate = isBlank(input.birthDate) ? null : parseDateInput(input.birthDate, { today, field: 'birth-date', kind: 'birth' });
  }
  const sex = input.sex !== undefined ? optionalCode(SEXES, input.sex, 'sex') : (base?.sex ?? null);
  let mobile = base?.mobile ?? null;
  if (input.mobile !== undefined) mobile = isBlank(input.mobile) ? null : parseMobile(input.mobile, 'mobile');
  const registeredOn =
    input.registeredOn !== undefined && !isBlank(input.registeredOn)
      ? parseDateInput(input.registeredOn, { today, field: 'registered-on', kind: 'record' })
      : (base?.registeredOn ?? today);
  const write: ClientWrite = {
    firstName,
    lastName,
    nameKey: clientNameKey(firstName, lastName),
    nationalCode,
    birthDate,
    sex,
    mobile,
    address: input.address !== undefined ? optionalText(input.address, 'address', 500) : (base?.address ?? null),
    county: input.county !== undefined ? optionalText(input.county, 'county', 100) : (base?.county ?? null),
    informalSettlement:
      input.informalSettlement !== undefined && input.informalSettlement !== ''
        ? parseBool(input.informalSettlement, 'informal-settlement')
        : (base?.informalSettlement ?? false),
    womanHead:
      input.womanHead !== undefined && input.womanHead !== '' ? parseBool(input.womanHead, 'woman-head') : (base?.womanHead ?? false),
    notes: input.notes !== undefined ? optionalNote(input.notes, 'notes') : (base?.notes ?? null),
    registeredOn,
  };
  if (write.birthDate !== null && write.birthDate > write.registeredOn) {
    throw new ValidationError('birth-date is after the registration date', 'birth-date');
  }
  return { write, repaired };
}

export interface PossibleDuplicate {
  id: number;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  /** same-name: the names match after Persian normalisation; same-name-and-birth: the birth date matches too. */
  reason: 'same-name' | 'same-name-and-birth';
}

export function findPossibleDuplicates(ctx: Pick<Ctx, 'db'>, w: ClientWrite, exceptId?: number): PossibleDuplicate[] {
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

function assertNationalCodeFree(ctx: Pick<Ctx, 'db'>, code: string | null, exceptId?: number): void {
  if (code === null) return;
  const holder = selectClientByNationalCode(ctx.db, code);
  if (holder !== undefined && holder.id !== exceptId) {
    throw new ConflictError(`this national code is already registered to client #${holder.id}`, 'national-code');
  }
}

export interface AddClientResult {
  client: Client;
  possibleDuplicates: PossibleDuplicate[];
}

/** Registers a client. Probable duplicates by name are reported, never merged or refused. */
export function addClient(ctx: Ctx, input: ClientInput): AddClientResult {
  const { write } = validateClient(input, ctx.today);
  assertNationalCodeFree(ctx, write.nationalCode);
  const possibleDuplicates = findPossibleDuplicates(ctx, write);
  const id = insertClient(ctx.db, write, ctx.now());
  recordAudit(ctx, 'create', 'client', id);
  return { client: selectClient(ctx.db, id) as Client, possibleDuplicates };
}

/**
 * A client given by id ("12", "#12", "۱۲") or national code (ten digits, written with or
 * without spaces and dashes, as `client add` takes it). Never by name: find the client first.
 */
export function resolveClient(ctx: Pick<Ctx, 'db'>, ref: string, field = 'client'): Client {
  const id = idDigits(ref);
  const code = id !== undefined && toLatinDigits(ref.trim()).startsWith('#') ? undefined : nationalCodeRef(ref);
  if (code !== undefined) {
    const c = selectClientByNationalCode(ctx.db, code);
    if (c === undefined) throw nationalCodeMiss(code, 'no client with this national code', field);
    return c;
  }
  // Never echo what was typed: it may be a name or a national code.
  if (id === undefined) {
    throw new ValidationError(`${field} must be a client id or a national code; find a client by name with "parvande client find"`, field);
  }
  const c = selectClient(ctx.db, parseId(id, field));
  if (c !== undefined) return c;
  // Eight or nine digits may be a national code that lost its zeros: lookups never pad it.
  if (id.length >= 8) {
    throw new NotFoundError(`no client has the id given for --${field}; if it is a national code, leading zeros may be missing: give all 10 digits`, field);
  }
  throw noRecordWithId('client', field);
}

export interface UpdateClientInput extends ClientInput {
  id: string;
}

export function updateClient(ctx: Ctx, input: UpdateClientInput): AddClientResult {
  const current = resolveClient(ctx, input.id, 'id');
  const { id: _id, ...fields } = input;
  const changed = (Object.keys(fields) as (keyof ClientInput)[]).filter((k) => fields[k] !== undefined);
  if (changed.length === 0) throw new ValidationError('nothing to update: give at least one field to change');
  const { write } = validateClient(fields, ctx.today, current);
  assertNationalCodeFree(ctx, write.nationalCode, current.id);
  updateClientRow(ctx.db, current.id, write, ctx.now());
  recordAudit(ctx, 'update', 'client', current.id, changed.map(kebab));
  return {
    client: selectClient(ctx.db, current.id) as Client,
    possibleDuplicates: changed.includes('firstName') || changed.includes('lastName') ? findPossibleDuplicates(ctx, write, current.id) : [],
  };
}

const kebab = (s: string): string => s.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

export interface ClientDetail extends Client {
  caseCount: number;
}

export function showClient(ctx: Pick<Ctx, 'db'>, ref: string): ClientDetail {
  const c = resolveClient(ctx, ref, 'id');
  return { ...c, caseCount: countCasesOfClient(ctx.db, c.id) };
}

export interface ClientListFilter {
  county?: string | undefined;
  informalSettlement?: boolean | undefined;
  womanHead?: boolean | undefined;
  limit: number;
}

export function listClients(ctx: Pick<Ctx, 'db'>, f: ClientListFilter): Client[] {
  return selectClients(ctx.db, {
    limit: f.limit,
    ...(f.county !== undefined ? { county: f.county } : {}),
    ...(f.informalSettlement !== undefined ? { informalSettlement: f.informalSettlement } : {}),
    ...(f.womanHead !== undefined ? { womanHead: f.womanHead } : {}),
  });
}

/** Search by name (Persian matching key, so ي/ی, ZWNJ and spacing do not matter), national code or mobile. */
export function findClients(ctx: Pick<Ctx, 'db'>, text: string, limit: number): Client[] {
  const q = text.trim();
  if (q === '') throw new ValidationError('search text is empty', 'text');
  const digitsOnly = toLatinDigits(q).replace(/[\s\-+()]/g, '');
  const digits = /^\d+$/.test(digitsOnly) ? digitsOnly.replace(/^(0098|98)(?=9)/, '0') : null;
  return selectClients(ctx.db, { search: { nameKey: digits === null ? matchingKey(q) : '', digits }, limit });
}
