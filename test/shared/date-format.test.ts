import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  fileStamp,
  formatDate,
  formatDateLong,
  formatDateTime,
  formatDateTimeLong,
  formatIsoDate,
  formatTime,
} from '../../shared/date-format';

const ZONE = 'Europe/Amsterdam';
// 26 November 2026, 13:05 in Amsterdam; 12:05 UTC.
const AFTERNOON = DateTime.fromISO('2026-11-26T13:05', { zone: ZONE }).toMillis();
// 3 March 2027, 09:07: one-digit day and month, a morning time.
const MORNING = DateTime.fromISO('2027-03-03T09:07', { zone: ZONE }).toMillis();

describe('one way to write dates and times', () => {
  it('writes Dutch dates as Dutch users do', () => {
    expect(formatDate(AFTERNOON, ZONE, 'nl')).toBe('26-11-2026');
    expect(formatDate(MORNING, ZONE, 'nl')).toBe('03-03-2027');
    expect(formatDateLong(AFTERNOON, ZONE, 'nl')).toBe('26 nov. 2026');
    expect(formatDateLong(MORNING, ZONE, 'nl')).toBe('3 mrt. 2027');
    expect(formatDateTime(AFTERNOON, ZONE, 'nl')).toBe('26-11-2026 13:05');
    expect(formatDateTimeLong(MORNING, ZONE, 'nl')).toBe('3 mrt. 2027 09:07');
  });

  it('writes English dates as British English does, with 24-hour times', () => {
    expect(formatDate(AFTERNOON, ZONE, 'en')).toBe('26/11/2026');
    expect(formatDateLong(AFTERNOON, ZONE, 'en')).toBe('26 Nov 2026');
    expect(formatDateLong(MORNING, ZONE, 'en')).toBe('3 Mar 2027');
    expect(formatDateTime(AFTERNOON, ZONE, 'en')).toBe('26/11/2026 13:05');
    expect(formatDateTime(AFTERNOON, ZONE, 'en')).not.toMatch(/AM|PM/i);
  });

  it('uses the kiosk zone, not the machine zone', () => {
    expect(formatTime(AFTERNOON, ZONE)).toBe('13:05');
    expect(formatTime(AFTERNOON, 'UTC')).toBe('12:05');
    // Just after midnight in Amsterdam is still the previous day in UTC.
    const night = DateTime.fromISO('2026-11-27T00:30', { zone: ZONE }).toMillis();
    expect(formatDate(night, ZONE, 'nl')).toBe('27-11-2026');
    expect(formatDate(night, 'UTC', 'nl')).toBe('26-11-2026');
  });

  it('writes an ISO calendar date for people, and leaves what is not one alone', () => {
    expect(formatIsoDate('2027-03-31', 'nl')).toBe('31-03-2027');
    expect(formatIsoDate('2027-03-31', 'en')).toBe('31/03/2027');
    expect(formatIsoDate('soon', 'en')).toBe('soon');
  });

  it('stamps file names the same way in both languages, sortable', () => {
    expect(fileStamp(AFTERNOON, ZONE)).toBe('2026-11-26-1305');
  });
});
