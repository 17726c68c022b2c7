import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { createKiosk } from '../../../../electron/core/kiosk';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

// The second loopback address, which no other test file listens on: files run side by side, and the
// port of "a mail server that is down" must not be taken by another file's server meanwhile.
const MAIL_HOST = '127.0.0.2';

const HOUR = 60 * 60 * 1000;

interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
async function startSmtpServer(port = 0) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (data += chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, MAIL_HOST, resolve));
  const address = (server as unknown as { server: net.Server }).server.address() as AddressInfo;
  const smtp = {
    received,
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(smtp);
  return smtp;
}
const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A port nothing listens on: a mail server that is down. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, MAIL_HOST, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const withAlerts = (port: number, config: KioskConfig = defaultConfig): KioskConfig => ({
  ...config,
  alerts: {
    email: {
      host: MAIL_HOST,
      port,
      tls: 'opportunistic',
      from: 'kiosk@ploum.nl',
      to: ['it@ploum.nl', 'privacy@ploum.nl'],
    },
  },
});

/** The mail's text part, with quoted-printable soft line breaks undone. */
const bodyOf = (mail: ReceivedMail | undefined) =>
  (mail?.data ?? '')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('the alarm mail, against a real SMTP server', () => {
  it('mails a problem when it starts, not again the same day, again after 24 hours, and when it is resolved', async () => {
    const smtp = await startSmtpServer();
    const clock = manualClock('2026-03-01T10:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: withAlerts(smtp.port) });
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
    await kiosk.retention.run();
    // The notice promises 4 weeks of footage at most, and no root is configured: a problem from the start.
    expect(await kiosk.alerts.check()).toBe('sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'kiosk@ploum.nl', to: ['it@ploum.nl', 'privacy@ploum.nl'] });
    expect(bodyOf(smtp.received[0])).toMatch(
      /Nieuw:\r?\n- \[footageNotEnforced\][\s\S]*New:\r?\n- \[footageNotEnforced\]/,
    );

    clock.set('2026-11-24T10:00:00Z'); // a clock nine months on: the purge is blocked
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    expect(await kiosk.alerts.check()).toBe('sent');
    expect(smtp.received).toHaveLength(2);
    const started = bodyOf(smtp.received[1]);
    expect(started).toMatch(/^Subject: \[Ploum kiosk\] 2 /m);
    expect(started).toMatch(
      /New:\r?\n- \[retentionBlocked:visitPurge\] Since 24\/11\/2026 11:00 the visit purge has erased nothing/,
    );
    expect(started).toMatch(
      /1 visit past the retention period is waiting[\s\S]*Ask an admin to check this computer's clock/,
    );
    expect(started).toMatch(/Still going on:\r?\n- \[footageNotEnforced\]/); // last mailed nine months ago
    // Keys, counts and times only: not the visitor, the staff or the footage folder.
    expect(started).not.toMatch(/Anna|Vries|Ada|Rita/);

    clock.advance(2 * HOUR);
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    expect(await kiosk.alerts.check()).toBe('nothingDue');
    clock.advance(21 * HOUR);
    expect(await kiosk.alerts.check()).toBe('nothingDue');
    expect(smtp.received).toHaveLength(2);

    clock.advance(HOUR); // 24 hours after the first mail about it
    expect(await kiosk.alerts.check()).toBe('sent');
    expect(smtp.received).toHaveLength(3);
    expect(bodyOf(smtp.received[2])).toMatch(/Still going on:\r?\n- \[retentionBlocked:visitPurge\]/);

    expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.admin)).toMatchObject({ ok: true });
    expect(await kiosk.alerts.check()).toBe('sent');
    const resolved = bodyOf(smtp.received[3]);
    expect(resolved).toMatch(/Resolved:\r?\n- \[retentionBlocked:visitPurge\]/);
    expect(resolved).toMatch(/Also still open:\r?\n- \[footageNotEnforced\]/);
    expect(await kiosk.alerts.check()).toBe('nothingDue');
  });

  it('with tls "starttls" (the default) sends nothing in the clear to a server that offers no TLS', async () => {
    const smtp = await startSmtpServer();
    const config = withAlerts(smtp.port);
    const errors: string[] = [];
    const kiosk = await createKiosk({
      dataDir: makeTempDir(),
      config: { ...config, alerts: { email: { ...config.alerts.email!, tls: 'starttls' } } },
      clock: manualClock('2026-11-24T10:00:00Z'),
      logError: (error) => errors.push(String(error)),
    });
    try {
      expect(await kiosk.alerts.check()).toBe('failed');
      expect(smtp.received).toEqual([]);
      expect(errors.join('\n')).toMatch(/STARTTLS/);
    } finally {
      await kiosk.close();
    }
  });

  it('is off without alerts.email', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T10:00:00Z') });
    expect(await kiosk.alerts.check()).toBe('off');
  });

  it('a mail server that is down neither blocks nor fails the scheduled purge; the mail goes at the next check', async () => {
    const port = await closedPort();
    const errors: string[] = [];
    const clock = manualClock('2026-03-01T10:00:00Z');
    const config = withAlerts(port, {
      ...defaultConfig,
      retention: { ...defaultConfig.retention, clockGuardDays: 365 },
    });
    const kiosk = await createKiosk({
      dataDir: makeTempDir(),
      config,
      clock,
      logError: (error, context) => errors.push(`${context}: ${String(error)}`),
    });
    try {
      expect((await kiosk.handle('kiosk', 'visits.signIn', visitor())).ok).toBe(true);
      clock.set('2026-11-24T10:00:00Z');

      // The scheduler makes up the missed purge at start, then checks the alarms after it.
      await kiosk.startBackgroundJobs();
      await kiosk.jobs.settled('visitPurge');
      expect(await kiosk.jobs.lastRun('visitPurge')).toMatchObject({ outcome: 'ok', counts: { erased: 1 } });
      // One check at start, one after each of the two runs (visit purge, automatic sign-out): each fails.
      const mailFailures = () => errors.filter((line) => /alarm mail could not be sent.*ECONNREFUSED/.test(line));
      await expect.poll(() => mailFailures().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
      expect(await kiosk.jobs.lastRun('visitPurge')).toMatchObject({ outcome: 'ok' });

      const smtp = await startSmtpServer(port);
      // A check still queued from the runs may be the one that gets through first.
      expect(['sent', 'nothingDue']).toContain(await kiosk.alerts.check());
      expect(smtp.received).toHaveLength(1);
      expect(bodyOf(smtp.received[0])).toMatch(/New:\r?\n- \[footageNotEnforced\]/);
      // The mail went through: the mail alarm (for the banner) is over, and was never mailed itself.
      expect((await kiosk.health.current()).problems.map((problem) => problem.key)).toEqual(['footageNotEnforced']);
      expect(bodyOf(smtp.received[0])).not.toMatch(/mailFailed/);
    } finally {
      await kiosk.close();
    }
  });
});
