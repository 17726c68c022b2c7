// Issue 20: a mail that cannot be sent raises its own alarm, with the server's error, and clears when
// a mail goes through; alerts.email.ca trusts a self-signed or internal-CA server; every mail says it
// was sent automatically. Against a real SMTP server on 127.0.0.1.
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import selfsigned from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const servers: SMTPServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A real SMTP server on 127.0.0.1 keeping what it receives, with the given options (TLS, login). */
async function startSmtpServer(options: SMTPServerOptions = {}, port = 0) {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    ...options,
    onData(stream, _session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push(data);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  servers.push(server);
  const address = (server as unknown as { server: net.Server }).server.address() as AddressInfo;
  return { received, port: address.port };
}

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const withEmail = (email: Partial<NonNullable<KioskConfig['alerts']['email']>> & { port: number }): KioskConfig => ({
  ...defaultConfig,
  alerts: {
    email: { host: '127.0.0.1', tls: 'opportunistic', from: 'kiosk@ploum.nl', to: ['it@ploum.nl'], ...email },
  },
});

async function mailAlarm(kiosk: Awaited<ReturnType<typeof openTestKiosk>>) {
  return (await kiosk.health.current()).problems.find((problem) => problem.key === 'mailFailed');
}

describe('a mail that cannot be sent', () => {
  it('raises its own alarm with the server down, and clears it when a mail goes through', async () => {
    const port = await closedPort();
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: withEmail({ port }) });
    expect(await mailAlarm(kiosk)).toBeUndefined();
    expect(await kiosk.alerts.check()).toBe('failed');
    expect(await mailAlarm(kiosk)).toMatchObject({
      params: { error: expect.stringMatching(/ECONNREFUSED 127\.0\.0\.1/) },
      since: Date.parse('2026-11-24T10:00:00Z'),
    });
    clock.advance(3_600_000);
    expect(await kiosk.alerts.check()).toBe('failed');
    expect((await mailAlarm(kiosk))?.since).toBe(Date.parse('2026-11-24T10:00:00Z')); // since the first failure

    const smtp = await startSmtpServer({}, port);
    expect(await kiosk.alerts.check()).toBe('sent');
    expect(await mailAlarm(kiosk)).toBeUndefined();
    expect(smtp.received[0]).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
  });

  it('refused TLS: a self-signed server fails with its error until alerts.email.ca names its certificate', async () => {
    const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048 });
    const smtp = await startSmtpServer({ key: pems.private, cert: pems.cert, disabledCommands: ['AUTH'] });
    const clock = manualClock('2026-11-24T10:00:00Z');
    const dataDir = makeTempDir();
    const untrusting = await openTestKiosk({ clock, dataDir, config: withEmail({ port: smtp.port, tls: 'starttls' }) });
    expect(await untrusting.alerts.check()).toBe('failed');
    expect(await mailAlarm(untrusting)).toMatchObject({ params: { error: expect.stringMatching(/self-signed/) } });
    expect(smtp.received).toEqual([]);
    await untrusting.close();

    const ca = path.join(makeTempDir('ca-'), 'mail-server.pem');
    fs.writeFileSync(ca, pems.cert);
    const trusting = await openTestKiosk({
      clock,
      dataDir,
      config: withEmail({ port: smtp.port, tls: 'starttls', ca }),
    });
    expect(await trusting.alerts.check()).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(await mailAlarm(trusting)).toBeUndefined();
  });

  it('refused login: the alarm carries the server’s answer', async () => {
    const smtp = await startSmtpServer({
      disabledCommands: ['STARTTLS'],
      authOptional: false,
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(new Error('Authentication refused by policy')),
    });
    const kiosk = await openTestKiosk({
      clock: manualClock('2026-11-24T10:00:00Z'),
      config: withEmail({ port: smtp.port, user: 'kiosk', password: 'wrong' }),
    });
    expect(await kiosk.alerts.check()).toBe('failed');
    expect(await mailAlarm(kiosk)).toMatchObject({ params: { error: expect.stringMatching(/Invalid login/) } });
  });

  it('a missing ca file is a failed mail with its alarm, not a kiosk that does not start', async () => {
    const smtp = await startSmtpServer();
    const kiosk = await openTestKiosk({
      clock: manualClock('2026-11-24T10:00:00Z'),
      config: withEmail({ port: smtp.port, ca: path.join(makeTempDir(), 'missing.pem') }),
    });
    expect(await kiosk.alerts.check()).toBe('failed');
    expect(await mailAlarm(kiosk)).toMatchObject({
      params: { error: expect.stringMatching(/alerts\.email\.ca.*ENOENT/) },
    });
  });
});
