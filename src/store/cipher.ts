/**
 * Encryption at rest (issue #14, docs/encryption.md). Every connection goes through one
 * driver, better-sqlite3-multiple-ciphers (SQLite3 Multiple Ciphers): a plain office file
 * reads exactly as with better-sqlite3 (measured: docs/decisions.md), and an encrypted one
 * is SQLCipher 4 (AES-256, a PBKDF2 key from the passphrase, every page and every -wal frame
 * encrypted). The key never passes through SQL text as typed: it goes hex-encoded, and it
 * is never put in a message, a log line or the audit trail.
 *
 * The store never asks for the key: it comes from PARVANDE_KEY_FILE, or from the passphrase
 * a command asked for on the terminal (src/ui/passphrase.ts) and handed over with
 * `rememberPassphrase` before it opened anything.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DatabaseError, type DatabaseErrorCode, ValidationError } from '../errors.js';
import { t } from '../messages/catalogue.js';
import type { Sqlite } from './sqlite.js';

/** The exit-5 failures this file reports (src/errors.ts). */
const UNREADABLE: DatabaseErrorCode = 'database-unreadable';

/** The environment variable naming the key file (the nightly job, scripts). */
const KEY_FILE_ENV = 'PARVANDE_KEY_FILE';

let addonPath: string | null | undefined;

/**
 * The driver's compiled addon, named for it: the bundled program (dist/parvande.cjs)
 * carries the package's JavaScript, whose own search for the addon starts from its own
 * files; the addon stays in node_modules. Undefined (the package searches itself) when it
 * is not in the usual place.
 */
export function sqliteAddon(): string | undefined {
  if (addonPath === undefined) {
    addonPath = null;
    try {
      const root = dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json'));
      for (const build of ['Release', 'Debug']) {
        const file = join(root, 'build', build, 'better_sqlite3.node');
        if (existsSync(file)) {
          addonPath = file;
          break;
        }
      }
    } catch {
      // Left to the package's own search.
    }
  }
  return addonPath ?? undefined;
}

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the file at `path` is an encrypted office file: SQLCipher writes no header, only a
 * random salt and pages that look like noise. A text file, an emptied one or a file whose
 * first page a failing disk overwrote with a pattern is not noise: those stay "not a
 * readable parvande database", never "encrypted" (nothing short of the key tells noise from
 * ciphertext, so a file of random bytes is taken for an encrypted one).
 */
export function isEncryptedFile(path: string): boolean {
  let fd: number;
  try {
    // A folder, a device or a pipe is not an office file of any kind: the opener says what it is.
    const st = statSync(path);
    if (!st.isFile() || st.size < 1024) return false;
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n < head.length || head.subarray(0, HEADER.length).equals(HEADER)) return false;
    // 1024 random bytes hold about 250 different values; text or a repeated pattern, a few dozen.
    return new Set(head).size >= 160;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

let asked: string | undefined;

/** The passphrase a command asked for on the terminal, for the files it opens next (undefined forgets it). */
export function rememberPassphrase(passphrase: string | undefined): void {
  asked = passphrase;
}

/** Whether the command has a key without asking: PARVANDE_KEY_FILE is set, or a passphrase was given already. */
export function hasKey(): boolean {
  return keyFilePath() !== undefined || asked !== undefined;
}

function keyFilePath(): string | undefined {
  const raw = process.env[KEY_FILE_ENV];
  return raw === undefined || raw.trim() === '' ? undefined : raw.trim();
}

/** The office key: PARVANDE_KEY_FILE when set, else the passphrase asked for this command, else undefined. */
export function officeKey(): string | undefined {
  const file = keyFilePath();
  return file !== undefined ? readKeyFile(file, KEY_FILE_ENV) : asked;
}

/**
 * A key file holds the passphrase on its first line. It must be the owner's alone (as the
 * office file is): a key that every account on the machine can read protects nothing. Windows
 * has no such modes; the per-user folder is private there. `variable` names where it was given.
 */
export function readKeyFile(file: string, variable: string): string {
  let text: string;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      throw new ValidationError(
        t('the key file {file} ({variable}) can be read by other accounts: make it owner-only (chmod 600 {file}) and try again', {
          file,
          variable,
        }),
        variable,
      );
    }
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof ValidationError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new ValidationError(
      t('cannot read the key file {file} ({variable}): {code}', { file, variable, code: typeof code === 'string' ? code : 'unreadable' }),
      variable,
    );
  }
  const passphrase = text.split(/\r?\n/)[0] ?? '';
  checkPassphrase(passphrase, variable);
  return passphrase;
}

/** At least 8 characters: a passphrase the office can write down and seal, not a word to guess. */
export function checkPassphrase(passphrase: string, field: string): void {
  if ([...passphrase].length < 8) {
    throw new ValidationError(t('the passphrase is too short: give at least 8 characters'), field);
  }
}

/** The key for an encrypted file, or the one-line refusal that says how to give it. */
export function requireKey(path: string): string {
  const key = officeKey();
  if (key !== undefined) return key;
  throw new DatabaseError(
    UNREADABLE,
    t(
      'the office file is encrypted: {path} needs its key; give it with PARVANDE_KEY_FILE (a file only its owner can read) or type it at the prompt on a terminal',
      { path },
    ),
  );
}

function wrongKeyError(path: string): DatabaseError {
  return new DatabaseError(
    UNREADABLE,
    t(
      'the office file is encrypted: {path} does not open with the key given; give the office key with PARVANDE_KEY_FILE or at the prompt',
      { path },
    ),
  );
}

/** A passphrase as SQLite3 Multiple Ciphers' hexkey wants it: no quote of the passphrase ever reaches SQL text. */
function hexOf(passphrase: string): string {
  return Buffer.from(passphrase, 'utf8').toString('hex');
}

/**
 * The cipher pragmas come before any other statement on the connection. The scheme is set on
 * every connection, keyed or not, so that an encrypted file it attaches (a restore) reads too.
 */
function applyKey(sqlite: Sqlite, passphrase: string | undefined): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  if (passphrase !== undefined) sqlite.pragma(`hexkey = '${hexOf(passphrase)}'`);
}

export interface Connection {
  sqlite: Sqlite;
  /** The file is (or, new, will be) encrypted. */
  encrypted: boolean;
}

/**
 * Opens an existing SQLite file with the driver, unlocking it when it is encrypted: the
 * wrong key is told at once (a read of the schema), not at the first query of a command.
 * `key` is used instead of the office key: an encrypted file opens with it, and a file that is
 * still empty (init --encrypt, the copy db encrypt writes) is encrypted with it from its first page.
 */
export function connect(path: string, options: { readonly?: boolean; key?: string | undefined } = {}): Connection {
  const encrypted = isEncryptedFile(path);
  const empty = !encrypted && options.key !== undefined && statSync(path).size === 0;
  const key = encrypted ? (options.key ?? requireKey(path)) : empty ? options.key : undefined;
  const sqlite = new Database(path, {
    readonly: options.readonly === true,
    fileMustExist: true,
    nativeBinding: sqliteAddon(),
  }) as unknown as Sqlite;
  try {
    applyKey(sqlite, key);
    if (encrypted) sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    sqlite.close();
    const code = (err as { code?: unknown }).code;
    if (encrypted && typeof code === 'string' && code.startsWith('SQLITE_NOTADB')) throw wrongKeyError(path);
    throw err;
  }
  return { sqlite, encrypted: key !== undefined };
}
