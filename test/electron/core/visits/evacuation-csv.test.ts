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
});
