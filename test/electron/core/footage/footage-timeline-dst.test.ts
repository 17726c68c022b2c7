import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const at = (iso: string) => Date.parse(iso);

describe('a camera’s day on the timeline across a change of the clocks', () => {
  it('spans the 25 hours of the day summer time ends, the repeated hour included, and pins every segment', async () => {
    // Amsterdam leaves summer time on 25 Oct 2026 at 03:00 local (01:00Z): the local 25th runs from
    // 24 Oct 22:00Z (UTC+2) to 25 Oct 23:00Z (UTC+1).
    const clock = manualClock('2026-11-24T10:00:00Z');
    const root = makeTempDir('timeline-dst-');
    const kiosk = await openTestKiosk({
      clock,
      config: { ...defaultConfig, footage: { ...defaultConfig.footage, root } },
    });
    const segments: [camera: string, start: string, ends: string][] = [
      ['gate', '2026-10-24T21:50:00Z', '2026-10-24T21:55:00Z'], // the evening before: left out
      ['gate', '2026-10-24T21:55:00Z', '2026-10-24T22:05:00Z'], // runs past local midnight: in
      ['gate', '2026-10-25T00:30:00Z', '2026-10-25T00:30:10Z'], // 02:30 summer time
      ['gate', '2026-10-25T01:30:00Z', '2026-10-25T01:30:10Z'], // 02:30 again, winter time
      ['gate', '2026-10-25T01:30:10Z', '2026-10-25T01:40:00Z'], // a copy with a late mtime: cut at the next
      ['gate', '2026-10-25T01:31:00Z', '2026-10-25T01:31:10Z'],
      ['gate', '2026-10-25T22:59:50Z', '2026-10-25T23:00:00Z'], // 23:59:50 local: in
      ['gate', '2026-10-25T23:00:00Z', '2026-10-25T23:00:10Z'], // the local 26th: left out
      ['lobby', '2026-10-25T01:30:00Z', '2026-10-25T01:30:10Z'], // another camera
    ];
    for (const [camera, start, ends] of segments) {
      const [date, time] = start.replace('Z', '').split('T') as [string, string];
      const [hour, minute, second] = time.split(':');
      const file = path.join(root, date, hour!, camera, `${minute}.${second}.mp4`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'x'.repeat(100));
      fs.utimesSync(file, new Date(ends), new Date(ends));
    }
    await scanFootage({ database: kiosk.database, root, config: kiosk.config, clock });
    const idOf = async (relative: string) =>
      (await kiosk.database.get<{ id: number }>('SELECT id FROM footage_files WHERE path = ?', [relative]))!.id;
    const hold = await kiosk.router.invoke(
      'holds.placeOnFootage',
      {
        camera: 'gate',
        from: at('2026-10-25T01:30:05Z'),
        to: at('2026-10-25T01:30:30Z'),
        reason: 'Incident 7',
        basis: 'legalObligation',
      },
      callers.security,
    );
    if (!hold.ok) throw new Error(hold.error.key);

    const result = await kiosk.router.invoke(
      'footage.timeline',
      { camera: 'gate', date: '2026-10-25' },
      callers.security,
    );

    expect(result).toEqual({
      ok: true,
      value: {
        camera: 'gate',
        cameraName: 'gate',
        dayStart: at('2026-10-24T22:00:00Z'),
        dayEnd: at('2026-10-25T23:00:00Z'),
        segments: [
          [await idOf('2026-10-24/21/gate/55.00.mp4'), at('2026-10-24T21:55:00Z'), at('2026-10-24T22:05:00Z'), 0],
          [await idOf('2026-10-25/00/gate/30.00.mp4'), at('2026-10-25T00:30:00Z'), at('2026-10-25T00:30:10Z'), 0],
          [await idOf('2026-10-25/01/gate/30.00.mp4'), at('2026-10-25T01:30:00Z'), at('2026-10-25T01:30:10Z'), 1],
          [await idOf('2026-10-25/01/gate/30.10.mp4'), at('2026-10-25T01:30:10Z'), at('2026-10-25T01:31:00Z'), 1],
          [await idOf('2026-10-25/01/gate/31.00.mp4'), at('2026-10-25T01:31:00Z'), at('2026-10-25T01:31:10Z'), 0],
          [await idOf('2026-10-25/22/gate/59.50.mp4'), at('2026-10-25T22:59:50Z'), at('2026-10-25T23:00:00Z'), 0],
        ],
        holds: [{ id: hold.value.id, from: at('2026-10-25T01:30:05Z'), to: at('2026-10-25T01:30:30Z') }],
      },
    });
  });
});
