/**
 * Characters no stored text may hold, and the one definition of them that both the
 * field parsers (which refuse them) and the terminal views (which show any already
 * stored as visible escapes) use.
 *
 * - Controls: C0 (U+0000-U+001F), DEL and C1 (U+0080-U+009F). ESC and the 8-bit CSI
 *   start sequences that recolour, clear or retitle a terminal, or hide what follows.
 *   Multi-line notes keep tab and line feed (and a CR becomes a line feed first).
 * - Bidi overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what a
 *   terminal shows ("Trojan Source"), so a note could display as something it is not.
 *
 * Allowed: ZWNJ and ZWJ (Persian words need them) and the direction marks LRM, RLM
 * and ALM (U+200E, U+200F, U+061C), which Persian keyboards type and which only
 * set the direction of the characters beside them: they cannot hide or reorder text.
 */

/** Every character a single-line field refuses (after its white space is collapsed). */
export const FORBIDDEN_CHAR = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Every character a multi-line note refuses: the same but tab and line feed. */
export const FORBIDDEN_NOTE_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

export interface ForbiddenChar {
  /** e.g. "U+001B" */
  codePoint: string;
  bidi: boolean;
}

/** The first forbidden character of `text`, or undefined when there is none. */
export function firstForbiddenChar(text: string, multiline: boolean): ForbiddenChar | undefined {
  const m = (multiline ? FORBIDDEN_NOTE_CHAR : FORBIDDEN_CHAR).exec(text);
  if (m === null) return undefined;
  const ch = m[0];
  return { codePoint: codePointName(ch), bidi: BIDI.test(ch) };
}

/** "U+001B" */
function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}
