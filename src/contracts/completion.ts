/** `parvande completion SHELL` --json (src/commands/completion.ts). */
import * as z from 'zod';
import type { GroupContracts } from './shared.js';

export const completionContracts: GroupContracts = {
  '': z.strictObject({
    shell: z.enum(['bash', 'zsh', 'powershell']),
    script: z.string().describe('The completion script, as printed without --json.'),
  }),
};
