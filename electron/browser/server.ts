import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import {
  API_PATH_PREFIX,
  BACKGROUND_HEADER,
  MEDIA_PATH_PREFIX,
  TOKEN_FRAGMENT_KEY,
  TOKEN_HEADER,
} from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/result';
import type { Kiosk } from '../core/kiosk';
import { createScreenIdentities } from './screen-identity';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  isAllowedHost,
  isAllowedOrigin,
  resolveInside,
  tokensMatch,
} from '../shell/guards';

const MAX_BODY_BYTES = 64 * 1024;
// Channels whose input may be larger: the expected-visitors CSV may have 1,000,000 characters (its
// schema in shared/api/invitations.ts), up to 3 bytes each in UTF-8 and more with JSON's escapes.
const LARGE_BODY_BYTES: Record<string, number> = { 'invitations.addCsv': 4 * 1024 * 1024 };
const bodyLimitOf = (channel: string) => LARGE_BODY_BYTES[channel] ?? MAX_BODY_BYTES;
const LOOPBACK = '127.0.0.1';
/** A client that sends its headers or its request this slowly is cut off (slowloris). */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };

export interface BrowserServer {
  /** The address to open, with the per-launch token in the fragment. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  kiosk: Kiosk;
  rendererDir: string;
  /** 0 picks any free port. */
  port?: number;
  logError?: (error: unknown) => void;
  timeouts?: { headersMs: number; requestMs: number };
}

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

function sendJson(response: http.ServerResponse, status: number, body: Result<unknown>) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function sendText(response: http.ServerResponse, status: number, text: string) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

/** The client went away mid-request: nothing to answer, nothing to log. */
export class ClientGone extends Error {}

const CLIENT_GONE_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

function isClientGone(error: unknown): boolean {
  return error instanceof ClientGone || CLIENT_GONE_CODES.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/** The body, or null when it is over the limit: then reading stops and the connection closes after the 413. */
function readBody(request: http.IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      chunks.push(chunk);
      if (size > limit) {
        request.off('data', onData);
        request.pause();
        resolve(null);
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', (error) => reject(isClientGone(error) ? new ClientGone() : error));
  });
}

/** A declared length over the limit is refused before a byte of the body is read. */
function declaresTooLong(request: http.IncomingMessage, limit: number): boolean {
  const declared = request.headers['content-length'];
  return declared !== undefined && !(/^\d{1,15}$/.test(declared) && Number(declared) <= limit);
}

function refuseTooLarge(response: http.ServerResponse) {
  // The unread body would otherwise be taken for the next request on this connection.
  response.setHeader('connection', 'close');
  sendJson(response, 413, fail('field.invalid'));
}

/**
 * Browser mode: the built renderer and the same router as Electron, on 127.0.0.1 only. Every API
 * call needs the per-launch token; Host and Origin must be our own, against DNS rebinding and
 * cross-site requests.
 */
export async function startBrowserServer({
  kiosk,
  rendererDir,
  port = 0,
  logError = (error) => console.error('[browser-mode]', error),
  timeouts = DEFAULT_TIMEOUTS,
}: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(32).toString('base64url');
  let boundPort = port;
  const screens = createScreenIdentities({ clock: kiosk.clock });

  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, channel: string) {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
    if (!tokensMatch(token, request.headers[TOKEN_HEADER])) return sendJson(response, 401, fail('api.unauthenticated'));
    if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, fail('field.invalid'));
    }
    const limit = bodyLimitOf(channel);
    if (declaresTooLong(request, limit)) return refuseTooLarge(response);
    const body = await readBody(request, limit);
    if (body === null) return refuseTooLarge(response);
    let input: unknown;
    try {
      input = JSON.parse(body || '{}');
    } catch {
      return sendJson(response, 400, fail('field.invalid'));
    }
    // The screen is the one the server issued with the page (its cookie), not a header the page sets.
    const terminal = screens.resolve(request.headers.cookie);
    if (terminal === null) return sendJson(response, 401, fail('api.unauthenticated'));
    const result = await kiosk.handle(`page:${terminal}`, channel, input, {
      background: request.headers[BACKGROUND_HEADER] === '1',
    });
    const status = !result.ok && result.error.key === 'api.unknownChannel' ? 404 : 200;
    sendJson(response, status, result);
  }

  /** Footage playback: the ticket (from `footage.playback`, security only) is the key; ranges for seeking. */
  async function handleMedia(request: http.IncomingMessage, response: http.ServerResponse, ticket: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const answer = await kiosk.media.respond(ticket, request.headers.range);
    if (!answer.body)
      return sendText(response, answer.status, answer.status === 416 ? 'Range not satisfiable' : 'Not found');
    response.writeHead(answer.status, { ...SECURITY_HEADERS, ...answer.headers });
    if (request.method === 'HEAD') {
      answer.body.destroy(); // closes the file
      return response.end();
    }
    // From the handle the core opened and checked; a client that goes away closes the file.
    pipeline(answer.body, response, (error) => {
      if (error && !isClientGone(error)) logError(error);
    });
  }

  function handleStatic(request: http.IncomingMessage, response: http.ServerResponse, pathname: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const file = resolveInside(rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return sendText(response, 404, 'Not found');
    // The page is where a screen gets its id: every API call it makes then carries it in a cookie.
    let screenCookie: Record<string, string> = {};
    if (file.endsWith('.html')) {
      const screen = screens.forPage(request.headers.cookie);
      if (!screen) return sendText(response, 503, 'Too many new screens just now; try again in a minute');
      if (screen.setCookie) screenCookie = { 'set-cookie': screen.setCookie };
    }
    fs.readFile(file, (error, content) => {
      if (error) return sendText(response, 404, 'Not found');
      response.writeHead(200, { ...SECURITY_HEADERS, ...screenCookie, 'content-type': contentTypeOf(file) });
      response.end(request.method === 'HEAD' ? undefined : content);
    });
  }

  const server = http.createServer(
    {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      // How often Node looks for requests past those limits (its default is every 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(timeouts.headersMs, 1000) / 2),
    },
    (request, response) => {
      void (async () => {
        if (!isAllowedHost(request.headers.host, boundPort)) return sendText(response, 421, 'Misdirected request');
        if (!isAllowedOrigin(request.headers.origin, boundPort)) return sendText(response, 403, 'Forbidden origin');
        const pathname = new URL(request.url ?? '/', `http://${LOOPBACK}`).pathname;
        if (pathname.startsWith(API_PATH_PREFIX))
          return handleApi(request, response, pathname.slice(API_PATH_PREFIX.length));
        if (pathname.startsWith(MEDIA_PATH_PREFIX))
          return handleMedia(request, response, pathname.slice(MEDIA_PATH_PREFIX.length));
        return handleStatic(request, response, pathname);
      })().catch((error: unknown) => {
        if (isClientGone(error)) return void response.destroy();
        logError(error);
        if (!response.headersSent) sendJson(response, 500, fail('internal'));
        else response.destroy();
      });
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  boundPort = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${boundPort}/#${TOKEN_FRAGMENT_KEY}=${token}`,
    port: boundPort,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export const DEFAULT_RENDERER_DIR = path.resolve(import.meta.dirname, '..', 'renderer');
