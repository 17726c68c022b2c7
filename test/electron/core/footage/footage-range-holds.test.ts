import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { purgeFootage } from '../../../../electron/core/footage/purge';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { anHourAgo } from '../../../helpers/file-times';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = '2026-11-24T10:00:00Z';
const at = (iso: string) => Date.parse(iso);

/** Frigate's layout; each file's mtime is when its recording ended (`ends`), as a recorder leaves it. */
function writeSegments(root: string, segments: { camera: string; start: string; ends: string }[]) {
  for (const { camera, start, ends } of segments) {
    const [date, time] = start.replace('Z', '').split('T') as [string, string];
    const [hour, minute, second] = time.split(':');
    const file = path.join(root, date, hour!, camera, `${minute}.${second}.mp4`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    fs.utimesSync(file, new Date(ends), new Date(ends));
  }
  const hourAgo = anHourAgo();
  for (const folder of fs.readdirSync(root, { recursive: true, withFileTypes: true }))
    if (folder.isDirectory()) fs.utimesSync(path.join(folder.parentPath, folder.name), hourAgo, hourAgo);
  fs.utimesSync(root, hourAgo, hourAgo);
}

describe('a camera-range hold', () => {
  async function setup() {
    const clock = manualClock(NOW);
    const kiosk = await openTestKiosk({ clock });
    const root = makeTempDir('footage-range-');
    writeSegments(root, [
      // Ended before the incident: not evidence.
      { camera: 'gate', start: '2026-10-20T09:30:00Z', ends: '2026-10-20T09:45:00Z' },
      // Began 15 minutes before the incident and was recording when it started: evidence.
      { camera: 'gate', start: '2026-10-20T09:45:00Z', ends: '2026-10-20T10:00:00Z' },
      // Starts inside the range.
      { camera: 'gate', start: '2026-10-20T10:00:00Z', ends: '2026-10-20T10:15:00Z' },
      // Starts at the range's end (exclusive).
      { camera: 'gate', start: '2026-10-20T10:15:00Z', ends: '2026-10-20T10:30:00Z' },
      // Another camera over the same time.
      { camera: 'lobby', start: '2026-10-20T09:45:00Z', ends: '2026-10-20T10:00:00Z' },
      // Copied later (mtime long after): a file's end is cut at the camera's next segment, so only the last
      // one before the range counts (it may have recorded on).
      { camera: 'yard', start: '2026-10-20T09:00:00Z', ends: '2026-10-22T12:00:00Z' },
      { camera: 'yard', start: '2026-10-20T09:30:00Z', ends: '2026-10-22T12:00:00Z' },
      { camera: 'yard', start: '2026-10-20T09:45:00Z', ends: '2026-10-22T12:00:00Z' },
    ]);
    await scanFootage({ database: kiosk.database, root, config: defaultConfig, clock });
    for (const camera of ['gate', 'lobby', 'yard']) {
      const placed = await kiosk.router.invoke(
        'holds.placeOnFootage',
        {
          camera: camera === 'lobby' ? 'nowhere' : camera,
          from: at('2026-10-20T09:50:00Z'),
          to: at('2026-10-20T10:15:00Z'),
          reason: 'Incident 18',
          basis: 'legalObligation',
        },
        callers.security,
      );
      expect(placed.ok).toBe(true);
    }
    return { clock, kiosk, root };
  }

  const heldPaths = (rows: { path: string; held: boolean }[]) =>
    rows
      .filter((row) => row.held)
      .map((row) => row.path)
      .sort();
  const expectedHeld = ['2026-10-20/09/gate/45.00.mp4', '2026-10-20/09/yard/45.00.mp4', '2026-10-20/10/gate/00.00.mp4'];

  it('covers every file whose recording overlaps the range, also one that began before it', async () => {
    const { kiosk } = await setup();
    const list = await kiosk.router.invoke('footage.list', {}, callers.security);
    if (!list.ok) throw new Error(list.error.key);
    expect(heldPaths(list.value)).toEqual(expectedHeld);
    const held = await kiosk.router.invoke('footage.list', { status: 'held' }, callers.security);
    if (!held.ok) throw new Error(held.error.key);
    expect(held.value.map((row) => row.path).sort()).toEqual(expectedHeld);
  });

  it('keeps those files in the purge, and erases the rest', async () => {
    const { kiosk, root, clock } = await setup();
    const run = await purgeFootage({
      database: kiosk.database,
      root,
      config: defaultConfig,
      clock,
      nextRunAt: clock.now() + 3_600_000,
      dryRun: false,
      allowLargeDeletion: true,
    });
    expect(run).toMatchObject({ outcome: 'ok', counts: { held: 3, deleted: 5 } });
    const kept = await kiosk.database.all<{ path: string }>(
      "SELECT path FROM footage_files WHERE status = 'kept' ORDER BY path",
    );
    expect(kept.map((row) => row.path)).toEqual(expectedHeld);
  });
});
