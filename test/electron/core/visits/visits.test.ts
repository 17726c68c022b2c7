import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createVisitsService } from '../../../../electron/core/visits/visits-service';
import { callers, currentNotice, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

const kioskCaller = callers.kiosk;
const reception = callers.receptionist;

describe('sign in and sign out', () => {
  it('signs a visitor in, stores the dashed plate and the notice version, and returns a code', async () => {
    const clock = manualClock('2026-11-24T09:15:00Z');
    const kiosk = await openTestKiosk({ clock });
    const result = await kiosk.router.invoke(
      'visits.signIn',
      visitor({ company: ' ACME ', plate: 'gbb 01 b' }),
      kioskCaller,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        signOutCode: expect.stringMatching(/^[ACEFGHJKMNPRTWXY34679]{6}$/),
        firstName: 'Anna',
        signedInAt: clock.now(),
      },
    });
    const stored = await kiosk.database.all(
      'SELECT first_name, last_name, company, plate, plate_kind, notice_version, signed_out_at FROM visits',
    );
    expect(stored).toEqual([
      {
        first_name: 'Anna',
        last_name: 'de Vries',
        company: 'ACME',
        plate: 'GBB-01-B',
        plate_kind: 'nl',
        notice_version: currentNotice,
        signed_out_at: null,
      },
    ]);
  });

  it('refuses a sign-in against an outdated notice', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:15:00Z') });
    const result = await kiosk.router.invoke('visits.signIn', visitor({ noticeVersion: '0-12m-90d' }), kioskCaller);
    expect(result).toEqual({ ok: false, error: { key: 'notice.outdated' } });
    expect(await kiosk.database.all('SELECT id FROM visits')).toEqual([]);
  });

  it('signs out by code, in any case; a second sign-out or an unknown code is an error that changes nothing', async () => {
    const clock = manualClock('2026-11-24T09:15:00Z');
    const kiosk = await openTestKiosk({ clock });
    const signIn = await kiosk.router.invoke('visits.signIn', visitor(), kioskCaller);
    if (!signIn.ok) throw new Error('sign-in failed');
    clock.advance(3_600_000);

    const out = await kiosk.router.invoke(
      'visits.signOut',
      { code: signIn.value.signOutCode.toLowerCase() },
      kioskCaller,
    );
    expect(out).toEqual({ ok: true, value: { signedOutAt: clock.now() } });
    const afterFirst = await kiosk.database.all('SELECT * FROM visits');
    expect(afterFirst).toMatchObject([{ signed_out_at: clock.now(), sign_out_method: 'kiosk' }]);

    clock.advance(60_000);
    expect(await kiosk.router.invoke('visits.signOut', { code: signIn.value.signOutCode }, kioskCaller)).toEqual({
      ok: false,
      error: { key: 'visit.alreadySignedOut' },
    });
    expect(await kiosk.router.invoke('visits.signOut', { code: 'AAAAAA' }, kioskCaller)).toEqual({
      ok: false,
      error: { key: 'visit.unknownCode' },
    });
    expect(await kiosk.database.all('SELECT * FROM visits')).toEqual(afterFirst);
  });

  it('never gives two visitors the same code on one day, and reuses a code on a later day', async () => {
    const clock = manualClock('2026-11-24T09:15:00Z');
    const kiosk = await openTestKiosk({ clock });
    const codes = ['AAAAAA', 'AAAAAA', 'AAAAAA', 'CCCCCC', 'AAAAAA', 'EEEEEE', 'AAAAAA'];
    const visits = createVisitsService({
      database: kiosk.database,
      clock,
      config: defaultConfig,
      newSignOutCode: () => codes.shift()!,
    });
    const signInData = { firstName: 'A', lastName: 'B', noticeVersion: currentNotice };
    expect((await visits.signIn(signInData)).signOutCode).toBe('AAAAAA');
    expect((await visits.signIn(signInData)).signOutCode).toBe('CCCCCC');
    await visits.signOut('AAAAAA');
    // The first visitor left, but may still type their code today: it is not handed out again.
    expect((await visits.signIn(signInData)).signOutCode).toBe('EEEEEE');
    await expect(visits.signOut('AAAAAA')).rejects.toMatchObject({ apiError: { key: 'visit.alreadySignedOut' } });
    clock.set('2026-11-25T08:00:00Z');
    expect((await visits.signIn(signInData)).signOutCode).toBe('AAAAAA');
    expect(codes).toEqual([]);
  });

  it('gives up with a clear error when no free code can be found', async () => {
    const clock = manualClock('2026-11-24T09:15:00Z');
    const kiosk = await openTestKiosk({ clock });
    const visits = createVisitsService({
      database: kiosk.database,
      clock,
      config: defaultConfig,
      newSignOutCode: () => 'AAAAAA',
    });
    const signInData = { firstName: 'A', lastName: 'B', noticeVersion: currentNotice };
    await visits.signIn(signInData);
    await expect(visits.signIn(signInData)).rejects.toMatchObject({ apiError: { key: 'visit.noFreeCode' } });
    expect(await kiosk.database.all('SELECT id FROM visits')).toHaveLength(1);
  });
});

