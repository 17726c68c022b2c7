interface QuittingApp {
  on(event: string, listener: (...args: never[]) => void): unknown;
  exit(exitCode?: number): void;
}

/**
 * Electron does not wait for promises in 'will-quit': quitting is held until the core has closed
 * (running jobs finished, database closed), then the app exits.
 */
export function closeBeforeQuit(app: QuittingApp, close: () => Promise<void>, logError = console.error): void {
  let closing = false;
  app.on('will-quit', (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (closing) return;
    closing = true;
    close()
      .catch((error: unknown) => logError('[kiosk] closing failed:', error))
      .finally(() => app.exit(0));
  });
}
