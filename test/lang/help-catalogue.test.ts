/**
 * `--help` in Persian (src/ui/help.ts, src/messages/fa/help/): every command's description, every
 * option's and argument's, every group's summary has its Persian, with no English words but
 * codes, flags and file names; no Persian help entry is left unused. And the built program
 * prints its help in Persian under --lang fa.
 */
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { FA_HELP } from '../../src/messages/fa/help/index.js';
import { helpTextFa, localizeHelp } from '../../src/ui/help.js';
import { englishWords } from './english-words.js';
import { runCli } from '../helpers/cli.js';

interface HelpText {
  where: string;
  en: string;
}

function texts(cmd: Command, path: string[] = []): HelpText[] {
  const where = ['parvande', ...path].join(' ');
  const out: HelpText[] = [{ where, en: cmd.description() }];
  for (const o of cmd.options) out.push({ where: `${where} ${o.flags}`, en: o.description });
  for (const a of cmd.registeredArguments) out.push({ where: `${where} <${a.name()}>`, en: a.description });
  for (const sub of cmd.commands) out.push(...texts(sub, [...path, sub.name()]));
  return out.filter((h) => h.en !== '');
}

describe('the help catalogue', async () => {
  const program = await buildFullProgram();
  const all = texts(program);

  it('every description, option and argument has its Persian', () => {
    expect(all.filter((h) => helpTextFa(h.en) === undefined).map((h) => `${h.where}: ${h.en}`)).toEqual([]);
  });

  it('the Persian holds no English words but codes, flags and file names', () => {
    const english = all.map((h) => ({ where: h.where, words: englishWords(helpTextFa(h.en) ?? '') })).filter((h) => h.words.length > 0);
    expect(english).toEqual([]);
    const entries = Object.entries(FA_HELP)
      .filter(([, fa]) => englishWords(fa).length > 0)
      .map(([en]) => en);
    expect(entries).toEqual([]);
  });

  it('no Persian help entry is left unused', () => {
    const commanderWords = new Set([
      'Usage:',
      'Options:',
      'Commands:',
      'Arguments:',
      'Global Options:',
      'Examples:',
      'choices:',
      'default:',
      'display help for command',
      'output the version number',
    ]);
    const used = new Set<string>();
    for (const h of all) {
      if (FA_HELP[h.en] !== undefined) used.add(h.en);
      else
        for (const key of Object.keys(FA_HELP))
          if (key.includes('{') && helpTextFa(h.en) !== undefined && matches(key, h.en)) used.add(key);
    }
    const unused = Object.keys(FA_HELP).filter((k) => !used.has(k) && !commanderWords.has(k) && !k.startsWith('Exit codes:'));
    expect(unused).toEqual([]);
  });

  it("every command's whole help reads in Persian (but its usage line, flags and example commands)", async () => {
    const fa = await buildFullProgram();
    localizeHelp(fa, () => 'fa');
    const english: string[] = [];
    const walk = (cmd: Command, path: string) => {
      let after = '';
      (cmd as unknown as { emit: (event: string, context: object) => void }).emit('afterHelp', {
        error: false,
        command: cmd,
        write: (s: string) => (after += s),
      });
      const words = englishWords(prose(cmd.helpInformation() + after));
      if (words.length > 0) english.push(`${path}: ${words.join(' ')}`);
      for (const sub of cmd.commands) walk(sub, `${path} ${sub.name()}`);
    };
    walk(fa, 'parvande');
    expect(english).toEqual([]);
  });

  it('prints a command help in Persian, headings and all', async () => {
    const r = await runCli(['--lang', 'fa', 'case', 'list', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('کاربرد:');
    expect(r.stdout).toContain('نمونه‌ها:');
    expect(englishWords(prose(r.stdout))).toEqual([]);
  });
});

/** A help page without what is typed as it is: the usage line, the flags column, example command lines, command names. */
function prose(help: string): string {
  return help
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('$ ') && !line.startsWith('کاربرد:'))
    .map((line) =>
      line
        .replace(/^\s+-[^ ]*(?:, --\S+)?(?: <[^>]*>| \[[^\]]*\])?/, '')
        .replace(/^\s+[a-z][a-z-]*(?:\|[a-z][a-z-]*)?(?: \[[^\]]*\]| <[^>]*>)*(?=\s)/, ''),
    )
    .join('\n');
}

function matches(key: string, en: string): boolean {
  const re = new RegExp(
    `^${key
      .split(/\{[a-zA-Z][a-zA-Z0-9]*\}/)
      .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(.+?)')}$`,
    's',
  );
  return re.test(en);
}
