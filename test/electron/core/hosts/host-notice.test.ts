import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { kioskConfigSchema, type KioskConfig } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

interface ReceivedMail {
  to: string[];
  data: string;
}

/** A real SMTP server on 127.0.0.1; it refuses the first `refuse` mails, then keeps what it receives. */
async function startSmtpServer({ refuse = 0 } = {}) {
  const received: ReceivedMail[] = [];
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        if (refused < refuse) {
          refused++;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: net.Server }).server.address() as AddressInfo;
  const smtp = { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  servers.push(smtp);
  return smtp;
}
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const configWith = (port: number, enabled = true): KioskConfig =>
  kioskConfigSchema.parse({
    hostNotice: { enabled },
    alerts: { email: { host: '127.0.0.1', port, tls: 'opportunistic', from: 'kiosk@ploum.nl', to: ['it@ploum.nl'] } },
  });

async function kioskWithHosts(config: KioskConfig) {
  const clock = manualClock('2026-11-27T09:00:00+01:00');
  const kiosk = await openTestKiosk({ clock, config });
  const add = async (name: string, email: string) => {
    const result = await kiosk.router.invoke('hosts.add', { name, email }, callers.admin);
    if (!result.ok) throw new Error(result.error.key);
    return result.value;
  };
  const henk = await add('Henk de Wit', 'henk@ploum.nl');
  for (const name of ['Hendrika Jansen', 'Henri Bakker', 'Stephen Fry', 'Henny Smit', 'Hennie Bos', 'Zhen Li']) {
    await add(name, `${name.split(' ')[0]!.toLowerCase()}@ploum.nl`);
  }
  const gone = await add('Henkie Oud', 'oud@ploum.nl');
  await kiosk.router.invoke('hosts.setActive', { hostId: gone.id, active: false }, callers.admin);
  return { kiosk, clock, henk };
}

async function signIn(kiosk: Awaited<ReturnType<typeof openTestKiosk>>) {
  const result = await kiosk.router.invoke(
    'visits.signIn',
    { firstName: 'Anna', lastName: 'de Vries', company: 'Acme BV', noticeVersion: noticeVersion(kiosk.config) },
    callers.kiosk,
  );
  if (!result.ok) throw new Error(result.error.key);
  return result.value.signOutCode;
}

