/** The printed report's head in the reader's language: issuer, number and date, the signing lines. */
import type { Letterhead, ReportSettings } from '../../domain/reports/letterhead.js';
import type { Fmt } from '../format.js';
import { renderCard } from '../table.js';
import type { DocLetterhead } from './report-doc.js';
import { reportWord, type ReportWord } from './report-labels.js';

/**
 * A stored name or number inside a sentence of the other direction (a Persian name in
 * an English line, `۷۲۰/ص/1405/09`): a first-strong isolate keeps its own order.
 */
const isolate = (s: string): string => `\u2068${s}\u2069`;

export function letterheadDoc(l: Letterhead, fmt: Fmt): DocLetterhead {
  const w = (k: ReportWord): string => reportWord(k, fmt.lang);
  const issuer = [w('welfareOrganization')];
  if (l.office?.province) issuer.push(`${w('provinceWelfare')} ${isolate(l.office.province)}`);
  if (l.office?.county) issuer.push(`${w('countyWelfare')} ${isolate(l.office.county)}`);
  // The office's name before its code, as a letter names the sender.
  if (l.office !== null) issuer.push(`${isolate(l.office.name)} (${w('officeCode')} ${isolate(l.office.code)})`);
  return {
    issuer,
    fields: [
      // The prefix as the office set it (a code stays in Latin letters and digits), the period in the reader's digits.
      { label: w('reportNumber'), value: l.number === null ? '' : isolate(`${l.number.prefix}/${fmt.text(l.number.period)}`) },
      { label: w('preparedOn'), value: fmt.date(l.preparedOn) },
    ],
    signers: [
      { label: w('preparedBy'), name: l.preparedBy ?? '' },
      { label: w('approvedBy'), name: l.approvedBy ?? '' },
    ],
  };
}

/** `report settings` as a card: who signs, and the number the month's report gets. */
export function reportSettingsCard(s: ReportSettings, f: Fmt): string {
  const w = (k: ReportWord): string => reportWord(k, f.lang);
  const who = (p: ReportSettings['preparedBy']): string => {
    if (p === null) return w('blankLine');
    return p.active ? f.named(p.name, p.id) : `${f.named(p.name, p.id)} — ${w('leftBlankLine')}`;
  };
  const prefix = s.printedPrefix;
  return renderCard(
    [
      [w('preparedBy'), who(s.preparedBy)],
      [w('approvedBy'), who(s.approvedBy)],
      [w('numberPrefix'), prefix === null ? '' : f.text(prefix) + (s.numberPrefix === null ? ` (${w('officeCode')})` : '')],
    ],
    { rtl: f.rtl },
  );
}
