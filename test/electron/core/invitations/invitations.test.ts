import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { noticeFacts, noticeSections } from '../../../../shared/notice';
import { defaultConfig, kioskConfigSchema } from '../../../../shared/config';
import { INVITATION_CODE_ALPHABET } from '../../../../shared/validation/invitation-code';
import type { Invitation } from '../../../../shared/api/invitations';
import { callers, currentNotice, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const anna = { firstName: 'Anna', lastName: 'de Vries', company: 'Acme BV', plate: '12-abc-3', hostName: 'Henk' };

async function addExpected(kiosk: Awaited<ReturnType<typeof openTestKiosk>>, date: string, visitor = anna) {
  const result = await kiosk.router.invoke('invitations.add', { date, ...visitor }, callers.receptionist);
  if (!result.ok) throw new Error(result.error.key);
  return result.value;
}

describe('expected visitors and their invitations', () => {
  it('each gets an unguessable code of 8 from a 32-letter alphabet, a QR code and a letter in nl and en', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00+01:00') });
    const invitation = await addExpected(kiosk, '2026-11-27');
    expect(invitation).toMatchObject({ date: '2026-11-27', firstName: 'Anna', plate: '12-ABC-3', hostName: 'Henk' });
    expect([...invitation.code].every((c) => INVITATION_CODE_ALPHABET.includes(c))).toBe(true);
    expect(INVITATION_CODE_ALPHABET).toHaveLength(32);
    expect(invitation.code).toHaveLength(8);
    // At 200 tries a second for a day against 500 open invitations: under 1% of the codes reached.
    expect((200 * 86_400 * 500) / 32 ** 8).toBeLessThan(0.01);
    expect(invitation.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(invitation.text.nl).toContain(invitation.code);
    // Each language writes the date as the date module does.
    expect(invitation.text.nl).toContain('De code is alleen geldig op 27-11-2026.');
    expect(invitation.text.nl).toContain('7 dagen');
    expect(invitation.text.en).toContain('The code is valid on 27/11/2026 only.');
    // The notice's facts, from the same sections the kiosk shows.
    for (const section of noticeSections(noticeFacts(defaultConfig), 'en'))
      expect(invitation.text.en).toContain(section.heading);
    const codes = new Set<string>();
    for (let index = 0; index < 30; index++) codes.add((await addExpected(kiosk, '2026-11-27')).code);
    expect(codes.size).toBe(30);
  });

  it('bad input changes nothing: a past or impossible date, a bad name, a kiosk caller', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00+01:00') });
    const add = (
      input: Record<string, unknown>,
      caller: (typeof callers)[keyof typeof callers] = callers.receptionist,
    ) => kiosk.router.invoke('invitations.add', { date: '2026-11-27', ...anna, ...input } as never, caller);
    expect(await add({ date: '2026-11-25' })).toMatchObject({ ok: false, error: { key: 'invitation.dateInvalid' } });
    expect(await add({ date: '2026-02-30' })).toMatchObject({ ok: false, error: { key: 'invitation.dateInvalid' } });
    expect(await add({ firstName: '<b>' })).toMatchObject({ ok: false });
    expect(await add({}, callers.kiosk)).toMatchObject({ ok: false, error: { key: 'api.unauthenticated' } });
    expect(await add({}, callers.security)).toMatchObject({ ok: false, error: { key: 'api.forbidden' } });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM expected_visits')).toEqual({ n: 0 });
  });

  it('adds a CSV file (semicolons, Dutch headers) all or nothing', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00+01:00') });
    const csv = 'voornaam;achternaam;bedrijf;kenteken\nPiet;Jansen;Acme;\n"Marie";"Curie jr.";;AB-12-CD\n';
    const file = (text: string) => Buffer.from(text).toString('base64');
    const added = await kiosk.router.invoke(
      'invitations.addCsv',
      { date: '2026-11-26', file: file(csv) },
      callers.admin,
    );
    expect(
      added.ok && added.value.invitations.map((i: Invitation) => [i.firstName, i.lastName, i.company, i.plate]),
    ).toEqual([
      ['Piet', 'Jansen', 'Acme', null],
      ['Marie', 'Curie jr.', null, 'AB-12-CD'],
    ]);
    const bad = 'first,last\nJan,Smit\nJan,<script>\n';
    expect(
      await kiosk.router.invoke('invitations.addCsv', { date: '2026-11-26', file: file(bad) }, callers.admin),
    ).toMatchObject({ ok: false, error: { key: 'invitation.csvInvalid', params: { row: 3 } } });
    expect(
      await kiosk.router.invoke('invitations.addCsv', { date: '2026-11-26', file: file('a,b\n1,2\n') }, callers.admin),
    ).toMatchObject({ ok: false, error: { key: 'invitation.csvEmpty' } });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM expected_visits')).toEqual({ n: 2 });
  });

  it('at the kiosk: the code shows only its own details, on its date only, and signs in once', async () => {
    const clock = manualClock('2026-11-26T09:00:00+01:00');
    const kiosk = await openTestKiosk({ clock });
    const tomorrow = await addExpected(kiosk, '2026-11-27');
    const other = await addExpected(kiosk, '2026-11-27', { ...anna, firstName: 'Bert' });
    expect(await kiosk.handle('t1', 'invitations.lookup', { code: tomorrow.code })).toMatchObject({
      ok: false,
      error: { key: 'invitation.unknownCode' },
    });
    clock.set('2026-11-27T09:00:00+01:00');
    // The QR code's text works as well as the typed code, in any case.
    const lookup = await kiosk.handle('t2', 'invitations.lookup', { code: `in-${tomorrow.code.toLowerCase()}` });
    expect(lookup).toEqual({
      ok: true,
      value: {
        date: '2026-11-27',
        firstName: 'Anna',
        lastName: 'de Vries',
        company: 'Acme BV',
        plate: '12-ABC-3',
        hostName: 'Henk',
      },
    });
    const signIn = await kiosk.handle('t2', 'invitations.signIn', {
      code: tomorrow.code,
      firstName: 'Anna',
      lastName: 'de Vries-Bakker',
      company: 'Acme BV',
      noticeVersion: currentNotice,
    });
    expect(signIn).toMatchObject({ ok: true, value: { firstName: 'Anna' } });
    expect(await kiosk.database.all('SELECT last_name, host_name FROM visits')).toEqual([
      { last_name: 'de Vries-Bakker', host_name: 'Henk' },
    ]);
    // Used up: the row is gone, the code no longer works, the other invitation stays.
    expect(await kiosk.handle('t2', 'invitations.lookup', { code: tomorrow.code })).toMatchObject({ ok: false });
    const today = await kiosk.router.invoke('invitations.expectedToday', {}, callers.receptionist);
    expect(today.ok && today.value.map((visit) => visit.code)).toEqual([other.code]);
    const opened = await kiosk.router.invoke('invitations.get', { id: other.id }, callers.receptionist);
    expect(opened).toMatchObject({ ok: true, value: { code: other.code } });
    const actions = (await kiosk.audit.list({})).map((entry) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invitations.added',
        'invitations.arrived',
        'visits.viewed.expected',
        'invitations.viewed',
      ]),
    );
    expect(JSON.stringify(await kiosk.audit.list({}))).not.toContain('Bert'); // counts and ids, never names
    // An outdated notice signs nobody in and keeps the invitation.
    expect(
      await kiosk.handle('t2', 'invitations.signIn', {
        code: other.code,
        firstName: 'Bert',
        lastName: 'X',
        noticeVersion: 'old',
      }),
    ).toMatchObject({ ok: false, error: { key: 'notice.outdated' } });
    expect(await kiosk.handle('t2', 'invitations.lookup', { code: other.code })).toMatchObject({ ok: true });
  });

  it('a double tap signs an invitation in once', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-27T09:00:00+01:00') });
    const { code } = await addExpected(kiosk, '2026-11-27');
    const input = { code, firstName: 'Anna', lastName: 'de Vries', noticeVersion: currentNotice };
    const results = await Promise.all([
      kiosk.handle('t1', 'invitations.signIn', input),
      kiosk.handle('t1', 'invitations.signIn', input),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(await kiosk.database.get('SELECT count(*) AS n FROM visits')).toEqual({ n: 1 });
  });

  it('unknown codes are throttled per terminal with growing delays', async () => {
    const clock = manualClock('2026-11-27T09:00:00+01:00');
    const kiosk = await openTestKiosk({ clock });
    const invitation = await addExpected(kiosk, '2026-11-27');
    const wrong = invitation.code === 'AAAAAAAA' ? 'CCCCCCCC' : 'AAAAAAAA';
    const lookup = (terminal: string, code: string) => kiosk.handle(terminal, 'invitations.lookup', { code });
    for (let index = 0; index < 3; index++) {
      expect(await lookup('t1', wrong)).toMatchObject({ ok: false, error: { key: 'invitation.unknownCode' } });
    }
    // Now even the right code waits: 5 seconds.
    expect(await lookup('t1', invitation.code)).toMatchObject({
      ok: false,
      error: { key: 'invitation.tooManyTries', params: { seconds: 5 } },
    });
    expect(await lookup('t2', invitation.code)).toMatchObject({ ok: true }); // another terminal is not held up
    clock.advance(5_000);
    expect(await lookup('t1', wrong)).toMatchObject({ ok: false, error: { key: 'invitation.unknownCode' } });
    expect(await lookup('t1', invitation.code)).toMatchObject({ error: { params: { seconds: 10 } } });
    clock.advance(10_000);
    expect(await lookup('t1', invitation.code)).toMatchObject({ ok: true });
    expect(await lookup('t1', 'not a code!')).toMatchObject({
      ok: false,
      error: { fields: { code: 'invitation.codeInvalid' } },
    });
  });

  it('expected visits nobody came for are erased after the configured days, gone from the bytes', async () => {
    const clock = manualClock('2026-11-26T09:00:00+01:00');
    const dataDir = makeTempDir();
    const config = kioskConfigSchema.parse({ invitations: { unarrivedDays: 3 } });
    const kiosk = await openTestKiosk({ clock, dataDir, config });
    const files = ['kiosk.sqlite3', 'kiosk.sqlite3-wal'].map((name) => path.join(dataDir, name));
    const bytesContain = (needle: string) =>
      files.some((file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(needle, 'utf8')));
    await addExpected(kiosk, '2026-11-26', { ...anna, firstName: 'Quetzalcoatlina', company: 'Zyzzyva BV' });
    for (let index = 0; index < 30; index++)
      await addExpected(kiosk, '2026-11-26', { ...anna, firstName: `Filler${'a'.repeat(index)}` });
    await addExpected(kiosk, '2026-11-28', { ...anna, firstName: 'Stays' });
    await kiosk.database.checkpoint();
    expect(bytesContain('Quetzalcoatlina')).toBe(true); // the search finds what is there

    clock.set('2026-11-29T23:00:00+01:00'); // 3 days after: still kept
    expect((await kiosk.invitations.purge()).counts).toEqual({ erased: 0 });
    clock.set('2026-11-30T00:30:00+01:00');
    expect((await kiosk.invitations.purge()).counts).toEqual({ erased: 31 });
    for (const needle of ['Quetzalcoatlina', 'Zyzzyva']) expect(bytesContain(needle)).toBe(false);
    expect(bytesContain('Stays')).toBe(true);
  });

  it('a clock set far ahead erases no expected visit', async () => {
    const clock = manualClock('2026-11-26T09:00:00+01:00');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.retention.run(); // a purge the clock guard can trust, today
    await addExpected(kiosk, '2026-11-26');
    clock.set('2027-06-01T09:00:00+02:00');
    expect(await kiosk.invitations.purge()).toMatchObject({ outcome: 'blocked', counts: {} });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM expected_visits')).toEqual({ n: 1 });
  });

  it('the notice states the period and, only when the option is on, the host notice', () => {
    const off = noticeSections(noticeFacts(defaultConfig), 'nl')
      .flatMap((s) => s.paragraphs)
      .join('\n');
    expect(off).toContain('1 week (7 dagen) na die dag');
    expect(off).not.toContain('e-mail met uw voornaam');
    const on = kioskConfigSchema.parse({ hostNotice: { enabled: true }, invitations: { unarrivedDays: 2 } });
    const text = noticeSections(noticeFacts(on), 'en')
      .flatMap((s) => s.paragraphs)
      .join('\n');
    expect(text).toContain('2 days after that day');
    expect(text).toContain('that person gets an e-mail with your first name and company');
  });
});

