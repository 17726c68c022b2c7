import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { migrations } from '../../../../electron/core/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0006 trades the camera-and-time index for one over the record of deleted and gone files, keeping every row', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const before = await openDatabase(file, migrations.slice(0, 5));
  await before.exec(`
    INSERT INTO footage_files (id, folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at, deleted_at)
    VALUES (1, 'gate', 'a.mp4', 'gate', 30, 'path', 1, 1, 'kept', 1, NULL),
           (2, 'gate', 'b.mp4', 'gate', 20, 'path', 1, 1, 'deleted', 1, 5),
           (3, 'gate', 'c.mp4', 'gate', 10, 'path', 1, 1, 'gone', 1, NULL);`);
  await before.close();

  const after = await openDatabase(file);
  try {
    expect(await after.all('SELECT id, status FROM footage_files ORDER BY id')).toEqual([
      { id: 1, status: 'kept' },
      { id: 2, status: 'deleted' },
      { id: 3, status: 'gone' },
    ]);
    const indexes = await after.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'footage_files' ORDER BY name",
    );
    expect(indexes.map((index) => index.name)).toEqual([
      'footage_deleting',
      'footage_live_by_camera_time', // 0024
      'footage_live_by_folder',
      'footage_live_by_time',
      'footage_record_by_time',
    ]);
    // The record index holds the rows it was built from, newest first.
    expect(
      await after.all(
        "SELECT id FROM footage_files INDEXED BY footage_record_by_time WHERE status = 'deleted' OR status = 'gone' ORDER BY recorded_at DESC",
      ),
    ).toEqual([{ id: 2 }, { id: 3 }]);
  } finally {
    await after.close();
  }
});
