/**
 * The passphrase of an encrypted office file, asked before a command's action runs: the
 * store opens files synchronously and never prompts, so the question comes first (a
 * commander preAction hook, src/cli.ts). Asked only on a terminal (never with --no-input),
 * only when a file the command names is encrypted and PARVANDE_KEY_FILE is not set, and once
 * for all the files of a command (a roll-up's offices, a restore's backup share one key).
 * Without a terminal nothing is asked: opening the file fails naming PARVANDE_KEY_FILE.
 */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { t } from '../messages/catalogue.js';
import { commandPath, Runtime, type GlobalOptions } from '../runtime.js';
import { hasKey, isEncryptedFile, readKeyFile, rememberPassphrase } from '../store/cipher.js';

/** Commands that never open the office file: no question for them. */
const NEVER_OPENS = new Set(['db path', 'db encrypt', 'config', 'completion', 'demo']);

export async function askForOfficeKey(action: Command): Promise<void> {
  // A passphrase is kept for one command only (tests run many in one process).
  rememberPassphrase(undefined);
  if (hasKey()) return;
  const path = commandPath(action);
  if (NEVER_OPENS.has(path) || NEVER_OPENS.has(path.split(' ')[0] ?? '')) return;
  // No terminal, no question (and the settings not read): the store's refusal names PARVANDE_KEY_FILE.
  const globals = action.optsWithGlobals<GlobalOptions>();
  if (globals.input === false || process.stdin.isTTY !== true || process.stdout.isTTY !== true) return;
  let files: string[];
  let rt: Runtime;
  try {
    // The action's own Runtime (Runtime.of makes it once): the settings are read once for both.
    rt = Runtime.of(action);
    files = rt.dbPaths.length > 1 ? [...rt.dbPaths] : [rt.dbPath.path];
  } catch {
    // A bad setting or option: the command itself says what is wrong.
    return;
  }
  // db restore FILE: the backup may be encrypted where the office file is not (a damaged one moved aside).
  if (path === 'db restore' && typeof action.args[0] === 'string') files.push(action.args[0]);
  const locked = files.map((f) => resolve(f)).find((f) => isEncryptedFile(f));
  if (locked === undefined) return;
  const { askPassphrase } = await import('../ui/passphrase.js');
  rememberPassphrase(await askPassphrase(locked, rt.lang));
}

/**
 * A new passphrase (init --encrypt, db encrypt, db rekey): from the key file `variable` names
 * when it is set (the nightly job's), else typed twice on a terminal; without either the
 * command fails naming the variable, before anything is changed.
 */
export async function newOfficeKey(rt: Runtime, variable: 'PARVANDE_KEY_FILE' | 'PARVANDE_NEW_KEY_FILE'): Promise<string> {
  const file = process.env[variable]?.trim();
  if (file !== undefined && file !== '') return readKeyFile(file, variable);
  if (!rt.interactive) {
    throw new UsageError(
      t('a new key is needed: give it with {variable} (a file only its owner can read), or run on a terminal to type it', { variable }),
      variable,
    );
  }
  const { askNewPassphrase } = await import('../ui/passphrase.js');
  return askNewPassphrase(rt.lang);
}
