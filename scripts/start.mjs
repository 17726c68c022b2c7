// `npm start`: the Electron kiosk when Electron's binary is installed, otherwise browser mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron binary's path, or null when it was never downloaded. Read from the files Electron's
 * installer leaves, not by require('electron'): since Electron 42 that starts a download when the
 * binary is missing, which offline prints an error and waits for a network.
 */
function electronBinary() {
  try {
    const folder = path.dirname(require.resolve('electron/package.json'));
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const pathFile = path.join(folder, 'path.txt');
    const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
    if (!relative && !override) return null;
    const binary = path.join(override ?? path.join(folder, 'dist'), relative ?? 'electron');
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * The Electron window reads its data folder from KIOSK_DATA_DIR only, so `npm start -- --data-dir D`
 * goes there. A relative folder is read from where the person typed the command (npm's INIT_CWD):
 * npm runs this script, and Electron after it, in the repository's folder.
 */
function electronLaunch(options) {
  const typedIn = process.env.INIT_CWD ?? process.cwd();
  const environment = { ...process.env };
  const rest = [];
  for (let index = 0; index < options.length; index++) {
    const option = options[index];
    if (option === '--data-dir' && index + 1 < options.length) environment.KIOSK_DATA_DIR = options[++index];
    else if (option.startsWith('--data-dir=')) environment.KIOSK_DATA_DIR = option.slice('--data-dir='.length);
    else rest.push(option);
  }
  if (environment.KIOSK_DATA_DIR) environment.KIOSK_DATA_DIR = path.resolve(typedIn, environment.KIOSK_DATA_DIR);
  return { args: ['.', ...rest], environment };
}

const binary = electronBinary();
const launch = binary ? electronLaunch(process.argv.slice(2)) : null;
const [command, args] = launch
  ? [binary, launch.args]
  : [process.execPath, ['dist/electron/browser-server.js', ...process.argv.slice(2)]];
if (!binary) {
  console.log(
    'Electron is not installed (its binary download failed or was skipped); get it with `npm run fetch:electron`. Starting browser mode.',
  );
}
const child = spawn(command, args, { stdio: 'inherit', env: launch?.environment ?? process.env });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
