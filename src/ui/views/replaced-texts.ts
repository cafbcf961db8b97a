/**
 * The texts corrections replaced, under a case's timeline: when, which text, its first
 * words, who replaced it. One line each, cut to 80 columns: the whole text is in --json
 * (`replacedTexts`), and why it was replaced is on the timeline entry of the correction.
 */
import type { ReplacedText } from '../../domain/replaced-texts.js';
import type { Fmt } from '../format.js';
import { renderTable } from '../table.js';
import { inLang } from '../labels.js';

const WORDS = {
  title: ['Replaced text', 'متن‌های جایگزین‌شده'],
  text: ['Text', 'متن'],
  was: ['Was', 'متن پیشین'],
  at: ['When', 'زمان'],
} as const satisfies Record<string, readonly [string, string]>;

const rw = (f: Fmt, w: keyof typeof WORDS): string => inLang(WORDS[w], f.lang);

/** Which text: the summary, or a service's note with the service's id. */
function which(r: ReplacedText, f: Fmt): string {
  if (r.recordType === 'service') return `${f.w('note')} ${f.id(r.recordId)}`;
  return f.w(r.field === 'summary' ? 'summary' : 'notes');
}

export function replacedTextsTitle(f: Fmt): string {
  return rw(f, 'title');
}

export function replacedTextsTable(rows: ReplacedText[], f: Fmt): string {
  return renderTable(
    [rw(f, 'at'), rw(f, 'text'), rw(f, 'was'), f.w('actor')],
    // One line: a text of several lines is read as one.
    rows.map((r) => [f.timestamp(r.replacedAt), which(r, f), r.oldText.replace(/\s+/g, ' ').trim(), r.replacedBy]),
    { rtl: f.rtl, cut: [2, 3] },
  );
}
