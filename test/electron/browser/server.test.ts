// The browser-mode server against raw sockets on 127.0.0.1: oversized, slow and aborted requests.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/browser/server';
import { makeTempDir } from '../../helpers/temp-dir';
import { manualClock, openTestKiosk } from '../../helpers/kiosk';

const servers: BrowserServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function start(options: { timeouts?: { headersMs: number; requestMs: number }; lobby?: boolean } = {}) {
  const logged: unknown[] = [];
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:00:00Z') });
  const rendererDir = makeTempDir();
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<div id="root"></div>');
  const server = await startBrowserServer({
    kiosk,
    rendererDir,
    port: 0,
    logError: (error) => logged.push(error),
    ...options,
  });
  servers.push(server);
  return { server, logged, kiosk, screen: await screenCookie(server) };
}

/** The screen id the server hands out with the page, as the cookie a browser would send back. */
async function screenCookie(server: BrowserServer): Promise<string> {
  const page = await fetch(`http://127.0.0.1:${server.port}/`);
  const cookie = page.headers.get('set-cookie');
  if (!cookie) throw new Error('the page came without a screen id');
  return cookie.split(';')[0]!;
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

function apiHead(server: BrowserServer, contentLength: number | string, screen = '') {
  return [
    'POST /api/notice.current HTTP/1.1',
    `Host: 127.0.0.1:${server.port}`,
    'Content-Type: application/json',
    `x-kiosk-token: ${server.token}`,
    `Cookie: ${screen}`,
    `Content-Length: ${contentLength}`,
    '',
    '',
  ].join('\r\n');
}

describe('browser mode server', () => {
  // A caller with the token and a screen id: since the console shares these routes, who is calling is
  // checked before a byte of the body is read, so the limits are tried by a caller that passes that.
  it('answers 413 to a declared Content-Length over the limit before reading the body, and closes', async () => {
    const { server, screen } = await start();
    const client = connect(server.port);
    await client.ready;
    // Only the headers and one byte of the promised 10 MB: the answer must not wait for the rest.
    client.socket.write(`${apiHead(server, 10_000_000, screen)}{`);
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
    const { server, screen } = await start();
    const client = connect(server.port);
    await client.ready;
    const head = apiHead(server, 0, screen).replace('Content-Length: 0', 'Transfer-Encoding: chunked');
    const chunk = 'x'.repeat(70 * 1024);
    client.socket.write(`${head}${chunk.length.toString(16)}\r\n${chunk}\r\n`);
    expect(await client.firstData).toMatch(/^HTTP\/1\.1 413 /);
    client.socket.destroy();
  });

  it('still answers a body within the limit', async () => {
    const { server, screen } = await start();
    const client = connect(server.port);
    await client.ready;
    client.socket.write(`${apiHead(server, 2, screen)}{}`);
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
    const { server, screen } = await start({ timeouts: { headersMs: 300, requestMs: 600 } });
    const client = connect(server.port);
    await client.ready;
    client.socket.write(`${apiHead(server, 100, screen)}{"a":`);
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

describe('the screen a request comes from', () => {
  const guessCode = (server: BrowserServer, headers: Record<string, string>) =>
    fetch(`http://127.0.0.1:${server.port}/api/invitations.lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': server.token, ...headers },
      body: JSON.stringify({ code: 'ACEFGH23' }),
    }).then(async (response) => ({ status: response.status, body: (await response.json()) as { ok: boolean } }));

  it('is the one the server issued with the page: a made-up terminal header per request escapes no throttle', async () => {
    const { server, screen } = await start();
    // The attack of issue 21: a fresh x-kiosk-terminal on each request.
    const answers = [];
    for (let n = 0; n < 60; n++)
      answers.push(
        await guessCode(server, { 'x-kiosk-terminal': `attacker-${String(n).padStart(16, '0')}`, cookie: screen }),
      );
    expect(
      answers.filter((answer) => answer.body.ok === false && JSON.stringify(answer.body).includes('tooManyTries'))
        .length,
    ).toBeGreaterThan(40);
    // Without an id the server issued, no screen: refused.
    expect((await guessCode(server, { 'x-kiosk-terminal': 'attacker-00000000000000000001' })).status).toBe(401);
    expect((await guessCode(server, { cookie: 'kiosk-screen=' + 'A'.repeat(32) })).status).toBe(401);
  });

  it('new screen ids come only a few a minute', async () => {
    const { server } = await start();
    const pages = [];
    for (let n = 0; n < 30; n++) pages.push((await fetch(`http://127.0.0.1:${server.port}/`)).status);
    expect(pages.filter((status) => status === 503).length).toBeGreaterThan(15);
  });
});

describe('the body limit', () => {
  it('lets a 500 KB expected-visitors CSV through for its channel, and keeps 64 KiB for the others', async () => {
    const { server, kiosk, screen } = await start();
    const account = await kiosk.staff.add('operator', 'Rosa Receptie', 'receptionist', '739164');
    const call = (channel: string, input: unknown) =>
      fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': server.token, cookie: screen },
        body: JSON.stringify(input),
      });
    expect(await (await call('staff.unlock', { staffId: account.id, pin: '739164' })).json()).toMatchObject({
      ok: true,
    });
    const rows = ['voornaam;achternaam;bedrijf'];
    while (rows.join('\n').length < 500_000) rows.push(`Anna;de Vries;${'Bedrijf '.repeat(13).trim()}`);
    const csv = `${rows.join('\n')}\n`;
    const file = Buffer.from(csv, 'utf8').toString('base64');
    const imported = await call('invitations.addCsv', { date: '2026-11-25', file });
    expect(imported.status).toBe(200);
    const body = (await imported.json()) as { ok: boolean; value: { invitations: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.value.invitations).toHaveLength(rows.length - 1);
    expect((await call('notice.current', { padding: 'x'.repeat(70 * 1024) })).status).toBe(413);
  }, 120_000);
});

describe('browser mode as a lobby screen (--lobby)', () => {
  it('opens only the lobby views to staff, as on the Electron window; without the flag every view of the role', async () => {
    for (const lobby of [true, false]) {
      const { server, kiosk, screen } = await start({ lobby });
      const admin = await kiosk.staff.add('operator', `Ada Admin ${String(lobby)}`, 'admin', '739164');
      const call = async (channel: string, input: unknown) =>
        (await (
          await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-kiosk-token': server.token, cookie: screen },
            body: JSON.stringify(input),
          })
        ).json()) as { ok: boolean; error?: { key: string } };
      expect(await call('staff.unlock', { staffId: admin.id, pin: '739164' })).toMatchObject({ ok: true });
      expect(await call('visits.today', {})).toMatchObject({ ok: true });
      expect(await call('visits.evacuation', {})).toMatchObject({ ok: true });
      for (const closed of ['staff.list', 'audit.list', 'settings.show', 'footage.overview'])
        expect(await call(closed, {}), `${closed} with lobby ${String(lobby)}`).toMatchObject(
          lobby ? { ok: false, error: { key: 'lobby.viewClosed' } } : { ok: true },
        );
    }
  });
});
