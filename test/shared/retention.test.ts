import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { footageDeletionDeadline, isDueBy, visitErasureDeadline } from '../../shared/retention';

const zone = 'Europe/Amsterdam';
const local = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
const asLocal = (ms: number) => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('visit erasure deadline', () => {
  it.each([
    ['2026-05-24T10:15:00', 6, '2026-11-24T10:15:00+01:00'],
    ['2026-08-31T09:00:00', 6, '2027-02-28T09:00:00+01:00'],
    ['2027-08-31T09:00:00', 6, '2028-02-29T09:00:00+01:00'], // leap year
    ['2026-03-31T09:00:00', 6, '2026-09-30T09:00:00+02:00'],
    ['2026-12-31T23:30:00', 2, '2027-02-28T23:30:00+01:00'],
    ['2026-01-15T12:00:00', 1, '2026-02-15T12:00:00+01:00'],
  ])('%s + %i months = %s', (visit, months, deadline) => {
    expect(asLocal(visitErasureDeadline(local(visit), months, zone))).toBe(deadline);
  });

  it('keeps the local time across a daylight-saving change', () => {
    // 09:00 CET in winter -> 09:00 CEST in summer: 5 months and one hour less in UTC.
    const deadline = visitErasureDeadline(local('2026-01-10T09:00:00'), 5, zone);
    expect(asLocal(deadline)).toBe('2026-06-10T09:00:00+02:00');
    expect(new Date(deadline).toISOString()).toBe('2026-06-10T07:00:00.000Z');
  });

  it('a visit late on a summer night keeps its local date, not its UTC date', () => {
    // 00:30 CEST on 1 April is 22:30 UTC on 31 March; the deadline is 1 October, not 30 September.
    expect(asLocal(visitErasureDeadline(local('2026-04-01T00:30:00'), 6, zone))).toBe('2026-10-01T00:30:00+02:00');
  });

  it('a local time that does not exist on the deadline day moves forward, never back', () => {
    // 02:30 on 29 March 2026 does not exist in Amsterdam (clocks jump from 02:00 to 03:00).
    const deadline = visitErasureDeadline(local('2025-09-29T02:30:00'), 6, zone);
    expect(deadline).toBeGreaterThanOrEqual(local('2026-03-29T03:00:00'));
    expect(deadline).toBeLessThanOrEqual(local('2026-03-29T03:30:00'));
  });
});

describe('footage deletion deadline', () => {
  it('is 28 days of 24 hours after recording start, whatever the clocks do', () => {
    const recorded = Date.parse('2026-10-10T10:00:00Z');
    expect(new Date(footageDeletionDeadline(recorded, 28)).toISOString()).toBe('2026-11-07T10:00:00.000Z');
  });
});

describe('due by the next run', () => {
  it('a deadline before or at the next run is due now', () => {
    expect(isDueBy(100, 200)).toBe(true);
    expect(isDueBy(200, 200)).toBe(true);
    expect(isDueBy(201, 200)).toBe(false);
  });
});
