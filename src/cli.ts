/** Builds the program: global options and one command group per file in src/commands/. */
import { Command, Option } from 'commander';
import { auditCommand } from './commands/audit.js';
import { caseCommand } from './commands/case.js';
import { centerCommand } from './commands/center.js';
import { clientCommand } from './commands/client.js';
import { dbCommand } from './commands/db.js';
import { demoCommand } from './commands/demo.js';
import { exportCommand } from './commands/export.js';
import { followupCommand } from './commands/followup.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { rosterCommand } from './commands/roster.js';
import { serviceCommand } from './commands/service.js';
import { staffCommand } from './commands/staff.js';
import { trainingCommand } from './commands/training.js';
import { VERSION } from './version.js';

/** One --db stays a string; a repeated --db becomes a list, which only the report roll-up accepts (Runtime.dbPath refuses it). */
function collectDb(value: string, previous: string | string[] | undefined): string | string[] {
  return previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
}

export function buildProgram(): Command {
  const program = new Command('parvande')
    .description('Case files of a county Social Emergency office (اورژانس اجتماعی) in one SQLite file')
    .version(VERSION, '-V, --version')
    .option('--db <path>', 'database file (else PARVANDE_DB, else the per-user data folder); "report" takes several for a roll-up', collectDb)
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
  for (const make of [initCommand, centerCommand, staffCommand, rosterCommand, trainingCommand, clientCommand, caseCommand, serviceCommand, followupCommand, reportCommand, importCommand, exportCommand, auditCommand, dbCommand, demoCommand]) {
    program.addCommand(make());
  }
  return program;
}
