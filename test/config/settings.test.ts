/**
 * The per-user settings (issue #13): one precedence for every key, flag > environment >
 * settings file > default, proven key by key; the file's place on each platform; a
 * damaged or hand-edited file refused, naming the key and the file, never a silent fallback.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSettingsFile, resolveSetting, SETTING_KEYS, type SettingKey } from '../../src/config/settings.js';
import { settingsPath } from '../../src/config/settings-file.js';
import { ValidationError } from '../../src/errors.js';
import { tempDb } from '../helpers/cli.js';

const t = tempDb();
afterAll(() => t.cleanup());

/** For each key: a flag value, an environment value, a file value (all valid and different), and its variable. */
const TABLE: Record<SettingKey, { env: string; flag: string; fromEnv: string; fromFile: string }> = {
  lang: { env: 'PARVANDE_LANG', flag: 'fa', fromEnv: 'en', fromFile: 'fa' },
  calendar: { env: 'PARVANDE_CALENDAR', flag: 'gregorian', fromEnv: 'jalali', fromFile: 'gregorian' },
  db: { env: 'PARVANDE_DB', flag: 'flag.db', fromEnv: 'env.db', fromFile: join(t.dir, 'file.db') },
  actor: { env: 'PARVANDE_USER', flag: 'flag-clerk', fromEnv: 'env-clerk', fromFile: 'file-clerk' },
};

describe('flag > environment > settings file > default, for every key', () => {
  const machine = { platform: 'linux' as const, home: '/home/zahra' };
  for (const key of SETTING_KEYS) {
    const row = TABLE[key];
    const file = () => ({ [key]: row.fromFile });
    const none = () => ({});
    it(key, () => {
      const env = { [row.env]: row.fromEnv };
      expect(resolveSetting(key, { [key]: row.flag }, env, file, machine)).toEqual({ value: row.flag, source: 'flag' });
      expect(resolveSetting(key, {}, env, file, machine)).toEqual({ value: row.fromEnv, source: 'env' });
      expect(resolveSetting(key, {}, {}, file, machine)).toEqual({ value: row.fromFile, source: 'file' });
      expect(resolveSetting(key, {}, {}, none, machine).source).toBe('default');
      // An empty flag or variable counts as not given, as PARVANDE_DB="" always did.
      expect(resolveSetting(key, { [key]: '' }, { [row.env]: ' ' }, file, machine)).toEqual({ value: row.fromFile, source: 'file' });
    });
  }

  it('the defaults: en, jalali, parvande.db in the data folder, the OS user', () => {
    const none = () => ({});
    const machine2 = { platform: 'linux' as const, home: '/home/zahra' };
    expect(resolveSetting('lang', {}, {}, none).value).toBe('en');
    expect(resolveSetting('calendar', {}, {}, none).value).toBe('jalali');
    expect(resolveSetting('db', {}, {}, none, machine2).value).toBe('/home/zahra/.local/share/parvande/parvande.db');
    expect(resolveSetting('actor', {}, {}, none).value).not.toBe('');
  });

  it('the file is not read when a flag or the environment decides (resolveSetting); values are checked by the same parser', () => {
    const boom = (): never => {
      throw new Error('read');
    };
    expect(resolveSetting('lang', { lang: 'fa' }, {}, boom).value).toBe('fa');
    expect(() => resolveSetting('lang', {}, { PARVANDE_LANG: 'de' }, boom)).toThrow('invalid PARVANDE_LANG: expected en or fa');
    expect(() => resolveSetting('calendar', { calendar: 'lunar' }, {}, boom)).toThrow('invalid --calendar: expected jalali or gregorian');
    expect(resolveSetting('lang', {}, { PARVANDE_LANG: 'FA' }, boom).value).toBe('fa');
  });
});