describe('the host directory and the host notice', () => {
  it('suggests only after three letters, at most five active hosts, first name and last initial', async () => {
    const smtp = await startSmtpServer();
    const { kiosk } = await kioskWithHosts(configWith(smtp.port));
    expect(await kiosk.router.invoke('hosts.suggest', { query: 'he' }, callers.kiosk)).toMatchObject({
      ok: false,
      error: { fields: { query: 'host.queryTooShort' } },
    });
    const result = await kiosk.router.invoke('hosts.suggest', { query: 'hen' }, callers.kiosk);
    expect(result.ok && result.value.map((host) => host.label)).toEqual([
      'Hendrika J.',
      'Henk W.',
      'Hennie B.',
      'Henny S.',
      'Henri B.',
    ]);
    expect(JSON.stringify(result)).not.toContain('@');
    const admin = await kiosk.router.invoke('hosts.list', {}, callers.admin);
    expect(admin.ok && admin.value.find((host) => host.name === 'Henkie Oud')?.active).toBe(false);
    expect(await kiosk.router.invoke('hosts.list', {}, callers.receptionist)).toMatchObject({ ok: false });
    expect(await kiosk.router.invoke('hosts.add', { name: 'X', email: 'not-an-address' }, callers.admin)).toMatchObject(
      { ok: false, error: { fields: { email: 'host.emailInvalid' } } },
    );
  });

  it('mails the host through the alerts SMTP settings; a refused mail is retried and never blocks the sign-in', async () => {
    const smtp = await startSmtpServer({ refuse: 1 });
    const { kiosk, clock, henk } = await kioskWithHosts(configWith(smtp.port));
    const code = await signIn(kiosk);
    expect(await kiosk.router.invoke('hosts.notify', { signOutCode: code, hostId: henk.id }, callers.kiosk)).toEqual({
      ok: true,
      value: null,
    });
    expect(await kiosk.database.all('SELECT host_name FROM visits')).toEqual([{ host_name: 'Henk de Wit' }]);
    // The first try (started by notify) is refused by the server; the mail waits for a retry.
    await expect.poll(() => kiosk.database.get('SELECT attempts FROM host_mails')).toEqual({ attempts: 1 });
    expect(smtp.received).toEqual([]);
    expect(await kiosk.hostMail.deliver()).toEqual({ sent: 0, failed: 0 }); // not due yet
    clock.advance(30_000);
    expect(await kiosk.hostMail.deliver()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['henk@ploum.nl']);
    expect(smtp.received[0]!.data).toContain('Anna of Acme BV is at reception');
    expect(smtp.received[0]!.data).not.toContain('de Vries');
    expect(await kiosk.database.all('SELECT * FROM host_mails')).toEqual([]);
    // Once per visit.
    expect(
      await kiosk.router.invoke('hosts.notify', { signOutCode: code, hostId: henk.id }, callers.kiosk),
    ).toMatchObject({ ok: false, error: { key: 'host.unavailable' } });
  });

  it('an invitation naming a host in the directory tells that host when the visitor arrives', async () => {
    const smtp = await startSmtpServer();
    const { kiosk } = await kioskWithHosts(configWith(smtp.port));
    const add = (hostName: string, firstName: string) =>
      kiosk.router.invoke(
        'invitations.add',
        { date: '2026-11-27', firstName, lastName: 'Jansen', company: 'Acme BV', hostName },
        callers.receptionist,
      );
    const named = await add('henk de wit', 'Piet');
    const unknown = await add('Someone Else', 'Marie');
    for (const [invitation, firstName] of [
      [named, 'Piet'],
      [unknown, 'Marie'],
    ] as const) {
      if (!invitation.ok) throw new Error(invitation.error.key);
      const signedIn = await kiosk.router.invoke(
        'invitations.signIn',
        {
          code: invitation.value.code,
          firstName,
          lastName: 'Jansen',
          company: 'Acme BV',
          noticeVersion: noticeVersion(kiosk.config),
        },
        callers.kiosk,
      );
      expect(signedIn.ok).toBe(true);
    }
    await expect.poll(() => smtp.received.length).toBe(1);
    await kiosk.hostMail.deliver();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['henk@ploum.nl']);
    expect(smtp.received[0]!.data).toContain('Piet of Acme BV is at reception');
  });

  it('a mail server that is down changes nothing for the visitor', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const { kiosk, henk } = await kioskWithHosts(configWith(port));
    const code = await signIn(kiosk);
    expect(
      await kiosk.router.invoke('hosts.notify', { signOutCode: code, hostId: henk.id }, callers.kiosk),
    ).toMatchObject({ ok: true });
    await expect.poll(() => kiosk.database.get('SELECT attempts FROM host_mails')).toEqual({ attempts: 1 });
  });

  it('is off by default: no suggestions, no notice', async () => {
    const smtp = await startSmtpServer();
    const { kiosk, henk } = await kioskWithHosts(configWith(smtp.port, false));
    expect(await kiosk.router.invoke('hosts.suggest', { query: 'henk' }, callers.kiosk)).toEqual({
      ok: true,
      value: [],
    });
    const code = await signIn(kiosk);
    expect(
      await kiosk.router.invoke('hosts.notify', { signOutCode: code, hostId: henk.id }, callers.kiosk),
    ).toMatchObject({ ok: false, error: { key: 'host.unavailable' } });
    expect(await kiosk.database.all('SELECT host_name FROM visits')).toEqual([{ host_name: null }]);
  });
});
