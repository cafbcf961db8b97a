/**
 * The per-user settings file (`parvande config`): where it lives, reading it and
 * writing it. It holds only the global defaults of src/config/settings.ts, as one
 * JSON object of strings. A file that cannot be read, is not such an object, or
 * holds an unknown key or a bad value is refused (exit 2, naming the file and the
 * key): a command never runs on half of a person's settings.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, posix, resolve, win32 } from 'node:path';
import { ValidationError } from '../errors.js';
import { ensurePrivateDir, fsErrorText, writePrivateFile } from '../files/output-file.js';
import { t, type Text } from '../messages/catalogue.js';

/** A settings file is a few short lines; anything larger is not one. */
const MAX_BYTES = 64 * 1024;

/** The longest key repeated in a refusal: a key is a word, and a planted paragraph must not come back. */
const KEY_SHOWN = 40;

/**
 * PARVANDE_CONFIG, else the platform's per-user config folder: %APPDATA%\parvande on
 * Windows (the roaming profile, as gh keeps its own), ~/Library/Application Support/parvande
 * on macOS, $XDG_CONFIG_HOME/parvande (else ~/.config/parvande) elsewhere. `platform`
 * and `home` are parameters so that each platform's rule is tested on any machine.
 */
export function settingsPath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const given = nonEmpty(env.PARVANDE_CONFIG);
  if (given !== undefined) return resolve(given);
  if (platform === 'win32') {
    return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), 'parvande', 'config.json');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'parvande', 'config.json');
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env.XDG_CONFIG_HOME);
  return posix.join(xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.config'), 'parvande', 'config.json');
}

/** The refusal of a settings file: one line naming the file (a path says where, not who). */
export function settingsFileError(path: string, why: Text | string, field = 'config'): ValidationError {
  return new ValidationError(
    t('settings file {path}: {why}; correct it in a text editor, or remove it and set again with "parvande config set"', { path, why }),
    field,
  );
}

/** A key as it may be shown in a refusal: cut short, on one line. */
export function shownKey(key: string): string {
  const flat = key.replace(/[\p{Cc}\p{Cf}\s]+/gu, ' ');
  return flat.length > KEY_SHOWN ? `${flat.slice(0, KEY_SHOWN)}…` : flat;
}

/**
 * The file's entries as written, unchecked against the keys (settings.ts does that); an
 * empty object when there is no file. Refused (exit 2) when it cannot be read or is not
 * one JSON object of strings.
 */
export function readSettingsFile(path: string): Record<string, string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ENOENT') return {};
    throw settingsFileError(path, t('cannot be read: {why}', { why: fsErrorText(err) }));
  }
  if (bytes.length > MAX_BYTES) {
    throw settingsFileError(path, t('it is {size} bytes; a settings file is at most {max}', { size: bytes.length, max: MAX_BYTES }));
  }
  // Notepad may begin the file with a byte-order mark; JSON.parse does not take one.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw settingsFileError(path, t('it is not valid JSON (expected e.g. {example})', { example: '{"lang": "fa"}' }));
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw settingsFileError(path, t('it is not a JSON object (expected e.g. {example})', { example: '{"lang": "fa"}' }));
  }
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') {
      throw settingsFileError(path, t('the value of "{key}" is not a text in quotes', { key: shownKey(key) }), key);
    }
    entries[key] = value;
  }
  return entries;
}

/**
 * Writes the whole file at once (a temporary file renamed over it, owner-only from its
 * first byte), its folder created owner-only when missing. Keys in a stable order.
 */
export function writeSettingsFile(path: string, entries: Readonly<Record<string, string>>): void {
  ensurePrivateDir(dirname(path), 'config');
  const text = `${JSON.stringify(entries, null, 2)}\n`;
  writePrivateFile(path, text, { field: 'config', force: true });
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v : undefined;
}
