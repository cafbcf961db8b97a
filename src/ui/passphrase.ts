/**
 * The office passphrase typed at the terminal (docs/encryption.md): hidden input, asked twice
 * when a new one is set. Loaded on demand, like src/ui/prompts.ts; only commands that meet an
 * encrypted file or set a key ever load inquirer for it. What is typed is returned, never
 * printed, logged or kept beyond the command.
 */
import { checkPassphrase } from '../store/cipher.js';
import { t, tr } from '../messages/catalogue.js';
import { UsageError } from '../errors.js';
import type { Lang } from './labels.js';

/** The passphrase of an encrypted office file, asked once. */
export async function askPassphrase(file: string, lang: Lang): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  return password({ message: tr(lang, 'Passphrase of the office file {file}', { file }), mask: '*' });
}

/** A new passphrase, asked twice: a typing slip here would lock the office out of its own file. */
export async function askNewPassphrase(lang: Lang): Promise<string> {
  const { password } = await import('@inquirer/prompts');
  const first = await password({
    message: tr(lang, 'New passphrase (at least 8 characters; without it nothing can be read)'),
    mask: '*',
    validate: (value) => {
      try {
        checkPassphrase(value, 'passphrase');
        return true;
      } catch {
        return tr(lang, 'the passphrase is too short: give at least 8 characters');
      }
    },
  });
  const again = await password({ message: tr(lang, 'The same passphrase again'), mask: '*' });
  if (again !== first) throw new UsageError(t('the two passphrases differ; nothing was changed'), 'passphrase');
  return first;
}
