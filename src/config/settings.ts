/**
 * The global defaults a person may set once (`parvande config set lang fa`), and the
 * one place that decides each global option's value: the flag, else the environment
 * variable, else the settings file, else the default. Each key has one parser, used for
 * the flag's value, the variable's and the file's alike, so a value refused on the
 * command line is refused in the file too (naming the key and the file).
 */
import { homedir, userInfo } from 'node:os';
import { isAbsolute, posix, resolve, win32 } from 'node:path';
import { cleanText } from '../domain/fields.js';
import { ValidationError } from '../errors.js';
import { t, type Text } from '../messages/catalogue.js';
import { defaultDataDir, type ResolvedDbPath } from '../store/paths.js';
import { readSettingsFile, settingsFileError, settingsPath, shownKey } from './settings-file.js';

export const LANGS = ['en', 'fa'] as const;
export type LangSetting = (typeof LANGS)[number];
export const CALENDARS = ['jalali', 'gregorian'] as const;
export type CalendarSetting = (typeof CALENDARS)[number];

/** Every key of the settings file, in the order `config list` shows them. */
export const SETTING_KEYS = ['lang', 'calendar', 'db', 'actor'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Where a value came from. */
export type SettingSource = 'flag' | 'env' | 'file' | 'default';

/** Where a value being parsed was written, for the refusal: `--lang`, `PARVANDE_LANG`, `lang in FILE`. */
export type Origin = { kind: 'flag' | 'env' | 'set' } | { kind: 'file'; path: string };

interface SettingSpec {
  /** The flag of the same meaning, without `--`. */
  flag: string;
  /** The environment variable that overrides the file. */
  env: string;
  /** One line for `config --help`. */
  /** What the key is, for `config --help`. */
  describe: Text;
  /** Checks a value and returns it as stored (a path made absolute, a name cleaned). */
  parse: (raw: string, origin: Origin) => string;
  /** The value when nothing sets it (`platform` and `home` so that each platform's default is tested anywhere). */
  fallback: (env: NodeJS.ProcessEnv, machine: Machine) => string;
}

/** The machine a default is for: this one, except in tests. */
export interface Machine {
  platform?: NodeJS.Platform;
  home?: string;
}

/** The longest --actor / PARVANDE_USER: a name's length. */
const ACTOR_MAX = 100;

function refusal(key: SettingKey, origin: Origin, rule: Text): ValidationError {
  const spec = SETTINGS[key];
  switch (origin.kind) {
    case 'flag':
      return new ValidationError(t('invalid {flag}: {rule}', { flag: `--${spec.flag}`, rule }), spec.flag);
    case 'env':
      return new ValidationError(t('invalid {variable}: {rule}', { variable: spec.env, rule }), spec.env);
    case 'set':
      return new ValidationError(t('invalid value for {key}: {rule}', { key, rule }), key);
    case 'file':
      return settingsFileError(origin.path, t('invalid {key}: {rule}', { key, rule }), key);
  }
}

function oneOf<T extends string>(key: SettingKey, choices: readonly T[]): (raw: string, origin: Origin) => string {
  return (raw, origin) => {
    const value = raw.trim().toLowerCase();
    if (!(choices as readonly string[]).includes(value)) {
      throw refusal(key, origin, t('expected {first} or {second}', { first: choices[0] as string, second: choices[1] as string }));
    }
    return value;
  };
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The office file when nothing names one: parvande.db in the per-user data folder. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, machine: Machine = {}): string {
  const platform = machine.platform ?? process.platform;
  const dir = defaultDataDir(env, platform, machine.home ?? homedir());
  return platform === 'win32' ? win32.join(dir, 'parvande.db') : posix.join(dir, 'parvande.db');
}

export const SETTINGS: Readonly<Record<SettingKey, SettingSpec>> = {
  lang: {
    flag: 'lang',
    env: 'PARVANDE_LANG',
    describe: t('labels and digits: en or fa (default en)'),
    parse: oneOf('lang', LANGS),
    fallback: () => 'en',
  },
  calendar: {
    flag: 'calendar',
    env: 'PARVANDE_CALENDAR',
    describe: t('how dates are shown: jalali or gregorian (default jalali)'),
    parse: oneOf('calendar', CALENDARS),
    fallback: () => 'jalali',
  },
  db: {
    flag: 'db',
    env: 'PARVANDE_DB',
    describe: t('the office file when no --db is given (default: your data folder)'),
    parse: (raw, origin) => {
      if (raw.trim() === '') throw refusal('db', origin, t('give a file name'));
      if (/[\p{Cc}]/u.test(raw)) throw refusal('db', origin, t('a file name holds no control character'));
      // A relative name in the file would mean another office in every folder a command runs in.
      if (origin.kind === 'set') return resolve(raw);
      if (origin.kind === 'file' && !isAbsolute(raw))
        throw refusal('db', origin, t('expected a full path (parvande config set db makes one)'));
      return raw;
    },
    fallback: (env, machine) => defaultDbPath(env, machine),
  },
  actor: {
    flag: 'actor',
    env: 'PARVANDE_USER',
    describe: t('who acts, for the audit trail (default: your login name)'),
    parse: (raw, origin) => {
      try {
        return cleanText(raw.trim(), 'actor', ACTOR_MAX);
      } catch (err) {
        // cleanText names the rule ("actor is 120 characters long…"), never the value.
        if (!(err instanceof ValidationError) || origin.kind === 'flag' || origin.kind === 'set') throw err;
        if (origin.kind === 'env')
          throw new ValidationError(t('{variable}: {rule}', { variable: 'PARVANDE_USER', rule: err.text }), 'actor');
        throw refusal('actor', origin, err.text);
      }
    },
    fallback: () => osUser(),
  },
};

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** Refuses an unknown key typed to `config get|set|unset` without repeating it. */
export function settingKey(key: string): SettingKey {
  const k = key.trim().toLowerCase();
  if (!isSettingKey(k)) throw new ValidationError(t('unknown setting; expected one of {keys}', { keys: SETTING_KEYS.join(', ') }), 'key');
  return k;
}

export interface SettingsFile {
  path: string;
  /** The file's values, checked; a key the file does not set is absent. */
  values: Partial<Record<SettingKey, string>>;
}

/** Reads and checks the settings file: an unknown key or a bad value is refused, naming the key and the file. */
export function loadSettingsFile(env: NodeJS.ProcessEnv = process.env): SettingsFile {
  const path = settingsPath(env);
  const values: Partial<Record<SettingKey, string>> = {};
  for (const [key, raw] of Object.entries(readSettingsFile(path))) {
    if (!isSettingKey(key)) {
      throw settingsFileError(
        path,
        t('unknown key "{key}" (known keys: {keys})', { key: shownKey(key), keys: SETTING_KEYS.join(', ') }),
        'config',
      );
    }
    values[key] = SETTINGS[key].parse(raw, { kind: 'file', path });
  }
  return { path, values };
}

export interface Resolved {
  value: string;
  source: SettingSource;
}

/** The flags as given (commander's values); an empty string counts as not given, as an empty variable does. */
export type SettingFlags = Partial<Record<SettingKey, string | undefined>>;

/**
 * THE precedence: flag > environment > settings file > default, for one key. The file is
 * read only when neither the flag nor the variable decides (`file` is called lazily).
 */
export function resolveSetting(
  key: SettingKey,
  flags: SettingFlags,
  env: NodeJS.ProcessEnv,
  file: () => Partial<Record<SettingKey, string>>,
  machine: Machine = {},
): Resolved {
  const spec = SETTINGS[key];
  const flag = flags[key];
  if (flag !== undefined && flag.trim() !== '') return { value: spec.parse(flag, { kind: 'flag' }), source: 'flag' };
  const fromEnv = env[spec.env];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { value: spec.parse(fromEnv, { kind: 'env' }), source: 'env' };
  const fromFile = file()[key];
  if (fromFile !== undefined) return { value: fromFile, source: 'file' };
  return { value: spec.fallback(env, machine), source: 'default' };
}

/**
 * Which office file a command uses: --db, else PARVANDE_DB, else the settings file's db,
 * else the per-user data folder (`db path` prints it; the demo writes only to a named --db).
 * The source keeps the name `option` for the flag, as `db path --json` has always printed.
 */
export function resolveDbPath(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform?: NodeJS.Platform,
  home?: string,
  fromFile?: string,
): ResolvedDbPath {
  const machine: Machine = { ...(platform === undefined ? {} : { platform }), ...(home === undefined ? {} : { home }) };
  const r = resolveSetting('db', { db: option }, env, () => (fromFile === undefined ? {} : { db: fromFile }), machine);
  return { path: r.value, source: r.source === 'flag' ? 'option' : r.source };
}

/**
 * The language and calendar an error is shown in, read from the command line as typed
 * (`--lang fa`, `--lang=fa`), else the environment, else the settings file: the top-level
 * catch (src/main.ts) has no Runtime, which may be what failed. Never throws: a value that
 * cannot be read gives the default, and the error being reported says what is wrong.
 */
export function displayFromArgv(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { lang: LangSetting; calendar: CalendarSetting } {
  const flags: SettingFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    for (const key of ['lang', 'calendar'] as const) {
      if (token === `--${key}`) flags[key] = argv[i + 1];
      else if (token.startsWith(`--${key}=`)) flags[key] = token.slice(key.length + 3);
    }
  }
  let file: Partial<Record<SettingKey, string>> = {};
  try {
    file = loadSettingsFile(env).values;
  } catch {
    // A damaged file is the error being reported, or will be.
  }
  const pick = <T extends string>(key: 'lang' | 'calendar', fallback: T): T => {
    try {
      return resolveSetting(key, flags, env, () => file).value as T;
    } catch {
      // The bad value is the error being reported: it is said in the language the variable or the file asks for.
      try {
        return resolveSetting(key, { ...flags, [key]: undefined }, env, () => file).value as T;
      } catch {
        return fallback;
      }
    }
  };
  return { lang: pick<LangSetting>('lang', 'en'), calendar: pick<CalendarSetting>('calendar', 'jalali') };
}
