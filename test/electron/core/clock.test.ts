import { describe, expect, it } from 'vitest';
import { clockFromEnvironment, fixedClock, InvalidClockError } from '../../../electron/core/clock';

describe('KIOSK_NOW', () => {
  it('starts the clock at the given instant and lets it run', () => {
    let real = 1_000;
    const base = { now: () => real };
    const clock = clockFromEnvironment({ KIOSK_NOW: '2026-03-29T02:30:00+02:00' }, base);
    expect(clock.now()).toBe(Date.parse('2026-03-29T00:30:00Z'));
    real += 5_000;
    expect(clock.now()).toBe(Date.parse('2026-03-29T00:30:05Z'));
  });

  it('is the base clock when unset', () => {
    const base = fixedClock(42);
    expect(clockFromEnvironment({}, base)).toBe(base);
  });

  it.each(['tomorrow', '2026-13-01', '24/11/2026'])('rejects %j', (value) => {
    expect(() => clockFromEnvironment({ KIOSK_NOW: value })).toThrow(InvalidClockError);
  });
});
