import { DateTime } from 'luxon';
import type { Language } from './messages';

// The one place dates and times are written for people: every view, CSV and print. Month names are
// spelled out here rather than taken from Intl, so the output does not depend on which locales the
// browser or Node was built with (Debian's Chromium ships en-US only).
const SHORT_MONTHS: Record<Language, readonly string[]> = {
  nl: ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

/** Dutch writes 26-11-2026, British English 26/11/2026. */
const DATE_PATTERN: Record<Language, string> = { nl: 'dd-MM-yyyy', en: 'dd/MM/yyyy' };

const local = (epochMs: number, zone: string) => DateTime.fromMillis(epochMs, { zone });

/** 26-11-2026 (nl), 26/11/2026 (en). */
export function formatDate(epochMs: number, zone: string, language: Language): string {
  return local(epochMs, zone).toFormat(DATE_PATTERN[language]);
}

/** 26 nov. 2026 (nl), 26 Nov 2026 (en): where there is room. */
export function formatDateLong(epochMs: number, zone: string, language: Language): string {
  const day = local(epochMs, zone);
  return `${day.day} ${SHORT_MONTHS[language][day.month - 1]} ${day.year}`;
}

/** 13:05 in both languages: always 24-hour. */
export function formatTime(epochMs: number, zone: string): string {
  return local(epochMs, zone).toFormat('HH:mm');
}

/** 26-11-2026 13:05 (nl), 26/11/2026 13:05 (en). */
export function formatDateTime(epochMs: number, zone: string, language: Language): string {
  return `${formatDate(epochMs, zone, language)} ${formatTime(epochMs, zone)}`;
}

/** 26 nov. 2026 13:05 (nl), 26 Nov 2026 13:05 (en). */
export function formatDateTimeLong(epochMs: number, zone: string, language: Language): string {
  return `${formatDateLong(epochMs, zone, language)} ${formatTime(epochMs, zone)}`;
}

/** An ISO calendar date (2027-03-31, as the API carries it) written for people: 31-03-2027, 31/03/2027. */
export function formatIsoDate(isoDate: string, language: Language): string {
  const day = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return day.isValid ? day.toFormat(DATE_PATTERN[language]) : isoDate;
}

/** 2026-11-26 13:05: the command line's form, sortable and the same as its options take. */
export function formatIsoDateTime(epochMs: number, zone: string): string {
  return local(epochMs, zone).toFormat('yyyy-MM-dd HH:mm');
}

/** A stamp for file names, sortable and the same in both languages: 2026-11-26-1305. */
export function fileStamp(epochMs: number, zone: string): string {
  return local(epochMs, zone).toFormat('yyyy-MM-dd-HHmm');
}
