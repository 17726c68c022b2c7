import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import {
  expectedVisitorInput,
  type ExpectedCsvDelimiter,
  type ExpectedCsvEncoding,
} from '../../../shared/api/invitations';
import type { MessageKey } from '../../../shared/messages';
import { UserError } from '../user-error';

type Column = 'firstName' | 'infix' | 'lastName' | 'company' | 'plate' | 'hostName' | 'date';

// Header names as Dutch and English spreadsheets write them, compared without case, spaces, _ or -.
const COLUMNS: Record<string, Column> = {
  first: 'firstName',
  firstname: 'firstName',
  voornaam: 'firstName',
  tussenvoegsel: 'infix',
  tussenvoegsels: 'infix',
  last: 'lastName',
  lastname: 'lastName',
  surname: 'lastName',
  achternaam: 'lastName',
  company: 'company',
  bedrijf: 'company',
  plate: 'plate',
  licenceplate: 'plate',
  licenseplate: 'plate',
  kenteken: 'plate',
  host: 'hostName',
  gastheer: 'hostName',
  gastvrouw: 'hostName',
  date: 'date',
  datum: 'date',
};

const DELIMITERS: ExpectedCsvDelimiter[] = [';', ',', '\t'];

export interface ExpectedCsvVisitor {
  firstName: string;
  lastName: string;
  company?: string;
  plate?: { kind: 'nl' | 'foreign'; display: string };
  hostName?: string;
  /** The row's own date, when the file has a date column and the row fills it. */
  date?: string;
}

export interface ExpectedCsvFile {
  visitors: ExpectedCsvVisitor[];
  encoding: ExpectedCsvEncoding;
  delimiter: ExpectedCsvDelimiter;
  /** Header cells the import does not know, as written in the file; their cells are ignored. */
  unknownColumns: string[];
}

/** UTF-8 with or without a byte-order mark; anything that is not valid UTF-8 is Windows-1252 (Excel's "CSV"). */
function decode(bytes: Uint8Array): { text: string; encoding: ExpectedCsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter the header line uses most, outside quotes; a cell's own commas never count. */
function headerDelimiter(text: string): ExpectedCsvDelimiter {
  const header = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const counts = new Map<string, number>();
  let quoted = false;
  for (const character of header) {
    if (character === '"') quoted = !quoted;
    else if (!quoted) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let best: ExpectedCsvDelimiter = ',';
  for (const delimiter of DELIMITERS) if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  return best;
}

/** 2026-12-07, 7-12-2026 or 07/12/2026 (Dutch Excel writes day first) as 2026-12-07; null when no real date. */
function readDate(input: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input);
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(input);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!year) return null;
  const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) });
  return date.isValid ? date.toISODate() : null;
}

const refuse = (row: number, header: string, reason: MessageKey): never => {
  throw new UserError({ key: 'invitation.csvInvalid', params: { row }, fields: { [header]: reason } });
};

/**
 * The visitors in an expected-visitors file, each checked as at sign-in. The delimiter is the
 * header line's (`;`, `,` or tab), and only that one; empty rows and empty trailing columns are
 * skipped. The first bad row fails the whole file, naming the row (as a spreadsheet numbers it) and
 * the column.
 */
export function readExpectedCsv(bytes: Uint8Array): ExpectedCsvFile {
  const { text, encoding } = decode(bytes);
  const delimiter = headerDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      trim: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError({ key: 'invitation.csvInvalid', params: { row: typeof line === 'number' ? line : 1 } });
  }
  const filled = records.filter(({ record }) => record.some((cell) => cell !== ''));
  const [header, ...rows] = filled;
  const headers = header?.record ?? [];
  const columns = headers.map((name) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')]);
  const unknownColumns = headers.filter((name, index) => name !== '' && columns[index] === undefined);
  if (!columns.includes('firstName') || !columns.includes('lastName') || rows.length === 0) {
    throw new UserError({ key: 'invitation.csvEmpty' });
  }
  const headerOf = (column: Column) => headers[columns.indexOf(column)]!;

  const visitors = rows.map(({ record, info }) => {
    const cells: Partial<Record<Column, string>> = {};
    columns.forEach((column, index) => {
      if (column && record[index]) cells[column] = record[index];
    });
    const lastName = [cells.infix, cells.lastName].filter(Boolean).join(' ');
    const parsed = expectedVisitorInput.safeParse({
      firstName: cells.firstName ?? '',
      lastName,
      company: cells.company,
      plate: cells.plate,
      hostName: cells.hostName,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path[0] as Column;
      refuse(info.lines, headerOf(field), issue.message as MessageKey);
    }
    const visitor: ExpectedCsvVisitor = parsed.data!;
    if (cells.date !== undefined) {
      visitor.date = readDate(cells.date) ?? refuse(info.lines, headerOf('date'), 'invitation.dateInvalid');
    }
    return visitor;
  });
  return { visitors, encoding, delimiter, unknownColumns };
}
