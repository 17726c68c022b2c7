// The browser-mode server against raw sockets on 127.0.0.1: oversized, slow and aborted requests.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/browser/server';
import { makeTempDir } from '../../helpers/temp-dir';
import { manualClock, openTestKiosk } from '../../helpers/kiosk';

const servers: BrowserServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: { timeouts?: { headersMs: number; requestMs: number } } = {}) {
  const logged: unknown[] = [];
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
  const server = await startBrowserServer({
    kiosk,
    rendererDir: makeTempDir(),
    port: 0,
    logError: (error) => logged.push(error),
    ...options,
  });
  servers.push(server);
  return { server, logged };
}

/** A raw connection: what it received when the server closed it (or the test ended it). */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => undefined);
  const firstData = new Promise<string>((resolve) => socket.once('data', () => resolve(received)));
  return { socket, closed, firstData, ready: new Promise<void>((resolve) => socket.once('connect', () => resolve())) };
}

function apiHead(server: BrowserServer, contentLength: number | string) {
  return [
    'POST /api/notice.current HTTP/1.1',
    `Host: 127.0.0.1:${server.port}`,
    'Content-Type: application/json',
    `x-kiosk-token: ${server.token}`,
    'x-kiosk-terminal: test-terminal-00000001',
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');
}

describe('browser mode server', () => {
  it('answers 413 to a declared Content-Length over the limit before reading the body, and closes', async () => {
    const { server } = await start();
    const client = connect(server.port);
    await client.ready;
    // Only the headers and one byte of the promised 10 MB: the answer must not wait for the rest.
    client.socket.write(`${apiHead(server, 10_000_000)}{`);
    const answer = await client.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it.each(['-1', '1e9', 'abc'])('refuses a Content-Length of %s', async (length) => {
    const { server } = await start();
    const client = connect(server.port);
    await client.ready;
    client.socket.write(apiHead(server, length));
    expect(await client.closed).toMatch(/^HTTP\/1\.1 (400|413) /);
  });

  it('answers 413 to a chunked body once it passes the limit, without reading the rest', async () => {
    const { server } = await start();
    const client = connect(server.port);
    await client.ready;
    const head = apiHead(server, 0).replace('Content-Length: 0', 'Transfer-Encoding: chunked');
    const chunk = 'x'.repeat(70 * 1024);
    client.socket.write(`${head}${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(await client.firstData).toMatch(/^HTTP\/1\.1 413 /);
    client.socket.destroy();
  });

  it('still answers a body within the limit', async () => {
    const { server } = await start();
    const client = connect(server.port);
    await client.ready;
    client.socket.write(`${apiHead(server, 2)}{}`);
    expect(await client.firstData).toMatch(/^HTTP\/1\.1 200 /);
    client.socket.destroy();
  });

  it('cuts off a client that never finishes its headers (slowloris)', async () => {
    const { server } = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const client = connect(server.port);
    await client.ready;
    client.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: `);
    // The server closes the connection itself; the test only waits for that.
    expect(await client.closed).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('cuts off a client that never finishes its body', async () => {
    const { server } = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const client = connect(server.port);
    await client.ready;
    client.socket.write(`${apiHead(server, 100)}{"a":`);
    expect(await client.closed).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('logs nothing for a request whose client went away mid-body', async () => {
    const { server, logged } = await start();
    for (let i = 0; i < 5; i += 1) {
      const client = connect(server.port);
      await client.ready;
      client.socket.write(`${apiHead(server, 100)}{"a":`);
      client.socket.destroy();
      await client.closed;
    }
    await server.close(); // waits for every connection to be done with
    expect(logged).toEqual([]);
  });
});
