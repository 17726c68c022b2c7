import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { migrations } from '../../../../electron/core/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0005 splits each stored footage path into folder and name, keeping ids, tombstones and the path; only live rows are unique', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const before = await openDatabase(file, migrations.slice(0, 4));
  await before.exec(`
    INSERT INTO footage_files (id, path, folder, camera, recorded_at, time_source, size, mtime, status, indexed_at, deleted_at, delete_reason)
    VALUES (7, '2026-11-20/10/garage/15.00.mp4', '2026-11-20/10/garage', 'garage', 1, 'path', 10, 2, 'kept', 3, NULL, NULL),
           (8, 'loose.mp4', '', 'unknown', 4, 'mtime', 11, 5, 'deleted', 6, 7, 'retention');`);
  await before.close();

  const after = await openDatabase(file, migrations.slice(0, 5));
  try {
    expect(
      await after.all(
        'SELECT id, folder, name, path, camera, status, deleted_at, delete_reason FROM footage_files ORDER BY id',
      ),
    ).toEqual([
      {
        id: 7,
        folder: '2026-11-20/10/garage',
        name: '15.00.mp4',
        path: '2026-11-20/10/garage/15.00.mp4',
        camera: 'garage',
        status: 'kept',
        deleted_at: null,
        delete_reason: null,
      },
      {
        id: 8,
        folder: '',
        name: 'loose.mp4',
        path: 'loose.mp4',
        camera: 'unknown',
        status: 'deleted',
        deleted_at: 7,
        delete_reason: 'retention',
      },
    ]);
    const insert = (folder: string, name: string) =>
      after.run(
        "INSERT INTO footage_files (folder, name, camera, recorded_at, time_source, size, mtime, indexed_at) VALUES (?, ?, 'x', 1, 'path', 1, 1, 1)",
        [folder, name],
      );
    await expect(insert('2026-11-20/10/garage', '15.00.mp4')).rejects.toThrow(/UNIQUE/);
    // A file back under a tombstone's path is a new live row; the tombstone stays.
    await insert('', 'loose.mp4');
    expect(await after.all("SELECT id, status FROM footage_files WHERE path = 'loose.mp4' ORDER BY id")).toEqual([
      { id: 8, status: 'deleted' },
      { id: 9, status: 'kept' },
    ]);
    const indexes = await after.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'footage_files' ORDER BY name",
    );
    expect(indexes.map((index) => index.name)).toEqual([
      'footage_by_camera_time',
      'footage_deleting',
      'footage_live_by_folder',
      'footage_live_by_time',
    ]);
  } finally {
    await after.close();
  }
});
