import type { AddressInfo, Server } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../shared/config';
import { callers, manualClock, openTestKiosk } from '../../helpers/kiosk';

const servers: SMTPServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A real SMTP server on 127.0.0.1; `received` keeps each mail's recipients and text. */
async function startSmtpServer(options: SMTPServerOptions = {}) {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), data });
        callback();
      });
    },
    ...options,
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return { port, received };
}

const email = (port: number, more: Record<string, unknown> = {}) => ({
  host: '127.0.0.1',
  port,
  tls: 'opportunistic' as const,
  from: 'kiosk@ploum.nl',
  to: ['it@ploum.nl'],
  ...more,
});

async function kioskWithMail(mail: ReturnType<typeof email> | null) {
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:15:00Z'), config: defaultConfig });
  if (mail) {
    const saved = await kiosk.router.invoke(
      'settings.save',
      { changes: [{ key: 'alerts.email', value: mail }] },
      callers.admin,
    );
    expect(saved).toMatchObject({ ok: true, value: { outcome: 'saved' } });
  }
  return kiosk;
}

describe('a test mail through the mail settings, against a real SMTP server', () => {
  it('reaches the server with the settings just saved, no restart', async () => {
    const smtp = await startSmtpServer();
    const kiosk = await kioskWithMail(email(smtp.port));
    const outcome = await kiosk.router.invoke('settings.testMail', {}, callers.admin);
    expect(outcome).toEqual({ ok: true, value: { sent: true, to: ['it@ploum.nl'] } });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['it@ploum.nl']);
    expect(smtp.received[0]!.data).toMatch(/This test mail shows the kiosk can mail its alarms/);
  });

  it("reports a refused login in the server's own words, and never shows the password back", async () => {
    const smtp = await startSmtpServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: false,
      onAuth: (_auth, _session, callback) => callback(new Error('Invalid username or password')),
    });
    const kiosk = await kioskWithMail(email(smtp.port, { user: 'kiosk', password: 'geheim-wachtwoord' }));
    const outcome = await kiosk.router.invoke('settings.testMail', {}, callers.admin);
    expect(outcome).toMatchObject({
      ok: true,
      value: {
        sent: false,
        reason: 'failed',
        stage: 'login',
        serverMessage: expect.stringMatching(/535.*Invalid username or password/),
      },
    });
    const shown = await kiosk.router.invoke('settings.show', {}, callers.admin);
    expect(JSON.stringify(shown)).not.toContain('geheim-wachtwoord');
    expect(JSON.stringify(await kiosk.audit.list())).not.toContain('geheim-wachtwoord');
  });

  it('reports a refused recipient with the server’s answer', async () => {
    const smtp = await startSmtpServer({
      onRcptTo: (_address, _session, callback) => callback(new Error('No such mailbox here')),
    });
    const kiosk = await kioskWithMail(email(smtp.port));
    const outcome = await kiosk.router.invoke('settings.testMail', {}, callers.admin);
    expect(outcome).toMatchObject({
      ok: true,
      value: { sent: false, stage: 'recipient', serverMessage: expect.stringMatching(/No such mailbox here/) },
    });
    expect(smtp.received).toEqual([]);
  });

  it('reports a server that cannot do the TLS the settings require', async () => {
    const smtp = await startSmtpServer();
    const kiosk = await kioskWithMail(email(smtp.port, { tls: 'starttls' }));
    const outcome = await kiosk.router.invoke('settings.testMail', {}, callers.admin);
    expect(outcome).toMatchObject({ ok: true, value: { sent: false, stage: 'tls' } });
    expect(smtp.received).toEqual([]);
  });

  it('says when no mail server is set', async () => {
    const kiosk = await kioskWithMail(null);
    expect(await kiosk.router.invoke('settings.testMail', {}, callers.admin)).toEqual({
      ok: true,
      value: { sent: false, reason: 'notConfigured' },
    });
  });
});
