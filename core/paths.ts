// Where the desktop app keeps its archives: Electron's userData folder (see
// electron/startup.ts), so the Electron window and the browser shell see the same archives.
import { join } from 'node:path';

export function defaultDataDir(env: Record<string, string | undefined>, platform: string, home: string): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, 'relief-archive', 'archives');
}