describe('rejected input changes nothing', () => {
  it.each([
    ['markup in a name', { firstName: '<script>x</script>' }],
    ['SQL in a name', { lastName: "x'); DELETE FROM visits; --" }],
    ['a 10 KB name', { lastName: 'x'.repeat(10_240) }],
    ['NUL in a company', { company: 'ACME\u0000' }],
    ['RTL override in a name', { firstName: 'Anna\u202E' }],
    ['a plate without letters or digits', { plate: '- - -' }],
    ['an extra field', { signedInAt: 0 }],
    ['a number for a name', { firstName: 12 }],
  ])('%s', async (_why, overrides) => {
    const clock = manualClock('2026-11-24T09:15:00Z');
    const kiosk = await openTestKiosk({ clock });
    await kiosk.router.invoke('visits.signIn', visitor({ firstName: 'Existing', plate: '12abc3' }), kioskCaller);
    const before = await kiosk.database.all('SELECT * FROM visits');

    const result = await kiosk.router.invokeUntrusted('visits.signIn', visitor(overrides), kioskCaller);
    expect(result).toMatchObject({ ok: false, error: { key: 'validation.failed' } });
    expect(await kiosk.database.all('SELECT * FROM visits')).toEqual(before);
  });

  it('whatever the payload', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T09:15:00Z') });
    await kiosk.router.invoke('visits.signIn', visitor(), kioskCaller);
    const before = await kiosk.database.all('SELECT * FROM visits');
    for (const payload of [null, undefined, 'visit', 42, [], { code: { $ne: '' } }, { __proto__: { code: 'X' } }]) {
      expect((await kiosk.router.invokeUntrusted('visits.signIn', payload, kioskCaller)).ok).toBe(false);
      expect((await kiosk.router.invokeUntrusted('visits.signOut', payload, kioskCaller)).ok).toBe(false);
    }
    expect(await kiosk.database.all('SELECT * FROM visits')).toEqual(before);
  });
});

