import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** Where the office file's name came from: --db, PARVANDE_DB, the settings file (`parvande config`), or the default. */
export type DbPathSource = 'option' | 'env' | 'file' | 'default';

export interface ResolvedDbPath {
  path: string;
  source: DbPathSource;
}

/**
 * The platform's usual per-user data folder for parvande: %LOCALAPPDATA%\parvande on
 * Windows, ~/Library/Application Support/parvande on macOS, $XDG_DATA_HOME/parvande
 * (else ~/.local/share/parvande) elsewhere. `platform` and `home` are parameters so
 * that each platform's rule can be tested on any machine.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const base = nonEmpty(env.LOCALAPPDATA) ?? nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Local');
    return win32.join(base, 'parvande');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', 'parvande');
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  return posix.join(xdg !== undefined && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share'), 'parvande');
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v : undefined;
}
