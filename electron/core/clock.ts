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

const PLAIN_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * 2026-11-24T10:00:00Z or ...+01:00, the form tests and demos use, read without luxon: its ISO parser
 * first settles the system's locale through Intl, which costs a CLI command more than the rest of its
 * clock. Null for anything else (no offset, a week date, 30 February, 24:00, ...): luxon decides.
 */
function parsePlainInstant(value: string): number | null {
  const match = PLAIN_INSTANT.exec(value);
  if (!match) return null;
  const part = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [part(1), part(2), part(3), part(4), part(5), part(6)];
  const [offsetHours, offsetMinutes] = [part(9), part(10)];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, part(7));
  if (new Date(utc).getUTCDate() !== day) return null; // 30 February
  const offset = (match[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  return utc - offset * 60_000;
}

/**
 * KIOSK_NOW (ISO 8601) moves the clock for demos and tests: time starts there and runs on,
 * so visits made in one session still get distinct, ordered times.
 */
export function clockFromEnvironment(environment: NodeJS.ProcessEnv, base: Clock = systemClock): Clock {
  const value = environment.KIOSK_NOW;
  if (value === undefined || value === '') return base;
  const plain = parsePlainInstant(value);
  const start = plain === null ? DateTime.fromISO(value, { setZone: true }) : null;
  if (start && !start.isValid) {
    throw new InvalidClockError(
      `KIOSK_NOW must be an ISO 8601 timestamp such as 2026-11-24T09:30:00+01:00, not "${value}"`,
    );
  }
  const offset = (plain ?? start!.toMillis()) - base.now();
  return { now: () => base.now() + offset };
}
