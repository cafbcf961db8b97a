/**
 * The only file that talks to inquirer. It is loaded on demand, so commands that
 * never prompt do not pay its start-up cost.
 */
import { render, tr, type Text } from '../messages/catalogue.js';
import { inLang, type Lang, listOf } from './labels.js';

export interface PromptChoice {
  value: string;
  name: string;
  /** Shown but not choosable: a hint such as "type two letters of the name". */
  disabled?: boolean;
}

export interface PromptSpec {
  /** The option's name as typed, e.g. "first-name". */
  option: string;
  message: string;
  /** Codes to choose from, with their labels. */
  choices?: PromptChoice[];
  /** With `choices`: tick any number of them (a checkbox list); the answer is the codes, comma separated. */
  multiple?: boolean;
  /** The option whose value is left out of `choices` (the primary problem is not offered again as a further one). */
  except?: string;
  /**
   * A record chosen by typing part of its name: `find` is asked on every key pressed (it reads
   * a bounded number of matches) and `pinned` choices (anonymous caller, none) are always offered.
   */
  search?: { find: (term: string) => PromptChoice[]; pinned?: PromptChoice[] };
  /** Accept an empty answer. */
  optional?: boolean;
  /**
   * With `optional`: asked only when a required value is asked too, so a command typed
   * complete at a terminal runs without a question (case open's further problems, center, worker).
   */
  alongside?: boolean;
  /** true, or why the value is refused: a catalogue message (made with t), or a string already in the reader's language. */
  validate?: (value: string) => true | string | Text;
}

const HELP: Record<string, readonly [string, string]> = {
  navigate: ['navigate', 'جابه‌جایی'],
  select: ['select', 'انتخاب'],
  submit: ['submit', 'تأیید'],
  all: ['all', 'همه'],
  invert: ['invert', 'وارونه'],
};

const SKIP = ['(skip)', '(هیچ)'] as const;
const SPACE = ['space', 'فاصله'] as const;
const NO_MATCH = ['(no match: type another part of the name)', '(موردی پیدا نشد: بخش دیگری از نام را بنویسید)'] as const;

/** The key hints under a list, in the display language (inquirer writes them in English). */
function theme(lang: Lang): { style: { keysHelpTip: (keys: [string, string][]) => string } } {
  const name = (key: string): string => (key === 'space' ? inLang(SPACE, lang) : key);
  const help = (action: string): string => {
    const pair = HELP[action];
    return pair === undefined ? action : inLang(pair, lang);
  };
  return { style: { keysHelpTip: (keys) => keys.map(([key, action]) => `${name(key)} ${help(action)}`).join(' • ') } };
}

export async function askFor(spec: PromptSpec, lang: Lang = 'en'): Promise<string> {
  const { checkbox, input, search, select } = await import('@inquirer/prompts');
  if (spec.search !== undefined) {
    const { find, pinned = [] } = spec.search;
    const skip: PromptChoice[] = spec.optional === true ? [{ value: '', name: inLang(SKIP, lang) }] : [];
    return search<string>({
      message: spec.message,
      theme: theme(lang),
      pageSize: 12,
      source: (term) => {
        const typed = (term ?? '').trim() !== '';
        const found = find(term ?? '');
        const hint: PromptChoice[] = found.length === 0 && typed ? [{ value: '', name: inLang(NO_MATCH, lang), disabled: true }] : found;
        // Enter takes the first choice: before anything is typed, the pinned ones and "skip"; after, the first match.
        const all = typed ? [...hint, ...pinned, ...skip] : [...pinned, ...skip, ...hint];
        return all.map((c) => (c.disabled === true ? { ...c, disabled: ' ' } : c));
      },
    });
  }
  if (spec.choices !== undefined && spec.multiple === true) {
    const ticked = await checkbox<string>({
      message: spec.message,
      choices: spec.choices,
      theme: {
        ...theme(lang),
        style: {
          ...theme(lang).style,
          renderSelectedChoices: (c: { name: string }[]) =>
            listOf(
              c.map((x) => x.name),
              lang,
            ),
        },
      },
      pageSize: 12,
      loop: false,
    });
    return ticked.join(',');
  }
  if (spec.choices !== undefined) {
    const choices = spec.optional === true ? [...spec.choices, { value: '', name: inLang(SKIP, lang) }] : spec.choices;
    return select({ message: spec.message, choices, theme: theme(lang) });
  }
  // inquirer's own "required" check says it in English: the check is made here, in the reader's language.
  const required = spec.optional !== true;
  const check = spec.validate;
  return input({
    message: spec.message,
    validate: (value: string) => {
      if (required && value === '') return tr(lang, 'You must provide a value');
      if (check === undefined) return true;
      const verdict = check(value);
      return verdict === true ? true : render(verdict, lang);
    },
  });
}

export async function confirm(message: string, lang: Lang = 'en'): Promise<boolean> {
  const { confirm: ask } = await import('@inquirer/prompts');
  const yes = tr(lang, 'Yes');
  const no = tr(lang, 'No');
  return ask({
    message,
    default: false,
    theme: { keywords: { yes, no, error: () => tr(lang, 'You must answer with "{yes}" or "{no}"', { yes, no }) } },
  });
}
