// Issue 20: a clock that steps back once and recovers does not stop erasure. The run behind the last
// good run is held back, but the block lifts by itself once the clock is past that run again (and
// within the margin), audited, and the alarm clears. Only a clock far ahead waits for an admin.
import { describe, expect, it } from 'vitest';
import { manualClock, openTestKiosk } from '../../../helpers/kiosk';

describe('a clock that steps back', () => {
  it('holds back the run behind the last one, then resumes by itself once the clock is right again', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    clock.set('2026-11-24T09:30:00Z'); // a boot with a clock half an hour behind
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.clockBehindLastRun' },
    });
    const alarms = async () => (await kiosk.health.current()).problems.map((problem) => problem.key);
    expect(await alarms()).toContain('retentionBlocked');

    clock.set('2026-11-24T11:00:00Z'); // the clock is right again
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    expect(await alarms()).not.toContain('retentionBlocked');
    expect((await kiosk.audit.list({ action: 'retention.clockRecovered' }))[0]).toMatchObject({ actor: 'system' });
  });

  it('a clock far ahead still waits for an admin, also once it is back', async () => {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect((await kiosk.retention.run()).outcome).toBe('ok');
    clock.set('2027-02-24T10:00:00Z');
    expect(await kiosk.retention.run()).toMatchObject({ outcome: 'blocked', reason: { key: 'run.clockFarAhead' } });
    clock.set('2026-11-24T11:00:00Z');
    expect(await kiosk.retention.run()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.awaitingConfirmation' },
    });
  });
});
