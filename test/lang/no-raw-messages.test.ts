/**
 * Every sentence a person reads goes through the catalogue: no error is made, and no warning
 * or note said, with an English string written in place (it would stay English under fa).
 * Messages are made with t('…') (src/lang/messages.ts); views render with tr(lang, '…').
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** A call whose first argument is a string written in place: 'x', "x" or `x`. */
const RAW = /(?:new [A-Z]\w*Error|\.warn|\.note|\bwarn|\bnote|\bfileError|\bsay)\(\s*['"`]/g;

describe('no English written in place of a catalogue message', () => {
  it('errors, warnings and notes are made with t()', () => {
    const raw: string[] = [];
    for (const file of sources(SRC)) {
      if (file.includes(join('src', 'lang'))) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(RAW)) {
        const line = text.slice(0, m.index).split('\n').length;
        raw.push(`${relative(SRC, file)}:${line}`);
      }
    }
    expect(raw).toEqual([]);
  });
});
