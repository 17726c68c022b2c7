import https from 'node:https';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsole, type ConsoleRunner } from '../../../electron/browser/console-runner';
import type { Kiosk } from '../../../electron/core/kiosk';
import { defaultConfig } from '../../../shared/config';
import { callers, manualClock, openTestKiosk } from '../../helpers/kiosk';
import { makeTempDir } from '../../helpers/temp-dir';

const HOST = '127.0.0.2';

let runner: ConsoleRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

/** A port free on HOST now (settings want a real one, not 0). */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, HOST, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The status of GET / with this Host, or the error code when nothing answers. */
function statusFor(port: number, hostHeader: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = https.request(
      {
        host: HOST,
        port,
        path: '/',
        method: 'GET',
        headers: { host: hostHeader },
        rejectUnauthorized: false,
        agent: false,
      },
      (response) => {
        response.resume();
        resolve(response.statusCode!);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    request.end();
  });
}

/** A kiosk whose config in force has the console on `listen`. */
function kioskWithConsole(listen: string, hostNames: string[] = []) {
  return openTestKiosk({
    clock: manualClock('2026-12-07T09:00:00Z'),
    config: { ...defaultConfig, console: { ...defaultConfig.console, listen, hostNames } },
  });
}

async function save(kiosk: Kiosk, changes: { key: string; value: unknown }[]) {
  const saved = await kiosk.router.invoke('settings.save', { changes } as never, callers.admin);
  expect(saved).toMatchObject({ ok: true, value: { outcome: 'saved' } });
}

describe('the console as the settings want it', () => {
  it('stops when switched off, starts again on a new address, and takes new host names without a restart', async () => {
    const first = await freePort();
    const kiosk = await kioskWithConsole(`${HOST}:${first}`, ['kiosk-pc']);
    const events: string[] = [];
    runner = await runConsole(
      { kiosk, rendererDir: makeTempDir(), logError: () => undefined },
      { started: (server) => events.push(`started ${server.port}`), stopped: () => events.push('stopped') },
    );
    expect(await statusFor(first, `kiosk-pc:${first}`)).not.toBe(421);
    expect(await statusFor(first, `other-pc:${first}`)).toBe(421);

    // An admin no longer trusts the office network: off means off, now.
    await save(kiosk, [{ key: 'console.listen', value: null }]);
    await expect.poll(() => statusFor(first, `kiosk-pc:${first}`)).toBe('ECONNREFUSED');
    expect(runner.current()).toBeNull();

    const second = await freePort();
    await save(kiosk, [
      { key: 'console.listen', value: `${HOST}:${second}` },
      { key: 'console.hostNames', value: ['reception-pc'] },
    ]);
    await expect.poll(() => statusFor(second, `reception-pc:${second}`)).not.toBe('ECONNREFUSED');
    expect(await statusFor(second, `reception-pc:${second}`)).not.toBe(421);
    expect(await statusFor(second, `kiosk-pc:${second}`)).toBe(421);
    expect(events).toEqual([`started ${first}`, 'stopped', `started ${second}`]);

    // Closed for good: a later change starts nothing.
    await runner.close();
    await save(kiosk, [{ key: 'console.hostNames', value: ['kiosk-pc'] }]);
    expect(await statusFor(second, `kiosk-pc:${second}`)).toBe('ECONNREFUSED');
    expect(events.at(-1)).toBe('stopped');
  });

  it("keeps browser mode's --console-listen for the run: other saves neither stop nor restart it", async () => {
    const port = await freePort();
    // As browser mode starts it: the flag in the config in force, not in config.json.
    const listen = `${HOST}:${port}`;
    const kiosk = await kioskWithConsole(listen);
    const events: string[] = [];
    runner = await runConsole(
      { kiosk, rendererDir: makeTempDir(), logError: () => undefined, listenOverride: listen },
      { started: () => events.push('started'), stopped: () => events.push('stopped') },
    );
    await save(kiosk, [{ key: 'idle.kioskSeconds', value: 75 }]);
    await save(kiosk, [{ key: 'console.listen', value: null }]);
    expect(await statusFor(port, `${HOST}:${port}`)).not.toBe('ECONNREFUSED');
    expect(events).toEqual(['started']);
  });

  it('answers the save that switches it off (the admin is told it worked), then stops', async () => {
    const port = await freePort();
    const listen = `${HOST}:${port}`;
    const kiosk = await kioskWithConsole(listen);
    runner = await runConsole({ kiosk, rendererDir: makeTempDir(), logError: () => undefined });
    const created = await kiosk.router.invoke('devices.createCode', { name: 'Desk', kind: 'desk' }, callers.operator);
    if (!created.ok) throw new Error(created.error.key);
    const enrolled = await post(port, listen, 'devices.enroll', { code: created.value.code });
    const cookie = enrolled.headers['set-cookie']![0]!.split(';')[0]!;
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Anneke Beheer', role: 'admin', pin: '739164' },
      callers.operator,
    );
    if (!added.ok) throw new Error(added.error.key);
    expect(
      JSON.parse((await post(port, listen, 'staff.unlock', { staffId: added.value.id, pin: '739164' }, cookie)).body),
    ).toMatchObject({ ok: true });
    // A browser keeps its connection for the next request.
    const browser = new https.Agent({ keepAlive: true, rejectUnauthorized: false });
    const saved = await post(
      port,
      listen,
      'settings.save',
      { changes: [{ key: 'console.listen', value: null }] },
      cookie,
      browser,
    );
    expect(JSON.parse(saved.body)).toMatchObject({ ok: true, value: { outcome: 'saved' } });
    // Its connection is not kept for another request.
    expect(saved.headers.connection).toBe('close');
    await expect.poll(() => statusFor(port, listen)).toBe('ECONNREFUSED');
    browser.destroy();
  });
});

/** A POST to the console's API as a page would send it (same Origin), with a device's cookie. */
function post(port: number, host: string, channel: string, body: unknown, cookie?: string, agent?: https.Agent) {
  return new Promise<{ status: number; headers: import('node:http').IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const request = https.request(
        {
          host: HOST,
          port,
          path: `/api/${channel}`,
          method: 'POST',
          rejectUnauthorized: false,
          agent: agent ?? false,
          headers: {
            host,
            origin: `https://${host}`,
            'content-type': 'application/json',
            ...(cookie ? { cookie } : {}),
          },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: text }));
        },
      );
      request.on('error', reject);
      request.end(JSON.stringify(body));
    },
  );
}
