import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../../../shared/api/invitations';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

// The files offices really have, byte for byte as the programs write them.
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Dutch Excel's "CSV (gescheiden door lijstscheidingsteken)": Windows-1252, semicolons, CRLF, no BOM. */
function windows1252(lines: string[]): Buffer {
  // latin1 and Windows-1252 agree on every character these files use (é, ë, ö).
  return Buffer.from(lines.join('\r\n') + '\r\n', 'latin1');
}

const excelWindows1252 = windows1252([
  'Voornaam;Tussenvoegsel;Achternaam;Bedrijf;Kenteken;Gastheer',
  'Anna;de;Vries;Acme, Inc;12-ABC-3;Henk',
  'Zoë;;Smit;"Smit; Zonen";;',
  'Renée;van der;Berg;Café Öz;;',
  ';;;;;',
  ';;;;;',
]);

/** Excel's "CSV UTF-8 (door komma's gescheiden)": a BOM, semicolons in a Dutch Excel, CRLF. */
const excelUtf8 = Buffer.concat([
  BOM,
  Buffer.from('VOORNAAM;ACHTERNAAM;TUSSENVOEGSEL;BEDRIJF\r\nZoë;Vries;de;Acme, Inc\r\n;;;\r\n', 'utf8'),
]);

/** Google Sheets' download: UTF-8 without BOM, commas, quotes where a cell has a comma, LF. */
const googleSheets = Buffer.from(
  'First name,Last name,Company,Plate,Host,Notes\nZoë,de Vries,"Acme, Inc",,Henk,parking\nPiet,Jansen,"Smit; Zonen",AB-12-CD,,\n',
  'utf8',
);

async function importCsv(bytes: Buffer) {
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00+01:00') });
  const result = await kiosk.router.invoke(
    'invitations.addCsv',
    { date: '2026-11-26', file: bytes.toString('base64') },
    callers.receptionist,
  );
  const stored = (await kiosk.database.get('SELECT count(*) AS n FROM expected_visits')) as { n: number };
  return { result, stored: stored.n };
}

const names = (invitations: Invitation[]) =>
  invitations.map((i) => [i.firstName, i.lastName, i.company, i.plate?.toString() ?? null, i.hostName]);

describe('the expected-visitors CSV files offices have', () => {
  it("Dutch Excel (Windows-1252, ';', CRLF): an unquoted comma stays in the company, de Vries, Zoë, trailing ;;;;", async () => {
    const { result } = await importCsv(excelWindows1252);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ encoding: 'windows-1252', delimiter: ';', unknownColumns: [] });
    expect(names(result.value.invitations)).toEqual([
      ['Anna', 'de Vries', 'Acme, Inc', '12-ABC-3', 'Henk'],
      ['Zoë', 'Smit', 'Smit; Zonen', null, null],
      ['Renée', 'van der Berg', 'Café Öz', null, null],
    ]);
  });

  it('Excel "CSV UTF-8" (BOM): headers in capitals, in another order', async () => {
    const { result } = await importCsv(excelUtf8);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ encoding: 'utf-8-bom', delimiter: ';' });
    expect(names(result.value.invitations)).toEqual([['Zoë', 'de Vries', 'Acme, Inc', null, null]]);
  });

  it('Google Sheets (commas, quoted): a semicolon stays in the company; an unknown column is named', async () => {
    const { result } = await importCsv(googleSheets);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ encoding: 'utf-8', delimiter: ',', unknownColumns: ['Notes'] });
    expect(names(result.value.invitations)).toEqual([
      ['Zoë', 'de Vries', 'Acme, Inc', null, 'Henk'],
      ['Piet', 'Jansen', 'Smit; Zonen', 'AB-12-CD', null],
    ]);
  });

  it('a tab-separated file, and a date column per row', async () => {
    const tabs = Buffer.from('first name\tlast name\tdatum\nAnna\tJansen\t27-11-2026\nBob\tSmit\t2026-11-28\n', 'utf8');
    const { result } = await importCsv(tabs);
    expect(result.ok && result.value.delimiter).toBe('\t');
    expect(result.ok && result.value.invitations.map((i) => i.date)).toEqual(['2026-11-27', '2026-11-28']);
  });

  it('a refused row names the row and the field, and nothing is added', async () => {
    const bad = windows1252(['Voornaam;Achternaam;Kenteken', 'Anna;Vries;12-ABC-3', 'Bert;<script>;', 'Carla;Smit;']);
    const { result, stored } = await importCsv(bad);
    expect(result).toMatchObject({
      ok: false,
      error: { key: 'invitation.csvInvalid', params: { row: 3 }, fields: { Achternaam: 'name.invalidCharacters' } },
    });
    expect(stored).toBe(0);
    const badPlate = await importCsv(Buffer.from('first,last,plate\nAnna,Vries,!!!\n'));
    expect(badPlate.result).toMatchObject({
      ok: false,
      error: { key: 'invitation.csvInvalid', params: { row: 2 }, fields: { plate: 'plate.invalid' } },
    });
    const badDate = await importCsv(Buffer.from('first;last;datum\nAnna;Vries;31-02-2027\n'));
    expect(badDate.result).toMatchObject({
      ok: false,
      error: { key: 'invitation.csvInvalid', params: { row: 2 }, fields: { datum: 'invitation.dateInvalid' } },
    });
    expect(badDate.stored).toBe(0);
    const noNames = await importCsv(Buffer.from('Bedrijf;Kenteken\nAcme;\n'));
    expect(noNames.result).toMatchObject({ ok: false, error: { key: 'invitation.csvEmpty' } });
  });
});
