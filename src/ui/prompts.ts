/**
 * The only file that talks to inquirer. It is loaded on demand, so commands that
 * never prompt do not pay its start-up cost.
 */
export interface PromptSpec {
  /** The option's name as typed, e.g. "first-name". */
  option: string;
  message: string;
  /** Codes to choose from, with their labels. */
  choices?: { value: string; name: string }[];
  /** Accept an empty answer. */
  optional?: boolean;
  validate?: (value: string) => true | string;
}

export async function askFor(spec: PromptSpec): Promise<string> {
  const { input, select } = await import('@inquirer/prompts');
  if (spec.choices !== undefined) {
    const choices = spec.optional === true ? [...spec.choices, { value: '', name: '(skip)' }] : spec.choices;
    return select({ message: spec.message, choices });
  }
  return input({
    message: spec.message,
    required: spec.optional !== true,
    ...(spec.validate ? { validate: spec.validate } : {}),
  });
}

export async function confirm(message: string): Promise<boolean> {
  const { confirm: ask } = await import('@inquirer/prompts');
  return ask({ message, default: false });
}
