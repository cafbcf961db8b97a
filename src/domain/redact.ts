/**
 * `--redact`: exports and reports that leave the office carry no name, national
 * code, phone, address, birth date or free text, and each person appears as a
 * stable pseudonym instead: `P-` and 12 hex digits for a client, `S-` for a
 * staff member. A pseudonym is HMAC-SHA256 of the record's kind and id under a
 * key that only this office's database holds (a settings row made on first
 * use), cut to 48 bits: the same person gets the same pseudonym in every
 * redacted file of this office, run after run, and nobody without the database
 * can turn a pseudonym back into a record, or tell whether two offices' files
 * name the same person.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../errors.js';
import { checkOutputPath, writePrivateFile, type OutputGuard } from '../files/output-file.js';
import type { CellValue } from '../files/writers.js';
import { insertSettingUnlessSet, selectSetting, upsertSetting } from '../store/settings.js';
import { recordAudit } from './audit.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { monthOf } from '../lang/dates.js';
import { t } from '../messages/catalogue.js';
import type { FieldSpec } from './import/columns.js';
import type { ImportEntity } from './import/entity.js';

export const REDACTION_KEY_SETTING = 'privacy.redaction-key';

export type PersonKind = 'client' | 'staff';

const PREFIX: Record<PersonKind | 'case', string> = { client: 'P', staff: 'S', case: 'C' };
/** 48 bits: among a million people of one office a repeat is about a 0.2 % chance. */
const HEX_DIGITS = 12;

/** A key of 32 random bytes, as hex. */
const KEY_PATTERN = /^[0-9a-f]{64}$/;

export class Pseudonyms {
  private readonly key: Buffer;
  private readonly memo = new Map<string, string>();

  constructor(keyHex: string) {
    this.key = Buffer.from(keyHex, 'hex');
  }

  /**
   * `P-7f3a9c21b04e`: the same person always gets the same one under one key. `id` is the record
   * id, or `ext:<text>` for a person of another file; a case is named by its case number.
   */
  of(kind: PersonKind | 'case', id: number | string): string {
    const input = `${kind}:${id}`;
    let out = this.memo.get(input);
    if (out === undefined) {
      out = `${PREFIX[kind]}-${createHmac('sha256', this.key).update(input, 'utf8').digest('hex').slice(0, HEX_DIGITS)}`;
      this.memo.set(input, out);
    }
    return out;
  }
}

/** The office's key, or undefined when no redacted file was ever made (a read-only connection can ask). */
export function readRedactionKey(ctx: Pick<ReadCtx, 'db'>): string | undefined {
  const key = selectSetting(ctx.db, REDACTION_KEY_SETTING);
  return key !== undefined && KEY_PATTERN.test(key) ? key : undefined;
}

/**
 * The office's key, made now when it has none: call inside a write transaction.
 * Two programs doing this at once keep the first key stored.
 */
export function redactionKey(ctx: WriteCtx): string {
  const present = readRedactionKey(ctx);
  if (present !== undefined) return present;
  const stored = insertSettingUnlessSet(ctx.db, REDACTION_KEY_SETTING, randomBytes(32).toString('hex'), ctx.now());
  if (!KEY_PATTERN.test(stored)) {
    // A damaged value would give pseudonyms nobody could reproduce: replace it, and say so in the trail.
    const fresh = randomBytes(32).toString('hex');
    upsertSetting(ctx.db, REDACTION_KEY_SETTING, fresh, ctx.now());
    recordAudit(ctx, 'update', 'setting', REDACTION_KEY_SETTING);
    return fresh;
  }
  recordAudit(ctx, 'create', 'setting', REDACTION_KEY_SETTING);
  return stored;
}

/** The read and write transactions of a command (Runtime has both). */
export interface Transactions {
  read<T>(fn: (ctx: ReadCtx) => T): T;
  write<T>(fn: (ctx: WriteCtx) => T): T;
}

/**
 * The office's pseudonyms for a redacted report. A report reads through a read-only
 * connection; only the office's first redacted file takes a write, to store the key.
 */
export function reportPseudonyms(tx: Transactions): Pseudonyms {
  return new Pseudonyms(tx.read((ctx) => readRedactionKey(ctx)) ?? tx.write((ctx) => redactionKey(ctx)));
}

// ---- exports ----

