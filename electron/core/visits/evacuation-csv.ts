import { stringify } from 'csv-stringify/sync';
import type { CsvExport, EvacuationList } from '../../../shared/api/types';
import { fileStamp, formatDateTime } from '../../../shared/date-format';
import type { Language } from '../../../shared/messages';
import { printable } from '../../../shared/printable';

const HEADERS: Record<Language, string[]> = {
  nl: ['Voornaam', 'Achternaam', 'Bedrijf', 'Kenteken', 'Aangemeld'],
  en: ['First name', 'Last name', 'Company', 'Licence plate', 'Signed in'],
};

const FILE_NAMES: Record<Language, (stamp: string) => string> = {
  nl: (stamp) => `evacuatielijst-${stamp}.csv`,
  en: (stamp) => `evacuation-list-${stamp}.csv`,
};

// Dutch Excel splits lines on the list separator of the Dutch locale, the semicolon (the comma is
// the decimal sign there); English Excel on the comma.
const DELIMITERS: Record<Language, string> = { nl: ';', en: ',' };

// A spreadsheet runs a cell that starts with one of these as a formula; a company field could carry
// one. The quote makes it text.
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralise = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
// A name stored before the validation, or by anything but the kiosk, could carry control characters.
const cell = (value: string) => neutralise(printable(value));

export function evacuationCsv(list: EvacuationList, language: Language): CsvExport {
  const rows = list.visits.map((visit) =>
    [
      visit.firstName,
      visit.lastName,
      visit.company ?? '',
      visit.plate ?? '',
      formatDateTime(visit.signedInAt, list.timeZone, language),
    ].map(cell),
  );
  return {
    fileName: FILE_NAMES[language](fileStamp(list.generatedAt, list.timeZone)),
    // The byte-order mark makes spreadsheet programs read the names' accents as UTF-8.
    csv: stringify([HEADERS[language], ...rows], {
      bom: true,
      delimiter: DELIMITERS[language],
      record_delimiter: 'windows',
    }),
    count: rows.length,
  };
}
