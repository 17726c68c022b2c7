import os from 'node:os';
import type { ConsoleInfo } from '../../../shared/api/devices';
import { consoleUrl, isWildcardHost, parseConsoleListen } from '../../../shared/console-address';
import type { KioskConfig } from '../../../shared/config';
import type { Clock } from '../clock';
import { loadConsoleCertificate, type ConsoleCertificate } from './certificate';

/** The console's address and certificate, as the kiosk's configuration and data folder say. */
export function createConsoleService({
  dataDir,
  config,
  clock,
  enrolmentClosed,
}: {
  dataDir: string;
  config: KioskConfig;
  clock: Clock;
  enrolmentClosed: () => Promise<boolean>;
}) {
  let certificate: { key: string; loading: Promise<ConsoleCertificate> } | null = null;
  // The port the server actually bound (listen port 0 in tests), once it has.
  let boundPort: number | null = null;
  const listen = () => (config.console.listen ? parseConsoleListen(config.console.listen) : null);

  /** The name staff type: the first of console.hostNames, else the listen address, else this machine's name. */
  function url(): string | null {
    const address = listen();
    if (!address) return null;
    const host = config.console.hostNames[0] ?? (isWildcardHost(address.host) ? os.hostname() : address.host);
    return consoleUrl(host, boundPort ?? address.port);
  }

  const service = {
    url,
    /**
     * Loaded once per certificate setting and set of names, so a changed console.tls takes effect at the
     * next start (a certificate the kiosk generated is kept once made: new names do not change it).
     */
    certificate(): Promise<ConsoleCertificate> {
      const address = listen();
      const wanted = {
        tls: config.console.tls,
        altNames: [...config.console.hostNames, ...(address && !isWildcardHost(address.host) ? [address.host] : [])],
      };
      const key = JSON.stringify(wanted);
      if (!certificate || certificate.key !== key) {
        const loading = loadConsoleCertificate({ dataDir, clock, ...wanted });
        certificate = { key, loading };
        // A failed load is tried again next time, not remembered.
        loading.catch(() => {
          if (certificate?.loading === loading) certificate = null;
        });
      }
      return certificate.loading;
    },
    /** Called by the console server once it listens (its port), and when it stops (null). */
    listening(port: number | null) {
      boundPort = port;
    },
    async info(): Promise<ConsoleInfo> {
      return {
        listen: config.console.listen,
        url: url(),
        fingerprint: config.console.listen ? (await service.certificate()).fingerprint : null,
        enrolmentClosed: await enrolmentClosed(),
      };
    },
  };
  return service;
}

export type ConsoleService = ReturnType<typeof createConsoleService>;
