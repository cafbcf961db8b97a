/**
 * The message catalogue (src/messages/catalogue.ts): every template said in src through t() or
 * tr() has its Persian, with the same parameters and no English words but codes, flags and
 * file names; no Persian entry is left unused; an entry in two areas has one Persian.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SRC, sources } from './sources.js';
import { FA, FA_PARTS } from '../../src/messages/fa/index.js';
import { placeholders, render, saidOf, t, tr } from '../../src/messages/catalogue.js';
import { englishWords } from './english-words.js';

/** A string literal as written: '…', "…" or `…` without ${}. */
const LITERAL = String.raw`(?:'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|\x60((?:[^\x60\\$]|\\.)*)\x60)`;
const ANY_CALL = /(?<=^|[\s(,=[?:{!])(t\(|tr\([^,()]+,)\s*(?=\S)/gm;

function unescaped(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

interface Use {
  template: string;
  where: string;
}

function uses(): { found: Use[]; notLiteral: string[] } {
  const found: Use[] = [];
  const notLiteral: string[] = [];
  for (const file of sources(SRC)) {
    if (file.includes(join('src', 'messages', 'fa')) || file.endsWith(join('messages', 'catalogue.ts'))) continue;
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    const literalAt = new Set<number>();
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\w.])(?:t\(|tr\(\s*[^,()]+,)\s*` + LITERAL, 'g'))) {
      found.push({ template: unescaped(m[1] ?? m[2] ?? m[3] ?? ''), where });
      literalAt.add(m.index);
    }
    for (const m of text.matchAll(ANY_CALL)) {
      if (!literalAt.has(m.index)) {
        const line = text.slice(0, m.index).split('\n').length;
        notLiteral.push(`${where}:${line}`);
      }
    }
  }
  return { found, notLiteral };
}

describe('the message catalogue', () => {
  const { found, notLiteral } = uses();

  it('is read from the sources (t() and tr() calls are found)', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it('every t() and tr() takes its template as a string literal, so this test can read it', () => {
    expect(notLiteral).toEqual([]);
  });

  it('every template said has its Persian', () => {
    const missing = [...new Set(found.filter((u) => FA[u.template] === undefined).map((u) => `${u.where}: ${u.template}`))];
    expect(missing).toEqual([]);
  });

  it('English and Persian name the same parameters', () => {
    const wrong = Object.entries(FA)
      .filter(([en, fa]) => placeholders(en).join() !== placeholders(fa).join())
      .map(([en]) => en);
    expect(wrong).toEqual([]);
  });

  it('a Persian template holds no English words but codes, flags and file names', () => {
    const english = Object.entries(FA)
      .map(([en, fa]) => ({ en, words: englishWords(fa) }))
      .filter((e) => e.words.length > 0);
    expect(english).toEqual([]);
  });

  it('no Persian template is empty or left unused', () => {
    const said = new Set(found.map((u) => u.template));
    expect(
      Object.entries(FA)
        .filter(([, fa]) => fa.trim() === '')
        .map(([en]) => en),
    ).toEqual([]);
    expect(Object.keys(FA).filter((en) => !said.has(en))).toEqual([]);
  });

  it('a template in two areas has one Persian', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const part of Object.values(FA_PARTS)) {
      for (const [en, fa] of Object.entries(part)) {
        const before = seen.get(en);
        if (before !== undefined && before !== fa) clashes.push(en);
        seen.set(en, fa);
      }
    }
    expect(clashes).toEqual([]);
  });

  it("says a command's message of another name, in either language (an import's column for an option)", () => {
    const said = saidOf(
      t('invalid date for --{field}: {reason}', { field: 'date', reason: t('expected YYYY-MM-DD') }),
      '--date',
      'attended-on',
    );
    expect(render(said, 'en')).toBe('invalid date for attended-on: expected YYYY-MM-DD');
    expect(render(said, 'fa')).toBe('تاریخ attended-on نادرست است: به شکل YYYY-MM-DD بدهید');
  });

  it('renders parameters, Persian digits for numbers and nested messages', () => {
    const inner = t('unknown command');
    expect(render(t('unexpected failure: {error}', { error: inner }), 'fa')).toBe('خطای پیش‌بینی‌نشده: فرمان ناشناخته');
    expect(tr('fa', 'missing required option: {option}', { option: '--client' })).toBe('گزینهٔ لازم داده نشده: --client');
    expect(tr('en', 'too many arguments for {command}', { command: 'open' })).toBe('too many arguments for open');
  });
});

describe('englishWords', () => {
  it('keeps codes, flags, files and commands, finds English words', () => {
    expect(englishWords('گزینهٔ --client را بدهید؛ `parvande db check` و clients.csv و PARVANDE_DB و child-abuse و hotline')).toEqual([]);
    expect(englishWords('پرونده باز شد: the case')).toEqual(['the', 'case']);
  });
});
