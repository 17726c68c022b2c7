import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
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

describe('KIOSK_NOW read as luxon reads ISO 8601', () => {
  // The usual forms are read without luxon; every answer, instant or refusal, must be luxon's.
  const values = [
    '2026-11-24T10:00:00Z',
    '2026-11-24T10:00Z',
    '2026-11-24T10:00:00.123Z',
    '2026-11-24T10:00:00.1234Z',
    '2026-11-24T10:00:00,5Z',
    '2026-03-29T02:30:00+02:00',
    '2026-10-25T02:30:00-09:30',
    '2026-11-24T10:00:00+23:59',
    '2026-11-24T10:00:00+24:00',
    '2026-11-24T10:00:00+01:60',
    '2026-02-28T23:59:59Z',
    '2026-02-29T10:00:00Z',
    '2028-02-29T10:00:00Z',
    '2026-02-30T10:00:00Z',
    '2026-04-31T10:00:00Z',
    '2026-00-10T10:00:00Z',
    '2026-11-00T10:00:00Z',
    '2026-11-24T24:00:00Z',
    '2026-11-24T23:60:00Z',
    '2026-11-24T10:00:60Z',
    '0099-11-24T10:00:00Z',
    '2026-11-24',
    '2026-11-24T10:00:00',
    '2026-W48-2T10:00:00Z',
    '20261124T100000Z',
  ];

  it.each(values)('%s', (value) => {
    const luxon = DateTime.fromISO(value, { setZone: true });
    const read = () => clockFromEnvironment({ KIOSK_NOW: value }, fixedClock(0)).now();
    if (luxon.isValid) expect(read()).toBe(luxon.toMillis());
    else expect(read).toThrow(InvalidClockError);
  });
});
