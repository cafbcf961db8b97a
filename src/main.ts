/** The one top-level catch: every error becomes one line on stderr and a documented exit code. */
import { CommanderError, type Command } from 'commander';
import { ExitCode, InternalError, ParvandeError, UsageError } from './errors.js';
import { buildProgram } from './cli.js';
import { displayFromArgv } from './config/settings.js';
import { closeAllRuntimes } from './runtime.js';
import { translateEscapedError } from './store/database.js';
import { Output } from './ui/output.js';
import { prepareColour } from './ui/style.js';

function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

export async function run(argv: string[]): Promise<number> {
  try {
    await prepareColour();
    const program = await buildProgram(argv);
    throwInsteadOfExit(program);
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    return report(err, argv);
  } finally {
    closeAllRuntimes();
  }
}

/**
 * commander copies exitOverride and configureOutput only into subcommands made with
 * .command(), not into groups added with addCommand(): without this walk a usage error
 * in `case open` would call process.exit(1) itself and print its own line.
 */
function throwInsteadOfExit(cmd: Command): void {
  cmd.exitOverride();
  // commander's own usage errors are reported through the top-level catch below.
  cmd.configureOutput({ outputError: () => undefined });
  for (const sub of cmd.commands) throwInsteadOfExit(sub);
}

/**
 * commander repeats what was typed ("argument 'X' is invalid", "unknown command 'X'"): a
 * name or a phone number given in the wrong place would reach a log. Only the rule stays.
 */
function withoutValues(message: string): string {
  return message
    .replace(/ argument '[\s\S]*' is invalid\./, ' argument is invalid.')
    .replace(/^unknown command '[\s\S]*?'(?=$|\n|\.)/, 'unknown command');
}

function report(thrown: unknown, argv: string[]): number {
  const err = translateEscapedError(thrown);
  // The language and calendar the command was asked in: dates in the message are shown in that calendar.
  const out = new Output({ json: wantsJson(argv), ...displayFromArgv(argv) });
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    if (err.exitCode === 0) return ExitCode.ok;
    // A group called without its subcommand: commander has printed the group's help on stderr.
    if (err.code === 'commander.help') return ExitCode.invalid;
    out.error(new UsageError(withoutValues(err.message.replace(/^error: /, ''))));
    return ExitCode.invalid;
  }
  if (err instanceof ParvandeError) {
    out.error(err);
    return err.exitCode;
  }
  // Prompts cancelled with Ctrl+C end quietly: nothing was written.
  if (err instanceof Error && err.name === 'ExitPromptError') {
    out.error(new UsageError('cancelled; nothing was changed'));
    return ExitCode.invalid;
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  out.error(new InternalError(`unexpected failure: ${message}`), 'nothing was changed; please report this with the command you ran');
  if (process.env.PARVANDE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  return ExitCode.unexpected;
}
