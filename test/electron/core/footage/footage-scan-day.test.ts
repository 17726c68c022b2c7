// A whole day of ten-second clips, scanned: the count the security timeline's end-to-end test used
// to get from its own scan (that test now seeds the index and looks at the screen).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const CLIPS = 8_640;

it('indexes a day of 8,640 ten-second clips named in local time, each at its own moment', async () => {
  const root = makeTempDir('footage-day-');
  const folder = path.join(root, 'gate');
  fs.mkdirSync(folder, { recursive: true });
  const filler = path.join(root, 'filler.bin');
  fs.writeFileSync(filler, 'x');
  const dayStart = Date.parse('2026-11-22T23:00:00Z');
  for (let clip = 0; clip < CLIPS; clip++) {
    const local = new Date(dayStart + clip * 10_000 + 3_600_000).toISOString(); // Amsterdam is UTC+1 in November
    const name = `gate_${local.slice(0, 10).replaceAll('-', '')}_${local.slice(11, 19).replaceAll(':', '')}.mkv`;
    fs.linkSync(filler, path.join(folder, name)); // one inode for all: a day of clips in a second
  }
  fs.rmSync(filler);
  const dayEnd = new Date('2026-11-23T23:00:00Z');
  fs.utimesSync(path.join(folder, 'gate_20261123_000000.mkv'), dayEnd, dayEnd);
  const config: KioskConfig = { ...defaultConfig, footage: { ...defaultConfig.footage, root } };
  const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T10:00:00Z'), config });

  expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: CLIPS } });
  const rows = await kiosk.database.all<{ camera: string; recorded_at: number }>(
    "SELECT camera, recorded_at FROM footage_files WHERE status = 'kept' ORDER BY recorded_at",
  );
  expect(rows).toHaveLength(CLIPS);
  expect(new Set(rows.map((row) => row.camera))).toEqual(new Set(['gate']));
  expect(rows.every((row, index) => row.recorded_at === dayStart + index * 10_000)).toBe(true);
});
