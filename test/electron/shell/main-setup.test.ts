// electron/main.ts loaded against a recording stand-in of the `electron` module: each test calls what
// the shell registered (protocol handlers, permission handlers, navigation guards, IPC, the window's
// options) the way Electron would, so removing or loosening any of them fails here.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL, MEDIA_PROTOCOL } from '../../../shared/api/bridge';
import { APP_PROTOCOL, CONTENT_SECURITY_POLICY } from '../../../electron/shell/guards';
import { standInEvent, StandInWebContents, type MockedElectron, type Recorded } from '../../helpers/electron-stand-in';
import { makeTempDir } from '../../helpers/temp-dir';

vi.mock('electron', async () => (await import('../../helpers/electron-stand-in')).mockElectronModule());

const savedEnvironment = { KIOSK_DATA_DIR: process.env.KIOSK_DATA_DIR, KIOSK_NOW: process.env.KIOSK_NOW };
let running: Recorded | null = null;

/** Loads a fresh main.ts; resolves once it has opened its window (or has given up with an exit code). */
async function startMain({ isPackaged = false, kioskNow }: { isPackaged?: boolean; kioskNow?: string } = {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as MockedElectron;
  const recorded = electron.resetStandIn();
  electron.app.isPackaged = isPackaged;
  process.env.KIOSK_DATA_DIR = makeTempDir();
  if (kioskNow === undefined) delete process.env.KIOSK_NOW;
  else process.env.KIOSK_NOW = kioskNow;
  const processListeners = {
    uncaughtException: process.listeners('uncaughtException'),
    unhandledRejection: process.listeners('unhandledRejection'),
  };
  await import('../../../electron/main');
  // main.ts logs what would otherwise crash the app; here vitest must still see it as a failure.
  for (const [event, before] of Object.entries(processListeners) as [
    'uncaughtException',
    NodeJS.UncaughtExceptionListener[],
  ][])
    for (const listener of process.listeners(event)) if (!before.includes(listener)) process.off(event, listener);
  const outcome = await Promise.race([
    recorded.windowLoaded.then((url) => ({ url })),
    recorded.exited.then((exitCode) => ({ exitCode })),
  ]);
  if ('url' in outcome) running = recorded;
  return { recorded, outcome };
}

/** Quits the way Electron does: 'will-quit', which must hold the exit until the core has closed. */
async function quit(recorded: Recorded) {
  recorded.emitApp('will-quit', standInEvent());
  return recorded.exited;
}

afterEach(async () => {
  if (running) await quit(running);
  running = null;
  for (const [key, value] of Object.entries(savedEnvironment)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

function guardedContents(recorded: Recorded) {
  const contents = new StandInWebContents();
  recorded.emitApp('web-contents-created', standInEvent(), contents);
  return contents;
}

function emitted(contents: StandInWebContents, event: string, fields: object, ...rest: unknown[]) {
  const electronEvent = standInEvent(fields);
  contents.emit(event, electronEvent, ...rest);
  return electronEvent.defaultPrevented;
}

describe('electron/main.ts', () => {
  it('serves app:// with the content security policy on every response, and nothing outside the renderer', async () => {
    const { recorded, outcome } = await startMain();
    expect(outcome).toEqual({ url: 'app://kiosk/index.html' });
    const serve = recorded.protocolHandlers.get(APP_PROTOCOL)!;
    const page = await serve(new Request('app://kiosk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    for (const url of ['app://kiosk/missing.js', 'app://kiosk/..%2f..%2fpackage.json', 'app://evil/index.html']) {
      const refused = await serve(new Request(url));
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('gives its schemes no privilege to bypass the policy', async () => {
    const { recorded } = await startMain();
    const schemes = recorded.privilegedSchemes;
    expect(schemes.map((entry) => entry.scheme).sort()).toEqual([APP_PROTOCOL, MEDIA_PROTOCOL].sort());
    for (const { privileges } of schemes) {
      expect(privileges.bypassCSP ?? false).toBe(false);
      expect(privileges.corsEnabled ?? false).toBe(false);
    }
  });

  it('denies every permission a page asks for or checks', async () => {
    const { recorded } = await startMain();
    const { permissionRequestHandler, permissionCheckHandler, devicePermissionHandler } = recorded;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'fullscreen', 'hid']) {
      const answers: unknown[] = [];
      permissionRequestHandler!(null, permission, (granted: unknown) => answers.push(granted), {});
      expect(answers).toEqual([false]);
      expect(permissionCheckHandler!(null, permission, 'app://kiosk', {})).toBe(false);
    }
    expect(devicePermissionHandler!({ deviceType: 'usb', origin: 'app://kiosk' })).toBe(false);
  });

  it('keeps every web contents on our own page: no navigation, redirect, new window or webview', async () => {
    const { recorded } = await startMain();
    const contents = guardedContents(recorded);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html', 'javascript:alert(1)'])
        expect(emitted(contents, event, { url }, url), `${event} ${url}`).toBe(true);
      expect(emitted(contents, event, { url: 'app://kiosk/index.html' }, 'app://kiosk/index.html')).toBe(false);
    }
    expect(emitted(contents, 'will-attach-webview', {})).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('opens one sandboxed, context-isolated window without Node, insecure content or webviews', async () => {
    const { recorded } = await startMain();
    expect(recorded.windowOptions).toHaveLength(1);
    const preferences = recorded.windowOptions[0]!.webPreferences as Record<string, unknown>;
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      devTools: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(preferences.preload).toMatch(/preload\.cjs$/);
  });

  it('answers IPC from our own top-level page only', async () => {
    const { recorded } = await startMain();
    const handle = recorded.ipcHandlers.get(IPC_INVOKE_CHANNEL)!;
    const from = (frame: unknown) => ({ sender: { id: 7 }, senderFrame: frame });
    const ownPage = { url: 'app://kiosk/index.html', parent: null };
    // An undeclared channel answered by the router shows the call reached the core.
    expect(await handle(from(ownPage), 'no.such.channel', {})).toMatchObject({ error: { key: 'api.unknownChannel' } });
    for (const frame of [
      null,
      { url: 'https://example.com/', parent: null },
      { url: 'app://kiosk/index.html', parent: ownPage },
    ]) {
      expect(await handle(from(frame), 'no.such.channel', {})).toEqual({ ok: false, error: { key: 'api.forbidden' } });
    }
  });

  it('in development honours KIOSK_NOW, and refuses to start on a bad one', async () => {
    const { recorded, outcome } = await startMain({ kioskNow: 'not a time' });
    expect(outcome).toEqual({ exitCode: 2 });
    expect(recorded.errorBoxes.map(([, message]) => message).join()).toMatch(/KIOSK_NOW/);
  });

  it('packaged, ignores KIOSK_NOW and never opens DevTools', async () => {
    const { recorded, outcome } = await startMain({ isPackaged: true, kioskNow: 'not a time' });
    expect(outcome).toEqual({ url: 'app://kiosk/index.html' });
    expect(recorded.errorBoxes).toEqual([]);
    const preferences = recorded.windowOptions[0]!.webPreferences as Record<string, unknown>;
    expect(preferences.devTools).toBe(false);
    const contents = guardedContents(recorded);
    const key = { type: 'keyDown', control: false, meta: false, shift: false, alt: false };
    expect(emitted(contents, 'before-input-event', {}, { ...key, key: 'F12' })).toBe(true);
    expect(emitted(contents, 'before-input-event', {}, { ...key, key: 'I', control: true, shift: true })).toBe(true);
    expect(emitted(contents, 'before-input-event', {}, { ...key, key: 'i', meta: true, alt: true })).toBe(true);
    expect(emitted(contents, 'before-input-event', {}, { ...key, key: '5' })).toBe(false);
    contents.emit('devtools-opened');
    expect(contents.devToolsClosed).toBe(1);
  });

  it('holds the exit until the core has closed', async () => {
    const { recorded } = await startMain();
    running = null;
    expect(await quit(recorded)).toBe(0);
  });
});
