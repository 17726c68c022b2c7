import { DateTime } from 'luxon';

/** The local calendar day containing `epochMs` in `zone`, as a half-open UTC range [start, end). */
export function localDayBounds(epochMs: number, zone: string): { start: number; end: number } {
  const day = DateTime.fromMillis(epochMs, { zone }).startOf('day');
  return { start: day.toMillis(), end: day.plus({ days: 1 }).toMillis() };
}

export function formatLocalTime(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('HH:mm');
}

export function formatLocalDate(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toISODate() ?? '';
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

export function formatLocalDateTime(epochMs: number, zone: string): string {
  return DateTime.fromMillis(epochMs, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
