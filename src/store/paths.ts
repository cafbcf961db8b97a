import { homedir } from 'node:os';
import { join } from 'node:path';

export type DbPathSource = 'option' | 'env' | 'default';

export interface ResolvedDbPath {
  path: string;
  source: DbPathSource;
}

/** The platform's usual per-user data folder for parvande. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    const base = env.LOCALAPPDATA ?? env.APPDATA ?? join(homedir(), 'AppData', 'Local');
    return join(base, 'parvande');
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'parvande');
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.local', 'share'), 'parvande');
}

/** --db, else PARVANDE_DB, else the per-user data folder. */
export function resolveDbPath(option: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedDbPath {
  if (option !== undefined && option !== '') return { path: option, source: 'option' };
  const fromEnv = env.PARVANDE_DB;
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, source: 'env' };
  return { path: join(defaultDataDir(env), 'parvande.db'), source: 'default' };
}
