import type { BrowserWindowConstructorOptions } from 'electron';

/** The kiosk window: fullscreen kiosk mode, and a renderer with no way into Node. */
export function kioskWindowOptions(preload: string, isPackaged: boolean): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
    show: false,
    backgroundColor: '#f6f4ef',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      nodeIntegrationInWorker: false,
      experimentalFeatures: false,
      spellcheck: false,
      // A middle click on a link asks for a new window; the window open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools: !isPackaged,
    },
  };
}
