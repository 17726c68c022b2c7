import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabaseThrough } from '../../../helpers/migrated-database';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0025 carries each live file’s id, mtime and time source in the camera-and-time index, ties in id order', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const before = await openDatabaseThrough(file, 24);
  await before.exec(`
    INSERT INTO footage_files (id, folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at)
    VALUES (7, 'gate', 'c.mp4', 'gate', 20, 'mtime', 1, 21, 'kept', 1),
           (2, 'gate', 'a.mp4', 'gate', 20, 'path', 1, 22, 'kept', 1),
           (3, 'gate', 'b.mp4', 'gate', 10, 'path', 1, 11, 'deleted', 1),
           (4, 'gate', 'd.mp4', 'gate', 5, 'path', 1, 6, 'deleting', 1),
           (5, 'lobby', 'a.mp4', 'lobby', 15, 'path', 1, 16, 'kept', 1);`);
  await before.close();

  const after = await openDatabaseThrough(file, 25);
  try {
    expect(await after.get('PRAGMA user_version')).toEqual({ user_version: 25 });
    const query = `SELECT id, mtime, time_source FROM footage_files INDEXED BY footage_live_by_camera_time
                    WHERE status = 'kept' AND camera = 'gate' ORDER BY recorded_at, id`;
    expect(await after.all(query)).toEqual([
      { id: 2, mtime: 22, time_source: 'path' },
      { id: 7, mtime: 21, time_source: 'mtime' },
    ]);
    const plan = (await after.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query}`)).map((step) => step.detail);
    expect(plan).toEqual(['SEARCH footage_files USING COVERING INDEX footage_live_by_camera_time (camera=?)']);
    expect(await after.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  } finally {
    await after.close();
  }
});
