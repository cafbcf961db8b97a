import { ValidationError } from '../errors.js';
import { selectAudit, type AuditEntry } from '../store/audit.js';
import { resolveCase } from './cases.js';
import type { ReadCtx } from './context.js';
import { addDays, parseDateInput } from '../lang/dates.js';
import { idDigits, parseId } from './fields.js';
import { toLatinDigits } from '../lang/digits.js';
import { t } from '../messages/catalogue.js';

export type { AuditEntry };

export interface AuditListFilter {
  /** "case", "case:12", "client:3", "case:KRJ01-1405-000012". */
  record?: string | undefined;
  actor?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

/** The start of an office-local day as a UTC timestamp, to compare with the trail's `at`. */
function localDayStart(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** Newest first. Case numbers are accepted for case records. */
export function listAudit(ctx: Pick<ReadCtx, 'db' | 'today'>, f: AuditListFilter): AuditEntry[] {
  let recordType: string | undefined;
  let recordId: string | undefined;
  if (f.record !== undefined && f.record.trim() !== '') {
    const [type, ...rest] = f.record.trim().split(':');
    recordType = type;
    const id = rest.join(':').trim();
    if (id !== '') {
      // An id is read as every reference reads one (fields.ts idDigits); other entries (office:KRJ01) are matched as written.
      const digits = idDigits(id);
      recordId =
        digits !== undefined
          ? String(parseId(digits, 'record'))
          : type === 'case'
            ? String(resolveCase(ctx, id, 'record').id)
            : toLatinDigits(id);
    }
  }
  const from = f.from ? parseDateInput(f.from, { today: ctx.today, field: 'from' }) : undefined;
  const to = f.to ? parseDateInput(f.to, { today: ctx.today, field: 'to' }) : undefined;
  if (from !== undefined && to !== undefined && from > to) throw new ValidationError(t('--from is after --to'), 'from');
  return selectAudit(ctx.db, {
    limit: f.limit,
    ...(recordType ? { recordType } : {}),
    ...(recordId ? { recordId } : {}),
    ...(f.actor ? { actor: f.actor.trim() } : {}),
    ...(from ? { fromAt: localDayStart(from) } : {}),
    ...(to ? { toAt: localDayStart(addDays(to, 1)) } : {}),
  });
}
