/**
 * Every sentence a person reads goes through the catalogue: no error is made, and no warning
 * or note said, with an English string written in place (it would stay English under fa).
 * Messages are made with t('…') (src/messages/catalogue.ts); views render with tr(lang, '…').
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, sources } from './sources.js';

/** A call whose first argument is a string written in place: 'x', "x" or `x`. */
const RAW = /(?:new [A-Z]\w*Error|\.warn|\.note|\bwarn|\bnote|\bfileError|\bsay)\(\s*['"`]/g;

/** A prompt's question written in place (src/commands: `{ key, option, message: 'Case number' }`). */
const RAW_PROMPT = /\bmessage:\s*['"`]/g;

describe('no English written in place of a catalogue message', () => {
  it('errors, warnings, notes and prompts are made with t() or tr()', () => {
    const raw: string[] = [];
    for (const file of sources(SRC)) {
      if (file.includes(join('src', 'messages', 'fa')) || file.endsWith(join('messages', 'catalogue.ts'))) continue;
      const text = readFileSync(file, 'utf8');
      const prompts = file.includes(join('src', 'commands')) ? [...text.matchAll(RAW_PROMPT)] : [];
      for (const m of [...text.matchAll(RAW), ...prompts]) {
        const line = text.slice(0, m.index).split('\n').length;
        raw.push(`${relative(SRC, file)}:${line}`);
      }
    }
    expect(raw).toEqual([]);
  });
});
