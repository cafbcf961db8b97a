/**
 * `--help` in the command's language. As in gettext, the English a command file writes
 * (`.description('…')`, `.option('--x', '…')`, a group's summary) is the key of its Persian in
 * src/messages/fa/help/; a description built from a list of codes matches an entry with a
 * placeholder (`primary problem: {codes}`). Commander's own words (headings, "default:") are
 * translated here too. The usage line and the flags stay as they are typed.
 * test/lang/help-catalogue.test.ts renders every command's help in Persian and fails on
 * a description without its Persian.
 */
import type { Argument, Command, Help, Option } from 'commander';
import { FA_HELP } from '../messages/fa/help/index.js';
import { toPersianDigits } from '../lang/digits.js';
import type { Lang } from '../messages/catalogue.js';
import { listOf } from './labels.js';

const HELP_LANG = Symbol.for('parvande.helpLang');

interface Pattern {
  re: RegExp;
  names: string[];
  fa: string;
}

let patterns: Pattern[] | undefined;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Entries with placeholders, as regular expressions over the English (built at the first help shown). */
function helpPatterns(): Pattern[] {
  if (patterns === undefined) {
    patterns = [];
    for (const [en, fa] of Object.entries(FA_HELP)) {
      const names: string[] = [];
      const parts = en.split(/\{([a-zA-Z][a-zA-Z0-9]*)\}/);
      if (parts.length === 1) continue;
      const re = parts
        .map((p, i) => {
          if (i % 2 === 0) return escapeRe(p);
          names.push(p);
          return '(.+?)';
        })
        .join('');
      patterns.push({ re: new RegExp(`^${re}$`, 's'), names, fa });
    }
  }
  return patterns;
}

/** The Persian of a help text, or undefined when the catalogue lacks it. */
export function helpTextFa(en: string): string | undefined {
  const exact = FA_HELP[en];
  if (exact !== undefined) return exact;
  for (const p of helpPatterns()) {
    const m = p.re.exec(en);
    if (m === null) continue;
    return p.fa.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
      const i = p.names.indexOf(name);
      return i < 0 ? whole : (m[i + 1] as string);
    });
  }
  return undefined;
}

/** A help text in `lang` (English where the Persian is missing: the help catalogue test keeps that from shipping). */
export function helpText(lang: Lang, en: string): string {
  if (lang === 'en' || en === '') return en;
  return helpTextFa(en) ?? en;
}

/** The language the help of `cmd` is shown in: set on the root by localizeHelp. */
export function helpLang(cmd: Command): Lang {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  return (root as unknown as Record<symbol, (() => Lang) | undefined>)[HELP_LANG]?.() ?? 'en';
}

function quoted(value: unknown): string {
  return JSON.stringify(value);
}

function extras(
  lang: Lang,
  choices: readonly string[] | undefined,
  fallback: unknown,
  fallbackText: string | undefined,
  show: boolean,
): string {
  const info: string[] = [];
  if (choices) info.push(`${helpText(lang, 'choices:')} ${listOf(choices.map(quoted), lang)}`);
  if (fallback !== undefined && show) {
    const value = fallbackText || quoted(fallback);
    info.push(`${helpText(lang, 'default:')} ${lang === 'fa' ? toPersianDigits(value) : value}`);
  }
  return info.length === 0 ? '' : `(${info.join(lang === 'fa' ? '؛ ' : ', ')})`;
}

function joined(description: string, extra: string): string {
  return [description, extra].filter((s) => s !== '').join(' ');
}

/**
 * Sets the help of `program` and every command under it in the language `lang()` gives,
 * asked only when a help is shown (it may read the settings file).
 */
export function localizeHelp(program: Command, lang: () => Lang): void {
  let known: Lang | undefined;
  const asked = (): Lang => {
    known ??= lang();
    return known;
  };
  (program as unknown as Record<symbol, () => Lang>)[HELP_LANG] = asked;
  const overrides: Partial<Help> = {
    styleTitle: (title: string) => helpText(asked(), title),
    commandDescription: (cmd: Command) => helpText(asked(), cmd.description()),
    subcommandDescription: (cmd: Command) => helpText(asked(), cmd.summary() || cmd.description()),
    optionDescription: (opt: Option) => {
      const show = opt.required || opt.optional || (opt.isBoolean() && typeof opt.defaultValue === 'boolean');
      return joined(
        helpText(asked(), opt.description),
        extras(asked(), opt.argChoices, opt.defaultValue, opt.defaultValueDescription, show),
      );
    },
    argumentDescription: (arg: Argument) =>
      joined(helpText(asked(), arg.description), extras(asked(), arg.argChoices, arg.defaultValue, arg.defaultValueDescription, true)),
  };
  const walk = (cmd: Command): void => {
    cmd.configureHelp({ ...cmd.configureHelp(), ...overrides });
    for (const sub of cmd.commands) walk(sub);
  };
  walk(program);
}

/** The examples that end a command's --help, headed in the language of the help. */
export function examplesHelp(cmd: Command, examples: readonly string[]): Command {
  return cmd.addHelpText('after', () => `\n${helpText(helpLang(cmd), 'Examples:')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
}