describe('where the settings file is', () => {
  it('PARVANDE_CONFIG first', () => {
    expect(settingsPath({ PARVANDE_CONFIG: join(t.dir, 'x.json') }, 'linux', '/home/z')).toBe(join(t.dir, 'x.json'));
  });
  it('Windows: %APPDATA%\\parvande\\config.json, else the roaming profile', () => {
    expect(settingsPath({ APPDATA: 'C:\\Users\\Zahra\\AppData\\Roaming' }, 'win32', 'C:\\Users\\Zahra')).toBe(
      'C:\\Users\\Zahra\\AppData\\Roaming\\parvande\\config.json',
    );
    expect(settingsPath({}, 'win32', 'C:\\Users\\Zahra')).toBe('C:\\Users\\Zahra\\AppData\\Roaming\\parvande\\config.json');
  });
  it('macOS: ~/Library/Application Support/parvande/config.json', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/x' }, 'darwin', '/Users/zahra')).toBe(
      '/Users/zahra/Library/Application Support/parvande/config.json',
    );
  });
  it('elsewhere: $XDG_CONFIG_HOME when absolute, else ~/.config', () => {
    expect(settingsPath({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/zahra')).toBe('/cfg/parvande/config.json');
    expect(settingsPath({ XDG_CONFIG_HOME: 'rel' }, 'linux', '/home/zahra')).toBe('/home/zahra/.config/parvande/config.json');
    expect(settingsPath({}, 'freebsd', '/home/zahra')).toBe('/home/zahra/.config/parvande/config.json');
  });
});

describe('a damaged or hand-edited file is refused, naming the key and the file', () => {
  let n = 0;
  const load = (content: string | Buffer): ValidationError => {
    const dir = join(t.dir, `f${++n}`);
    mkdirSync(dir);
    const path = join(dir, 'config.json');
    writeFileSync(path, content);
    try {
      loadSettingsFile({ PARVANDE_CONFIG: path });
    } catch (err) {
      expect(err).toBeInstanceOf(ValidationError);
      const e = err as ValidationError;
      expect(e.exitCode).toBe(2);
      expect(e.message).toContain(path);
      expect(e.message).not.toContain('\n');
      return e;
    }
    throw new Error('expected a refusal');
  };

  it('unknown key, bad value, wrong type, not JSON, not an object', () => {
    expect(load('{"langauge": "fa"}').message).toMatch(/unknown key "langauge" \(known keys: lang, calendar, db, actor\)/);
    expect(load('{"lang": "de"}').message).toMatch(/invalid lang: expected en or fa/);
    expect(load('{"calendar": "hijri"}').message).toMatch(/invalid calendar: expected jalali or gregorian/);
    expect(load('{"db": "office.db"}').message).toMatch(/invalid db: expected a full path/);
    expect(load('{"actor": "a\\u202eb"}').message).toMatch(/invalid actor: .*bidi/);
    expect(load('{"lang": 1}').message).toMatch(/the value of "lang" is not a text in quotes/);
    expect(load('{"lang": "fa",').message).toMatch(/not valid JSON/);
    expect(load('["fa"]').message).toMatch(/not a JSON object/);
    expect(load('').message).toMatch(/not valid JSON/);
  });

  it('a long planted key is cut short, on one line', () => {
    const key = `${'x'.repeat(200)}\nسطر`;
    const e = load(JSON.stringify({ [key]: 'fa' }));
    expect(e.message).not.toContain('x'.repeat(41));
  });

  it('a byte-order mark (Notepad) and CRLF are read; a missing file is no settings', () => {
    const dir = join(t.dir, 'bom');
    mkdirSync(dir);
    const path = join(dir, 'config.json');
    writeFileSync(path, '\uFEFF{\r\n  "lang": "fa",\r\n  "calendar": "gregorian"\r\n}\r\n');
    expect(loadSettingsFile({ PARVANDE_CONFIG: path }).values).toEqual({ lang: 'fa', calendar: 'gregorian' });
    expect(loadSettingsFile({ PARVANDE_CONFIG: join(dir, 'none.json') }).values).toEqual({});
  });
});
