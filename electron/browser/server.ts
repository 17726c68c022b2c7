import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import {
  API_PATH_PREFIX,
  BACKGROUND_HEADER,
  MEDIA_PATH_PREFIX,
  TOKEN_FRAGMENT_KEY,
  TOKEN_HEADER,
} from '../../shared/api/bridge';
import { fail, type Result } from '../../shared/result';
import type { Screen } from '../core/devices/screen';
import type { Kiosk } from '../core/kiosk';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeOf,
  isAllowedHost,
  isAllowedOrigin,
  resolveInside,
  tokensMatch,
} from '../shell/guards';
import { createScreenIdentities } from './screen-identity';

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
  /** A screen in the lobby (a Chromium-kiosk deployment): staff views open only as lobby.staffViews allows. */
  lobby?: boolean;
}

export const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function sendJson(response: http.ServerResponse, status: number, body: Result<unknown>) {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

export function sendText(response: http.ServerResponse, status: number, text: string) {
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

/** Who is calling, as the server resolved it; or the refusal (401) to send instead. */
export type ResolvedScreen =
  | { terminal: string; screen?: Screen }
  | { refuse: 'api.unauthenticated' | 'device.notEnrolled' | 'field.invalid'; status: 400 | 401 };

export interface ShellRoutesOptions {
  kiosk: Kiosk;
  rendererDir: string;
  logError: (error: unknown) => void;
  /** The caller of an API call or a media request, from the request's credential. */
  resolveScreen: (request: http.IncomingMessage) => Promise<ResolvedScreen>;
  /** Whether media needs a resolved screen too (the console's devices: a ticket then plays only on its own), or only its ticket. */
  mediaNeedsScreen: boolean;
  /** API channels the shell answers itself, before any credential (the console's enrolment). */
  ownChannels?: Record<
    string,
    (request: http.IncomingMessage, response: http.ServerResponse, input: unknown) => Promise<void>
  >;
  /** Headers for a page the shell serves (browser mode: the screen id's cookie); null refuses it (503). */
  pageHeaders?: (request: http.IncomingMessage) => Record<string, string> | null;
}

/** The JSON body of an API call; null when an answer (413, 415, 400) has already been sent. */
export async function readJsonInput(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  limit = MAX_BODY_BYTES,
) {
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
    sendJson(response, 415, fail('field.invalid'));
    return null;
  }
  if (declaresTooLong(request, limit)) {
    refuseTooLarge(response);
    return null;
  }
  const body = await readBody(request, limit);
  if (body === null) {
    refuseTooLarge(response);
    return null;
  }
  try {
    return { input: JSON.parse(body || '{}') as unknown };
  } catch {
    sendJson(response, 400, fail('field.invalid'));
    return null;
  }
}

/**
 * The routes both servers share: POST /api/<channel> to the router, /media/<ticket> for footage,
 * and the built renderer. The browser mode and the console differ only in who the caller is.
 */
export function createShellRoutes({
  kiosk,
  rendererDir,
  logError,
  resolveScreen,
  mediaNeedsScreen,
  ownChannels = {},
  pageHeaders = () => ({}),
}: ShellRoutesOptions) {
  async function handleApi(request: http.IncomingMessage, response: http.ServerResponse, channel: string) {
    if (request.method !== 'POST') return sendText(response, 405, 'Method not allowed');
    const own = Object.hasOwn(ownChannels, channel) ? ownChannels[channel] : undefined;
    const resolved = own ? null : await resolveScreen(request);
    if (resolved && 'refuse' in resolved) return sendJson(response, resolved.status, fail(resolved.refuse));
    const read = await readJsonInput(request, response, bodyLimitOf(channel));
    if (!read) return;
    if (own) return own(request, response, read.input);
    const result = await kiosk.handle(resolved!.terminal, channel, read.input, {
      background: request.headers[BACKGROUND_HEADER] === '1',
      ...(resolved!.screen ? { screen: resolved!.screen } : {}),
    });
    const status = !result.ok && result.error.key === 'api.unknownChannel' ? 404 : 200;
    sendJson(response, status, result);
  }

  /** Footage playback: the ticket (from `footage.playback`, security only) is the key; ranges for seeking. */
  async function handleMedia(request: http.IncomingMessage, response: http.ServerResponse, ticket: string) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    let terminal: string | undefined;
    if (mediaNeedsScreen) {
      const resolved = await resolveScreen(request);
      if ('refuse' in resolved) return sendJson(response, resolved.status, fail(resolved.refuse));
      terminal = resolved.terminal;
    }
    const answer = await kiosk.media.respond(ticket, request.headers.range, terminal);
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
    const extraHeaders = file.endsWith('.html') ? pageHeaders(request) : {};
    if (!extraHeaders) return sendText(response, 503, 'Too many new screens just now; try again in a minute');
    fs.readFile(file, (error, content) => {
      if (error) return sendText(response, 404, 'Not found');
      response.writeHead(200, { ...SECURITY_HEADERS, ...extraHeaders, 'content-type': contentTypeOf(file) });
      response.end(request.method === 'HEAD' ? undefined : content);
    });
  }

  /** Answers one request whose Host and Origin the server has already checked. */
  return (request: http.IncomingMessage, response: http.ServerResponse) => {
    void (async () => {
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
  };
}

/** How long a slow client may take over its headers and its request; how often Node checks. */
export const timeoutOptions = (timeouts: { headersMs: number; requestMs: number }) => ({
  headersTimeout: timeouts.headersMs,
  requestTimeout: timeouts.requestMs,
  // How often Node looks for requests past those limits (its default is every 30 s).
  connectionsCheckingInterval: Math.max(50, Math.min(timeouts.headersMs, 1000) / 2),
});

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
  lobby = false,
}: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(32).toString('base64url');
  let boundPort = port;
  const screens = createScreenIdentities({ clock: kiosk.clock });

  const routes = createShellRoutes({
    kiosk,
    rendererDir,
    logError,
    mediaNeedsScreen: false,
    resolveScreen: async (request) => {
      if (!tokensMatch(token, request.headers[TOKEN_HEADER])) return { refuse: 'api.unauthenticated', status: 401 };
      // The screen is the one the server issued with the page (its cookie), not a header the page sets.
      const terminal = screens.resolve(request.headers.cookie);
      if (terminal === null) return { refuse: 'api.unauthenticated', status: 401 };
      return lobby ? { terminal: `page:${terminal}`, screen: { kind: 'lobby' } } : { terminal: `page:${terminal}` };
    },
    // The page is where a screen gets its id: every API call it makes then carries it in a cookie.
    pageHeaders: (request) => {
      const screen = screens.forPage(request.headers.cookie);
      if (!screen) return null;
      const headers: Record<string, string> = {};
      if (screen.setCookie) headers['set-cookie'] = screen.setCookie;
      return headers;
    },
  });

  const server = http.createServer(timeoutOptions(timeouts), (request, response) => {
    if (!isAllowedHost(request.headers.host, boundPort)) return sendText(response, 421, 'Misdirected request');
    if (!isAllowedOrigin(request.headers.origin, boundPort)) return sendText(response, 403, 'Forbidden origin');
    routes(request, response);
  });

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
