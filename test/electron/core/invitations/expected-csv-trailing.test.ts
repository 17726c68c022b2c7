import { describe, expect, it } from 'vitest';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';

// Excel leaves empty columns after the last filled one, in the header as well as in the rows, and
// a row can carry more of them than the header.
async function importCsv(text: string) {
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-26T09:00:00+01:00') });
  return kiosk.router.invoke(
    'invitations.addCsv',
    { date: '2026-11-26', file: Buffer.from(text, 'utf8').toString('base64') },
    callers.receptionist,
  );
}

describe('expected-visitors files with empty trailing columns', () => {
  it('ignores empty header cells and extra empty cells, names no unknown column, and reads an English Date column', async () => {
    const result = await importCsv(
      'First name;Last name;Date;;;\r\nAnna;Jansen;27-11-2026;;;;;;\r\nBob;Smit;;\r\n;;;;;;;;\r\n',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.unknownColumns).toEqual([]);
    expect(result.value.invitations.map((i) => [i.firstName, i.lastName, i.date])).toEqual([
      ['Anna', 'Jansen', '2026-11-27'],
      ['Bob', 'Smit', '2026-11-26'],
    ]);
  });
});
