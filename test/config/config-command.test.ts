/**
 * `parvande config get|set|unset|list|path` (issue #13): the settings file written whole and
 * owner-only, read by every command (set Persian once), a flag and a variable still winning,
 * a damaged file refusing every command that reads it (exit 2, naming the file), a refused
 * `config set` changing nothing. The last tests run the built bin/parvande.js.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOffice, runBin, runCli, tempDb } from '../helpers/cli.js';
import { oneLine } from '../helpers/office.js';

const t = tempDb();
const office = join(t.dir, 'office.db');
let n = 0;
/** A fresh settings file path in a folder that does not exist yet. */
const freshConfig = (): string => join(t.dir, `home${++n}`, 'parvande', 'config.json');

beforeAll(async () => {
  await initOffice(office, 'CFG01');
});
afterAll(() => t.cleanup());

const cli = (config: string, args: string[], env: Record<string, string | undefined> = {}) =>
  runCli(args, { PARVANDE_CONFIG: config, PARVANDE_DB: undefined, PARVANDE_LANG: undefined, PARVANDE_CALENDAR: undefined, ...env });

describe('config set, get, unset, list, path', () => {
  it('set creates the file and its folder owner-only, written whole; get and list read it back', async () => {
    const config = freshConfig();
    expect((await cli(config, ['config', 'path'])).stdout.trim()).toBe(config);
    const set = await cli(config, ['config', 'set', 'lang', 'FA', '--json']);
    expect(set.code).toBe(0);
    expect(set.json()).toEqual({ key: 'lang', value: 'fa', path: config });
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ lang: 'fa' });
    if (process.platform !== 'win32') {
      expect(statSync(config).mode & 0o777).toBe(0o600);
      expect(statSync(join(config, '..')).mode & 0o777).toBe(0o700);
    }
    await cli(config, ['config', 'set', 'db', office]);
    await cli(config, ['config', 'set', 'calendar', 'gregorian']);
    // Written in the order of the keys, whatever order they were set in.
    expect(readFileSync(config, 'utf8')).toBe(`{\n  "lang": "fa",\n  "calendar": "gregorian",\n  "db": ${JSON.stringify(office)}\n}\n`);
    expect((await cli(config, ['config', 'get', 'lang'])).stdout).toBe('fa\n');
    expect((await cli(config, ['config', 'get', 'db', '--json'])).json()).toEqual({ key: 'db', value: office, source: 'file' });
    const list = (await cli(config, ['--calendar', 'jalali', 'config', 'list', '--json'], { PARVANDE_USER: 'clerk' })).json();
    expect(list).toEqual({
      path: config,
      exists: true,
      settings: [
        { key: 'lang', value: 'fa', source: 'file' },
        { key: 'calendar', value: 'jalali', source: 'flag' },
        { key: 'db', value: office, source: 'file' },
        { key: 'actor', value: 'clerk', source: 'env' },
      ],
    });
    const human = (await cli(config, ['config', 'list'])).stdout;
    expect(human).toContain('gregorian');
    // lang is fa in the file: where each value comes from is said in Persian.
    expect(human).toContain('فایل تنظیمات');
    expect((await cli(config, ['config', 'unset', 'calendar', '--json'])).json()).toEqual({ key: 'calendar', removed: true, path: config });
    expect((await cli(config, ['config', 'unset', 'calendar', '--json'])).json()).toEqual({
      key: 'calendar',
      removed: false,
      path: config,
    });
    expect(JSON.parse(readFileSync(config, 'utf8'))).toEqual({ lang: 'fa', db: office });
  });

  it('set Persian once: every command after it speaks fa, on the office the file names; flag and variable still win', async () => {
    const config = freshConfig();
    await cli(config, ['config', 'set', 'lang', 'fa']);
    await cli(config, ['config', 'set', 'db', office]);
    const fa = await cli(config, ['db', 'path', '--json']);
    expect(fa.json()).toEqual({ path: office, source: 'file' });
    const list = await cli(config, ['staff', 'list']);
    expect(list.code).toBe(0);
    const en = await cli(config, ['--lang', 'en', 'config', 'get', 'lang', '--json']);
    expect(en.json()).toEqual({ key: 'lang', value: 'en', source: 'flag' });
    const env = await cli(config, ['config', 'get', 'lang', '--json'], { PARVANDE_LANG: 'en' });
    expect(env.json()).toEqual({ key: 'lang', value: 'en', source: 'env' });
    // A Persian office card: labels in Persian once the file says fa.
    const card = await cli(config, ['db', 'check']);
    expect(card.code).toBe(0);
    const plain = await cli(config, ['--lang', 'en', 'db', 'check']);
    expect(card.stdout).not.toBe(plain.stdout);
  });

  it('a relative db is stored as a full path; a bad value or key is refused without repeating it, and nothing is written', async () => {
    const config = freshConfig();
    await cli(config, ['config', 'set', 'lang', 'fa']);
    const before = readFileSync(config, 'utf8');
    const rel = await cli(config, ['config', 'set', 'db', 'some-office.db', '--json']);
    expect(rel.json().value).toBe(resolve('some-office.db'));
    await cli(config, ['config', 'unset', 'db']);
    expect(readFileSync(config, 'utf8')).toBe(before);
    // lang is fa in the file now: errors are in Persian unless --lang en asks otherwise.
    const bad = await cli(config, ['--lang', 'en', 'config', 'set', 'lang', 'زهرا احمدی']);
    expect(bad.code).toBe(2);
    expect(oneLine(bad)).toBe('error: invalid value for lang: expected en or fa');
    const badFa = await cli(config, ['config', 'set', 'lang', 'زهرا احمدی']);
    expect(badFa.code).toBe(2);
    expect(oneLine(badFa)).toMatch(/^خطا: /);
    expect(oneLine(badFa)).not.toContain('زهرا');
    const key = await cli(config, ['--lang', 'en', 'config', 'set', 'زهرا', 'fa']);
    expect(key.code).toBe(2);
    expect(oneLine(key)).toBe('error: unknown setting; expected one of lang, calendar, db, actor');
    const json = await cli(config, ['--lang', 'en', 'config', 'get', 'nope', '--json']);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'invalid', message: 'unknown setting; expected one of lang, calendar, db, actor', field: 'key' },
    });
    expect(readFileSync(config, 'utf8')).toBe(before);
  });

  it('a damaged file refuses every command that reads it (exit 2, naming the key and the file), but config path still answers', async () => {
    const config = freshConfig();
    mkdirSync(join(config, '..'), { recursive: true });
    writeFileSync(config, '{"lang": "fa", "colour": "blue"}');
    for (const args of [
      ['staff', 'list', '--db', office],
      ['--lang', 'en', '--db', office, 'db', 'path'],
      ['config', 'list'],
      ['config', 'set', 'lang', 'en'],
    ]) {
      const r = await cli(config, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(oneLine(r)).toBe(
        `error: settings file ${config}: unknown key "colour" (known keys: lang, calendar, db, actor); correct it in a text editor, or remove it and set again with "parvande config set"`,
      );
    }
    expect(readFileSync(config, 'utf8')).toBe('{"lang": "fa", "colour": "blue"}');
    const path = await cli(config, ['config', 'path', '--json']);
    expect(path.json()).toEqual({ path: config, exists: true });
  });

  it('a bad PARVANDE_LANG or PARVANDE_CALENDAR is refused, naming the variable', async () => {
    const config = freshConfig();
    const r = await cli(config, ['config', 'list'], { PARVANDE_LANG: 'de' });
    expect(r.code).toBe(2);
    expect(oneLine(r)).toBe('error: invalid PARVANDE_LANG: expected en or fa');
    const c = await cli(config, ['config', 'list'], { PARVANDE_CALENDAR: 'x' });
    expect(oneLine(c)).toBe('error: invalid PARVANDE_CALENDAR: expected jalali or gregorian');
  });

  it('the settings file is never written over a database', async () => {
    const r = await cli(office, ['--db', office, 'config', 'path']);
    expect(r.stdout.trim()).toBe(office);
    // The office file itself named as the settings file: refused as not JSON, and set never replaces it.
    const set = await cli(office, ['config', 'set', 'lang', 'fa']);
    expect(set.code).toBe(2);
    expect(readFileSync(office).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});

describe('the built program', () => {
  it('config set lang fa, then a command in Persian, from a child process', async () => {
    const config = freshConfig();
    const env = { PARVANDE_CONFIG: config, PARVANDE_DB: office };
    const set = await runBin(['config', 'set', 'lang', 'fa'], { env });
    expect(set.code).toBe(0);
    expect(existsSync(config)).toBe(true);
    const get = await runBin(['config', 'get', 'lang', '--json'], { env });
    expect(JSON.parse(get.stdout)).toEqual({ key: 'lang', value: 'fa', source: 'file' });
    const help = await runBin(['config', '--help'], { env });
    expect(help.stdout).toContain('parvande config set lang fa');
  });
});

describe('the office file from the settings file', () => {
  it('the demo never writes to it: only a file named with --db', async () => {
    const config = freshConfig();
    await cli(config, ['config', 'set', 'db', join(t.dir, 'demo-from-settings.db')]);
    const r = await cli(config, ['demo']);
    expect(r.code).toBe(2);
    expect(oneLine(r)).toMatch(
      /^error: parvande demo writes only to a file named with --db \(never to PARVANDE_DB, the settings file's db/,
    );
    expect(existsSync(join(t.dir, 'demo-from-settings.db'))).toBe(false);
  });

  it('the actor from the settings file is the one the audit trail records', async () => {
    const config = freshConfig();
    await cli(config, ['config', 'set', 'actor', 'مریم']);
    await cli(
      config,
      ['--db', office, 'staff', 'add', '--first-name', 'رضا', '--last-name', 'اکبری', '--role', 'social-worker', '--sector', 'gov'],
      {
        PARVANDE_USER: undefined,
      },
    );
    const audit = await cli(config, ['--db', office, 'audit', 'list', '--limit', '1', '--json'], { PARVANDE_USER: undefined });
    expect(audit.json()[0].actor).toBe('مریم');
  });
});
