/**
 * What a terminal is given of stored text. The field parsers refuse control and
 * bidi characters (src/lang/controls.ts), but rows written by an older
 * version or by the sqlite3 shell may hold them, and printed raw they would act on
 * the terminal: retitle it, clear it, hide a line, reorder a note. Output passes
 * every human line through `showControls`, so they are shown, never obeyed.
 */
import { FORBIDDEN_NOTE_CHAR } from '../lang/controls.js';

// What a note may not hold is what a terminal is not given raw: all but line feed and tab.
const SHOWN = new RegExp(FORBIDDEN_NOTE_CHAR.source, 'g');

function visible(ch: string): string {
  const cp = ch.charCodeAt(0);
  // C0, DEL and C1 as a C-style escape; bidi overrides and isolates by their code point.
  return cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `<U+${cp.toString(16).toUpperCase()}>`;
}

/** `text` with every control character (but line feed and tab) and bidi override or isolate made visible. */
export function showControls(text: string): string {
  // Most output has none: a test is cheaper than a replace that finds nothing.
  return FORBIDDEN_NOTE_CHAR.test(text) ? text.replace(SHOWN, visible) : text;
}
