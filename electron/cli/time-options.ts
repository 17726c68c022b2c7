import { DateTime } from 'luxon';
import { printable } from '../../shared/printable';
import { endOfLocalDate } from '../../shared/time';
import { UsageError } from './usage-error';

/**
 * A date option as the UI means it (--until, --review): a date is through the end of that day, in
 * the kiosk's zone; a date and time without an offset is in the kiosk's zone too.
 */
export function throughDateOption(value: string | undefined, name: string, zone: string): number | null {
  if (value === undefined) return null;
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid || !/^\d{4}-\d\d-\d\d/.test(value)) {
    throw new UsageError(`--${name} must be a date such as 2027-01-31 or 2027-01-31T12:00, not "${printable(value)}"`);
  }
  return value.length === 10 ? endOfLocalDate(value, zone) : parsed.toMillis();
}

/** A moment such as --from 2026-11-24T10:00, in the kiosk's zone unless it carries an offset. */
export function timeOption(value: string | undefined, name: string, zone: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid)
    throw new UsageError(`--${name} must be a date or time such as 2026-11-24T10:00, not "${printable(value)}"`);
  return parsed.toMillis();
}
