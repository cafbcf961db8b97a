import { Command } from 'commander';
import { SETTING_KEYS, SETTINGS, settingKey, type SettingKey, type SettingSource } from '../config/settings.js';
import { pathExists } from '../files/output-file.js';
import { render, t, tr, type Lang } from '../messages/catalogue.js';
import { settingsPath, writeSettingsFile } from '../config/settings-file.js';
import { Runtime } from '../runtime.js';
import { helpLang } from '../ui/help.js';
import { Output } from '../ui/output.js';
import { renderTable } from '../ui/table.js';
import { withExamples } from './shared.js';
import { withPages } from './page-options.js';

/** Where a value comes from, as the reader says it (the codes of --json in English). */
function sourceLabel(source: SettingSource, lang: Lang): string {
  switch (source) {
    case 'flag':
      return tr(lang, 'flag');
    case 'env':
      return tr(lang, 'env');
    case 'file':
      return tr(lang, 'file');
    case 'default':
      return tr(lang, 'default');
  }
}

/** What a key is, in the language of the help. */
function describeKey(lang: Lang, key: SettingKey): string {
  return render(SETTINGS[key].describe, lang);
}

/** The keys after `config --help`: two lines a key, within 80 columns (what it is, then its flag and variable), and which wins. */
function keyHelp(lang: Lang): string {
  const keys = SETTING_KEYS.map(
    (k) =>
      `  ${k.padEnd(9)}${describeKey(lang, k)}\n  ${''.padEnd(9)}${tr(lang, 'flag --{flag}, env {env}', { flag: SETTINGS[k].flag, env: SETTINGS[k].env })}`,
  ).join('\n');
  const wins = tr(lang, 'A flag wins over its environment variable, which wins over the settings file,\nwhich wins over the default.');
  return `\n${tr(lang, 'Keys:')}\n${keys}\n\n${wins}\n`;
}

/** The keys the file holds, in the order of SETTING_KEYS, with `key` set to `value` (or removed). */
function withSetting(values: Partial<Record<SettingKey, string>>, key: SettingKey, value: string | undefined): Record<string, string> {
  const next: Record<string, string> = {};
  for (const k of SETTING_KEYS) {
    const v = k === key ? value : values[k];
    if (v !== undefined) next[k] = v;
  }
  return next;
}

export function configCommand(): Command {
  const config = withExamples(
    new Command('config')
      .description('your own defaults (lang, calendar, db, actor) in a settings file: set once, used by every command')
      .addHelpText('after', (context) => keyHelp(helpLang(context.command))),
    'parvande config set lang fa',
    'parvande config list',
  );

  withExamples(
    config
      .command('get')
      .description('print one setting as commands see it (from a flag, the environment, the file or the default)')
      .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`),
    'parvande config get lang',
    'parvande config get db --json',
  ).action((rawKey: string, _o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const key = settingKey(rawKey);
    const r = key === 'db' ? { value: rt.dbPath.path, source: rt.setting('db').source } : rt.setting(key);
    const result = { key, value: r.value, source: r.source };
    rt.out.result(result, () => r.value);
  });

  withExamples(
    config
      .command('set')
      .description('store a default in your settings file (checked as the flag is; the file is written whole, owner-only)')
      .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`)
      .argument('<value>', 'the value, e.g. fa; a db file name is stored as its full path'),
    'parvande config set lang fa',
    'parvande config set calendar gregorian',
    'parvande config set db D:\\parvande\\office.db',
  ).action((rawKey: string, rawValue: string, _o: unknown, cmd: Command) => {
    // The key and the value are checked before the file is read: a bad value never reaches it.
    const key = settingKey(rawKey);
    const value = SETTINGS[key].parse(rawValue, { kind: 'set' });
    const rt = Runtime.of(cmd);
    writeSettingsFile(rt.settings.path, withSetting(rt.settings.values, key, value));
    const result = { key, value, path: rt.settings.path };
    rt.out.result(result, () => `${key} = ${value} (${rt.settings.path})`);
    const env = process.env[SETTINGS[key].env];
    if (env !== undefined && env.trim() !== '')
      rt.out.warn(t('{variable} is set and wins over the file while it is', { variable: SETTINGS[key].env }));
  });

  withExamples(
    config
      .command('unset')
      .description('remove a default from your settings file (the environment or the built-in default applies again)')
      .argument('<key>', `one of ${SETTING_KEYS.join(', ')}`),
    'parvande config unset db',
  ).action((rawKey: string, _o: unknown, cmd: Command) => {
    const key = settingKey(rawKey);
    const rt = Runtime.of(cmd);
    const removed = rt.settings.values[key] !== undefined;
    if (removed) writeSettingsFile(rt.settings.path, withSetting(rt.settings.values, key, undefined));
    const result = { key, removed, path: rt.settings.path };
    rt.out.result(result, () =>
      removed
        ? tr(rt.lang, '{key} removed ({path})', { key, path: rt.settings.path })
        : tr(rt.lang, '{key} was not set in {path}', { key, path: rt.settings.path }),
    );
  });

  withExamples(
    config.command('list').description('every setting, its value and where it comes from (flag, env, file or default)'),
    'parvande config list',
    'parvande --lang fa config list --json',
  ).action((_o: unknown, cmd: Command) => {
    const rt = Runtime.of(cmd);
    const settings = SETTING_KEYS.map((key) => {
      const r = key === 'db' ? { value: rt.dbPath.path, source: rt.setting('db').source } : rt.setting(key);
      return { key, value: r.value, source: r.source as SettingSource };
    });
    const result = { path: rt.settings.path, exists: pathExists(rt.settings.path), settings };
    rt.out.result(result, () =>
      renderTable(
        [tr(rt.lang, 'key'), tr(rt.lang, 'value'), tr(rt.lang, 'from')],
        settings.map((s) => [s.key, s.value, sourceLabel(s.source, rt.lang)]),
        { rtl: rt.lang === 'fa' },
      ),
    );
  });

  withExamples(
    config.command('path').description('print where your settings file is (PARVANDE_CONFIG, else the per-user config folder)'),
    'parvande config path',
  ).action((_o: unknown, cmd: Command) => {
    // Not through Runtime: the path is what a person needs to mend a damaged file, so reading it must not be refused.
    const globals = cmd.optsWithGlobals<{ json?: boolean }>();
    const out = new Output({ json: globals.json === true, lang: 'en', calendar: 'jalali' });
    const path = settingsPath();
    const result = { path, exists: pathExists(path) };
    out.result(result, () => path);
  });

  return withPages(config, 'list');
}
