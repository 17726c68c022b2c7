import { describe, expect, it } from 'vitest';
import { callers, currentNotice, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

describe('a visitor who lost their code', () => {
  it('signs out by name when exactly one visitor on site matches; marked on Today and the evacuation list, audited', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00+01:00') });
    await kiosk.handle(
      't1',
      'visits.signIn',
      visitor({ firstName: 'Zoë', lastName: 'de Vries', company: 'Acme, Inc' }),
    );
    await kiosk.handle('t1', 'visits.signIn', visitor({ firstName: 'Jan', lastName: 'Smit' }));
    await kiosk.handle('t1', 'visits.signIn', visitor({ firstName: 'Jan', lastName: 'Smit' }));

    // The company they gave is needed too; any other answer says only "see the receptionist".
    const withoutCompany = await kiosk.handle('t1', 'visits.signOutByName', { firstName: 'Zoë', lastName: 'de Vries' });
    expect(withoutCompany).toMatchObject({ ok: false, error: { key: 'visit.nameNotFound' } });
    const twoJans = await kiosk.handle('t1', 'visits.signOutByName', { firstName: 'Jan', lastName: 'Smit' });
    expect(twoJans).toMatchObject({ ok: false, error: { key: 'visit.nameNotFound' } });
    const zoe = await kiosk.handle('t2', 'visits.signOutByName', {
      firstName: ' zoë ',
      lastName: 'De Vries',
      company: 'acme, inc',
    });
    expect(zoe).toMatchObject({ ok: true });
    expect(JSON.stringify(zoe)).not.toContain('Vries');

    const today = await kiosk.router.invoke('visits.today', {}, callers.receptionist);
    const rows = today.ok ? today.value.visits : [];
    expect(rows.find((row) => row.firstName === 'Zoë')).toMatchObject({ signOutMethod: 'name' });
    expect(today.ok && today.value.onSiteCount).toBe(2);
    const evacuation = await kiosk.router.invoke('visits.evacuation', {}, callers.receptionist);
    expect(evacuation.ok && evacuation.value.visits.map((v) => [v.firstName, v.signOutMethod])).toEqual([
      ['Zoë', 'name'],
      ['Jan', null],
      ['Jan', null],
    ]);
    const audited = await kiosk.database.all<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action = 'visits.signedOutByName'",
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]!.detail).not.toContain('Vries');
  });

  it('is throttled like unknown sign-out codes', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00+01:00') });
    await kiosk.handle('t1', 'visits.signIn', visitor({ firstName: 'Anna', lastName: 'Bakker' }));
    for (let attempt = 0; attempt < 4; attempt++) {
      await kiosk.handle('t1', 'visits.signOutByName', { firstName: 'Nobody', lastName: `Guess` });
    }
    expect(await kiosk.handle('t1', 'visits.signOutByName', { firstName: 'Anna', lastName: 'Bakker' })).toMatchObject({
      ok: false,
      error: { key: 'visit.signOutThrottled' },
    });
    expect(await kiosk.handle('t1', 'visits.signOut', { code: 'ACEFGH' })).toMatchObject({
      ok: false,
      error: { key: 'visit.signOutThrottled' },
    });
  });
});

describe('an expected visitor without their code', () => {
  const expectOn = (kiosk: Awaited<ReturnType<typeof openTestKiosk>>) => async (firstName: string, lastName: string) =>
    kiosk.router.invoke(
      'invitations.add',
      { date: '2026-12-07', firstName, lastName, company: 'Acme', plate: '12-ABC-3' },
      callers.receptionist,
    );

  it('starts with their first and last name: one match today shows only their details and signs in; none or several do not', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00+01:00') });
    const expect3 = expectOn(kiosk);
    await expect3('Zoë', 'de Vries');
    await expect3('Jan', 'Smit');
    await expect3('Jan', 'Smit');
    await expect3('Piet', 'Smit');

    const found = await kiosk.handle('t1', 'invitations.lookup', { name: 'zoë  Vries' });
    expect(found).toMatchObject({ ok: true, value: { firstName: 'Zoë', lastName: 'de Vries', company: 'Acme' } });
    expect(await kiosk.handle('t1', 'invitations.lookup', { name: 'Piet Smit' })).toMatchObject({ ok: true });
    // A last name alone shows nobody (who types it may not be the one invited), nor do two Jan Smits.
    for (const name of ['de Vries', 'Jan Smit', 'Anna Jansen'])
      expect(await kiosk.handle('t2', 'invitations.lookup', { name })).toMatchObject({
        ok: false,
        error: { key: 'invitation.nameNotFound' },
      });
    const signedIn = await kiosk.handle('t1', 'invitations.signIn', {
      invitationName: 'Zoë de Vries',
      firstName: 'Zoë',
      lastName: 'de Vries',
      company: 'Acme',
      noticeVersion: currentNotice,
    });
    expect(signedIn).toMatchObject({ ok: true, value: { firstName: 'Zoë' } });
    expect(await kiosk.database.get('SELECT count(*) AS n FROM expected_visits')).toEqual({ n: 3 });
    // Unknown names count as unknown codes: t2 has had three, so it waits.
    const waiting = await kiosk.handle('t2', 'invitations.lookup', { name: 'Piet Smit' });
    expect(waiting).toMatchObject({ ok: false, error: { key: 'invitation.tooManyTries' } });
  });

  it('typed as both a code and a name ("Ab Jansen" reads as ABJANSEN): found by the name, and one miss counted, not two', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00+01:00') });
    await expectOn(kiosk)('Ab', 'Jansen');
    // Two typos before: one more miss would make the screen wait.
    expect(await kiosk.handle('t1', 'invitations.lookup', { code: 'ABCD2345' })).toMatchObject({ ok: false });
    expect(await kiosk.handle('t1', 'invitations.lookup', { name: 'Ab Jans' })).toMatchObject({ ok: false });
    for (let look = 0; look < 3; look++) {
      const found = await kiosk.handle('t1', 'invitations.lookup', { code: 'ABJANSEN', name: 'Ab Jansen' });
      expect(found).toMatchObject({ ok: true, value: { firstName: 'Ab', lastName: 'Jansen' } });
    }
    const signedIn = await kiosk.handle('t1', 'invitations.signIn', {
      code: 'ABJANSEN',
      invitationName: 'Ab Jansen',
      firstName: 'Ab',
      lastName: 'Jansen',
      company: 'Acme',
      noticeVersion: currentNotice,
    });
    expect(signedIn).toMatchObject({ ok: true });
    // Neither the code nor the name: one miss, said as the code's (whose message says to type the name).
    expect(await kiosk.handle('t3', 'invitations.lookup', { code: 'ABJANSEN', name: 'Ab Jansen' })).toMatchObject({
      ok: false,
      error: { key: 'invitation.unknownCode' },
    });
    expect(await kiosk.handle('t3', 'invitations.lookup', {})).toMatchObject({
      ok: false,
      error: { key: 'validation.failed', fields: { code: 'invitation.codeInvalid' } },
    });
  });
});
