/**
 * The manual's examples name real commands and options: every `parvande …` line in a shell block
 * of docs/ is walked through the program (every group loaded), and its command path and each
 * --option must exist. (The task pages were also run, as written, against the demo office.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { ROOT } from '../helpers/cli.js';
import { examples, words } from './examples.js';

const DOCS = join(ROOT, 'docs');

function problem(program: Command, line: string): string | undefined {
  const args = words(line).slice(1);
  let cmd = program;
  const known = (c: Command, flag: string): boolean => c.options.some((o) => o.long === flag || o.short === flag);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg.startsWith('-') && arg !== '-') {
      const flag = arg.split('=')[0] as string;
      if (flag === '--help' || flag === '-h') continue;
      const owner = known(cmd, flag) ? cmd : known(program, flag) ? program : undefined;
      if (owner === undefined) return `unknown option ${flag} of "${cmd.name()}"`;
      const option = owner.options.find((o) => o.long === flag || o.short === flag);
      if (option?.required && !arg.includes('=')) i++;
      continue;
    }
    const sub = cmd.commands.find((c) => c.name() === arg || c.aliases().includes(arg));
    if (sub !== undefined) cmd = sub;
    else if (cmd.commands.length > 0) return `"${cmd.name()}" has no command ${arg}`;
  }
  if (cmd.commands.length > 0 && cmd !== program && !/--help\b/.test(line)) return `"${cmd.name()}" needs a subcommand`;
  return undefined;
}

describe('the manual', () => {
  let program: Command;
  beforeAll(async () => {
    program = await buildFullProgram();
  });

  it('names only commands and options that exist', () => {
    const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md') && f !== 'reference.md');
    const wrong: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const line of examples(readFileSync(join(DOCS, page), 'utf8'))) {
        checked++;
        const p = problem(program, line);
        if (p !== undefined) wrong.push(`docs/${page}: ${line}\n  ${p}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(wrong).toEqual([]);
  });
});
