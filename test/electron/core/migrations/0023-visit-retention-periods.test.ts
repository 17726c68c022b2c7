import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../electron/core/kiosk';
import { defaultConfig } from '../../../../shared/config';
import { manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { openDatabaseThrough } from '../../../helpers/migrated-database';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0023 lists the periods the stored visits were shown, each with the day of its newest, and the purge keeps to them', async () => {
  const dataDir = makeTempDir();
  const before = await openDatabaseThrough(path.join(dataDir, DATABASE_FILE_NAME), 22);
  const visits: [string, number | null, string][] = [
    ['Drie', 3, '2026-01-10T10:00:00Z'],
    ['Drieenhalf', 3, '2026-01-12T08:00:00Z'],
    ['Zes', 6, '2026-02-01T09:00:00Z'],
    ['Ouder', null, '2025-12-01T09:00:00Z'], // from before the period was stored: today's setting
  ];
  for (const [firstName, months, signedInAt] of visits) {
    await before.run(
      `INSERT INTO visits (first_name, last_name, notice_version, retention_months, signed_in_at, sign_out_code)
       VALUES (?, 'Bezoeker', '1-6m-28d', ?, ?, ?)`,
      [firstName, months, Date.parse(signedInAt), firstName.toUpperCase().slice(0, 6)],
    );
  }
  await before.close();

  const clock = manualClock('2026-02-02T09:00:00Z');
  const config = { ...defaultConfig, retention: { ...defaultConfig.retention, clockGuardDays: 365 } };
  const kiosk = await openTestKiosk({ clock, config, dataDir });
  const periods = () => kiosk.database.all('SELECT months, shown_until FROM visit_retention_periods ORDER BY months');
  expect(await periods()).toEqual([
    { months: 3, shown_until: Date.parse('2026-01-13T00:00:00Z') },
    { months: 6, shown_until: Date.parse('2026-02-02T00:00:00Z') },
  ]);
  // The triggers came with it.
  const signedIn = await kiosk.handle('kiosk', 'visits.signIn', visitor({ firstName: 'Nieuw' }));
  expect(signedIn.ok).toBe(true);
  expect(await periods()).toEqual([
    { months: 3, shown_until: Date.parse('2026-01-13T00:00:00Z') },
    { months: 6, shown_until: Date.parse('2026-02-03T00:00:00Z') },
  ]);

  clock.set('2026-04-13T10:00:00Z'); // both 3-month visits past their deadline, nobody else
  expect((await kiosk.retention.run()).counts).toMatchObject({ due: 2, erased: 2 });
  const left = await kiosk.database.all<{ first_name: string }>('SELECT first_name FROM visits ORDER BY id');
  expect(left.map((row) => row.first_name)).toEqual(['Zes', 'Ouder', 'Nieuw']);
});
