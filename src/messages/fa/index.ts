/**
 * The Persian half of the message catalogue (src/messages/catalogue.ts): English template → Persian
 * template, one file per area of the program so that each area's words sit together. A template
 * may appear in two areas only with the same Persian (the catalogue test checks).
 */
import { COMMANDS } from './commands.js';
import { COMMON } from './common.js';
import { CONFIG } from './config.js';
import { DB } from './db.js';
import { DOMAIN } from './domain.js';
import { FILES } from './files.js';
import { IMPORT } from './import.js';
import { LANG } from './lang.js';
import { OPERATIONS } from './operations.js';
import { REPORTS } from './reports.js';
import { ROSTER } from './roster.js';
import { STORE } from './store.js';
import { TRAINING } from './training.js';
import { UI } from './ui.js';

/** Each area's part, for the catalogue test (a template in two parts must have one Persian). */
export const FA_PARTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  COMMON,
  COMMANDS,
  CONFIG,
  DB,
  DOMAIN,
  FILES,
  IMPORT,
  LANG,
  OPERATIONS,
  REPORTS,
  ROSTER,
  STORE,
  TRAINING,
  UI,
};

export const FA: Readonly<Record<string, string>> = Object.assign({}, ...Object.values(FA_PARTS));
