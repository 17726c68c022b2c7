/** `console.listen`: "0.0.0.0:8443", "192.168.1.20:8443" or "kiosk.office.lan:8443". */
export const CONSOLE_LISTEN_PATTERN = /^([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?):(\d{1,5})$/;

export interface ConsoleAddress {
  host: string;
  port: number;
}

export function parseConsoleListen(value: string): ConsoleAddress | null {
  const match = CONSOLE_LISTEN_PATTERN.exec(value);
  if (!match) return null;
  const port = Number(match[2]);
  return port <= 65535 ? { host: match[1]!, port } : null;
}

/** Listening on every address: the Host a browser sends is one of the machine's names, not this. */
export const isWildcardHost = (host: string): boolean => host === '0.0.0.0';

/** The console's address as staff type it: https://HOST:PORT/ (443 left out). */
export function consoleUrl(host: string, port: number): string {
  return port === 443 ? `https://${host}/` : `https://${host}:${port}/`;
}
