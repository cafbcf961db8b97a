import type { Client, ClientDetail, PossibleDuplicate } from '../../domain/clients.js';
import { SEXES } from '../../domain/codes.js';
import { formatMobileLocal } from '../../domain/mobile.js';
import { t, type Text } from '../../messages/catalogue.js';
import type { Fmt } from '../format.js';
import { renderCard, renderTable } from '../table.js';
import { replacedTextsTable, replacedTextsTitle } from './replaced-texts.js';

export function clientCard(c: Client | ClientDetail, f: Fmt): string {
  const pairs: [string, string][] = [
    [f.w('id'), f.id(c.id)],
    [f.w('name'), `${c.firstName} ${c.lastName}`],
    [f.w('nationalCode'), f.text(c.nationalCode)],
    [f.w('birthDate'), f.date(c.birthDate)],
    [f.w('sex'), f.code(SEXES, c.sex)],
    [f.w('mobile'), f.text(c.mobile ? formatMobileLocal(c.mobile) : null)],
    [f.w('address'), c.address ?? ''],
    [f.w('county'), c.county ?? ''],
    [f.w('informalSettlement'), f.yesNo(c.informalSettlement)],
    [f.w('womanHead'), f.yesNo(c.womanHead)],
    [f.w('registeredOn'), f.date(c.registeredOn)],
    [f.w('notes'), c.notes ?? ''],
  ];
  if ('caseCount' in c) pairs.push([f.w('caseCount'), f.n(c.caseCount)]);
  const card = renderCard(pairs, { rtl: f.rtl });
  if (!('replacedNotes' in c) || c.replacedNotes.length === 0) return card;
  return `${card}\n\n${replacedTextsTitle(f)}\n${replacedTextsTable(c.replacedNotes, f)}`;
}

/**
 * In 80 columns the name is cut first; then the county goes (most clients live in the office's
 * own county), then the birth date, then the mobile: `client show` and --json have them all.
 */
export function clientTable(rows: Client[], f: Fmt): string {
  if (rows.length === 0) return f.w('none');
  return renderTable(
    [f.w('id'), f.w('name'), f.w('nationalCode'), f.w('birthDate'), f.w('mobile'), f.w('county')],
    rows.map((c) => [
      f.id(c.id),
      `${c.firstName} ${c.lastName}`,
      f.text(c.nationalCode),
      f.date(c.birthDate),
      f.text(c.mobile ? formatMobileLocal(c.mobile) : null),
      c.county ?? '',
    ]),
    { rtl: f.rtl, numeric: [0], names: [1], drop: [5, 3, 4] },
  );
}

/** The warning after `client add` finds clients of the same name: a message, rendered in the command's language. */
export function duplicatesNote(d: PossibleDuplicate[]): Text {
  const items = d.map((x) =>
    x.reason === 'same-name-and-birth' ? t('#{id} (same name and birth date)', { id: x.id }) : t('#{id} (same name)', { id: x.id }),
  );
  // The list as one message, its items joined with the language's comma.
  const [first, ...rest] = items;
  const list = rest.reduce<Text>((a, b) => t('{first}, {rest}', { first: a, rest: b }), first as Text);
  return t('possible duplicate of {list}: check before opening a case', { list });
}
