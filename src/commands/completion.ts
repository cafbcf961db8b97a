import { Argument, Command } from 'commander';
import { UsageError } from '../errors.js';
import { t, tr, type Lang } from '../messages/catalogue.js';
import { Runtime } from '../runtime.js';
import { commandTree, completionScript, SHELLS } from '../ui/completion.js';
import { helpLang } from '../ui/help.js';
import { VERSION } from '../version.js';
import { withExamples } from './shared.js';

/** How to install each script, after `completion --help`, in the language of the help (the lines to add are typed as they are). */
function installHelp(lang: Lang): string {
  return [
    '',
    tr(lang, 'Install (once; then open a new terminal):'),
    tr(lang, '  bash        add to ~/.bashrc:        {line}', { line: 'eval "$(parvande completion bash)"' }),
    tr(lang, '  zsh         add to ~/.zshrc, after compinit:   {line}', { line: 'source <(parvande completion zsh)' }),
    tr(lang, '  PowerShell  add to your profile (notepad $PROFILE):\n              {line}', {
      line: 'parvande completion powershell | Out-String | Invoke-Expression',
    }),
    tr(lang, "The script is made from this version's commands: after an upgrade, the next terminal has the new ones."),
    '',
  ].join('\n');
}

/** `buildProgram`: the whole program, every group loaded (src/cli.ts hands it in: this file never imports cli.ts). */
export function completionCommand(buildProgram: () => Promise<Command>): Command {
  const shell = new Argument('<shell>', 'bash, zsh or powershell');
  // The choices are listed (help, and completion of this very argument) but checked below: commander's
  // own refusal would repeat the word typed.
  shell.argChoices = [...SHELLS];
  return withExamples(
    new Command('completion')
      .description("print a completion script for bash, zsh or PowerShell, made from this version's commands and options")
      .addArgument(shell)
      .addHelpText('after', (context) => installHelp(helpLang(context.command))),
    'parvande completion bash',
    'parvande completion zsh > _parvande',
    'parvande completion powershell | Out-String | Invoke-Expression',
  ).action(async (name: string, _opts: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const given = name.trim().toLowerCase();
    const which = SHELLS.find((s) => s === given);
    if (which === undefined) throw new UsageError(t('unknown shell: expected bash, zsh or powershell'), 'shell');
    // The whole program, every group loaded: the script must know every command, not only this one.
    const script = completionScript(which, commandTree(await buildProgram()), VERSION);
    rt.out.result({ shell: which, script }, () => script);
  });
}
