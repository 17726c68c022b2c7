import { isDevToolsShortcut, type KeyInput } from './development';
import { isAppUrl } from './guards';

interface PreventableEvent {
  preventDefault(): void;
}

/** What the guards need of a WebContents; Electron's own passes, and so does a test's stand-in. */
export interface GuardedContents {
  on(event: string, listener: (...args: never[]) => void): unknown;
  setWindowOpenHandler(handler: (details: unknown) => { action: 'deny' }): void;
  closeDevTools(): void;
}

/**
 * Every web contents, now and later: no navigation away from our own page (top frame, subframes and
 * redirects), no new windows, no webviews; packaged, no DevTools by any key or route.
 */
export function lockDownWebContents(contents: GuardedContents, { isPackaged }: { isPackaged: boolean }): void {
  const onlyOwnPages = (event: PreventableEvent & { url?: string }, legacyUrl?: string) => {
    if (!isAppUrl(event.url ?? legacyUrl)) event.preventDefault();
  };
  contents.on('will-navigate', onlyOwnPages);
  contents.on('will-frame-navigate', onlyOwnPages);
  contents.on('will-redirect', onlyOwnPages);
  contents.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (isPackaged) {
    contents.on('before-input-event', (event: PreventableEvent, input: KeyInput) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
}