describe("today's visits, in the configured time zone", () => {
  async function signInAt(
    kiosk: Awaited<ReturnType<typeof openTestKiosk>>,
    clock: ReturnType<typeof manualClock>,
    iso: string,
    firstName: string,
  ) {
    clock.set(iso);
    const result = await kiosk.router.invoke('visits.signIn', visitor({ firstName }), kioskCaller);
    expect(result.ok).toBe(true);
  }

  async function todayNames(kiosk: Awaited<ReturnType<typeof openTestKiosk>>) {
    const result = await kiosk.router.invoke('visits.today', {}, reception);
    if (!result.ok) throw new Error(result.error.key);
    return {
      date: result.value.date,
      names: result.value.visits.map((visit) => visit.firstName),
      onSite: result.value.onSiteCount,
    };
  }

  it('starts at local midnight, not at UTC midnight', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await signInAt(kiosk, clock, '2026-11-23T22:59:00Z', 'Late'); // 23:59 on the 23rd in Amsterdam
    await signInAt(kiosk, clock, '2026-11-23T23:00:00Z', 'Midnight'); // 00:00 on the 24th
    await signInAt(kiosk, clock, '2026-11-24T22:59:59Z', 'Last'); // 23:59:59 on the 24th
    await signInAt(kiosk, clock, '2026-11-24T23:00:00Z', 'Tomorrow'); // 00:00 on the 25th

    clock.set('2026-11-24T10:00:00Z');
    expect(await todayNames(kiosk)).toEqual({ date: '2026-11-24', names: ['Midnight', 'Last'], onSite: 2 });
    clock.set('2026-11-23T23:30:00Z'); // 00:30 local, already the 24th
    expect((await todayNames(kiosk)).date).toBe('2026-11-24');
  });

  it('on the day clocks go back (25 hours), from both ends', async () => {
    const clock = manualClock('2026-10-25T12:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await signInAt(kiosk, clock, '2026-10-24T21:59:00Z', 'Saturday'); // 23:59 CEST on the 24th
    await signInAt(kiosk, clock, '2026-10-24T22:00:00Z', 'First'); // 00:00 CEST on the 25th
    await signInAt(kiosk, clock, '2026-10-25T00:30:00Z', 'TwoThirtyA'); // 02:30 CEST
    await signInAt(kiosk, clock, '2026-10-25T01:30:00Z', 'TwoThirtyB'); // 02:30 CET, the repeated hour
    await signInAt(kiosk, clock, '2026-10-25T22:59:00Z', 'Last'); // 23:59 CET
    await signInAt(kiosk, clock, '2026-10-25T23:00:00Z', 'Monday'); // 00:00 CET on the 26th
    clock.set('2026-10-25T12:00:00Z');
    expect((await todayNames(kiosk)).names).toEqual(['First', 'TwoThirtyA', 'TwoThirtyB', 'Last']);
  });

  it('on the day clocks go forward (23 hours)', async () => {
    const clock = manualClock('2026-03-29T12:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    await signInAt(kiosk, clock, '2026-03-28T22:59:00Z', 'Saturday'); // 23:59 CET on the 28th
    await signInAt(kiosk, clock, '2026-03-28T23:00:00Z', 'First'); // 00:00 CET on the 29th
    await signInAt(kiosk, clock, '2026-03-29T01:00:00Z', 'Three'); // 03:00 CEST, straight after 01:59 CET
    await signInAt(kiosk, clock, '2026-03-29T21:59:00Z', 'Last'); // 23:59 CEST
    await signInAt(kiosk, clock, '2026-03-29T22:00:00Z', 'Monday'); // 00:00 CEST on the 30th
    clock.set('2026-03-29T21:30:00Z');
    expect((await todayNames(kiosk)).names).toEqual(['First', 'Three', 'Last']);
  });

  it('follows another configured zone', async () => {
    const clock = manualClock('2026-11-24T12:00:00Z');
    const kiosk = await openTestKiosk({ clock, config: { ...defaultConfig, timeZone: 'America/New_York' } });
    await signInAt(kiosk, clock, '2026-11-24T04:59:00Z', 'Before'); // 23:59 on the 23rd in New York
    await signInAt(kiosk, clock, '2026-11-24T05:00:00Z', 'After');
    clock.set('2026-11-24T12:00:00Z');
    expect(await todayNames(kiosk)).toEqual({ date: '2026-11-24', names: ['After'], onSite: 1 });
  });

  it('counts who is still on site', async () => {
    const clock = manualClock('2026-11-24T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const first = await kiosk.router.invoke('visits.signIn', visitor({ firstName: 'Gone' }), kioskCaller);
    await kiosk.router.invoke('visits.signIn', visitor({ firstName: 'Here' }), kioskCaller);
    if (!first.ok) throw new Error();
    await kiosk.router.invoke('visits.signOut', { code: first.value.signOutCode }, kioskCaller);
    expect(await todayNames(kiosk)).toMatchObject({ names: ['Gone', 'Here'], onSite: 1 });
  });
});
