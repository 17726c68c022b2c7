import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { migrations } from '../../../../electron/core/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

const DAY = 24 * 60 * 60 * 1000;

it('0008 gives existing holds the ground the notice named then and a review date 90 days after placing', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const before = await openDatabase(file, migrations.slice(0, 7));
  await before.exec(`
    INSERT INTO legal_holds (kind, visit_id, reason, placed_by, placed_at) VALUES ('visit', 1, 'Police', 'Sam', 1000);
    INSERT INTO legal_holds (kind, footage_path, reason, placed_by, placed_at) VALUES ('footage-file', 'a.mp4', 'Theft', 'Sam', 2000);`);
  await before.close();

  const after = await openDatabase(file);
  try {
    expect(await after.all('SELECT id, basis, review_at FROM legal_holds ORDER BY id')).toEqual([
      { id: 1, basis: 'legalObligation', review_at: 1000 + 90 * DAY },
      { id: 2, basis: 'legalObligation', review_at: 2000 + 90 * DAY },
    ]);
    await expect(
      after.run(
        "INSERT INTO legal_holds (kind, visit_id, reason, placed_by, placed_at, basis) VALUES ('visit', 2, 'x', 'y', 1, 'because')",
      ),
    ).rejects.toThrow(/CHECK constraint failed/);
  } finally {
    await after.close();
  }
});
