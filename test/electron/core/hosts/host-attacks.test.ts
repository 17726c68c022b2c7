// The host directory and the follow-ups of a sign-in (badge, host notice) against another screen
// and against a guesser: what issue 21 found, run as attacks.
import net, { type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { noticeVersion } from '../../../../shared/notice';
import { SUGGESTIONS_PER_MINUTE } from '../../../../electron/core/hosts/host-service';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

const config = kioskConfigSchema.parse({ hostNotice: { enabled: true }, badge: { enabled: true } });

async function kioskWith(names: string[]) {
  const clock = manualClock('2026-11-27T09:00:00+01:00');
  const kiosk = await openTestKiosk({ clock, config });
  const ids: number[] = [];
  for (const name of names) {
    const added = await kiosk.router.invoke('hosts.add', { name, email: 'host@ploum.nl' }, callers.admin);
    if (!added.ok) throw new Error(added.error.key);
    ids.push(added.value.id);
  }
  return { kiosk, clock, ids };
}

describe('host suggestions', () => {
  it('tell nothing of a name beyond its label: two directories with other last names answer alike', async () => {
    const first = ['Henk Wouters', 'Anna de Vries', 'Pieter van den Berg'];
    const second = ['Henk Willems', 'Anna de Vos', 'Pieter van den Broek'];
    const a = await kioskWith(first);
    const b = await kioskWith(second);
    // Every piece of every full name, as a guesser rebuilding "henk wouters" from "Henk W." would try.
    const queries = new Set<string>();
    for (const name of [...first, ...second]) {
      const lower = name.toLowerCase();
      for (let start = 0; start < lower.length; start++)
        for (let end = start + 3; end <= lower.length; end++) queries.add(lower.slice(start, end));
    }
    let screen = 0;
    const ask = async (kiosk: typeof a.kiosk, query: string) => {
      // A new screen every few queries: the per-screen limit is tested on its own below.
      const result = await kiosk.handle(`screen-${Math.floor(screen++ / 10)}`, 'hosts.suggest', { query });
      return result.ok ? (result.value as { label: string }[]).map((host) => host.label) : result.error.key;
    };
    const differing: string[] = [];
    for (const query of queries) {
      const [fromA, fromB] = [await ask(a.kiosk, query), await ask(b.kiosk, query)];
      if (JSON.stringify(fromA) !== JSON.stringify(fromB)) differing.push(query);
    }
    expect(differing).toEqual([]);
    expect(await ask(a.kiosk, 'henk w')).toEqual(['Henk W.']);
    expect(await ask(a.kiosk, 'wouters')).toEqual([]);
  }, 120_000);

  it('find a host by first name, and go on finding them as the visitor types the whole name', async () => {
    const { kiosk } = await kioskWith(['Piet Jansen', 'Pieter van den Berg', 'Anna de Vries', 'Anna Bakker']);
    let screen = 0;
    const labels = async (query: string) => {
      const result = await kiosk.handle(`screen-${screen++}`, 'hosts.suggest', { query });
      if (!result.ok) throw new Error(result.error.key);
      return (result.value as { label: string }[]).map((host) => host.label);
    };
    expect(await labels('Piet')).toEqual(['Piet J.', 'Pieter B.']);
    for (const typed of ['Piet J', 'Piet Ja', 'Piet Jansen', 'piet j.'])
      expect(await labels(typed), typed).toEqual(['Piet J.']);
    // A tussenvoegsel says nothing of the initial yet.
    expect(await labels('Anna de')).toEqual(['Anna B.', 'Anna V.']);
    for (const typed of ['Anna de V', 'Anna de Vries', 'anna vries'])
      expect(await labels(typed), typed).toEqual(['Anna V.']);
    expect(await labels('Pieter van den Berg')).toEqual(['Pieter B.']);
    // The last name alone, or another initial, finds nobody: the label shows no more than that.
    expect(await labels('Jansen')).toEqual([]);
    expect(await labels('Piet Smit')).toEqual([]);
  });

  it('are rate-limited per screen', async () => {
    const { kiosk } = await kioskWith(['Henk Wouters']);
    const keys: string[] = [];
    for (let n = 0; n < SUGGESTIONS_PER_MINUTE + 5; n++) {
      const result = await kiosk.handle('lobby', 'hosts.suggest', { query: 'hen' });
      keys.push(result.ok ? 'ok' : result.error.key);
    }
    expect(keys.filter((key) => key === 'ok')).toHaveLength(SUGGESTIONS_PER_MINUTE);
    expect(keys.at(-1)).toBe('host.tooManySuggestions');
    expect(await kiosk.handle('other', 'hosts.suggest', { query: 'hen' })).toMatchObject({ ok: true });
  });
});

describe('the badge and the host notice after a sign-in', () => {
  it('answer only the screen that signed the visitor in; any other screen as for an unknown code', async () => {
    const { kiosk, ids } = await kioskWith(['Henk Wouters']);
    const signedIn = await kiosk.handle('lobby', 'visits.signIn', {
      firstName: 'Anna',
      lastName: 'de Vries',
      company: 'Acme BV',
      noticeVersion: noticeVersion(config),
    });
    if (!signedIn.ok) throw new Error(signedIn.error.key);
    const { signOutCode } = signedIn.value as { signOutCode: string };

    const unknown = await kiosk.handle('thief', 'badges.forSignIn', { signOutCode: 'AAAACC' });
    expect(await kiosk.handle('thief', 'badges.forSignIn', { signOutCode })).toEqual(unknown);
    // Host ids cannot be told apart from another screen: an active host, an unknown one, a wrong code.
    const answers = await Promise.all(
      [ids[0]!, 999].flatMap((hostId) =>
        [signOutCode, 'AAAACC'].map((code) => kiosk.handle('thief', 'hosts.notify', { signOutCode: code, hostId })),
      ),
    );
    for (const answer of answers) expect(answer).toEqual({ ok: false, error: { key: 'host.unavailable' } });

    // The visitor's own screen still gets both.
    expect(await kiosk.handle('lobby', 'badges.forSignIn', { signOutCode })).toMatchObject({
      ok: true,
      value: { firstName: 'Anna' },
    });
    expect(await kiosk.handle('lobby', 'hosts.notify', { signOutCode, hostId: ids[0]! })).toEqual({
      ok: true,
      value: null,
    });
  });
});

/** A real SMTP server on 127.0.0.1 that keeps every mail it receives. */
async function startSmtpServer() {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = (server as unknown as { server: net.Server }).server.address() as AddressInfo;
  smtpServers.push(server);
  return { received, port };
}
const smtpServers: SMTPServer[] = [];
afterEach(async () => {
  for (const server of smtpServers.splice(0)) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('host mail', () => {
  it('at most hostNotice.maxPerHour mails to one host an hour, later arrivals in one summary, nothing typed in the subject or as a link', async () => {
    const smtp = await startSmtpServer();
    const mailConfig = kioskConfigSchema.parse({
      hostNotice: { enabled: true },
      alerts: {
        email: {
          host: '127.0.0.1',
          port: smtp.port,
          tls: 'opportunistic',
          from: 'kiosk@ploum.nl',
          to: ['it@ploum.nl'],
        },
      },
    });
    expect(mailConfig.hostNotice.maxPerHour).toBe(10);
    const clock = manualClock('2026-11-27T09:00:00+01:00');
    const kiosk = await openTestKiosk({ clock, config: mailConfig });
    const host = await kiosk.router.invoke(
      'hosts.add',
      { name: 'Henk Wouters', email: 'henk@ploum.nl' },
      callers.admin,
    );
    if (!host.ok) throw new Error(host.error.key);
    const arrive = async (n: number) => {
      const screen = `screen-${n}`;
      const signedIn = await kiosk.handle(screen, 'visits.signIn', {
        firstName: `Anna`,
        lastName: 'de Vries',
        company: `Acme${n}.com`,
        noticeVersion: noticeVersion(mailConfig),
      });
      if (!signedIn.ok) throw new Error(signedIn.error.key);
      const { signOutCode } = signedIn.value as { signOutCode: string };
      expect(await kiosk.handle(screen, 'hosts.notify', { signOutCode, hostId: host.value.id })).toMatchObject({
        ok: true,
      });
    };
    // The attack of issue 21: 30 sign-ins naming one host within a minute.
    for (let n = 0; n < 30; n++) {
      await arrive(n);
      clock.advance(2_000);
    }
    const dueNow = () =>
      kiosk.database.get<{ n: number }>('SELECT count(*) AS n FROM host_mails WHERE next_try_at <= ?', [clock.now()]);
    await expect.poll(dueNow).toEqual({ n: 0 });
    const inTheHour = smtp.received.length;
    expect(inTheHour).toBeGreaterThan(0);
    expect(inTheHour).toBeLessThanOrEqual(10);

    // An hour later the next arrival brings the ones that waited, in one summary mail.
    clock.advance(60 * 60_000);
    await arrive(30);
    await expect.poll(() => kiosk.database.get('SELECT count(*) AS n FROM host_mails')).toEqual({ n: 0 });
    expect(smtp.received.length).toBe(inTheHour + 1);
    const told = smtp.received.join('\n').match(/Acme\d+\[\.\]com is at reception/g) ?? [];
    expect(told).toHaveLength(31);
    for (const mail of smtp.received) {
      const subject = /^Subject: (.*)$/m.exec(mail)?.[1];
      expect(subject).toBe('Bezoek bij de receptie / Visitor at reception');
      expect(mail).not.toMatch(/Acme\d+\.com/);
      expect(mail).not.toMatch(/<a |href=/i);
    }
    expect(smtp.received[0]).toContain('Acme0[.]com');
  }, 120_000);
});
