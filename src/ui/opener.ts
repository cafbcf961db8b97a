/**
 * Shows a written page in the default browser (`--open`). The program is started with an
 * argument array and no shell, so a file name holding `&`, quotes or `%` is passed as it is
 * and never read as a command.
 */
import { createRequire } from 'node:module';
import { t, type Text } from '../messages/catalogue.js';

export interface OpenerCommand {
  command: string;
  args: string[];
}

/**
 * The program that opens `file` on `platform`. PARVANDE_OPENER names another program (tests
 * record their arguments with it; an office may prefer a given browser); it gets the file as
 * its one argument.
 */
export function openerCommand(file: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): OpenerCommand {
  const chosen = env.PARVANDE_OPENER;
  if (chosen !== undefined && chosen.trim() !== '') return { command: chosen, args: [file] };
  // Not `cmd /c start "" FILE`: cmd.exe parses its whole command line again, and a file name
  // with `&` or `^` would run as a command. Explorer opens a file with its default program
  // from a plain argument, and no shell is started on the way.
  if (platform === 'win32') return { command: 'explorer.exe', args: [file] };
  if (platform === 'darwin') return { command: 'open', args: [file] };
  return { command: 'xdg-open', args: [file] };
}

/**
 * Starts the opener detached, its output ignored, and does not wait for it: the browser outlives
 * the command. A program that cannot be started is a warning naming the file to open by hand.
 */
export function openInBrowser(file: string, warn: (message: Text) => void): void {
  const { command, args } = openerCommand(file, process.platform, process.env);
  // Loaded here, not at the top: node:child_process (with net and dgram) would cost every command's start (bin/build.mjs).
  const { spawn } = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const child = spawn(command, args, { detached: true, stdio: 'ignore', shell: false, windowsHide: true });
  child.on('error', (err) => warn(t('could not start {command} ({reason}); open {file} yourself', { command, reason: err.message, file })));
  child.unref();
}
