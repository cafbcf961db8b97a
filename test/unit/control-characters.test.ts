/**
 * Terminal escape injection (issue #10, item 6): no free text may hold a character
 * that steers a terminal (C0 and C1 controls, DEL) or reorders what it shows (bidi
 * overrides and isolates). Single-line fields and multi-line notes refuse them, naming
 * the field and the code point and never the text; text already stored is drawn with
 * such characters made visible.
 */
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import { cleanText, optionalNote } from '../../src/domain/fields.js';
import { showControls } from '../../src/ui/visible-text.js';

function refusal(fn: () => unknown): { message: string; field: string | undefined } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return { message: err.message, field: err.field };
    throw err;
  }
  throw new Error('not refused');
}

const REFUSED: [string, string][] = [
  ['\u001b', 'U+001B'],
  ['\u0007', 'U+0007'],
  ['\u0000', 'U+0000'],
  ['\u007f', 'U+007F'],
  ['\u0080', 'U+0080'],
  ['\u009b', 'U+009B'],
  ['\u009f', 'U+009F'],
  ['\u202a', 'U+202A'],
  ['\u202e', 'U+202E'],
  ['\u2066', 'U+2066'],
  ['\u2069', 'U+2069'],
];

describe('free text refuses control and bidi characters', () => {
  for (const [ch, cp] of REFUSED) {
    it(`${cp} in a name, an address and a note`, () => {
      const text = `Secretname ${ch}]0;pwned\u0007 رضایی`;
      for (const [fn, field] of [
        [() => cleanText(text, 'first-name'), 'first-name'],
        [() => cleanText(text, 'address', 500), 'address'],
        [() => optionalNote(text, 'notes'), 'notes'],
        [() => optionalNote(`line one\n${ch}`, 'outcome'), 'outcome'],
      ] as const) {
        const r = refusal(fn);
        expect(r.field).toBe(field);
        expect(r.message).toBe(
          cp.startsWith('U+20')
            ? `${field} contains a bidi control character (${cp}); bidi overrides and isolates are not allowed in text`
            : `${field} contains a control character (${cp}); control characters are not allowed in text`,
        );
      }
    });
  }

  it('names the exact code point of the first offending character', () => {
    expect(refusal(() => optionalNote('a\u001b[2Jb', 'notes')).message).toBe(
      'notes contains a control character (U+001B); control characters are not allowed in text',
    );
    expect(refusal(() => cleanText('abc\u202edef', 'summary')).message).toBe(
      'summary contains a bidi control character (U+202E); bidi overrides and isolates are not allowed in text',
    );
  });

  it('keeps tab and line feed in notes, turns CR LF into LF, and collapses them in one-line fields', () => {
    expect(optionalNote('a\tb\r\nc\rd', 'notes')).toBe('a\tb\nc\nd');
    expect(cleanText('a\tb\r\nc', 'address')).toBe('a b c');
  });

  it('keeps ZWNJ, ZWJ and the direction marks LRM and RLM', () => {
    for (const s of ['می\u200cروم', 'a\u200db', 'علی\u200f (2)', 'x\u200ey', 'x\u061cy']) {
      expect(cleanText(s, 'first-name')).toBe(s.normalize('NFC'));
      expect(optionalNote(s, 'notes')).toBe(s.normalize('NFC'));
    }
  });
});

describe('stored control characters are shown visibly', () => {
  it('C0, DEL and C1 as \\xNN, bidi overrides and isolates as <U+XXXX>', () => {
    expect(showControls('a\u001b[2Jb')).toBe('a\\x1b[2Jb');
    expect(showControls('\u009b31m\u007f\u0000')).toBe('\\x9b31m\\x7f\\x00');
    expect(showControls('x\u202ey\u2066z\u2069')).toBe('x<U+202E>y<U+2066>z<U+2069>');
    expect(showControls('\u001b]8;;http://x\u0007link')).toBe('\\x1b]8;;http://x\\x07link');
    expect(showControls('a\rb')).toBe('a\\x0db');
  });

  it('leaves line feed, tab, ZWNJ, ZWJ, LRM, RLM and ordinary text as they are', () => {
    for (const s of ['line\nnext', 'a\tb', 'می\u200cروم', 'a\u200db', 'x\u200ey\u200f', 'ژیلا', '┌──┐', '']) {
      expect(showControls(s)).toBe(s);
    }
  });
});
