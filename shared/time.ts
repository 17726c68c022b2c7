import { DateTime } from 'luxon';

/**
 * "Through 31 March" as an instant: the start of the next local day in `zone` (an exclusive end).
 * `date` is an ISO date, 2027-03-31.
 */
export function endOfLocalDate(date: string, zone: string): number {
  return DateTime.fromISO(date, { zone }).plus({ days: 1 }).toMillis();
}

/** The local date an exclusive end at midnight closes ("through 31 March"), or null when it is not at midnight. */
export function localDateThrough(endsAt: number, zone: string): string | null {
  const end = DateTime.fromMillis(endsAt, { zone });
  return end.equals(end.startOf('day')) ? end.minus({ days: 1 }).toISODate() : null;
}

interface LocalDay {
  zone: string;
  start: number;
  end: number;
  date: string;
}

// The last day asked for: today's list, the desk's refreshes and the health checks all ask for today,
// and luxon's zone arithmetic would otherwise cost each call more than the rest of its work.
let lastDay: LocalDay | null = null;

/** The local calendar day containing `epochMs` in `zone`: its half-open UTC range and its ISO date. */
function localDay(epochMs: number, zone: string): LocalDay {
  if (lastDay && lastDay.zone === zone && epochMs >= lastDay.start && epochMs < lastDay.end) return lastDay;
  const day = DateTime.fromMillis(epochMs, { zone }).startOf('day');
  const found = { zone, start: day.toMillis(), end: day.plus({ days: 1 }).toMillis(), date: day.toISODate() ?? '' };
  if (day.isValid) lastDay = found;
  return found;
}

/** The local calendar day containing `epochMs` in `zone`, as a half-open UTC range [start, end). */
export function localDayBounds(epochMs: number, zone: string): { start: number; end: number } {
  const { start, end } = localDay(epochMs, zone);
  return { start, end };
}

/** The local calendar date as ISO (2026-11-26), as the API carries it; people read shared/date-format.ts. */
export function formatLocalDate(epochMs: number, zone: string): string {
  return localDay(epochMs, zone).date;
}

/**
 * When a visitor who forgot to sign out is signed out automatically: the configured local time of
 * day ("HH:MM") on the day they signed in, or the next day when they signed in after it.
 */
export function automaticSignOutTime(signedInAt: number, timeOfDay: string, zone: string): number {
  const [hour, minute] = timeOfDay.split(':').map(Number) as [number, number];
  const signedIn = DateTime.fromMillis(signedInAt, { zone });
  let cutoff = signedIn.set({ hour, minute, second: 0, millisecond: 0 });
  if (cutoff.toMillis() <= signedInAt) cutoff = cutoff.plus({ days: 1 });
  return cutoff.toMillis();
}
