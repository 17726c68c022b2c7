import { stringify } from 'csv-stringify/sync';
import type { CsvExport, EvacuationList } from '../../shared/api/types';
import type { Language } from '../../shared/messages';
import { DateTime } from 'luxon';
import { printable } from '../../shared/printable';
import { formatLocalDateTime } from '../../shared/time';

const HEADERS: Record<Language, string[]> = {
  nl: ['Voornaam', 'Achternaam', 'Bedrijf', 'Kenteken', 'Aangemeld'],
  en: ['First name', 'Last name', 'Company', 'Licence plate', 'Signed in'],
};

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
      formatLocalDateTime(visit.signedInAt, list.timeZone),
    ].map(cell),
  );
  const stamp = DateTime.fromMillis(list.generatedAt, { zone: list.timeZone }).toFormat('yyyy-MM-dd-HHmm');
  return {
    fileName: `evacuation-${stamp}.csv`,
    // The byte-order mark makes spreadsheet programs read the names' accents as UTF-8.
    csv: stringify([HEADERS[language], ...rows], { bom: true, record_delimiter: 'windows' }),
    count: rows.length,
  };
}
