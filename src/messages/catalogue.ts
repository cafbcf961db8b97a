/**
 * Every sentence parvande says to a person, in English and Persian: the one message catalogue.
 *
 * As in gettext, the English template written where the message is said is its key:
 *
 *     throw new ValidationError(t('cannot write {file}: {why}', { file, why }), 'out');
 *
 * and its Persian template lives in src/messages/fa/, one file per area of the program. A
 * message is rendered in the language of the command only when it is shown (src/ui/output.ts),
 * so the store and the domain throw without knowing who reads. `{name}` marks a parameter;
 * a number parameter is written with Persian digits under `fa`; a parameter may itself be a
 * message. test/lang/catalogue.test.ts reads every t('…') in src and fails when a template
 * lacks its Persian, when the two disagree on parameters, when a Persian template holds an
 * English word other than a code, a flag or a file name, or when an entry is no longer used.
 */
import { FA } from './fa/index.js';

export type Lang = 'en' | 'fa';

/** A word already known in both languages (a month's name): rendered in the reader's. */
export interface Localized {
  readonly en: string;
  readonly fa: string;
}

export type Param = string | number | Text | Localized;
export type Params = Readonly<Record<string, Param>>;

/** A message not yet rendered: its English template and its parameters. */
export interface Text {
  readonly template: string;
  readonly params: Params;
  /** Once rendered, the first `[0]` becomes `[1]`: a command's message said of something else (saidOf). */
  readonly replace?: readonly [string, string];
}

/**
 * A message said of another name than its own: a command's refusal of `--sex` read from an
 * imported file is said of the file's column `sex`, in whatever language it is rendered in.
 */
export function saidOf(text: Text, name: string, other: string): Text {
  return { ...text, replace: [name, other] };
}

/** A message to be rendered where it is shown. The template must be a string literal (the catalogue test reads it). */
export function t(template: string, params: Params = {}): Text {
  return { template, params };
}

export function isText(value: unknown): value is Text {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Text).template === 'string' &&
    typeof (value as Text).params === 'object'
  );
}

/**
 * Latin digits as Persian ones. src/lang/digits.ts owns digit rules for text people type; this
 * layer sits below it (errors and the language rules both read the catalogue), so the one
 * conversion a number parameter needs is written here.
 */
function persianNumber(value: number): string {
  return String(value).replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** The template in the language asked; English when the catalogue lacks it (the catalogue test keeps that from shipping). */
export function templateFor(template: string, lang: Lang): string {
  return lang === 'fa' ? (FA[template] ?? template) : template;
}

/** The message in `lang`, its parameters filled in. */
export function render(text: Text | string, lang: Lang): string {
  if (typeof text === 'string') return text;
  const rendered = fill(text, lang);
  return text.replace === undefined ? rendered : rendered.replace(text.replace[0], text.replace[1]);
}

function fill(text: Text, lang: Lang): string {
  return templateFor(text.template, lang).replace(PLACEHOLDER, (whole, name: string) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number') return lang === 'fa' ? persianNumber(value) : String(value);
    if (typeof value === 'string') return value;
    return isText(value) ? render(value, lang) : value[lang];
  });
}

/** Renders at once, where the language is known (views, prompts, help). */
export function tr(lang: Lang, template: string, params: Params = {}): string {
  return render(t(template, params), lang);
}

/** The placeholders a template names, for the catalogue test. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string).sort();
}