describe('badges', () => {
  it('gives the badge of a visitor who just signed in, once, only when badges are on', async () => {
    const clock = manualClock('2026-11-27T09:00:00+01:00');
    const config = kioskConfigSchema.parse({ badge: { enabled: true, pageSize: 'A6' } });
    const kiosk = await openTestKiosk({ clock, config });
    const invitation = await addExpected(kiosk, '2026-11-27');
    const signIn = await kiosk.router.invoke(
      'invitations.signIn',
      {
        code: invitation.code,
        firstName: 'Anna',
        lastName: 'de Vries',
        company: 'Acme BV',
        noticeVersion: noticeFacts(config).version,
      },
      callers.kiosk,
    );
    if (!signIn.ok) throw new Error(signIn.error.key);
    const { signOutCode } = signIn.value;
    const badge = await kiosk.handle('test-kiosk', 'badges.forSignIn', { signOutCode });
    expect(badge).toMatchObject({
      ok: true,
      value: {
        firstName: 'Anna',
        lastName: 'de Vries',
        company: 'Acme BV',
        hostName: 'Henk',
        date: '2026-11-27',
        signOutCode,
        pageSize: 'A6',
      },
    });
    expect(badge.ok && (badge.value as { qrSvg: string }).qrSvg).toMatch(/^<svg/);
    // Once only: the code does not show the details again.
    expect(await kiosk.handle('t2', 'badges.forSignIn', { signOutCode })).toMatchObject({
      ok: false,
      error: { key: 'badge.unavailable' },
    });
    // Nor for a visitor who signed in longer ago.
    const later = await kiosk.router.invoke(
      'visits.signIn',
      { firstName: 'Bert', lastName: 'X', noticeVersion: noticeFacts(config).version },
      callers.kiosk,
    );
    clock.advance(3 * 60_000);
    expect(
      await kiosk.handle('t1', 'badges.forSignIn', { signOutCode: later.ok ? later.value.signOutCode : '' }),
    ).toMatchObject({ ok: false, error: { key: 'badge.unavailable' } });
  });

  it('is nothing at all when badges are off', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-27T09:00:00+01:00') });
    const signIn = await kiosk.router.invoke(
      'visits.signIn',
      { firstName: 'Bert', lastName: 'X', noticeVersion: currentNotice },
      callers.kiosk,
    );
    expect(
      await kiosk.handle('t1', 'badges.forSignIn', { signOutCode: signIn.ok ? signIn.value.signOutCode : '' }),
    ).toEqual({ ok: true, value: null });
  });
});

describe('invitation codes against many screens', () => {
  it('a guesser spread over screens meets a kiosk-wide ceiling; a visitor at a clean screen does not', async () => {
    const clock = manualClock('2026-11-26T09:00:00+01:00');
    const kiosk = await openTestKiosk({ clock });
    const invitation = await addExpected(kiosk, '2026-11-26');
    const guess = (screen: string, n: number) =>
      kiosk.handle(screen, 'invitations.lookup', { code: `ZZZZ${String(n).padStart(4, '0')}` });
    const answers: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let screen = 0; screen < 40; screen++) {
        const result = await guess(`screen-${screen}`, round * 100 + screen);
        answers.push(result.ok ? 'ok' : result.error.key);
      }
      clock.advance(10_000);
    }
    // Each screen's two free tries are spent by the second round; beyond the ceiling they wait.
    expect(answers.slice(80).every((key) => key === 'invitation.tooManyTries')).toBe(true);
    expect(await kiosk.handle('lobby', 'invitations.lookup', { code: invitation.code })).toMatchObject({ ok: true });
  });
});
