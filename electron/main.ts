// The Electron shell. Reads as the table of contents of the desktop app: claim the single instance,
// open the core, serve the renderer from app://, lock the window down, answer IPC.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { Readable } from 'node:stream';
import path from 'node:path';
import { IPC_INVOKE_CHANNEL, IPC_PRINT_BADGE_CHANNEL, MEDIA_PROTOCOL } from '../shared/api/bridge';
import { runConsole, type ConsoleRunner } from './browser/console-runner';
import { defaultDataDir } from './core/data-dir';
import { createKiosk, type Kiosk } from './core/kiosk';
import { serveRenderer } from './shell/app-protocol';
import { handleBadgePrint } from './shell/badge-print';
import { kioskClock } from './shell/development';
import { APP_ORIGIN, APP_PROTOCOL } from './shell/guards';
import { handleKioskInvoke } from './shell/ipc';
import { denyAllPermissions } from './shell/permissions';
import { closeBeforeQuit } from './shell/quit';
import { lockDownWebContents } from './shell/web-contents-guards';
import { kioskWindowOptions } from './shell/window-options';

const RENDERER_DIR = path.join(import.meta.dirname, '..', 'renderer');
const PRELOAD = path.join(import.meta.dirname, 'preload.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_PROTOCOL, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  { scheme: MEDIA_PROTOCOL, privileges: { standard: true, secure: true, stream: true } },
]);

function claimSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  return true;
}

/** The renderer's files, from dist/renderer only, with the CSP on every response. */
function setupAppProtocol() {
  protocol.handle(APP_PROTOCOL, serveRenderer(RENDERER_DIR));
}

/** Footage playback for security: a ticket from `footage.playback`, served with ranges so the player can seek. */
function setupMediaProtocol(kiosk: Kiosk) {
  protocol.handle(MEDIA_PROTOCOL, async (request) => {
    const ticket = new URL(request.url).pathname.replace(/^\//, '');
    const answer = await kiosk.media.respond(ticket, request.headers.get('range') ?? undefined);
    if (!answer.body) return new Response(null, { status: answer.status, headers: answer.headers });
    // Streamed from the handle the core opened and checked, never opened again by path.
    return new Response(Readable.toWeb(answer.body) as ReadableStream, {
      status: answer.status,
      headers: answer.headers,
    });
  });
}

function setupPermissions() {
  denyAllPermissions(session.defaultSession);
}

/** Every web contents, now and later (see lockDownWebContents). */
function setupNavigationGuards() {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, { isPackaged: app.isPackaged }));
}

function setupIpc(kiosk: Kiosk) {
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, input: unknown, background: unknown) =>
    handleKioskInvoke(kiosk, { id: event.sender.id, frame: event.senderFrame }, channel, input, background),
  );
  ipcMain.handle(IPC_PRINT_BADGE_CHANNEL, (event) =>
    handleBadgePrint(
      event.senderFrame,
      kiosk.config.badge,
      (options) =>
        new Promise((resolve) =>
          event.sender.print(options, (success, failureReason) => resolve({ success, failureReason })),
        ),
    ),
  );
}

function createKioskWindow() {
  const options = kioskWindowOptions(PRELOAD, app.isPackaged);
  const window = new BrowserWindow({
    ...options,
    // The renderer's isolation stated where the window is made, for a reader and for Electronegativity
    // (kioskWindowOptions sets the same; test/electron/shell/main-setup.test.ts checks what the window gets).
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      // A middle click (auxclick) on a link would ask for a new window: off, besides the deny-all window handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** The staff console for the office network, as console.listen says, now and after each change; the lobby window runs without it. */
function startConsole(kiosk: Kiosk): Promise<ConsoleRunner> {
  return runConsole(
    { kiosk, rendererDir: RENDERER_DIR },
    {
      started: (server) => console.log(`Console: ${server.url} (certificate SHA-256 ${server.fingerprint})`),
      failed: (error, listen) => console.error(`[kiosk] the console cannot listen on ${listen}:`, error),
      stopped: () => console.log('Console stopped'),
    },
  );
}

async function main() {
  if (!claimSingleInstance()) {
    app.quit();
    return;
  }
  // The CLI and browser mode default to the same folder, so all three shells share one database.
  app.setPath('userData', defaultDataDir());
  await app.whenReady();

  let kiosk: Kiosk;
  try {
    kiosk = await createKiosk({ dataDir: app.getPath('userData'), clock: kioskClock(process.env, app.isPackaged) });
  } catch (error) {
    dialog.showErrorBox('Reception kiosk cannot start', (error as Error).message);
    app.exit(2);
    return;
  }

  Menu.setApplicationMenu(null);
  setupAppProtocol();
  setupMediaProtocol(kiosk);
  setupPermissions();
  setupNavigationGuards();
  setupIpc(kiosk);
  const consoleRunner = await startConsole(kiosk);
  void kiosk.startBackgroundJobs();
  createKioskWindow();

  app.on('window-all-closed', () => app.quit());
  closeBeforeQuit(app, async () => {
    await consoleRunner.close();
    await kiosk.close();
  });
}

process.on('uncaughtException', (error) => console.error('[kiosk] uncaught exception:', error));
process.on('unhandledRejection', (error) => console.error('[kiosk] unhandled rejection:', error));

void main();
