/**
 * The Persian of every `--help` text (src/ui/help.ts): the English a command file writes → its
 * Persian, one file per group of commands. Codes, flags and example command lines stay as typed.
 */
import { CASES } from './cases.js';
import { COMMANDER } from './commander.js';
import { DB } from './db.js';
import { IMPORT_EXPORT } from './import-export.js';
import { OPERATIONS } from './operations.js';

export const FA_HELP_PARTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  COMMANDER,
  CASES,
  DB,
  IMPORT_EXPORT,
  OPERATIONS,
};

export const FA_HELP: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(FA_HELP_PARTS));
