/**
 * Colour only on a terminal and never with NO_COLOR. chalk is loaded only when
 * stderr is a terminal that wants colour: piped and scripted runs never pay for it.
 */
import type { ChalkInstance } from 'chalk';

function wantsColour(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
}

const chalkModule = wantsColour(process.stderr) || wantsColour(process.stdout) ? await import('chalk') : null;

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
