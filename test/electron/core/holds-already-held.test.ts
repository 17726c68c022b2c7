import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk } from '../../helpers/kiosk';

describe('a hold on a file that is already held', () => {
  it('is refused, naming the hold that covers it; after its release the file can be held again', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T10:00:00Z') });
    const terms = { reason: 'Incident 21', basis: 'legalObligation' } as const;
    const path = '2026-11-20/08/gate/00.10.mp4';
    const first = await kiosk.router.invoke('holds.placeOnFootage', { path, ...terms }, callers.security);
    if (!first.ok) throw new Error(first.error.key);
    expect(await kiosk.router.invoke('holds.placeOnFootage', { path, ...terms }, callers.security)).toEqual({
      ok: false,
      error: { key: 'hold.fileAlreadyHeld', params: { holdId: first.value.id } },
    });
    await kiosk.router.invoke('holds.release', { holdId: first.value.id }, callers.security);
    expect(await kiosk.router.invoke('holds.placeOnFootage', { path, ...terms }, callers.security)).toMatchObject({
      ok: true,
    });
  });
});
