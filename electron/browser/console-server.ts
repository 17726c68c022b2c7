import https from 'node:https';
import type http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import os from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import { api } from '../../shared/api/contract';
import { consoleUrl, isWildcardHost } from '../../shared/console-address';
import { fail, ok } from '../../shared/result';
import type { EnrolledDevice } from '../core/devices/device-service';
import type { Kiosk } from '../core/kiosk';
import { deviceTerminal } from '../core/devices/screen';
import { UserError } from '../core/user-error';
import { createShellRoutes, DEFAULT_TIMEOUTS, sendJson, sendText, timeoutOptions } from './server';

/** `__Host-`: the browser keeps it only if Secure, for this host alone, on path /. */
export const DEVICE_COOKIE = '__Host-kiosk-device';
export const LIVE_PATH = '/live';
/** The close code a revoked device's live connection ends with: its page goes back to enrolment. */
export const REVOKED_CLOSE_CODE = 4401;
const COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;
const HSTS = 'max-age=31536000';

// How long a request under way when the console stops may take to be answered.
const ANSWER_GRACE_MS = 2_000;

export interface ConsoleServer {
  url: string;
  host: string;
  port: number;
  fingerprint: string;
  close(): Promise<void>;
}

export interface ConsoleServerOptions {
  kiosk: Kiosk;
  rendererDir: string;
  host: string;
  /** 0 picks any free port (tests). */
  port: number;
  logError?: (error: unknown) => void;
  timeouts?: { headersMs: number; requestMs: number };
}

