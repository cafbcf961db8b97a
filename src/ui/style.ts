/**
 * Colour only on a terminal and never with NO_COLOR. chalk decides from the
 * stream it is asked about, so data piped to a file stays plain.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export function colourFor(stream: NodeJS.WriteStream): ChalkInstance {
  const enabled = stream.isTTY === true && process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb';
  return new Chalk({ level: enabled ? 1 : 0 });
}
