import { ConflictError, NotFoundError } from '../errors.js';
import { selectOffice, upsertOffice, type OfficeRow } from '../store/office.js';
import { recordAudit } from './audit.js';
import type { ReadCtx, WriteCtx } from './context.js';
import { invalidValue, optionalText, requiredText } from './fields.js';
import { toLatinDigits } from '../lang/digits.js';
import { t } from '../messages/catalogue.js';

export type Office = OfficeRow;

export interface InitOfficeInput {
  officeCode?: string | undefined;
  officeName?: string | undefined;
  county?: string | undefined;
  province?: string | undefined;
}

/** Office codes prefix every case number, so files of several offices can be combined. */
export function parseOfficeCode(value: string | undefined): string {
  const code = requiredText(value, 'office-code', 40);
  const normal = toLatinDigits(code).toUpperCase();
  if (!/^[A-Z0-9]{2,12}$/.test(normal)) {
    throw invalidValue('office-code', t('expected 2 to 12 Latin letters or digits, e.g. KRJ01'));
  }
  return normal;
}

/**
 * Checks what `init` was given without touching any file, so that a mistyped
 * `init` does not leave an empty database behind.
 */
export function validateOfficeInput(input: InitOfficeInput): Omit<Office, 'createdAt'> {
  return {
    code: parseOfficeCode(input.officeCode),
    name: requiredText(input.officeName, 'office-name'),
    county: optionalText(input.county, 'county', 100),
    province: optionalText(input.province, 'province', 100),
  };
}

/**
 * Creates the office record, or updates its name, county and province. The code is
 * fixed once cases exist: it is part of every case number.
 */
export function initOffice(ctx: WriteCtx, input: InitOfficeInput): { office: Office; created: boolean } {
  const { code, name, county, province } = validateOfficeInput(input);
  const existing = selectOffice(ctx.db);
  if (existing !== undefined && existing.code !== code) {
    throw new ConflictError(
      t('this database belongs to office {office}; its code cannot change', { office: existing.code }),
      'office-code',
    );
  }
  const office: Office = { code, name, county, province, createdAt: existing?.createdAt ?? ctx.now() };
  upsertOffice(ctx.db, office);
  recordAudit(ctx, existing ? 'update' : 'create', 'office', code);
  return { office, created: existing === undefined };
}

export function getOffice(ctx: Pick<ReadCtx, 'db'>): Office {
  const office = selectOffice(ctx.db);
  if (office === undefined)
    throw new NotFoundError(t('this database has no office yet: run "parvande init --office-code C --office-name N"'));
  return office;
}
