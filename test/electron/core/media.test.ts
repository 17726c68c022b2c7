import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../shared/config';
import { createMediaTickets, parseRange } from '../../../electron/core/footage/media';
import { scanFootage } from '../../../electron/core/footage/scanner';
import { manualClock, openTestKiosk } from '../../helpers/kiosk';
import { makeTempDir } from '../../helpers/temp-dir';

describe('HTTP ranges', () => {
  it.each([
    [undefined, null],
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=1000-', 'unsatisfiable'],
    ['bytes=500-400', 'unsatisfiable'],
    ['bytes=-0', 'unsatisfiable'],
    ['bytes=0-1,5-9', null],
    ['items=0-9', null],
  ])('%j of 1000 bytes -> %j', (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});

describe('footage playback tickets', () => {
  async function setup() {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const root = makeTempDir('footage-');
    const file = path.join(root, '2026-11-20', '09', 'gate', '00.00.mp4');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.alloc(1000, 7));
    await scanFootage({ database: kiosk.database, root, config: defaultConfig, clock });
    const media = createMediaTickets({ database: kiosk.database, clock, root: () => root });
    return { clock, kiosk, root, file, media };
  }

  it('serves the file a ticket names, whole or by range, for five minutes', async () => {
    const { clock, media } = await setup();
    const ticket = media.issue(1);
    expect(await media.respond(ticket, undefined)).toMatchObject({
      status: 200,
      headers: { 'content-type': 'video/mp4', 'content-length': '1000' },
    });
    expect(await media.respond(ticket, 'bytes=100-199')).toMatchObject({
      status: 206,
      headers: { 'content-length': '100', 'content-range': 'bytes 100-199/1000' },
      file: { range: { start: 100, end: 199 } },
    });
    expect(await media.respond(ticket, 'bytes=5000-')).toMatchObject({ status: 416 });
    expect(await media.respond('guessed-ticket', undefined)).toMatchObject({ status: 404 });
    clock.advance(5 * 60 * 1000 + 1);
    expect(await media.respond(ticket, undefined)).toMatchObject({ status: 404 });
  });

  it('never serves a file outside the root, even when its folder is swapped for a symlink', async () => {
    const { media, root } = await setup();
    const ticket = media.issue(1);
    const outside = makeTempDir('outside-');
    fs.writeFileSync(path.join(outside, '00.00.mp4'), 'secret');
    const gate = path.join(root, '2026-11-20', '09', 'gate');
    fs.rmSync(gate, { recursive: true });
    fs.symlinkSync(outside, gate);
    expect(await media.respond(ticket, undefined)).toMatchObject({ status: 404 });
  });
});
