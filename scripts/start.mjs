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

const binary = electronBinary();
const [command, args] = binary
  ? [binary, ['.', ...process.argv.slice(2)]]
  : [process.execPath, ['dist/electron/browser-server.js', ...process.argv.slice(2)]];
if (!binary) {
  console.log(
    'Electron is not installed (its binary download failed or was skipped); get it with `npm run fetch:electron`. Starting browser mode.',
  );
}
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
