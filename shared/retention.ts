import { DateTime } from 'luxon';

// The only place retention deadlines are computed: the purge, the staff views and the notice all
// call these, so what is shown, promised and done cannot drift apart.

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When a visit's contact data must be gone: the visit's local date and time plus `months` calendar
 * months in `zone`, clamped to the month's end (31 August + 6 months = 28 or 29 February).
 */
export function visitErasureDeadline(visitAt: number, months: number, zone: string): number {
  return DateTime.fromMillis(visitAt, { zone }).plus({ months }).toMillis();
}

/** When a footage file must be gone: recording start plus `days` whole days of 24 hours. */
export function footageDeletionDeadline(recordedAt: number, days: number): number {
  return recordedAt + days * DAY_MS;
}

/**
 * A purge erases everything whose deadline falls before the next run, so nothing outlives its
 * deadline by up to one schedule interval.
 */
export function isDueBy(deadline: number, nextRunAt: number): boolean {
  return deadline <= nextRunAt;
}
