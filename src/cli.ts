/** Builds the program: global options and one command group per file in src/commands/. */
import { Command, Option } from 'commander';
import { caseCommand } from './commands/case.js';
import { centerCommand } from './commands/center.js';
import { clientCommand } from './commands/client.js';
import { dbCommand } from './commands/db.js';
import { followupCommand } from './commands/followup.js';
import { initCommand } from './commands/init.js';
import { serviceCommand } from './commands/service.js';
import { staffCommand } from './commands/staff.js';
import { VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('parvande')
    .description('Case files of a county Social Emergency office (اورژانس اجتماعی) in one SQLite file')
    .version(VERSION, '-V, --version')
    .option('--db <path>', 'database file (else PARVANDE_DB, else the per-user data folder)')
    .option('--json', 'print one JSON document on stdout (errors as JSON on stderr)')
    .addOption(new Option('--lang <lang>', 'labels and digits').choices(['en', 'fa']))
    .addOption(new Option('--calendar <calendar>', 'how dates are shown (default jalali)').choices(['jalali', 'gregorian']))
    .option('--actor <name>', 'who is acting, for the audit trail (else PARVANDE_USER, else the OS user)')
    .option('--no-input', 'never prompt; fail naming what is missing')
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false })
    .addHelpText(
      'after',
      `\nExamples:\n  $ parvande init --office-code KRJ01 --office-name "اورژانس اجتماعی کرج"\n  $ parvande client add --first-name زهرا --last-name احمدی --sex female\n  $ parvande case open --client 1 --channel hotline --category suicide --risk high\n  $ parvande followup list --overdue --json\n\nExit codes: 0 ok, 2 invalid input, 3 not found, 4 conflict with stored data, 5 database locked/unreadable/newer, 1 unexpected.\n`,
    );
  for (const make of [initCommand, centerCommand, staffCommand, clientCommand, caseCommand, serviceCommand, followupCommand, dbCommand]) {
    program.addCommand(make());
  }
  return program;
}
