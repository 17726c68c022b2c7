import path from 'node:path';
import { parseArgs } from 'node:util';
import { parseConsoleListen } from '../../shared/console-address';
import { clockFromEnvironment } from '../core/clock';
import { loadConfigFile } from '../core/config-file';
import { defaultDataDir } from '../core/data-dir';
import { createKiosk, type Kiosk } from '../core/kiosk';
import { startInTypedFolder } from '../common/typed-folder';
import { findChromium, openInAppMode, type OpenedChromium } from './open-chromium';
import { runConsole } from './console-runner';
import { startBrowserServer, type BrowserServer } from './server';

function fatal(message: string): never {
  process.stderr.write(`kiosk: ${message}\n`);
  process.exit(2);
}

// Beside the entry file (dist/electron/browser-server.js), never a shared chunk's folder: the build
// splits modules used by several entries into dist/electron/chunks/.
const DEFAULT_RENDERER_DIR = path.resolve(import.meta.dirname, '..', 'renderer');

const USAGE = `Usage: node dist/electron/browser-server.js [options]
       npm run start:browser -- [options]

Serves the kiosk and its API on 127.0.0.1 and opens it in Chromium's app mode.

Options:
  --data-dir D       the data folder (default: KIOSK_DATA_DIR, else ${defaultDataDir()})
  --port P           the port to listen on; 0 (the default) picks a free one
  --no-open          print the address only; do not open a browser
  --lobby            this screen stands in the lobby (a Chromium-kiosk deployment): staff views open
                     on it only as lobby.staffViews allows, as on the Electron window
  --renderer-dir D   the built screens to serve (default: dist/renderer)
  --console-listen HOST:PORT
                     also serve the staff console over HTTPS there for this run (e.g. 0.0.0.0:8443)
  --help             this text
`;

startInTypedFolder();

let args;
try {
  args = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'no-open': { type: 'boolean', default: false },
      lobby: { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      'console-listen': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fatal(`${(error as Error).message.split('\n')[0]!} (--help lists the options)`);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535)
  fatal(`--port must be a number from 0 to 65535, not "${args.port}"`);

const consoleListen = args['console-listen'];
if (consoleListen !== undefined && !parseConsoleListen(consoleListen))
  fatal(`--console-listen must be HOST:PORT, such as 0.0.0.0:8443, not "${consoleListen}"`);

const dataDir = path.resolve(args['data-dir'] ?? defaultDataDir());
let kiosk: Kiosk;
try {
  const clock = clockFromEnvironment(process.env);
  const config = structuredClone(loadConfigFile(dataDir, clock));
  // --console-listen serves the console for this run, whatever console.listen says.
  if (consoleListen !== undefined) config.console.listen = consoleListen;
  kiosk = await createKiosk({ dataDir, config, clock });
} catch (error) {
  fatal((error as Error).message);
}

let server: BrowserServer;
try {
  server = await startBrowserServer({
    kiosk,
    rendererDir: args['renderer-dir'] ?? DEFAULT_RENDERER_DIR,
    port,
    lobby: args.lobby,
  });
} catch (error) {
  await kiosk.close();
  const code = (error as NodeJS.ErrnoException).code;
  fatal(
    code === 'EADDRINUSE' ? `port ${port} is already in use; choose another with --port` : (error as Error).message,
  );
}

const rendererDir = args['renderer-dir'] ?? DEFAULT_RENDERER_DIR;
// At launch a console that cannot listen stops the launch; after a change of settings it is only said.
let launching = true;
let launchFailure: unknown = null;
const consoleRunner = await runConsole(
  { kiosk, rendererDir, ...(consoleListen !== undefined ? { listenOverride: consoleListen } : {}) },
  {
    started: (consoleServer) => {
      if (!launching) process.stdout.write(`Console started again: ${consoleServer.url}\n`);
    },
    failed: (error, listen) => {
      if (launching) launchFailure = error;
      else process.stderr.write(`The console cannot listen on ${listen}: ${(error as Error).message}\n`);
    },
    stopped: () => {
      if (!launching) process.stdout.write('Console stopped (settings changed)\n');
    },
  },
);
launching = false;
if (launchFailure) {
  await consoleRunner.close();
  await server.close();
  await kiosk.close();
  fatal(`the console cannot listen on ${kiosk.config.console.listen}: ${(launchFailure as Error).message}`);
}

await kiosk.startBackgroundJobs();
process.stdout.write(`Browser mode, data folder ${dataDir}. Open this address (it carries this launch's key):\n`);
process.stdout.write(`${server.url}\n`);
const consoleServer = consoleRunner.current();
if (consoleServer)
  process.stdout.write(`Console: ${consoleServer.url} (certificate SHA-256 ${consoleServer.fingerprint})\n`);

let browser: OpenedChromium | null = null;
if (!args['no-open']) {
  const chromium = findChromium();
  if (chromium) browser = openInAppMode(chromium, server.url);
  else process.stdout.write('No Chromium found to open it in app mode; open the address above in a browser.\n');
}
// However this process ends, the browser it opened does not outlive it, nor does that browser's profile.
process.once('exit', () => browser?.stopNow());

async function shutDown() {
  await browser?.stop();
  await consoleRunner.close();
  await server.close();
  await kiosk.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutDown());
process.once('SIGTERM', () => void shutDown());
