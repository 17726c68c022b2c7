import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { evacuationCsv } from '../../../../electron/core/visits/evacuation-csv';
import type { EvacuationList } from '../../../../shared/api/types';

const ZONE = 'Europe/Amsterdam';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

const list: EvacuationList = {
  generatedAt: at('2026-11-26T13:05'),
  timeZone: ZONE,
  visits: [
    {
      id: 1,
      firstName: 'Zoë',
      lastName: "van 't Hoff",
      company: 'Müller; Söhne, B.V.',
      plate: '12-ABC-3',
      plateKind: 'nl',
      signedInAt: at('2026-11-26T09:07'),
      signedOutAt: null,
      signOutMethod: null,
    },
  ],
};

describe('the evacuation list as CSV', () => {
  it('opens in Dutch Excel: semicolons, a UTF-8 byte-order mark, Dutch dates, a Dutch file name', () => {
    const { csv, fileName, count } = evacuationCsv(list, 'nl');
    expect(count).toBe(1);
    expect(fileName).toBe('evacuatielijst-2026-11-26-1305.csv');
    expect(csv).toBe(
      '\uFEFFVoornaam;Achternaam;Bedrijf;Kenteken;Aangemeld\r\n' +
        `Zoë;van 't Hoff;"Müller; Söhne, B.V.";12-ABC-3;26-11-2026 09:07\r\n`,
    );
  });

  it('opens in English Excel: commas, British dates, an English file name', () => {
    const { csv, fileName } = evacuationCsv(list, 'en');
    expect(fileName).toBe('evacuation-list-2026-11-26-1305.csv');
    expect(csv).toBe(
      '\uFEFFFirst name,Last name,Company,Licence plate,Signed in\r\n' +
        `Zoë,van 't Hoff,"Müller; Söhne, B.V.",12-ABC-3,26/11/2026 09:07\r\n`,
    );
  });

  it('makes every cell a spreadsheet would run as a formula plain text: = + - @, and a leading tab or carriage return', () => {
    const withCompany = (company: string): EvacuationList => ({
      ...list,
      visits: [{ ...list.visits[0]!, company }],
    });
    const companyCell = (company: string) => {
      const { csv } = evacuationCsv(withCompany(company), 'en');
      return csv.split('\r\n')[1]!.split(',')[2]!;
    };
    expect(companyCell('=1+1')).toBe("'=1+1");
    expect(companyCell('+31 20 123')).toBe("'+31 20 123");
    expect(companyCell('-2+3')).toBe("'-2+3");
    expect(companyCell('@SUM(A1)')).toBe("'@SUM(A1)");
    // Tab and carriage return are shown as escapes: the cell starts with a backslash, never runs.
    expect(companyCell('\t=1+1')).toBe('\\x09=1+1');
    expect(companyCell('\r=1+1')).toBe('\\x0D=1+1');
    expect(companyCell('Müller B.V.')).toBe('Müller B.V.');
  });
});