/** Kinds of field that are personal whatever the record: names, national codes, phones, free text. */
const PERSONAL_KINDS = new Set<FieldSpec['kind']>(['name', 'national-code', 'mobile', 'phone', 'note']);
/** Columns that name a person by record id: they carry that person's pseudonym. */
const PERSON_REFS: Readonly<Record<string, PersonKind>> = {
  'client-id': 'client',
  client: 'client',
  // A merged client's pointer names the record kept (client merge).
  'merged-into': 'client',
  'worker-id': 'staff',
  worker: 'staff',
  'staff-id': 'staff',
  staff: 'staff',
  'facilitator-id': 'staff',
  facilitator: 'staff',
};
/** Kinds of record that are people: their own id column carries their pseudonym. */
const PERSON_RECORDS: Readonly<Record<string, PersonKind>> = { client: 'client', staff: 'staff' };

export interface ExportRedaction {
  /** Whether the field's column is written at all. */
  keeps(field: FieldSpec): boolean;
  /** The cell as written in a redacted file. */
  cell(field: FieldSpec, value: CellValue): CellValue;
  /** Whether the column's values are pseudonyms (people, cases): left out of the uniqueness measure (they carry nothing to match). */
  pseudonymous(field: FieldSpec): boolean;
}

/** Which person a column names, if any. */
function personOf(entity: ImportEntity, field: FieldSpec): PersonKind | undefined {
  if (field.kind === 'id') return PERSON_RECORDS[entity.record];
  if (field.kind === 'ref') return PERSON_REFS[field.name];
  return undefined;
}

/** Columns that name a case by its number: numbers run in order of opening, so they carry the day: a pseudonym instead. */
const CASE_REFS = new Set(['case', 'case-number']);
const isCaseRef = (field: FieldSpec): boolean => field.kind === 'ref' && CASE_REFS.has(field.name);

/**
 * The facts a redacted file keeps of each kind of record about people (besides pseudonyms), chosen
 * so that at most 5 % of the demo office's records are unique on them (measured by
 * UniquenessMeter, printed by every redacted export; docs/privacy.md says what each kind lost).
 * A record unique on a few facts is found by anyone who knows those facts of a person: the day
 * someone called, their age and district. Kinds not listed (centers, courses, shift patterns) are
 * about institutions, not people: they keep every column that is not personal.
 */
const REDACTED_FACTS: Readonly<Record<string, readonly string[]>> = {
  clients: ['sex', 'informal-settlement', 'woman-head', 'registered-on'],
  cases: ['category', 'risk', 'opened-on', 'status'],
  services: ['date', 'type', 'channel'],
  followups: ['due-on', 'status', 'done-on', 'from-plan'],
  referrals: ['to', 'sent-on', 'status'],
  staff: ['role'],
  enrolments: ['course', 'status', 'requested-on'],
  'roster-assignments': ['date', 'service'],
  workshops: ['topic', 'date', 'center', 'hours', 'female', 'male'],
};

/** Whether a redacted file of this kind is about people (and so is measured for uniqueness). */
export const aboutPeople = (entity: ImportEntity): boolean => REDACTED_FACTS[entity.name] !== undefined;

/** Text that could be a phone number, a national code or an address typed into a free-text column: 4 digits in a row (any script), or an @. */
const LOOKS_PERSONAL = /[0-9\u0660-\u0669\u06f0-\u06f9]{4}|@/;

/** `KRJ01:12` (this office's record 12) → 12; anything else is a person of another file. */
function pseudonymInput(value: string | number, officeCode: string): number | string {
  if (typeof value === 'number') return value;
  const m = /^([A-Za-z0-9]{2,12}):(\d{1,15})$/.exec(value.trim());
  if (m && (m[1] as string).toUpperCase() === officeCode.toUpperCase()) return Number(m[2]);
  return `ext:${value.trim()}`;
}

/**
 * How an export of this kind of record is redacted (docs/privacy.md): personal columns left out;
 * people and cases as pseudonyms under the export's key; event records' own ids left out; every
 * date to its Jalali month; a free-text cell that looks like a number or an address blanked.
 */
