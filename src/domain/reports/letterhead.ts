/**
 * The head of the printed report: the office's letterhead settings (who prepares
 * and who approves the report, the prefix of its number) and what the printed
 * page reads from them. Kept in the key/value settings table; a staff member is
 * kept by id and read by name when the report is printed, so a corrected name
 * prints corrected.
 */
import type { IsoDate } from '../../lang/dates.js';
import { selectOffice } from '../../store/office.js';
import { selectSetting, upsertSetting } from '../../store/settings.js';
import { selectStaff } from '../../store/staff.js';
import { ConflictError, ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';
import { recordAudit } from '../audit.js';
import type { ReadCtx, WriteCtx } from '../context.js';
import { cleanText, isBlank } from '../fields.js';
import { resolveStaff } from '../staff.js';

const KEYS = {
  preparedBy: 'report.prepared-by',
  approvedBy: 'report.approved-by',
  numberPrefix: 'report.number-prefix',
} as const;

export interface ReportSigner {
  id: number;
  name: string;
  /** False once the person has left: the report then prints a blank line. */
  active: boolean;
}

export interface ReportSettings {
  preparedBy: ReportSigner | null;
  approvedBy: ReportSigner | null;
  /** As set; null: the office code is the prefix. */
  numberPrefix: string | null;
  /** The prefix the printed report's number starts with (numberPrefix, else the office code). */
  printedPrefix: string | null;
}

/** What `report settings` was given: a staff reference or a prefix to set, false to clear, undefined to keep. */
export interface RawReportSettings {
  preparedBy?: string | false;
  approvedBy?: string | false;
  numberPrefix?: string | false;
}

function signer(ctx: Pick<ReadCtx, 'db'>, key: string): ReportSigner | null {
  const id = Number(selectSetting(ctx.db, key) ?? '');
  if (!Number.isInteger(id) || id <= 0) return null;
  const s = selectStaff(ctx.db, id);
  return s === undefined ? null : { id: s.id, name: `${s.firstName} ${s.lastName}`, active: s.active };
}

export function readReportSettings(ctx: Pick<ReadCtx, 'db'>): ReportSettings {
  const stored = selectSetting(ctx.db, KEYS.numberPrefix);
  const prefix = isBlank(stored) ? null : stored;
  return {
    preparedBy: signer(ctx, KEYS.preparedBy),
    approvedBy: signer(ctx, KEYS.approvedBy),
    numberPrefix: prefix,
    printedPrefix: prefix ?? selectOffice(ctx.db)?.code ?? null,
  };
}

/** The parse step: a prefix is one line of at most 40 characters (the staff are looked up by the rules step). */
export function parseReportSettingsInput(raw: RawReportSettings): RawReportSettings {
  const prefix = raw.numberPrefix;
  if (typeof prefix === 'string') {
    const text = cleanText(prefix, 'number-prefix', 40);
    if (text === '')
      throw new ValidationError(t('--number-prefix is empty: give a prefix, or --no-number-prefix for the office code'), 'number-prefix');
    return { ...raw, numberPrefix: text };
  }
  return raw;
}

/** Sets what was given (a person who has left cannot sign); returns the settings now in force. */
export function writeReportSettings(ctx: WriteCtx, input: RawReportSettings): ReportSettings {
  const at = ctx.now();
  for (const [field, key, option] of [
    ['preparedBy', KEYS.preparedBy, 'prepared-by'],
    ['approvedBy', KEYS.approvedBy, 'approved-by'],
  ] as const) {
    const ref = input[field];
    if (ref === undefined) continue;
    let value = '';
    if (ref !== false) {
      const s = resolveStaff(ctx, ref, option);
      if (!s.active) throw new ConflictError(t('staff member #{id} is no longer active and cannot sign the report', { id: s.id }), option);
      value = String(s.id);
    }
    upsertSetting(ctx.db, key, value, at);
    recordAudit(ctx, 'update', 'setting', key);
  }
  if (input.numberPrefix !== undefined) {
    upsertSetting(ctx.db, KEYS.numberPrefix, input.numberPrefix === false ? '' : input.numberPrefix, at);
    recordAudit(ctx, 'update', 'setting', KEYS.numberPrefix);
  }
  return readReportSettings(ctx);
}

export interface Letterhead {
  office: { code: string; name: string; county: string | null; province: string | null } | null;
  /** `prefix/1405/09` for a month, `prefix/1405` for a year, null for a free range: the prefix as set, then the period in ASCII digits. */
  number: { prefix: string; period: string } | null;
  /** The day the report is made (the office's today). */
  preparedOn: IsoDate;
  /** null: a blank line to sign by hand (not set, left the office, or a redacted report). */
  preparedBy: string | null;
  approvedBy: string | null;
}

/** The number of a month's (or a year's) report: the same every time that month is printed. */
export function reportNumber(prefix: string, period: { month?: string | null; year?: number }): Letterhead['number'] {
  if (period.month) return { prefix, period: period.month.replace('-', '/') };
  if (period.year !== undefined) return { prefix, period: String(period.year) };
  return null;
}

/**
 * What the printed report's head shows. With `redact` no one is named: the lines stay blank
 * to sign by hand. A report narrowed to a center or a worker (`narrowed`) has no number: the
 * month's number belongs to the whole office's report, the one filed.
 */
export function readLetterhead(
  ctx: Pick<ReadCtx, 'db' | 'today'>,
  period: { month?: string | null; year?: number },
  opts: { redact: boolean; narrowed: boolean },
): Letterhead {
  const redact = opts.redact;
  const office = selectOffice(ctx.db);
  const s = readReportSettings(ctx);
  const name = (p: ReportSigner | null): string | null => (redact || p === null || !p.active ? null : p.name);
  // printedPrefix, from the office row already read.
  const prefix = s.numberPrefix ?? office?.code ?? null;
  return {
    office: office === undefined ? null : { code: office.code, name: office.name, county: office.county, province: office.province },
    number: prefix === null || opts.narrowed ? null : reportNumber(prefix, period),
    preparedOn: ctx.today,
    preparedBy: name(s.preparedBy),
    approvedBy: name(s.approvedBy),
  };
}
