import { DateTime } from 'luxon';

export interface Clock {
  /** Milliseconds since the epoch, UTC. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export function fixedClock(epochMs: number): Clock {
  return { now: () => epochMs };
}

export class InvalidClockError extends Error {}

/**
 * KIOSK_NOW (ISO 8601) moves the clock for demos and tests: time starts there and runs on,
 * so visits made in one session still get distinct, ordered times.
 */
export function clockFromEnvironment(environment: NodeJS.ProcessEnv, base: Clock = systemClock): Clock {
  const value = environment.KIOSK_NOW;
  if (value === undefined || value === '') return base;
  const start = DateTime.fromISO(value, { setZone: true });
  if (!start.isValid) {
    throw new InvalidClockError(
      `KIOSK_NOW must be an ISO 8601 timestamp such as 2026-11-24T09:30:00+01:00, not "${value}"`,
    );
  }
  const offset = start.toMillis() - base.now();
  return { now: () => base.now() + offset };
}
