/**
 * How many terminal columns a string takes. Persian text carries characters
 * that take no column: the zero-width non-joiner (U+200C) between the parts of
 * a word, joiners, direction marks and vowel marks. string-width (which
 * cli-table3 uses) counts them as one column each, so a column holding
 * "کودک‌آزاری" would be drawn one column too wide.
 */
const ZERO_WIDTH =
  /[\u0300-\u036F\u0610-\u061A\u061C\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFE00-\uFE0F\uFEFF]/gu;
/** The width every list, card and line is drawn to: an 80-column terminal, in either language. */
export const SCREEN = 80;

const ANSI = /\u001b\[[0-9;]*m/g;

function isZeroWidth(ch: string): boolean {
  ZERO_WIDTH.lastIndex = 0;
  return ZERO_WIDTH.test(ch);
}

/** Columns taken by `text` on a terminal (one line; colour codes take none). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(ANSI, '').replace(ZERO_WIDTH, '')) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

// East Asian wide and full-width ranges (CJK, Hangul, full-width forms): two columns.
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

export function padEndTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStartTo(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** Cuts `text` to at most `width` columns, ending in "…" when cut. */
export function truncateTo(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Cuts `text` to at most `width` columns, ending in "…" when cut, at the end of a word
 * where one fits ("عبدالحمید شریعتمداری" → "عبدالحمید…"): a word is split only when the
 * first one alone does not fit. Words are parted by spaces; a zero-width non-joiner joins
 * the parts of one word (کودک‌آزاری) and is no place to cut.
 */
export function truncateWords(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const cut = truncateTo(text, width);
  const kept = cut.slice(0, -1);
  // Cut exactly at a word's end: the next character of the text is a space.
  if (/\s/.test(text.charAt(kept.length))) return `${kept.trimEnd()}…`;
  const lastSpace = kept.search(/\s\S*$/);
  const words = lastSpace > 0 ? kept.slice(0, lastSpace).trimEnd() : '';
  return words === '' ? cut : `${words}…`;
}

/**
 * `text` as lines of at most `width` columns, broken between words (at spaces; a zero-width
 * non-joiner joins the parts of one word). A word wider than the whole width (a path, a long
 * code) is the only thing broken inside: there is no other way to show it whole.
 */
export function wrapWords(text: string, width: number): string[] {
  if (displayWidth(text) <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const joined = line === '' ? word : `${line} ${word}`;
    if (displayWidth(joined) <= width) {
      line = joined;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    let rest = word;
    while (displayWidth(rest) > width) {
      let head = '';
      for (const ch of rest) {
        if (head !== '' && displayWidth(head + ch) > width) break;
        head += ch;
      }
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lines wider than `width` broken between words, each keeping its line's indentation: what a
 * terminal would otherwise wrap in the middle of a word.
 */
export function fitLines(text: string, width: number = SCREEN): string {
  if (!text.split('\n').some((l) => displayWidth(l) > width)) return text;
  return text
    .split('\n')
    .flatMap((line) => {
      if (displayWidth(line) <= width) return [line];
      const indent = /^\s*/.exec(line)?.[0] ?? '';
      return wrapWords(line.slice(indent.length), Math.max(width - displayWidth(indent), 20)).map((l) => indent + l);
    })
    .join('\n');
}

// A control character never stored in any text (fields.ts refuses them): it stands
// in for each zero-width character while cli-table3 measures, which counts it as 0.
const STAND_IN = '\u0001';

/**
 * Hides zero-width characters from cli-table3's width count and puts them back in
 * the drawn table. cli-table3 writes cells in the order they were given (no
 * wrapping), so the characters come back in the same order.
 */
export class ZeroWidthShield {
  private readonly hidden: string[] = [];

  hide(cell: string): string {
    let out = '';
    for (const ch of cell.replaceAll(STAND_IN, '')) {
      if (isZeroWidth(ch)) {
        this.hidden.push(ch);
        out += STAND_IN;
      } else out += ch;
    }
    return out;
  }

  restore(drawn: string): string {
    let k = 0;
    return drawn.replace(/\u0001/g, () => this.hidden[k++] ?? '');
  }
}
