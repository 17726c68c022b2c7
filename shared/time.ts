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
