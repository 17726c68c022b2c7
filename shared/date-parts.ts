import { DateTime } from 'luxon';

/** What a segmented date (and time) field holds: digits as typed, each possibly empty. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

export const EMPTY_DATE_PARTS: DateParts = { day: '', month: '', year: '', hour: '', minute: '' };

/** The parts of an ISO date (2026-11-26) or local date-time (2026-11-26T13:05); empty parts otherwise. */
export function datePartsFromIso(value: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return EMPTY_DATE_PARTS;
  const [, year = '', month = '', day = '', hour = '', minute = ''] = match;
  return { day, month, year, hour, minute };
}

/**
 * The parts as the value a native date or datetime-local input would give: '' when every part is
 * empty, null when the parts are incomplete or no real date (31-02, 24:00), else the ISO string.
 */
export function isoFromDateParts(parts: DateParts, withTime: boolean): string | null {
  const used: (keyof DateParts)[] = withTime ? ['day', 'month', 'year', 'hour', 'minute'] : ['day', 'month', 'year'];
  if (used.every((part) => parts[part] === '')) return '';
  if (used.some((part) => !/^\d+$/.test(parts[part])) || parts.year.length !== 4) return null;
  // Luxon reads 24:00 as the next day's midnight; a person typing 24 made a slip.
  if (withTime && (Number(parts.hour) > 23 || Number(parts.minute) > 59)) return null;
  const moment = DateTime.fromObject(
    {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: withTime ? Number(parts.hour) : 0,
      minute: withTime ? Number(parts.minute) : 0,
    },
    { zone: 'UTC' },
  );
  if (!moment.isValid) return null;
  return moment.toFormat(withTime ? "yyyy-MM-dd'T'HH:mm" : 'yyyy-MM-dd');
}
