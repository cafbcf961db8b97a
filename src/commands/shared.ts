import { Option, type Command } from 'commander';
import { codesOf, type Catalogue } from '../domain/codes.js';
import { parseInteger } from '../domain/fields.js';
import { ParvandeError } from '../errors.js';
import type { Lang, Text } from '../messages/catalogue.js';
import type { Runtime } from '../runtime.js';
import { Fmt } from '../ui/format.js';
import { word, type Word, listOf } from '../ui/labels.js';
import type { PromptSpec } from '../ui/prompts.js';
import { examplesHelp } from '../ui/help.js';

/**
 * A prompt check built from the same parser the command uses: a bad answer is
 * asked again with the parser's message instead of failing after every prompt.
 * Blank answers pass (the prompt's `optional` decides about those).
 */
export function validateWith(parse: (value: string) => unknown): (value: string) => true | string | Text {
  return (value) => {
    if (value.trim() === '') return true;
    try {
      parse(value);
      return true;
    } catch (err) {
      // The parser's own message, shown in the prompt's language (src/ui/prompts.ts renders it).
      if (err instanceof ParvandeError) return err.text;
      return err instanceof Error ? err.message : String(err);
    }
  };
}

/** Every command's --help ends with examples. */
export function withExamples(cmd: Command, ...examples: string[]): Command {
  return examplesHelp(cmd, examples);
}

export function limitOption(defaultLimit = 50): Option {
  return new Option('--limit <n>', 'most rows to show').default(String(defaultLimit));
}

export function parseLimit(value: string | undefined): number {
  return parseInteger(value ?? '50', 'limit', { min: 1, max: 1_000_000 });
}

export function fmt(rt: Runtime): Fmt {
  return new Fmt(rt.out.opts);
}

/** A prompt that offers a catalogue's codes with their labels in the user's language. */
export function choose<C extends string>(cat: Catalogue<C>, rt: Runtime): NonNullable<PromptSpec['choices']> {
  return codesOf(cat).map((code) => ({ value: code, name: `${cat[code][rt.lang]} (${code})` }));
}

/**
 * Fields named in a message (a merge's differing fields, a correction's changed ones): as
 * typed (`national-code`) in English, by their labels in Persian, in the reader's list style.
 */
export function fieldList(names: readonly string[], lang: Lang): string {
  if (lang === 'en') return listOf(names, lang);
  return listOf(
    names.map((n) => {
      const w = FIELD_WORDS[n];
      return w === undefined ? n : word(w, lang);
    }),
    lang,
  );
}

/** The label of each field a message may name, by the name the option has. */
const FIELD_WORDS: Readonly<Record<string, Word>> = {
  'first-name': 'firstName',
  'last-name': 'lastName',
  'national-code': 'nationalCode',
  'birth-date': 'birthDate',
  sex: 'sex',
  mobile: 'mobile',
  address: 'address',
  county: 'county',
  notes: 'notes',
  'informal-settlement': 'informalSettlement',
  'woman-head': 'womanHead',
  type: 'type',
  date: 'date',
  worker: 'worker',
  minutes: 'minutes',
  note: 'note',
};

/** Names the codes in an option's help. */
export function codeList<C extends string>(cat: Catalogue<C>): string {
  return codesOf(cat).join(', ');
}
