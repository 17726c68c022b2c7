// `npm start`: the Electron kiosk when Electron's binary is installed, otherwise browser mode.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron'); // the binary's path, or a throw when it was never downloaded
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
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
