/**
 * `import --set field=value`: one value for every row, checked once before any row
 * is read (a bad value would otherwise refuse every row, one by one). The checks
 * are the field kind's parsers that the rows' own rules use; the rows still pass
 * those rules as well. A refusal names `--set FIELD` and never the value: a value
 * may be personal (a national code given to the wrong field).
 */
import { ParvandeError, ValidationError } from '../../errors.js';
import { parseDateInput } from '../../lang/dates.js';
import { parseBool, parseCode, parseInteger, refuseControls, splitList } from '../fields.js';
import { parseMobile } from '../mobile.js';
import { parseNationalCode } from '../national-code.js';
import type { ColumnPlan, FieldSpec } from './columns.js';
import { normalizeCell } from './values.js';

export function checkFixedValues(plan: ColumnPlan, fields: readonly FieldSpec[], today: string): void {
  for (const [name, text] of plan.fixed) {
    const field = fields.find((f) => f.name === name);
    if (field === undefined || text.trim() === '') continue;
    try {
      checkValue(field, normalizeCell(field.kind, text), today);
    } catch (err) {
      if (!(err instanceof ParvandeError)) throw err;
      // The parser's reason, with the field named as the option that gave it and the value cut out.
      const reason = err.message
        .split(text.trim())
        .join('(hidden)')
        .replace(/^invalid [\w-]+: /, '');
      throw new ValidationError(`invalid --set ${name}: ${reason}`, 'set');
    }
  }
}

function checkValue(field: FieldSpec, value: string, today: string): void {
  const name = field.name;
  refuseControls(value, name, field.kind === 'note');
  switch (field.kind) {
    case 'date':
      parseDateInput(value, { today, field: name });
      return;
    case 'int':
      parseInteger(value, name);
      return;
    case 'bool':
      parseBool(value, name);
      return;
    case 'mobile':
      parseMobile(value, name);
      return;
    case 'national-code':
      parseNationalCode(value, { repairLeadingZeros: true, field: name });
      return;
    case 'code':
      if (field.codes !== undefined) parseCode(field.codes, value, name);
      return;
    case 'list':
      if (field.codes !== undefined) for (const c of splitList(value)) parseCode(field.codes, c, name);
      return;
    default:
      return;
  }
}
