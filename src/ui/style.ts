/**
 * Colour only on a terminal and never with NO_COLOR. chalk is loaded (by
 * prepareColour, once, before a command runs) only when stderr or stdout is a
 * terminal that wants colour: piped and scripted runs never pay for it.
 */
import type { ChalkInstance } from 'chalk';

function wantsColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

let chalkModule: typeof import('chalk') | null = null;

/** Loads chalk if a terminal wants colour; without it every paint is plain text. */
export async function prepareColour(): Promise<void> {
  if (chalkModule !== null || !(wantsColour(process.stderr) || wantsColour(process.stdout))) return;
  try {
    chalkModule = await import('chalk');
  } catch {
    // Colour is a nicety: a broken install of it must not stop a command.
  }
}

export interface Paint {
  red: (s: string) => string;
  yellow: (s: string) => string;
}

const plain: Paint = { red: (s) => s, yellow: (s) => s };

export function colourFor(stream: NodeJS.WriteStream): Paint {
  if (chalkModule === null || !wantsColour(stream)) return plain;
  const c: ChalkInstance = new chalkModule.Chalk({ level: 1 });
  return { red: (s) => c.red(s), yellow: (s) => c.yellow(s) };
}
