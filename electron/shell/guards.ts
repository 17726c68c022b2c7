// Security decisions of the shells, as small pure functions that take untrusted values: tested with
// hostile input in plain vitest, no Electron or server needed.
import { timingSafeEqual } from 'node:crypto';
import path from 'node:path';

export const APP_PROTOCOL = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_PROTOCOL}://${APP_HOST}`;

// Moved to electron/common so the core can use it without importing a shell; re-exported for the shells.
export { resolveInside } from '../common/path-inside';

/** Only the loopback names of our own port: a DNS-rebinding page on another name is refused. */
export function isAllowedHost(host: unknown, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** No Origin (a same-origin GET, curl) or exactly our own origin. */
export function isAllowedOrigin(origin: unknown, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokensMatch(expected: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Electron: the only page the window may show is our own, from the app protocol. */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === `${APP_PROTOCOL}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Electron IPC: accept a message only from our own page in the top-level frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url);
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' media:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
