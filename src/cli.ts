/**
 * Builds the program: global options and one command group per file in
 * src/commands/. Only the group a command line names is loaded; the others are
 * listed by name and summary, so a command starts without parsing the code of
 * the fourteen it does not use.
 */
import { Command, Option } from 'commander';
import { CALENDARS, LANGS } from './config/settings.js';
import { VERSION } from './version.js';
import { examplesHelp, helpLang, helpText } from './ui/help.js';

/** One --db stays a string; a repeated --db becomes a list, which only the report roll-up accepts (Runtime.dbPath refuses it). */
function collectDb(value: string, previous: string | string[] | undefined): string | string[] {
  return previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
}

interface CommandGroup {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

/** Every command group, in the order --help lists them. */
const COMMAND_GROUPS: readonly CommandGroup[] = [
  { name: 'init', summary: 'create the database and set the office', load: async () => (await import('./commands/init.js')).initCommand() },
  {
    name: 'center',
    summary: 'care centers the office supervises (مراکز)',
    load: async () => (await import('./commands/center.js')).centerCommand(),
  },
  {
    name: 'staff',
    summary: 'the staff register (کارکنان): social workers, psychologists, interveners',
    load: async () => (await import('./commands/staff.js')).staffCommand(),
  },
  {
    name: 'roster',
    summary: 'the round-the-clock duty roster (برنامه کشیک): shifts, gaps, who is on duty',
    load: async () => (await import('./commands/roster.js')).rosterCommand(),
  },
  {
    name: 'training',
    summary: 'training courses, enrolments, compliance, community workshops',
    load: async () => (await import('./commands/training.js')).trainingCommand(),
  },
  {
    name: 'client',
    summary: 'register, update and find clients (مددجو)',
    load: async () => (await import('./commands/client.js')).clientCommand(),
  },
  {
    name: 'case',
    summary: 'case files (پرونده): open, assign, note, close, reopen, update',
    load: async () => (await import('./commands/case.js')).caseCommand(),
  },
  {
    name: 'service',
    summary: 'services given (خدمات): interventions, mobile-team operations, hotline calls',
    load: async () => (await import('./commands/service.js')).serviceCommand(),
  },
  {
    name: 'followup',
    summary: 'follow-ups (پیگیری) owed on cases',
    load: async () => (await import('./commands/followup.js')).followupCommand(),
  },
  {
    name: 'referral',
    summary: 'referrals (ارجاع) to other agencies and their answers',
    load: async () => (await import('./commands/referral.js')).referralCommand(),
  },
  {
    name: 'worklist',
    summary: "a worker's day: follow-ups due and overdue, quiet high-risk cases, referrals awaiting an answer, shifts",
    load: async () => (await import('./commands/worklist.js')).worklistCommand(),
  },
  {
    name: 'report',
    summary: 'activity reports: monthly, year, range, nightly, provincial roll-up',
    load: async () => (await import('./commands/report.js')).reportCommand(),
  },
  {
    name: 'import',
    summary: 'bring in spreadsheets (CSV in any encoding, XLSX)',
    load: async () => (await import('./commands/import.js')).importCommand(),
  },
  {
    name: 'export',
    summary: 'send records out as CSV, XLSX or JSON',
    load: async () => (await import('./commands/export.js')).exportCommand(),
  },
  {
    name: 'audit',
    summary: 'the audit trail: who wrote or viewed what, when',
    load: async () => (await import('./commands/audit.js')).auditCommand(),
  },
  {
    name: 'db',
    summary: 'the database file: path, migrations, checks, backup, restore, encryption',
    load: async () => (await import('./commands/db.js')).dbCommand(),
  },
  { name: 'demo', summary: 'build a demo office to try parvande on', load: async () => (await import('./commands/demo.js')).demoCommand() },
  {
    name: 'completion',
    summary: 'print a shell completion script: bash, zsh or PowerShell',
    load: async () => (await import('./commands/completion.js')).completionCommand(buildFullProgram),
  },
  {
    name: 'config',
    summary: 'your own defaults (lang, calendar, db, actor): set once, e.g. parvande config set lang fa',
    load: async () => (await import('./commands/config.js')).configCommand(),
  },
];

/** Root options that take a value: the word after them is not a command name. */
const VALUE_OPTIONS = new Set(['--db', '--lang', '--calendar', '--actor']);

/** The command group a command line names (`parvande --db x case list` → case; `parvande help case` → case). */
function groupNamed(argv: readonly string[]): string | undefined {
  const operands: string[] = [];
  for (let i = 0; i < argv.length && operands.length < 2; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    if (token.startsWith('-')) {
      if (VALUE_OPTIONS.has(token)) i++;
      continue;
    }
    operands.push(token);
    if (operands[0] !== 'help') break;
  }
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/** The program for one command line: the group it names is loaded, the others only listed. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const wanted = groupNamed(argv);
  return assemble(async (g) => (g.name === wanted ? g.load() : new Command(g.name)));
}

/** Every group loaded: for tests and documentation that walk all commands. */
export async function buildFullProgram(): Promise<Command> {
  return assemble((g) => g.load());
}

async function assemble(make: (g: CommandGroup) => Promise<Command>): Promise<Command> {
  const program = rootProgram();
  for (const g of COMMAND_GROUPS) program.addCommand((await make(g)).description(g.summary));
  return program;
}

const EXIT_CODES =
  'Exit codes: 0 ok, 2 invalid input, 3 not found, 4 conflict with stored data, 5 database locked/unreadable/newer, 1 unexpected.';

function rootProgram(): Command {
  const program = new Command('parvande')
    .description('Case files of a county Social Emergency office (اورژانس اجتماعی) in one SQLite file')
    .version(VERSION, '-V, --version')
    .option(
      '--db <path>',
      'database file (else PARVANDE_DB, else `config set db`, else the per-user data folder); "report" takes several for a roll-up',
      collectDb,
    )
    .option('--json', 'print one JSON document on stdout (errors as JSON on stderr)')
    .addOption(new Option('--lang <lang>', 'labels and digits (else PARVANDE_LANG, else `config set lang`, else en)').choices(LANGS))
    .addOption(
      new Option('--calendar <calendar>', 'how dates are shown (else PARVANDE_CALENDAR, else `config set calendar`, else jalali)').choices(
        CALENDARS,
      ),
    )
    .option('--actor <name>', 'who is acting, for the audit trail (else PARVANDE_USER, else `config set actor`, else the OS user)')
    .option('--no-input', 'never prompt; fail naming what is missing')
    // An encrypted office file: its passphrase is asked on a terminal before the command opens it (docs/encryption.md).
    .hook('preAction', async (_root, action) => (await import('./commands/unlock.js')).askForOfficeKey(action))
    .showSuggestionAfterError(true)
    .configureHelp({ sortSubcommands: false });
  examplesHelp(program, [
    'parvande init --office-code KRJ01 --office-name "اورژانس اجتماعی کرج"',
    'parvande client add --first-name زهرا --last-name احمدی --sex female',
    'parvande case open --client 1 --channel hotline --category suicide --risk high',
    'parvande followup list --overdue --json',
  ]);
  return program.addHelpText('after', () => `${helpText(helpLang(program), EXIT_CODES)}\n`);
}
