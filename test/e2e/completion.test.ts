/**
 * `parvande completion bash|zsh|powershell` (issue #13): the scripts come from the program's own
 * command tree, so every command is in them without this file changing. The bash script is
 * sourced into a real bash and driven the way bash drives it (COMP_WORDS, COMP_CWORD, COMPREPLY).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFullProgram } from '../../src/cli.js';
import { runBin, tempDb } from '../helpers/cli.js';

const t = tempDb();
afterAll(() => t.cleanup());

/** Every command name of the program, at every depth. */
function commandNames(c: Command): string[] {
  return c.commands.flatMap((s) => [s.name(), ...commandNames(s)]);
}

const hasBash = spawnSync('bash', ['--version']).status === 0;
let names: string[] = [];
const scripts: Record<string, string> = {};

beforeAll(async () => {
  names = [...new Set(commandNames(await buildFullProgram()))];
  for (const shell of ['bash', 'zsh', 'powershell']) {
    const r = await runBin(['completion', shell], { cwd: t.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    scripts[shell] = r.stdout;
  }
});

/** What bash offers for the words typed (the last one is being completed), in an empty folder. */
function complete(...words: string[]): string[] {
  const script = join(t.dir, 'parvande.bash');
  writeFileSync(script, scripts.bash as string);
  const quoted = words.map((w) => `'${w}'`).join(' ');
  const r = spawnSync(
    'bash',
    [
      '--norc',
      '-c',
      `source "$1"; COMP_WORDS=(${quoted}); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _parvande; printf '%s\\n' "\${COMPREPLY[@]}"`,
      'bash',
      script,
    ],
    { cwd: t.dir, encoding: 'utf8' },
  );
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe.skipIf(!hasBash)('bash', () => {
  it('completes commands, subcommands, options and their choices', () => {
    expect(complete('parvande', 'rep')).toEqual(['report']);
    expect(complete('parvande', 'report', 'mo')).toEqual(['monthly']);
    // Options and their values are skipped on the way: --db takes a value, --json none.
    expect(complete('parvande', '--db', 'office.db', '--json', 'report', 'mo')).toEqual(['monthly']);
    expect(complete('parvande', 'report', 'nightly', '--lo')).toEqual(['--log']);
    expect(complete('parvande', 'db', 'backup', '--ke')).toEqual(['--keep']);
    expect(complete('parvande', '--lang', '')).toEqual(['en', 'fa']);
    expect(complete('parvande', 'completion', '')).toEqual(['bash', 'zsh', 'powershell']);
    expect(complete('parvande', 'roster', 'pattern', 'a')).toEqual(['add']);
    // The program's own options are offered under any command.
    expect(complete('parvande', 'case', 'list', '--no-')).toEqual(['--no-input']);
  });

  it('registers itself for the parvande command', () => {
    const r = spawnSync('bash', ['--norc', '-c', 'eval "$(cat)"; complete -p parvande'], { input: scripts.bash, encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -o default -F _parvande parvande');
  });
});

const hasZsh = spawnSync('zsh', ['--version']).status === 0 && spawnSync('tmux', ['-V']).status === 0;

/**
 * The zsh script loaded the way a user's ~/.zshrc loads it (compinit, then the script) in a real
 * interactive zsh in a tmux pane; Tab pressed after what is typed; the line read back.
 */
describe.skipIf(!hasZsh)('zsh, in a real terminal', () => {
  const socket = `parvande-zsh-${process.pid}`;
  const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  const screen = () => tmux('capture-pane', '-p', '-t', 'z').stdout;
  async function until(want: (s: string) => boolean): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const s = screen();
      if (want(s)) return s;
      await new Promise((r) => setTimeout(r, 50));
    }
    return screen();
  }
  /** Types `typed`, presses Tab, and gives the prompt's line once it reads `want` (or after 5 s, whatever it reads then). */
  async function tab(typed: string, want: string): Promise<string> {
    tmux('send-keys', '-t', 'z', 'C-u');
    tmux('send-keys', '-t', 'z', 'clear', 'Enter');
    await until((s) => s.trim() === '>');
    tmux('send-keys', '-t', 'z', typed);
    await until((s) => s.includes(typed));
    tmux('send-keys', '-t', 'z', 'Tab');
    const line = (s: string) =>
      s
        .split('\n')
        .find((l) => l.startsWith('> '))
        ?.trim() ?? '';
    return line(await until((s) => line(s) === want));
  }

  beforeAll(async () => {
    writeFileSync(join(t.dir, '_parvande'), scripts.zsh as string);
    writeFileSync(
      join(t.dir, '.zshrc'),
      `PS1='> '\nautoload -U compinit\ncompinit -u -D\nsource ${JSON.stringify(join(t.dir, '_parvande'))}\n`,
    );
    tmux('new-session', '-d', '-s', 'z', '-x', '100', '-y', '20', '-e', `ZDOTDIR=${t.dir}`, '-c', t.dir, 'zsh -i');
    await until((s) => s.includes('>'));
  });
  afterAll(() => {
    tmux('kill-server');
  });

  it('completes a group, a command in it and an option', async () => {
    expect(await tab('parvande rep', '> parvande report')).toBe('> parvande report');
    expect(await tab('parvande report mo', '> parvande report monthly')).toBe('> parvande report monthly');
    expect(await tab('parvande case list --unass', '> parvande case list --unassigned')).toBe('> parvande case list --unassigned');
  });

  it("completes an option's declared choices", async () => {
    expect(await tab('parvande --lang f', '> parvande --lang fa')).toBe('> parvande --lang fa');
    expect(await tab('parvande completion pow', '> parvande completion powershell')).toBe('> parvande completion powershell');
  });
});

describe('zsh and PowerShell', () => {
  it('every command name of the program is in each script', () => {
    expect(names).toContain('report');
    expect(names).toContain('monthly');
    expect(names).toContain('completion');
    for (const shell of ['bash', 'zsh', 'powershell']) {
      const script = scripts[shell] as string;
      expect(
        names.filter((n) => !script.includes(n)),
        shell,
      ).toEqual([]);
    }
    expect(scripts.zsh).toMatch(/^#compdef parvande\n/);
    expect(scripts.zsh).toContain('compdef _parvande parvande');
    expect(scripts.powershell).toContain("Register-ArgumentCompleter -Native -CommandName @('parvande', 'parvande.cmd', 'parvande.ps1')");
    expect(scripts.powershell).toContain("'report' = @('monthly',");
  });

  it('--json gives the shell and the script; an unknown shell is exit 2 without repeating it', async () => {
    const j = await runBin(['completion', 'zsh', '--json'], { cwd: t.dir });
    expect(j.code).toBe(0);
    expect(j.json()).toEqual({ shell: 'zsh', script: scripts.zsh });
    const bad = await runBin(['completion', 'fish-Zahra'], { cwd: t.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: unknown shell: expected bash, zsh or powershell\n');
  });

  it('--help says how to install each script', async () => {
    const r = await runBin(['completion', '--help'], { cwd: t.dir });
    expect(r.stdout).toContain('eval "$(parvande completion bash)"');
    expect(r.stdout).toContain('source <(parvande completion zsh)');
    expect(r.stdout).toContain('parvande completion powershell | Out-String | Invoke-Expression');
  });
});
