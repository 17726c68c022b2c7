import type { KioskConfig } from '../../shared/config';
import { parseConsoleListen } from '../../shared/console-address';
import type { Kiosk } from '../core/kiosk';
import { startConsoleServer, type ConsoleServer } from './console-server';

export interface ConsoleRunner {
  /** The server as it runs now; null while the console is off or could not listen. */
  current(): ConsoleServer | null;
  /** Stops it for good: changed settings start nothing after this. */
  close(): Promise<void>;
}

/** What a started console or one that cannot listen tells the shell (its log, its first start). */
export interface ConsoleEvents {
  started?: (server: ConsoleServer) => void;
  failed?: (error: unknown, listen: string | null) => void;
  stopped?: () => void;
}

/**
 * The staff console as the settings want it, now and after every change: started when
 * `console.listen` is set, started again on a new address, host names or certificate (the server
 * reads both once, at its start), stopped when switched off. Stopping takes no new connection or
 * request and ends every live feed at once; a request already under way is answered (within 2 s),
 * then its connection closes. So an admin who switches the console off for a desk they no longer
 * trust is obeyed at once, not at the next restart. Resolves once the first start is done (or has
 * failed).
 */
export async function runConsole(
  {
    kiosk,
    rendererDir,
    logError,
    listenOverride,
  }: {
    kiosk: Kiosk;
    rendererDir: string;
    logError?: (error: unknown) => void;
    /** browser mode's --console-listen: this address for the whole run, whatever console.listen says. */
    listenOverride?: string;
  },
  events: ConsoleEvents = {},
): Promise<ConsoleRunner> {
  let server: ConsoleServer | null = null;
  let closed = false;
  let applying: Promise<void> = Promise.resolve();

  const restart = () => {
    applying = applying.then(async () => {
      if (server) {
        await server.close();
        server = null;
        events.stopped?.();
      }
      const listen = listenOverride ?? kiosk.config.console.listen;
      const address = listen ? parseConsoleListen(listen) : null;
      if (closed || !address) return;
      try {
        server = await startConsoleServer({ kiosk, rendererDir, ...address, ...(logError ? { logError } : {}) });
        events.started?.(server);
      } catch (error) {
        events.failed?.(error, listen);
      }
    });
    return applying;
  };
  const consoleOf = (config: KioskConfig) =>
    JSON.stringify({ ...config.console, listen: listenOverride ?? config.console.listen });
  kiosk.settings.onApplied((previous, next) => {
    if (!closed && consoleOf(previous) !== consoleOf(next)) void restart();
  });
  await restart();
  return {
    current: () => server,
    async close() {
      closed = true;
      await restart();
    },
  };
}
