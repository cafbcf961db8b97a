/**
 * `import --set field=value`: one value for every row, checked once before any row
 * is read (a bad value would otherwise refuse every row, one by one). The checks
 * are the field kind's parsers that the rows' own rules use; the rows still pass
 * those rules as well. A refusal names `--set FIELD` and never the value: a value
 * may be personal (a national code given to the wrong field).
 */
import { ParvandeError, ValidationError } from '../../errors.js';
import { parseDateInput } from '../../lang/dates.js';
import { t, type Text } from '../../messages/catalogue.js';
import { parseBool, parseCode, parseInteger, refuseControls, splitList } from '../fields.js';
import { parseMobile } from '../mobile.js';
import { parseNationalCode } from '../national-code.js';
import type { ColumnPlan, FieldSpec } from './columns.js';
import { hideInText } from './rejection.js';
import { normalizeCell } from './values.js';

export function checkFixedValues(plan: ColumnPlan, fields: readonly FieldSpec[], today: string): void {
  for (const [name, text] of plan.fixed) {
    const field = fields.find((f) => f.name === name);
    if (field === undefined || text.trim() === '') continue;
    try {
      checkValue(field, normalizeCell(field.kind, text), today);
    } catch (err) {
      if (!(err instanceof ParvandeError)) throw err;
      throw new ValidationError(setReason(err.text, name, text.trim()), 'set');
    }
  }
}

/**
 * The parser's reason, with the field named as the option that gave it and the value cut out:
 * `invalid risk: expected one of …` says `invalid --set risk: expected one of …` (its own
 * template, the field given as the option), any other reason follows `invalid --set risk: `.
 */
function setReason(reason: Text, name: string, value: string): Text {
  const hidden = hideInText(reason, [value]);
  const head = /^invalid \{([a-zA-Z][a-zA-Z0-9]*)\}: /.exec(hidden.template);
  const field = head === null ? undefined : hidden.params[head[1] as string];
  if (head !== null && typeof field === 'string' && /^[\w-]+$/.test(field)) {
    // `invalid {field}: {reason}`: the reason itself follows `invalid --set risk: `.
    const only = /^\{([a-zA-Z][a-zA-Z0-9]*)\}$/.exec(hidden.template.slice(head[0].length));
    const why = only === null ? undefined : hidden.params[only[1] as string];
    if (why !== undefined) return t('invalid --set {field}: {reason}', { field: name, reason: why });
    return { template: hidden.template, params: { ...hidden.params, [head[1] as string]: `--set ${name}` } };
  }
  // A sentence not yet in the catalogue: its words carry the field.
  const words = Object.keys(hidden.params).length === 0 ? hidden.template.replace(/^invalid [\w-]+: /, '') : hidden;
  return t('invalid --set {field}: {reason}', { field: name, reason: words });
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
