/** The report formats by name (a module of its own: --json reports load no renderer). */
import { ValidationError } from '../../errors.js';
import { t } from '../../messages/catalogue.js';

export const REPORT_FORMATS = ['table', 'csv', 'xlsx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function parseReportFormat(value: string | undefined): ReportFormat {
  const v = (value ?? 'table').trim().toLowerCase();
  if (!(REPORT_FORMATS as readonly string[]).includes(v)) {
    throw new ValidationError(
      t('invalid {flag}: {rule}', { flag: '--format', rule: t('expected {choices}', { choices: REPORT_FORMATS.join(', ') }) }),
      'format',
    );
  }
  return v as ReportFormat;
}
