import { describe, expect, it } from 'vitest';
import { endOfLocalDate, localDateThrough } from '../../shared/time';

const ZONE = 'Europe/Amsterdam';

describe('a hold "through" a local date', () => {
  it('ends at the start of the next local day, also across a clock change', () => {
    expect(endOfLocalDate('2027-03-31', ZONE)).toBe(Date.parse('2027-03-31T22:00:00Z'));
    // 28 March 2027 is 23 hours long in the Netherlands: summer time starts at 02:00.
    expect(endOfLocalDate('2027-03-28', ZONE)).toBe(Date.parse('2027-03-28T22:00:00Z'));
    expect(endOfLocalDate('2027-01-31', ZONE)).toBe(Date.parse('2027-01-31T23:00:00Z'));
  });

  it('is shown as the date that was entered; an end that is not at midnight is no date', () => {
    expect(localDateThrough(endOfLocalDate('2027-03-31', ZONE), ZONE)).toBe('2027-03-31');
    expect(localDateThrough(Date.parse('2027-03-31T12:00:00Z'), ZONE)).toBeNull();
  });
});
