import { parse } from 'csv-parse/sync';
import { expectedVisitorInput } from '../../../shared/api/invitations';
import { UserError } from '../user-error';

// Header names, in English and Dutch, for the columns of an expected-visitor CSV file.
const COLUMNS: Record<string, keyof ExpectedCsvRow> = {
  first: 'firstName',
  firstname: 'firstName',
  voornaam: 'firstName',
  last: 'lastName',
  lastname: 'lastName',
  achternaam: 'lastName',
  company: 'company',
  bedrijf: 'company',
  plate: 'plate',
  kenteken: 'plate',
  host: 'hostName',
  gastheer: 'hostName',
};

interface ExpectedCsvRow {
  firstName: string;
  lastName: string;
  company?: string;
  plate?: string;
  hostName?: string;
}

/**
 * The visitors in a CSV file with a header row (comma or semicolon separated, as spreadsheets
 * save it), each checked as at sign-in. The first bad line fails the whole file, naming its line.
 */
export function parseExpectedCsv(text: string) {
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
  } catch {
    throw new UserError({ key: 'invitation.csvInvalid', params: { row: 1 } });
  }
  const [header, ...rows] = records;
  const fields = (header ?? []).map((name) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')]);
  if (!fields.includes('firstName') || !fields.includes('lastName') || rows.length === 0) {
    throw new UserError({ key: 'invitation.csvEmpty' });
  }
  return rows.map((cells, index) => {
    const row: Record<string, string> = {};
    fields.forEach((field, column) => {
      if (field && cells[column] !== undefined && cells[column] !== '') row[field] = cells[column];
    });
    const parsed = expectedVisitorInput.safeParse({ firstName: '', lastName: '', ...row });
    // Line numbers as a spreadsheet shows them: the header is line 1.
    if (!parsed.success) throw new UserError({ key: 'invitation.csvInvalid', params: { row: index + 2 } });
    return parsed.data;
  });
}