export function exportRedaction(entity: ImportEntity, pseudonyms: Pseudonyms, officeCode: string): ExportRedaction {
  const pseudonymous = (f: FieldSpec): boolean => personOf(entity, f) !== undefined || isCaseRef(f);
  return {
    // A column naming a person by record stays, as that person's pseudonym (even one marked personal).
    keeps: (f) => {
      if (pseudonymous(f)) return true;
      const facts = REDACTED_FACTS[entity.name];
      // Records about people keep their listed facts only (their own ids, addresses, numbers and notes never are);
      // institutions every column that is not personal.
      if (facts !== undefined) return facts.includes(f.name);
      return f.personal !== true && !PERSONAL_KINDS.has(f.kind);
    },
    pseudonymous,
    cell(f, value) {
      if (value === null) return value;
      if (isCaseRef(f)) return typeof value === 'string' ? pseudonyms.of('case', value.trim().toUpperCase()) : null;
      const person = personOf(entity, f);
      if (person !== undefined) {
        if (typeof value !== 'string' && typeof value !== 'number') return null;
        return pseudonyms.of(person, pseudonymInput(value, officeCode));
      }
      // A date says the day a person came, was seen, was born: the month is enough for figures.
      if (typeof value === 'object' && value !== null && 'date' in value) return monthOf(value.date);
      if (typeof value === 'string' && LOOKS_PERSONAL.test(value)) return null;
      return value;
    },
  };
}

/** A fresh key for one redacted export: its pseudonyms match no other file's. */
export function freshPseudonyms(): Pseudonyms {
  return new Pseudonyms(randomBytes(32).toString('hex'));
}

/**
 * `--linkable --key-file FILE`: the key kept in FILE, outside the office's database, so that
 * redacted files made with it name the same person the same way (a study that follows people
 * from month to month), and a copy of the database alone cannot undo them. FILE is made
 * (owner-only, 32 random bytes as hex) when it does not exist; it is never the database.
 */
export function linkablePseudonyms(file: string, guard: OutputGuard): { pseudonyms: Pseudonyms; created: boolean } {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new ValidationError(t('--key-file cannot be read'), 'key-file');
  }
  if (text !== undefined) {
    const key = text.trim();
    if (!KEY_PATTERN.test(key)) throw new ValidationError(t('--key-file does not hold a parvande key (64 hex digits)'), 'key-file');
    return { pseudonyms: new Pseudonyms(key), created: false };
  }
  const target = checkOutputPath(file, guard);
  writePrivateFile(target, `${randomBytes(32).toString('hex')}\n`, guard);
  return { pseudonyms: new Pseudonyms(readFileSync(target, 'utf8').trim()), created: true };
}

/**
 * The share of records unique on the columns a redacted file kept (pseudonyms aside): a record
 * alone in its group can be told apart by anyone who knows those few facts of a person. Counted
 * with a hash of each row's values, so a million rows cost a map of numbers, not of rows.
 */
export class UniquenessMeter {
  private readonly groups = new Map<string, number>();
  rows = 0;

  add(values: readonly CellValue[]): void {
    this.rows++;
    const key = JSON.stringify(values);
    this.groups.set(key, (this.groups.get(key) ?? 0) + 1);
  }

  /** Records alone in their group, over all records (0 for none). */
  share(): number {
    if (this.rows === 0) return 0;
    let alone = 0;
    for (const n of this.groups.values()) if (n === 1) alone++;
    return alone / this.rows;
  }
}

// ---- reports ----

interface WorkerEntry {
  id: number | null;
  name: string | null;
}

const isWorkerList = (v: unknown): v is WorkerEntry[] =>
  Array.isArray(v) && v.every((e) => e !== null && typeof e === 'object' && 'id' in e && 'name' in e);

const isWorkerScope = (v: unknown): v is { kind: 'worker'; id: number; name: string } =>
  v !== null && typeof v === 'object' && (v as { kind?: unknown }).kind === 'worker' && typeof (v as { id?: unknown }).id === 'number';

/**
 * A copy of a report (monthly, year, range: any shape) in which every caseload
 * by worker names the worker by pseudonym. Reports hold no client's name;
 * centers and the office are institutions and keep theirs.
 */
export function redactReport<T>(report: T, pseudonyms: Pseudonyms): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    const workerId = (v as { workerId?: unknown }).workerId;
    for (const [k, child] of Object.entries(v)) {
      out[k] =
        // A report narrowed to one worker (--worker) names them in its scope.
        k === 'scope' && isWorkerScope(child)
          ? { ...child, name: pseudonyms.of('staff', child.id) }
          : k === 'byWorker' && isWorkerList(child)
            ? child.map((e) => ({ ...e, name: e.id === null ? null : pseudonyms.of('staff', e.id) }))
            : // A list's row that names its worker beside the id (the nightly attention lists).
              k === 'workerName' && typeof workerId === 'number'
              ? pseudonyms.of('staff', workerId)
              : walk(child);
    }
    return out;
  };
  return walk(report) as T;
}
