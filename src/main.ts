/** The one top-level catch: every error becomes one line on stderr and a documented exit code. */
import { CommanderError, type Command } from 'commander';
import { t, type Text } from './messages/catalogue.js';
import { ExitCode, InternalError, ParvandeError, UsageError } from './errors.js';
import { buildProgram } from './cli.js';
import { displayFromArgv } from './config/settings.js';
import { closeAllRuntimes } from './runtime.js';
import { translateEscapedError } from './store/database.js';
import { localizeHelp } from './ui/help.js';
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
    localizeHelp(program, () => displayFromArgv(argv).lang);
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
 * commander's usage errors in the catalogue's words. commander repeats what was typed
 * ("argument 'X' is invalid", "unknown command 'X'", "--x=value"): a name or a phone number
 * given in the wrong place would reach a log, so only option and command names are kept.
 */
export function usageText(err: CommanderError): Text {
  const quoted = [...err.message.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
  const flag = (s: string | undefined) => (s ?? '').split(/[ =]/)[0] as string;
  const suggestion = /\(Did you mean ([^?]*)\?\)/.exec(err.message)?.[1];
  switch (err.code) {
    case 'commander.unknownOption':
      return suggestion === undefined
        ? t('unknown option {option}', { option: flag(quoted[0]) })
        : t('unknown option {option}; did you mean {suggestion}?', { option: flag(quoted[0]), suggestion });
    case 'commander.unknownCommand':
      return suggestion === undefined ? t('unknown command') : t('unknown command; did you mean {suggestion}?', { suggestion });
    case 'commander.missingArgument':
      return t('missing required argument {argument}', { argument: `<${quoted[0] ?? ''}>` });
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      return t('option {option} needs a value', { option: flag(quoted[0]) });
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(err.message)?.[1];
      const option = quoted[0]?.startsWith('-') === true ? flag(quoted[0]) : `<${quoted[quoted.length - 1] ?? ''}>`;
      return choices === undefined
        ? t('the value given is invalid: {option}', { option })
        : t('{option}: expected one of {choices}', { option, choices });
    }
    case 'commander.excessArguments':
      return t('too many arguments for {command}', { command: quoted[0] ?? '' });
    case 'commander.conflictingOption':
      return t('option {option} cannot be used with {other}', { option: flag(quoted[0]), other: flag(quoted[1]) });
    default:
      return t('invalid usage');
  }
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
    out.error(new UsageError(usageText(err)));
    return ExitCode.invalid;
  }
  if (err instanceof ParvandeError) {
    out.error(err);
    return err.exitCode;
  }
  // Prompts cancelled with Ctrl+C end quietly: nothing was written.
  if (err instanceof Error && err.name === 'ExitPromptError') {
    out.error(new UsageError(t('cancelled; nothing was changed')));
    return ExitCode.invalid;
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  out.error(
    new InternalError(t('unexpected failure: {error}', { error: message })),
    t('nothing was changed; please report this with the command you ran'),
  );
  if (process.env.PARVANDE_DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  return ExitCode.unexpected;
}
