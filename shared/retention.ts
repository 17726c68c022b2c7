import { DateTime } from 'luxon';
import type { KioskConfig } from './config';

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
 * When an expected visit (an invitation) must be gone: the start of the local day `days` days after
 * its date, the day the invitation purge no longer keeps it (`unarrivedDays`).
 */
export function expectedVisitErasureDeadline(visitDate: string, days: number, zone: string): number {
  return DateTime.fromISO(visitDate, { zone })
    .plus({ days: days + 1 })
    .startOf('day')
    .toMillis();
}

/**
 * A purge erases everything whose deadline falls before the next run, so nothing outlives its
 * deadline by up to one schedule interval.
 */
export function isDueBy(deadline: number, nextRunAt: number): boolean {
  return deadline <= nextRunAt;
}

/**
 * For a purge: visits signed in at or before `surelyDueUntil` are due by `dueBy` (deadlines never
 * decrease as visits get older); those up to `checkUntil` must be judged one by one with
 * visitErasureDeadline, because month-end clamping gives several days one deadline and a
 * daylight-saving change moves a wall-clock time by an hour.
 */
export function visitDueWindow(
  dueBy: number,
  months: number,
  zone: string,
): { surelyDueUntil: number; checkUntil: number } {
  const bound = DateTime.fromMillis(dueBy, { zone }).minus({ months }).toMillis();
  return { surelyDueUntil: bound - DAY_MS, checkUntil: bound + 5 * DAY_MS };
}

/** A camera's footage retention in days: its own shorter period if configured, never the default's longer. */
export function footageRetentionDays(config: KioskConfig, camera: string): number {
  const days = config.retention.footageDays;
  return Math.min(config.footage.cameraRetentionDays[camera] ?? days, days);
}

/** The audit log and job-run records from before this instant are erased: `months` calendar months back. */
export function recordsKeptSince(now: number, months: number, zone: string): number {
  return DateTime.fromMillis(now, { zone }).minus({ months }).toMillis();
}
