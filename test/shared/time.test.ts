import { describe, expect, it } from 'vitest';
import { endOfLocalDate, formatLocalDate, localDateThrough, localDayBounds } from '../../shared/time';

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

describe('the local day of an instant (remembered for the next call)', () => {
  const at = (iso: string) => Date.parse(iso);

  it('gives each instant its own day, whatever was asked before', () => {
    // Asked in this order, each answer must not be the one remembered from the call before.
    const asked: [string, string, string, number, number][] = [
      ['2027-03-28T12:00:00Z', ZONE, '2027-03-28', at('2027-03-27T23:00:00Z'), at('2027-03-28T22:00:00Z')],
      ['2027-03-28T21:59:59.999Z', ZONE, '2027-03-28', at('2027-03-27T23:00:00Z'), at('2027-03-28T22:00:00Z')],
      // The end is exclusive: the first instant of the next day is the next day.
      ['2027-03-28T22:00:00Z', ZONE, '2027-03-29', at('2027-03-28T22:00:00Z'), at('2027-03-29T22:00:00Z')],
      ['2027-03-28T12:00:00Z', 'UTC', '2027-03-28', at('2027-03-28T00:00:00Z'), at('2027-03-29T00:00:00Z')],
      ['2027-03-28T23:30:00Z', 'UTC', '2027-03-28', at('2027-03-28T00:00:00Z'), at('2027-03-29T00:00:00Z')],
      ['2027-03-28T23:30:00Z', ZONE, '2027-03-29', at('2027-03-28T22:00:00Z'), at('2027-03-29T22:00:00Z')],
      ['2027-03-27T22:59:59.999Z', ZONE, '2027-03-27', at('2027-03-26T23:00:00Z'), at('2027-03-27T23:00:00Z')],
    ];
    for (const [instant, zone, date, start, end] of asked) {
      expect([formatLocalDate(at(instant), zone), localDayBounds(at(instant), zone)]).toEqual([date, { start, end }]);
    }
  });

  it('gives no date for an instant that is not one', () => {
    expect(formatLocalDate(Number.NaN, ZONE)).toBe('');
    expect(formatLocalDate(at('2027-03-28T12:00:00Z'), ZONE)).toBe('2027-03-28');
  });
});
