/** The one top-level catch: every error becomes one line on stderr and a documented exit code. */
import { CommanderError } from 'commander';
import { ExitCode, InternalError, ParvandeError, UsageError } from './errors.js';
import { buildProgram } from './cli.js';
import { closeAllRuntimes } from './runtime.js';
import { Output } from './ui/output.js';

function wantsJson(argv: string[]): boolean {
  return argv.includes('--json');
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  program.configureOutput({
    // commander's own usage errors are reported through the top-level catch below.
    outputError: () => undefined,
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    return report(err, argv);
  } finally {
    closeAllRuntimes();
  }
}

function report(err: unknown, argv: string[]): number {
  const out = new Output({ json: wantsJson(argv), lang: 'en', calendar: 'jalali' });
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    if (err.exitCode === 0) return ExitCode.ok;
    out.error(new UsageError(err.message.replace(/^error: /, '')));
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
