import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER_NAME = 'reception-kiosk';

/**
 * The same folder Electron's userData uses for this app, so the CLI and browser mode find the
 * kiosk's data without flags. KIOSK_DATA_DIR overrides it.
 */
export function defaultDataDir(environment: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (environment.KIOSK_DATA_DIR) return path.resolve(environment.KIOSK_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(environment.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return path.join(environment.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER_NAME);
}
