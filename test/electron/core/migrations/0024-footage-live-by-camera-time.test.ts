import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabaseThrough } from '../../../helpers/migrated-database';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0024 indexes each camera’s live files by time, from the rows already there and not the record', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const before = await openDatabaseThrough(file, 23);
  await before.exec(`
    INSERT INTO footage_files (id, folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at)
    VALUES (1, 'gate', 'c.mp4', 'gate', 30, 'path', 1, 1, 'kept', 1),
           (2, 'gate', 'a.mp4', 'gate', 10, 'path', 1, 1, 'kept', 1),
           (3, 'gate', 'b.mp4', 'gate', 20, 'path', 1, 1, 'deleted', 1),
           (4, 'gate', 'd.mp4', 'gate', 25, 'path', 1, 1, 'deleting', 1),
           (5, 'lobby', 'a.mp4', 'lobby', 15, 'path', 1, 1, 'kept', 1);`);
  await before.close();

  const after = await openDatabaseThrough(file, 24);
  try {
    expect(await after.get('PRAGMA user_version')).toEqual({ user_version: 24 });
    expect(
      await after.all(
        "SELECT id FROM footage_files INDEXED BY footage_live_by_camera_time WHERE status = 'kept' AND camera = 'gate' ORDER BY recorded_at",
      ),
    ).toEqual([{ id: 2 }, { id: 1 }]);
    expect(await after.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  } finally {
    await after.close();
  }
});
