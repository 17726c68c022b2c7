import { describe, expect, it } from 'vitest';
import { datePartsFromIso, EMPTY_DATE_PARTS, isoFromDateParts } from '../../shared/date-parts';

describe('a segmented date field as the value of a native one', () => {
  it('reads and writes ISO dates and local date-times, padding what was typed', () => {
    expect(datePartsFromIso('2026-11-26T13:05')).toEqual({
      day: '26',
      month: '11',
      year: '2026',
      hour: '13',
      minute: '05',
    });
    expect(isoFromDateParts({ day: '3', month: '2', year: '2027', hour: '9', minute: '7' }, true)).toBe(
      '2027-02-03T09:07',
    );
    expect(isoFromDateParts({ ...EMPTY_DATE_PARTS, day: '26', month: '11', year: '2026' }, false)).toBe('2026-11-26');
  });

  it('says empty for an empty field and null for an incomplete or impossible one', () => {
    expect(isoFromDateParts(EMPTY_DATE_PARTS, true)).toBe('');
    expect(isoFromDateParts({ ...EMPTY_DATE_PARTS, day: '26', month: '11' }, false)).toBeNull();
    expect(isoFromDateParts({ ...EMPTY_DATE_PARTS, day: '31', month: '02', year: '2027' }, false)).toBeNull();
    expect(isoFromDateParts({ day: '26', month: '11', year: '2026', hour: '24', minute: '00' }, true)).toBeNull();
    expect(isoFromDateParts({ day: '26', month: '11', year: '26', hour: '', minute: '' }, false)).toBeNull();
    expect(datePartsFromIso('garbage')).toEqual(EMPTY_DATE_PARTS);
  });
});
