/**
 * The command reference is the program's own help: the committed docs/reference.md must be
 * what the generator makes of today's program (as sqlite-utils checks its docs with cog), and
 * every command must have a description and examples to put in it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EventEmitter } from 'node:events';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { ROOT } from '../helpers/cli.js';
import { REFERENCE_PATH, renderReference } from './reference.mjs';

function walk(cmd: Command): Command[] {
  return [cmd, ...cmd.commands.flatMap(walk)];
}

function fullName(cmd: Command): string {
  return cmd.parent ? `${fullName(cmd.parent)} ${cmd.name()}` : cmd.name();
}

function examplesOf(cmd: Command): string {
  let text = '';
  // commander's Command is an EventEmitter; its typings leave that out.
  (cmd as unknown as EventEmitter).emit('afterHelp', { error: false, command: cmd, write: (s: string) => (text += s) });
  return text;
}

describe('docs/reference.md', () => {
  it('is what `npm run docs` makes of the program now', async () => {
    const committed = readFileSync(join(ROOT, REFERENCE_PATH), 'utf8');
    const generated = renderReference(await buildFullProgram());
    // One line to act on rather than a long diff first.
    expect(committed === generated, `${REFERENCE_PATH} is out of date: run npm run docs`).toBe(true);
  });

  it('every command and subcommand has a description and examples', async () => {
    const missing = walk(await buildFullProgram())
      .filter((c) => c.description().trim() === '' || !/\n {2}\$ parvande /.test(examplesOf(c)))
      .map((c) => fullName(c));
    expect(missing).toEqual([]);
  });
});
