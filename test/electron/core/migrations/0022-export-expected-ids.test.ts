import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../electron/core/kiosk';
import { kioskConfigSchema } from '../../../../shared/config';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { openDatabaseThrough } from '../../../helpers/migrated-database';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0022 keeps the export records made before it (holding no expected visits), still erased with their visits', async () => {
  const dataDir = makeTempDir();
  const exportFolder = fs.realpathSync(makeTempDir('exports-'));
  const copy = path.join(exportFolder, 'access-copy-old');
  fs.mkdirSync(copy);
  fs.writeFileSync(path.join(copy, 'copy.json'), '{"lastName":"Oudgediende"}');
  const before = await openDatabaseThrough(path.join(dataDir, DATABASE_FILE_NAME), 21);
  await before.run(
    `INSERT INTO visits (first_name, last_name, notice_version, signed_in_at, signed_out_at, sign_out_method,
                         sign_out_code)
     VALUES ('Olga', 'Oudgediende', '1-6m-28d', ?, ?, 'kiosk', 'ABCDEF')`,
    [Date.parse('2026-05-01T09:00:00Z'), Date.parse('2026-05-01T10:00:00Z')],
  );
  await before.run(
    `INSERT INTO privacy_exports (kind, purpose, paths, export_root, exported_by, created_at, expires_at, visit_ids,
                                  file_count)
     VALUES ('access', 'accessRequest', '["access-copy-old"]', ?, 'Pia', ?, ?, '1', 1)`,
    [exportFolder, Date.parse('2026-05-01T11:00:00Z'), Date.parse('2026-05-08T11:00:00Z')],
  );
  await before.close();

  const config = kioskConfigSchema.parse({ privacy: { exportFolder } });
  const kiosk = await openTestKiosk({ clock: manualClock('2026-05-02T09:00:00Z'), config, dataDir });
  const listed = await kiosk.router.invoke('privacy.listExports', {}, callers.privacy);
  expect(listed).toMatchObject({ ok: true, value: [{ visitIds: [1], expectedIds: [], deletedAt: null }] });
  const erased = await kiosk.router.invoke(
    'privacy.eraseVisits',
    { visitIds: [1], reason: 'art. 17' },
    callers.privacy,
  );
  expect(erased).toEqual({ ok: true, value: { erased: 1, erasedExpected: 0 } });
  expect(fs.readdirSync(exportFolder)).toEqual([]);
});