/** The device credential from the Cookie header, if there is exactly one. */
export function deviceCredentialOf(cookieHeader: string | undefined): string | undefined {
  const values = (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${DEVICE_COOKIE}=`))
    .map((part) => part.slice(DEVICE_COOKIE.length + 1));
  return values.length === 1 ? values[0] : undefined;
}

/** The Host values staff may reach the console by: its names and, listening on all, this machine's addresses. */
export function consoleHostNames(kiosk: Kiosk, host: string): string[] {
  const names = new Set(kiosk.config.console.hostNames);
  if (!isWildcardHost(host)) names.add(host);
  else {
    names.add(os.hostname());
    for (const addresses of Object.values(os.networkInterfaces()))
      for (const address of addresses ?? []) if (address.family === 'IPv4') names.add(address.address);
  }
  return [...names];
}

/**
 * The staff console: the same routes as the browser mode, over HTTPS (TLS 1.2 or newer) for the office
 * network. The caller is an enrolled device, by its cookie; Host and Origin must be the console's own.
 */
export async function startConsoleServer({
  kiosk,
  rendererDir,
  host,
  port,
  logError = (error) => console.error('[console]', error),
  timeouts = DEFAULT_TIMEOUTS,
}: ConsoleServerOptions): Promise<ConsoleServer> {
  const certificate = await kiosk.console.certificate();
  let allowedHosts = new Set<string>();
  const isOwnHost = (value: unknown) => typeof value === 'string' && allowedHosts.has(value.toLowerCase());
  const isOwnOrigin = (value: unknown) =>
    typeof value === 'string' && value.startsWith('https://') && isOwnHost(value.slice('https://'.length));

  async function deviceOf(request: http.IncomingMessage): Promise<EnrolledDevice | null> {
    return kiosk.devices.authenticate(deviceCredentialOf(request.headers.cookie));
  }

  const routes = createShellRoutes({
    kiosk,
    rendererDir,
    logError,
    mediaNeedsScreen: true,
    resolveScreen: async (request) => {
      const device = await deviceOf(request);
      if (!device) return { refuse: 'device.notEnrolled', status: 401 };
      return {
        terminal: deviceTerminal(device.id),
        screen: { kind: device.kind, deviceId: device.id, name: device.name },
      };
    },
    ownChannels: {
      'devices.enroll': async (_request, response, input) => {
        const parsed = api['devices.enroll'].input.safeParse(input);
        if (!parsed.success) return sendJson(response, 200, fail('device.codeWrong'));
        try {
          const { device, credential } = await kiosk.devices.enroll(parsed.data.code);
          response.setHeader(
            'set-cookie',
            `${DEVICE_COOKIE}=${credential}; Path=/; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; Secure; SameSite=Strict`,
          );
          sendJson(response, 200, ok({ kind: device.kind }));
        } catch (error) {
          if (error instanceof UserError) return sendJson(response, 200, { ok: false, error: error.apiError });
          throw error;
        }
      },
    },
  });

  let stopping = false;
  const answering = new Set<http.ServerResponse>();
  const server = https.createServer(
    { cert: certificate.cert, key: certificate.key, minVersion: 'TLSv1.2', ...timeoutOptions(timeouts) },
    (request, response) => {
      response.setHeader('strict-transport-security', HSTS);
      // Stopping: a kept-alive connection gets no further request answered, and is closed.
      if (stopping) {
        response.setHeader('connection', 'close');
        return sendText(response, 503, 'The console is stopping');
      }
      answering.add(response);
      response.once('close', () => answering.delete(response));
      if (!isOwnHost(request.headers.host)) return sendText(response, 421, 'Misdirected request');
      if (request.headers.origin !== undefined && !isOwnOrigin(request.headers.origin))
        return sendText(response, 403, 'Forbidden origin');
      routes(request, response);
    },
  );

  // Live updates: a desk's lists load again within a moment of a sign-in anywhere. No personal data
  // travels here; the page loads it through the API with its own access.
  const live = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  const socketsByDevice = new Map<number, Set<WebSocket>>();
  const refuseUpgrade = (socket: Socket, status: string) => {
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
  };
  server.on('upgrade', (request: http.IncomingMessage, socket: Socket, head: Buffer) => {
    void (async () => {
      if (new URL(request.url ?? '/', 'https://console').pathname !== LIVE_PATH)
        return refuseUpgrade(socket, '404 Not Found');
      if (!isOwnHost(request.headers.host)) return refuseUpgrade(socket, '421 Misdirected Request');
      if (!isOwnOrigin(request.headers.origin)) return refuseUpgrade(socket, '403 Forbidden');
      const device = await deviceOf(request);
      if (!device) return refuseUpgrade(socket, '401 Unauthorized');
      live.handleUpgrade(request, socket, head, (ws) => {
        const sockets = socketsByDevice.get(device.id) ?? new Set();
        socketsByDevice.set(device.id, sockets.add(ws));
        const unsubscribe = kiosk.live.subscribe((event) => ws.send(JSON.stringify(event)));
        ws.on('close', () => {
          unsubscribe();
          sockets.delete(ws);
        });
        ws.on('error', () => ws.terminate());
        ws.on('message', () => undefined); // the page has nothing to say here
      });
    })().catch((error: unknown) => {
      logError(error);
      socket.destroy();
    });
  });
  const stopRevokes = kiosk.devices.onRevoke((deviceId) => {
    for (const ws of socketsByDevice.get(deviceId) ?? []) ws.close(REVOKED_CLOSE_CODE, 'revoked');
  });
  // A plain-HTTP request or a failed handshake ends the connection; nothing to log.
  server.on('tlsClientError', (_error, socket) => socket.destroy());

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    stopRevokes(); // a console that never listened leaves no listener behind (the runner may try again)
    throw error;
  }
  const boundPort = (server.address() as AddressInfo).port;
  kiosk.console.listening(boundPort);
  allowedHosts = new Set(
    consoleHostNames(kiosk, host).flatMap((name) => {
      const lower = name.toLowerCase();
      return boundPort === 443 ? [lower, `${lower}:443`] : [`${lower}:${boundPort}`];
    }),
  );

  return {
    url: consoleUrl(host, boundPort),
    host,
    port: boundPort,
    fingerprint: certificate.fingerprint,
    close: () =>
      new Promise((resolve) => {
        stopRevokes();
        kiosk.console.listening(null);
        for (const ws of live.clients) ws.terminate();
        live.close();
        // No new connection or request from now on; a request under way (the very save that switched
        // the console off) gets its answer first, with its connection closed after it, and whatever
        // is still open after the grace goes.
        stopping = true;
        for (const response of answering) if (!response.headersSent) response.setHeader('connection', 'close');
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), ANSWER_GRACE_MS).unref();
      }),
  };
}
