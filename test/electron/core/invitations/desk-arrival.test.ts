import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

describe('expected visitors at the desk', () => {
  it('are signed in by the receptionist in one call with the invitation details, or removed; both audited', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-12-07T09:00:00+01:00') });
    const add = async (date: string, firstName: string) => {
      const result = await kiosk.router.invoke(
        'invitations.add',
        { date, firstName, lastName: 'de Vries', company: 'Acme, Inc', plate: '12-abc-3', hostName: 'Henk' },
        callers.receptionist,
      );
      if (!result.ok) throw new Error(result.error.key);
      return result.value;
    };
    const zoe = await add('2026-12-07', 'Zoë');
    const bert = await add('2026-12-07', 'Bert');
    const tomorrow = await add('2026-12-08', 'Carla');

    const signedIn = await kiosk.router.invoke('invitations.signInAtDesk', { id: zoe.id }, callers.receptionist);
    expect(signedIn).toMatchObject({ ok: true, value: { firstName: 'Zoë' } });
    expect(await kiosk.database.all('SELECT first_name, last_name, company, plate, host_name FROM visits')).toEqual([
      { first_name: 'Zoë', last_name: 'de Vries', company: 'Acme, Inc', plate: '12-ABC-3', host_name: 'Henk' },
    ]);
    // Once only, today only, staff only.
    expect(await kiosk.router.invoke('invitations.signInAtDesk', { id: zoe.id }, callers.receptionist)).toMatchObject({
      ok: false,
    });
    expect(
      await kiosk.router.invoke('invitations.signInAtDesk', { id: tomorrow.id }, callers.receptionist),
    ).toMatchObject({ ok: false });
    expect(await kiosk.handle('t1', 'invitations.signInAtDesk', { id: bert.id })).toMatchObject({ ok: false });

    expect(await kiosk.router.invoke('invitations.remove', { id: bert.id }, callers.receptionist)).toEqual({
      ok: true,
      value: null,
    });
    expect(await kiosk.database.all('SELECT first_name FROM expected_visits')).toEqual([{ first_name: 'Carla' }]);
    const actions = await kiosk.database.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE action IN ('invitations.arrivedAtDesk', 'invitations.removed') ORDER BY id",
    );
    expect(actions.map((row) => row.action)).toEqual(['invitations.arrivedAtDesk', 'invitations.removed']);
  });
});
