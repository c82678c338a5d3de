// Where voices live by default: the desktop app's user-data folder (what Electron's app.getPath('userData') gives
// for this app on each platform) + /library, so the CLI and the app share one library. VOICECLONE_LIBRARY overrides it.

import os from 'node:os';
import path from 'node:path';

/** Electron's userData folder name: package.json "name" (the app sets no productName). */
export const APP_DIR_NAME = 'voiceclone-studio';

export function defaultLibraryDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.VOICECLONE_LIBRARY) return path.resolve(env.VOICECLONE_LIBRARY);
  const home = os.homedir();
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(base, APP_DIR_NAME, 'library');
}
