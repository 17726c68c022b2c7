// A recording stand-in for the `electron` module, for loading electron/main.ts and preload.ts in
// vitest: Electron is a third-party runtime we cannot start here. It records what the shell sets up
// (protocol handlers, session handlers, listeners, window options) so a test can call each one.
import { EventEmitter } from 'node:events';

type Listener = (...args: never[]) => unknown;

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: ((details: unknown) => { action: string }) | null = null;
  devToolsClosed = 0;
  setWindowOpenHandler(handler: (details: unknown) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  closeDevTools() {
    this.devToolsClosed += 1;
  }
}

/** An event as Electron passes it: preventDefault() records that the default was refused. */
export function standInEvent<T extends object>(fields: T = {} as T) {
  const event = {
    ...fields,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

function freshRecord() {
  const appListeners = new Map<string, Listener[]>();
  let signalWindowLoaded: (url: string) => void = () => undefined;
  let signalExit: (code: number) => void = () => undefined;
  const recorded = {
    appListeners,
    userPaths: new Map<string, string>(),
    windows: [] as unknown[],
    signalWindowLoaded: (url: string) => signalWindowLoaded(url),
    signalExit: (code: number) => signalExit(code),
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => unknown),
    devicePermissionHandler: null as null | ((...args: unknown[]) => unknown),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    windowOptions: [] as Record<string, unknown>[],
    errorBoxes: [] as [string, string][],
    exposedInMainWorld: [] as [string, unknown][],
    ipcRendererCalls: [] as unknown[][],
    windowLoaded: new Promise<string>((resolve) => (signalWindowLoaded = resolve)),
    exited: new Promise<number>((resolve) => (signalExit = resolve)),
    /** Calls every listener the app registered for `event`, as Electron would. */
    emitApp(event: string, ...args: unknown[]) {
      for (const listener of appListeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
    },
  };
  return recorded;
}

export type Recorded = ReturnType<typeof freshRecord>;

/**
 * vitest keeps a mocked module across vi.resetModules, so the record is replaced instead:
 * `resetStandIn()` before each fresh load of main.ts.
 */
export function createElectronStandIn() {
  let recorded = freshRecord();

  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on(event: string, listener: Listener) {
      recorded.appListeners.set(event, [...(recorded.appListeners.get(event) ?? []), listener]);
      return app;
    },
    setPath: (name: string, value: string) => void recorded.userPaths.set(name, value),
    getPath: (name: string) => recorded.userPaths.get(name) ?? '',
    whenReady: () => Promise.resolve(),
    quit: () => recorded.emitApp('will-quit', standInEvent()),
    exit: (code = 0) => recorded.signalExit(code),
  };

  class BrowserWindow {
    static getAllWindows = () => recorded.windows;
    constructor(options: Record<string, unknown>) {
      recorded.windowOptions.push(options);
      recorded.windows.push(this);
    }
    once() {
      return this;
    }
    show() {}
    isMinimized = () => false;
    restore() {}
    focus() {}
    loadURL(url: string) {
      recorded.signalWindowLoaded(url);
      return Promise.resolve();
    }
  }

  const ipcRenderer = {
    invoke: (...args: unknown[]) => {
      recorded.ipcRendererCalls.push(args);
      return Promise.resolve({ ok: true, value: null });
    },
    send: (...args: unknown[]) => void recorded.ipcRendererCalls.push(args),
    on: () => ipcRenderer,
  };

  const module = {
    app,
    BrowserWindow,
    dialog: { showErrorBox: (title: string, message: string) => void recorded.errorBoxes.push([title, message]) },
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => unknown) => recorded.ipcHandlers.set(channel, handler),
    },
    Menu: { setApplicationMenu: () => undefined },
    protocol: {
      registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) =>
        void recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void recorded.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: (...args: unknown[]) => void) =>
          void (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: (...args: unknown[]) => unknown) =>
          void (recorded.permissionCheckHandler = handler),
        setDevicePermissionHandler: (handler: (...args: unknown[]) => unknown) =>
          void (recorded.devicePermissionHandler = handler),
      },
    },
    contextBridge: {
      exposeInMainWorld: (key: string, value: unknown) => void recorded.exposedInMainWorld.push([key, value]),
    },
    ipcRenderer,
  };

  return {
    module,
    standIn: () => recorded,
    resetStandIn: () => {
      recorded = freshRecord();
      app.isPackaged = false;
      return recorded;
    },
  };
}

/** What `import('electron')` gives a test that mocked it with `mockElectronModule`. */
export type MockedElectron = ReturnType<typeof createElectronStandIn>['module'] & {
  standIn(): Recorded;
  resetStandIn(): Recorded;
};

/** The factory for `vi.mock('electron', ...)`. */
export function mockElectronModule(): MockedElectron & { default: unknown } {
  const { module, standIn, resetStandIn } = createElectronStandIn();
  return { ...module, standIn, resetStandIn, default: module };
}
