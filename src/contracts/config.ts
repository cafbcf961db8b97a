/** `parvande config …` --json (src/commands/config.ts). */
import * as z from 'zod';
import type { GroupContracts } from './shared.js';

const key = z.enum(['lang', 'calendar', 'db', 'actor']);
const source = z
  .enum(['flag', 'env', 'file', 'default'])
  .describe('Where the value came from: a flag wins over the environment, which wins over the settings file, which wins over the default.');
const settingsFile = z.string().describe('The settings file: PARVANDE_CONFIG, else the per-user config folder.');

export const configContracts: GroupContracts = {
  get: z.strictObject({ key, value: z.string(), source }),
  set: z.strictObject({ key, value: z.string().describe('As stored: a db file name as its full path.'), path: settingsFile }),
  unset: z.strictObject({
    key,
    removed: z.boolean().describe('false when the file did not set the key (nothing was written).'),
    path: settingsFile,
  }),
  list: z.strictObject({
    path: settingsFile,
    exists: z.boolean(),
    settings: z.array(z.strictObject({ key, value: z.string(), source })),
  }),
  path: z.strictObject({ path: settingsFile, exists: z.boolean() }),
};
