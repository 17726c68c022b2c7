// Since Electron 42 the electron package downloads its binary on first use, not at install (and its
// install script, were there one, stays denied in package.json's allowScripts: offline it failed the
// whole `npm ci`). This runs Electron's installer during `npm ci` and turns a failed download into a
// one-line note, so the install succeeds everywhere and Electron is ready wherever the download
// works. `npm start` falls back to browser mode without it. ELECTRON_SKIP_BINARY_DOWNLOAD, which
// Electron itself no longer reads, still skips it here.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let installScript;
try {
  installScript = require.resolve('electron/install.js');
} catch {
  process.exit(0); // a production install without devDependencies: nothing to fetch
}

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('Electron: binary download skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set).');
  process.exit(0);
}

const run = spawnSync(process.execPath, [installScript], { encoding: 'utf8', timeout: 15 * 60_000 });
if (run.status === 0) {
  console.log('Electron: binary ready.');
} else {
  const reason = `${run.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? run.error?.message ?? 'unknown error';
  console.log(
    `Electron: the binary could not be downloaded (${reason.trim()}). ` +
      'Everything else is installed; `npm start` will use browser mode. Retry later with `npm run fetch:electron`.',
  );
}
