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
import type { CellValue } from '../files/writers.js';
import { insertSettingUnlessSet, selectSetting, upsertSetting } from '../store/settings.js';
import { recordAudit } from './audit.js';
import type { ReadCtx, WriteCtx } from './context.js';
import type { FieldSpec } from './import/columns.js';
import type { ImportEntity } from './import/entity.js';
import { getOffice } from './office.js';

export const REDACTION_KEY_SETTING = 'privacy.redaction-key';

export type PersonKind = 'client' | 'staff';

const PREFIX: Record<PersonKind, string> = { client: 'P', staff: 'S' };
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

  /** `P-7f3a9c21b04e`: the same person always gets the same one. `id` is the record id, or `ext:<text>` for a person of another file. */
  of(kind: PersonKind, id: number | string): string {
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

/** The office's pseudonyms and code; the key is written only the first time, so a redacted export usually takes no write lock. */
export function officePseudonyms(tx: Transactions): { pseudonyms: Pseudonyms; officeCode: string } {
  const read = tx.read((ctx) => ({ key: readRedactionKey(ctx), officeCode: getOffice(ctx).code }));
  const key = read.key ?? tx.write((ctx) => redactionKey(ctx));
  return { pseudonyms: new Pseudonyms(key), officeCode: read.officeCode };
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
/** Identifying numbers not marked personal for import's messages: association membership, training certificate. */
const IDENTIFYING_FIELDS = new Set(['address', 'membership-no', 'certificate']);
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
}

/** Which person a column names, if any. */
function personOf(entity: ImportEntity, field: FieldSpec): PersonKind | undefined {
  if (field.kind === 'id') return PERSON_RECORDS[entity.record];
  if (field.kind === 'ref') return PERSON_REFS[field.name];
  return undefined;
}

/** `KRJ01:12` (this office's record 12) → 12; anything else is a person of another file. */
function pseudonymInput(value: string | number, officeCode: string): number | string {
  if (typeof value === 'number') return value;
  const m = /^([A-Za-z0-9]{2,12}):(\d{1,15})$/.exec(value.trim());
  if (m && (m[1] as string).toUpperCase() === officeCode.toUpperCase()) return Number(m[2]);
  return `ext:${value.trim()}`;
}

/** How an export of this kind of record is redacted. */
export function exportRedaction(entity: ImportEntity, pseudonyms: Pseudonyms, officeCode: string): ExportRedaction {
  return {
    // A column naming a person by record stays, as that person's pseudonym (even one marked personal).
    keeps: (f) =>
      personOf(entity, f) !== undefined || (f.personal !== true && !PERSONAL_KINDS.has(f.kind) && !IDENTIFYING_FIELDS.has(f.name)),
    cell(f, value) {
      const person = personOf(entity, f);
      if (person === undefined || value === null) return value;
      if (typeof value !== 'string' && typeof value !== 'number') return null;
      return pseudonyms.of(person, pseudonymInput(value, officeCode));
    },
  };
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
