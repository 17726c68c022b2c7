// Issue 20: a clock that ran ahead never lengthens a stay. A visit signed in while the clock ran a year
// ahead is re-dated to the last moment a trusted clock was seen before it (the last good run), never to
// a later run: its real deadline holds.
import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';

describe('a clock that ran ahead', () => {
  it('a visit signed in a year ahead on 2 March is erased by 2 September, not 21 days later', async () => {
    const clock = manualClock('2026-03-02T08:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect((await kiosk.retention.run()).outcome).toBe('ok'); // the last good run: 09:00 in Amsterdam
    clock.set('2027-03-02T09:30:00Z'); // the clock jumps a year ahead; a visitor signs in
    expect((await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Early', lastName: 'Bird' }))).ok).toBe(
      true,
    );
    expect((await kiosk.retention.run()).outcome).toBe('blocked');
    clock.set('2026-03-23T10:00:00Z'); // three weeks later the clock is put right and an admin confirms it
    expect(await kiosk.router.invoke('retention.confirmClock', {}, callers.admin)).toMatchObject({
      ok: true,
      value: { outcome: 'ok', counts: { futureCorrected: 1 } },
    });
    const visit = await kiosk.database.get<{ signed_in_at: number }>('SELECT signed_in_at FROM visits');
    expect(visit!.signed_in_at).toBe(Date.parse('2026-03-02T08:00:00Z'));

    // The hourly runs go on (one a fortnight is enough for the clock guard here).
    for (
      let day = Date.parse('2026-04-06T10:00:00Z');
      day < Date.parse('2026-09-01T00:00:00Z');
      day += 14 * 86_400_000
    ) {
      clock.set(new Date(day).toISOString());
      expect((await kiosk.retention.run()).outcome).toBe('ok');
    }
    clock.set('2026-09-01T21:00:00Z'); // the evening before: still within its six months
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 0 });
    clock.set('2026-09-02T07:00:00Z'); // the hourly run before its deadline (2 September, 10:00 in Amsterdam)
    expect((await kiosk.retention.run()).counts).toMatchObject({ erased: 1 });
    expect(await kiosk.database.get('SELECT id FROM visits')).toBeUndefined();
  });
});
