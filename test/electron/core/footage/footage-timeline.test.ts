import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { inTimeOrder, timelineQuery } from '../../../../electron/core/footage/timeline-service';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const at = (iso: string) => Date.parse(iso);

/** Frigate 0.12+ (UTC folders); each file's mtime is when its recording ended. */
function writeSegments(root: string, segments: [camera: string, start: string, ends: string][]) {
  for (const [camera, start, ends] of segments) {
    const [date, time] = start.replace('Z', '').split('T') as [string, string];
    const [hour, minute, second] = time.split(':');
    const file = path.join(root, date, hour!, camera, `${minute}.${second}.mp4`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x'.repeat(100));
    fs.utimesSync(file, new Date(ends), new Date(ends));
  }
}

async function setup(config: KioskConfig, segments: [string, string, string][]) {
  const clock = manualClock('2026-11-24T10:00:00Z');
  const root = makeTempDir('timeline-');
  const kiosk = await openTestKiosk({ clock, config: { ...config, footage: { ...config.footage, root } } });
  writeSegments(root, segments);
  await scanFootage({ database: kiosk.database, root, config: kiosk.config, clock });
  const idOf = async (relative: string) =>
    (await kiosk.database.get<{ id: number }>('SELECT id FROM footage_files WHERE path = ?', [relative]))!.id;
  return { clock, kiosk, root, idOf };
}

describe('a camera’s day on the timeline', () => {
  it('lists the day’s recordings in the kiosk’s zone with their ends, the gaps between them, and the holds', async () => {
    // Amsterdam is UTC+1 in November: the local 20th runs from 19 Nov 23:00Z to 20 Nov 23:00Z.
    const { kiosk, idOf } = await setup(defaultConfig, [
      ['gate', '2026-11-19T22:00:00Z', '2026-11-19T22:15:00Z'], // the day before: left out
      ['gate', '2026-11-19T22:55:00Z', '2026-11-19T23:10:00Z'], // runs into the day: in
      ['gate', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z'],
      ['gate', '2026-11-20T08:00:10Z', '2026-11-20T08:00:20Z'],
      ['gate', '2026-11-20T09:00:00Z', '2026-11-20T09:00:10Z'], // after a gap of an hour
      ['gate', '2026-11-20T23:00:00Z', '2026-11-20T23:00:10Z'], // the next local day: left out
      ['lobby', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z'], // another camera
    ]);
    const hold = await kiosk.router.invoke(
      'holds.placeOnFootage',
      {
        camera: 'gate',
        from: at('2026-11-20T08:00:15Z'),
        to: at('2026-11-20T08:30:00Z'),
        reason: 'Incident 21',
        basis: 'legalObligation',
      },
      callers.security,
    );
    if (!hold.ok) throw new Error(hold.error.key);
    const result = await kiosk.router.invoke(
      'footage.timeline',
      { camera: 'gate', date: '2026-11-20' },
      callers.security,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        camera: 'gate',
        cameraName: 'gate',
        dayStart: at('2026-11-19T23:00:00Z'),
        dayEnd: at('2026-11-20T23:00:00Z'),
        segments: [
          [await idOf('2026-11-19/22/gate/55.00.mp4'), at('2026-11-19T22:55:00Z'), at('2026-11-19T23:10:00Z'), 0],
          [await idOf('2026-11-20/08/gate/00.00.mp4'), at('2026-11-20T08:00:00Z'), at('2026-11-20T08:00:10Z'), 0],
          [await idOf('2026-11-20/08/gate/00.10.mp4'), at('2026-11-20T08:00:10Z'), at('2026-11-20T08:00:20Z'), 1],
          [await idOf('2026-11-20/09/gate/00.00.mp4'), at('2026-11-20T09:00:00Z'), at('2026-11-20T09:00:10Z'), 0],
        ],
        holds: [{ id: hold.value.id, from: at('2026-11-20T08:00:15Z'), to: at('2026-11-20T08:30:00Z') }],
      },
    });
  });

  it('cuts a file’s end at the next segment when its mtime is later (a copied file), and names cameras as configured', async () => {
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, cameraNames: { gate: 'Front gate' } } };
    const { kiosk } = await setup(config, [
      ['gate', '2026-11-20T08:00:00Z', '2026-11-22T12:00:00Z'],
      ['gate', '2026-11-20T08:00:10Z', '2026-11-22T12:00:00Z'],
    ]);
    const result = await kiosk.router.invoke(
      'footage.timeline',
      { camera: 'gate', date: '2026-11-20' },
      callers.security,
    );
    if (!result.ok) throw new Error(result.error.key);
    expect(result.value.cameraName).toBe('Front gate');
    expect(result.value.segments.map(([, start, end]) => [start, end])).toEqual([
      [at('2026-11-20T08:00:00Z'), at('2026-11-20T08:00:10Z')],
      [at('2026-11-20T08:00:10Z'), at('2026-11-22T12:00:00Z')],
    ]);
  });

  it('walks the camera’s own stretch of the live files’ time index, in its order, with or without the hold check', async () => {
    const { kiosk } = await setup(defaultConfig, []);
    for (const mayBeHeld of [true, false]) {
      const query = timelineQuery(
        'gate',
        at('2026-11-19T23:00:00Z'),
        at('2026-11-20T23:00:00Z'),
        kiosk.clock.now(),
        mayBeHeld,
      );
      const plan = (await kiosk.database.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)).map(
        (step) => step.detail,
      );
      // Without the hold check the index alone has every column the timeline reads: no table lookup per file.
      const index = mayBeHeld ? 'INDEX' : 'COVERING INDEX';
      expect(plan.filter((detail) => / f\b/.test(detail))).toEqual([
        `SEARCH f USING ${index} footage_live_by_camera_time (camera=? AND recorded_at>? AND recorded_at<?)`,
      ]);
      expect(plan.filter((detail) => detail.includes('TEMP B-TREE'))).toEqual([]); // no sort of the day's files
    }
  });

  it('marks a file under a hold of its own, with the hold check per file, and none without a hold', async () => {
    const { kiosk, idOf } = await setup(defaultConfig, [
      ['gate', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z'],
      ['gate', '2026-11-20T08:00:10Z', '2026-11-20T08:00:20Z'],
      ['lobby', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z'],
    ]);
    const day = async (camera: string) => {
      const result = await kiosk.router.invoke('footage.timeline', { camera, date: '2026-11-20' }, callers.security);
      if (!result.ok) throw new Error(result.error.key);
      return result.value.segments.map(([id, , , held]) => [id, held]);
    };
    const [first, second, lobby] = [
      await idOf('2026-11-20/08/gate/00.00.mp4'),
      await idOf('2026-11-20/08/gate/00.10.mp4'),
      await idOf('2026-11-20/08/lobby/00.00.mp4'),
    ];
    expect(await day('gate')).toEqual([
      [first, 0],
      [second, 0],
    ]);
    const hold = await kiosk.router.invoke(
      'holds.placeOnFootage',
      { path: '2026-11-20/08/gate/00.10.mp4', reason: 'Incident 22', basis: 'legalObligation' },
      callers.security,
    );
    if (!hold.ok) throw new Error(hold.error.key);
    expect(await day('gate')).toEqual([
      [first, 0],
      [second, 1],
    ]);
    expect(await day('lobby')).toEqual([[lobby, 0]]);
    expect(await kiosk.router.invoke('holds.release', { holdId: hold.value.id }, callers.security)).toMatchObject({
      ok: true,
    });
    expect(await day('gate')).toEqual([
      [first, 0],
      [second, 0],
    ]);
  });

  it('shows a file dated by its mtime as a moment, with the hold check or without; a day without files is empty', async () => {
    const { kiosk, clock } = await setup(defaultConfig, [['gate', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z']]);
    // A file whose path names no time (a recorder layout the scanner does not know) is dated by its mtime.
    const { lastId } = await kiosk.database.run(
      `INSERT INTO footage_files (folder, name, camera, recorded_at, time_source, size, mtime, indexed_at)
       VALUES ('loose', 'clip.mp4', 'gate', ?, 'mtime', 100, ?, ?)`,
      [at('2026-11-20T10:00:00Z'), at('2026-11-20T10:00:00Z'), clock.now()],
    );
    const day = async (camera: string) => {
      const result = await kiosk.router.invoke('footage.timeline', { camera, date: '2026-11-20' }, callers.security);
      if (!result.ok) throw new Error(result.error.key);
      return result.value.segments.filter(([id]) => id === lastId);
    };
    expect(await day('gate')).toEqual([[lastId, at('2026-11-20T10:00:00Z'), at('2026-11-20T10:00:00Z'), 0]]);
    const hold = await kiosk.router.invoke(
      'holds.placeOnFootage',
      { path: '2026-11-20/08/gate/00.00.mp4', reason: 'Incident 23', basis: 'legalObligation' },
      callers.security,
    );
    if (!hold.ok) throw new Error(hold.error.key);
    expect(await day('gate')).toEqual([[lastId, at('2026-11-20T10:00:00Z'), at('2026-11-20T10:00:00Z'), 0]]);
    const empty = await kiosk.router.invoke(
      'footage.timeline',
      { camera: 'gate', date: '2026-11-27' },
      callers.security,
    );
    expect(empty).toMatchObject({ ok: true, value: { segments: [] } });
  });

  it('puts the rows in time order, then id, should SQLite ever hand them over in another', () => {
    expect(
      inTimeOrder([
        [7, 20, 5, 0],
        [3, 10, 5, 2],
        [5, 20, 5, 1],
      ]),
    ).toEqual([
      [3, 10, 5, 2],
      [5, 20, 5, 1],
      [7, 20, 5, 0],
    ]);
  });

  it('refuses a date that is not one', async () => {
    const { kiosk } = await setup(defaultConfig, []);
    expect(
      await kiosk.router.invoke('footage.timeline', { camera: 'gate', date: '2026-13-40' }, callers.security),
    ).toMatchObject({ ok: false, error: { fields: { date: 'field.invalid' } } });
  });
});

async function readAll(body: Readable | undefined) {
  for await (const chunk of body!) void chunk;
}

describe('watching footage', () => {
  const PIN = '739164';
  it('keeps the staff session open past its idle time while the player plays, and dies when it locks', async () => {
    const config = { ...defaultConfig, idle: { ...defaultConfig.idle, staffSeconds: 30 } };
    const { clock, kiosk, idOf } = await setup(config, [['gate', '2026-11-20T08:00:00Z', '2026-11-20T08:00:10Z']]);
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Sara', role: 'security', pin: PIN },
      callers.operator,
    );
    if (!added.ok) throw new Error(added.error.key);
    expect(await kiosk.handle('desk', 'staff.unlock', { staffId: added.value.id, pin: PIN })).toMatchObject({
      ok: true,
    });
    const played = await kiosk.handle('desk', 'footage.playback', {
      fileId: await idOf('2026-11-20/08/gate/00.00.mp4'),
    });
    if (!played.ok) throw new Error(played.error.key);
    const { ticket } = played.value as { ticket: string };

    // Ten minutes of watching, with nothing but the player's keep-alive every 20 seconds.
    for (let step = 0; step < 30; step++) {
      clock.advance(20_000);
      expect(await kiosk.handle('desk', 'footage.watching', { ticket })).toEqual({ ok: true, value: null });
    }
    const served = await kiosk.media.respond(ticket, undefined);
    expect(served.status).toBe(200);
    await readAll(served.body);

    // A ticket of another terminal's session is no keep-alive.
    expect(await kiosk.handle('desk', 'footage.watching', { ticket: 'guessed' })).toMatchObject({
      ok: false,
      error: { key: 'footage.unknownFile' },
    });

    // Paused (no keep-alive): the idle lock comes, and the ticket dies with the session.
    clock.advance(31_000);
    expect(await kiosk.handle('desk', 'footage.watching', { ticket })).toMatchObject({
      ok: false,
      error: { key: 'api.unauthenticated' },
    });
    expect((await kiosk.media.respond(ticket, undefined)).status).toBe(404);
  });
});
