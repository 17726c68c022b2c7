import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

const START = '2026-11-24T09:00:00Z';

/** A code nobody holds: the test's own visitors get their codes from the kiosk. */
const unknownCode = (n: number) => `AAAA${'CEFGHJKMNPRTWXY'[Math.floor(n / 15)]}${'CEFGHJKMNPRTWXY'[n % 15]}`;

async function signIn(kiosk: Awaited<ReturnType<typeof openTestKiosk>>, terminal: string, firstName = 'Anna') {
  return kiosk.handle(terminal, 'visits.signIn', visitor({ firstName }));
}

describe('sign-out by code at the public screen', () => {
  it('a guesser waits longer after every few unknown codes and is sent to the receptionist, even with a right code', async () => {
    const clock = manualClock(START);
    const kiosk = await openTestKiosk({ clock });
    const anna = await signIn(kiosk, 'desk');
    if (!anna.ok) throw new Error('sign-in failed');
    const code = (anna.value as { signOutCode: string }).signOutCode;

    for (let n = 0; n < 3; n++) {
      expect(await kiosk.handle('screen', 'visits.signOut', { code: unknownCode(n) })).toEqual({
        ok: false,
        error: { key: 'visit.unknownCode' },
      });
    }
    // The fourth unknown code makes this screen wait; meanwhile even Anna's own code is refused.
    expect(await kiosk.handle('screen', 'visits.signOut', { code: unknownCode(3) })).toMatchObject({
      error: { key: 'visit.unknownCode' },
    });
    expect(await kiosk.handle('screen', 'visits.signOut', { code })).toEqual({
      ok: false,
      error: { key: 'visit.signOutThrottled' },
    });
    expect(await kiosk.database.get('SELECT signed_out_at FROM visits')).toEqual({ signed_out_at: null });

    // Another screen is not held up by this one.
    expect(await kiosk.handle('other-screen', 'visits.signOut', { code: unknownCode(10) })).toMatchObject({
      error: { key: 'visit.unknownCode' },
    });

    // The waits grow: 5 s after the fourth unknown code, 10 s after the fifth.
    clock.advance(5_000);
    expect(await kiosk.handle('screen', 'visits.signOut', { code: unknownCode(4) })).toMatchObject({
      error: { key: 'visit.unknownCode' },
    });
    clock.advance(9_000);
    expect(await kiosk.handle('screen', 'visits.signOut', { code })).toMatchObject({
      error: { key: 'visit.signOutThrottled' },
    });
    clock.advance(1_000);
    // The receipt says nothing about whose code it was.
    expect(await kiosk.handle('screen', 'visits.signOut', { code })).toEqual({
      ok: true,
      value: { signedOutAt: clock.now() },
    });

    const throttled = await kiosk.audit.list({ action: 'visits.signOutCodesThrottled' });
    expect(throttled).toHaveLength(1);
    expect(throttled[0]).toMatchObject({ actor: 'kiosk', detail: { scope: 'terminal' } });
    const everything = JSON.stringify(await kiosk.audit.list());
    for (const secret of [code, unknownCode(3), 'Anna']) expect(everything).not.toContain(secret);
  });

  it('wrong codes on other screens never make a screen refuse a visitor’s correct code', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock(START) });
    const anna = await signIn(kiosk, 'lobby');
    if (!anna.ok) throw new Error('sign-in failed');
    const code = (anna.value as { signOutCode: string }).signOutCode;
    // The attack of issue 21: 21 and more wrong codes, on one screen and on many.
    for (let n = 0; n < 25; n++) await kiosk.handle('guesser', 'visits.signOut', { code: unknownCode(n) });
    for (let n = 0; n < 40; n++) await kiosk.handle(`screen-${n}`, 'visits.signOut', { code: unknownCode(n) });
    expect(await kiosk.handle('lobby', 'visits.signOut', { code })).toMatchObject({ ok: true });
    // The guessing screen itself stays slow, and the flood is audited for all screens too.
    expect(await kiosk.handle('guesser', 'visits.signOut', { code: unknownCode(99) })).toMatchObject({
      error: { key: 'visit.signOutThrottled' },
    });
    expect((await kiosk.audit.list({ action: 'visits.signOutCodesThrottled' })).map((entry) => entry.detail)).toEqual(
      expect.arrayContaining([{ scope: 'terminal' }, { scope: 'allTerminals' }]),
    );
  });
});

describe('sign-in flood at the public screen', () => {
  it('one screen takes the configured number of sign-ins a minute, then refuses with a clear message and audits it once', async () => {
    const clock = manualClock(START);
    const config = { ...defaultConfig, publicScreen: { maxSignInsPerMinute: 4 } };
    const kiosk = await openTestKiosk({ clock, config });
    const results = [];
    for (let n = 0; n < 7; n++) results.push(await signIn(kiosk, 'screen'));
    expect(results.map((result) => (result.ok ? 'ok' : result.error.key))).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'visit.signInThrottled',
      'visit.signInThrottled',
      'visit.signInThrottled',
    ]);
    expect(await kiosk.database.get('SELECT count(*) AS n FROM visits')).toEqual({ n: 4 });
    expect(await signIn(kiosk, 'other-screen')).toMatchObject({ ok: true });
    const audited = await kiosk.audit.list({ action: 'visits.signInsThrottled' });
    expect(audited).toEqual([expect.objectContaining({ actor: 'kiosk', detail: { scope: 'terminal', perMinute: 4 } })]);

    clock.advance(60_000);
    expect(await signIn(kiosk, 'screen')).toMatchObject({ ok: true });
  });

  it('the default is ten a minute per screen, and a few screens together at most three times that', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock(START) });
    expect(defaultConfig.publicScreen.maxSignInsPerMinute).toBe(10);
    const results = [];
    for (let n = 0; n < 40; n++) results.push(await signIn(kiosk, `page:${n}`));
    expect(results.filter((result) => result.ok)).toHaveLength(30);
    expect(results.at(-1)).toEqual({ ok: false, error: { key: 'visit.signInThrottled' } });
  });
});
