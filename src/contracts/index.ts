/**
 * The --json contract: a zod schema of what every command prints on stdout with
 * --json, and of the error object on stderr. They describe the output; they do not
 * produce it, and the program never loads them: zod's full build would cost every
 * command start-up time (docs/decisions.md). The contract test
 * (test/contracts/json-contract.test.ts) checks real outputs against them, and
 * `npm run docs` turns them into docs/json-schemas/*.json.
 */
import type * as z from 'zod';
import { auditContracts } from './audit.js';
import { caseContracts } from './case.js';
import { centerContracts } from './center.js';
import { clientContracts } from './client.js';
import { completionContracts } from './completion.js';
import { configContracts } from './config.js';
import { dbContracts } from './db.js';
import { demoContracts } from './demo.js';
import { errorContract } from './errors.js';
import { exportContracts } from './export.js';
import { followupContracts } from './followup.js';
import { importContracts } from './import.js';
import { initContracts } from './init.js';
import { referralContracts } from './referral.js';
import { reportContracts } from './report.js';
import { rosterContracts } from './roster.js';
import { serviceContracts } from './service.js';
import type { GroupContracts } from './shared.js';
import { staffContracts } from './staff.js';
import { trainingContracts } from './training.js';
import { worklistContracts } from './worklist.js';

export { errorContract };

/** Every command group (src/cli.ts COMMAND_GROUPS) and its commands' schemas. */
export const CONTRACTS: Readonly<Record<string, GroupContracts>> = {
  init: initContracts,
  center: centerContracts,
  staff: staffContracts,
  roster: rosterContracts,
  training: trainingContracts,
  client: clientContracts,
  case: caseContracts,
  service: serviceContracts,
  followup: followupContracts,
  referral: referralContracts,
  worklist: worklistContracts,
  report: reportContracts,
  import: importContracts,
  export: exportContracts,
  audit: auditContracts,
  db: dbContracts,
  demo: demoContracts,
  completion: completionContracts,
  config: configContracts,
};

/** The schema of `parvande <command> --json` (`case open`, `roster pattern add`, `init`), if there is one. */
export function contractOf(command: string): z.ZodType | undefined {
  const [group = '', ...rest] = command.split(' ');
  return CONTRACTS[group]?.[rest.join(' ')];
}

/** Every command with a schema, as typed on the command line. */
export function contractCommands(): string[] {
  return Object.entries(CONTRACTS).flatMap(([group, commands]) => Object.keys(commands).map((c) => (c === '' ? group : `${group} ${c}`)));
}
