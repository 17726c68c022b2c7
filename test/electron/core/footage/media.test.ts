import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../../shared/config';
import { createMediaTickets, parseRange } from '../../../../electron/core/footage/media';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { createSessionStore } from '../../../../electron/core/staff/sessions';
import { manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

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

async function readAll(body: Readable | undefined): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body!) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

describe('footage playback tickets', () => {
  const TERMINAL = 'security-window';
  async function setup(files: Record<string, string> = { '2026-11-20/09/gate/00.00.mp4': '\x07'.repeat(1000) }) {
    const clock = manualClock('2026-11-24T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    const root = makeTempDir('footage-');
    for (const [relative, content] of Object.entries(files)) {
      const file = path.join(root, ...relative.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content, 'latin1');
    }
    await scanFootage({ database: kiosk.database, root, config: defaultConfig, clock });
    const sessions = createSessionStore({ clock, idleMs: 120_000 });
    sessions.open(TERMINAL, { staffId: 2, name: 'Sam', role: 'security' });
    const media = createMediaTickets({ database: kiosk.database, root: () => root, sessions });
    const idOf = async (relative: string) =>
      (await kiosk.database.get<{ id: number }>('SELECT id FROM footage_files WHERE path = ?', [relative]))!.id;
    const file = path.join(root, '2026-11-20', '09', 'gate', '00.00.mp4');
    return { clock, kiosk, root, file, media, sessions, idOf };
  }

  it('serves the file a ticket names, whole or by range, for as long as the session that asked', async () => {
    const { clock, media, sessions } = await setup();
    const ticket = (await media.issue(1, TERMINAL))!;
    const whole = await media.respond(ticket, undefined);
    expect(whole).toMatchObject({ status: 200, headers: { 'content-type': 'video/mp4', 'content-length': '1000' } });
    expect(await readAll(whole.body)).toBe('\x07'.repeat(1000));
    const part = await media.respond(ticket, 'bytes=100-199');
    expect(part).toMatchObject({
      status: 206,
      headers: { 'content-length': '100', 'content-range': 'bytes 100-199/1000' },
    });
    expect(await readAll(part.body)).toHaveLength(100);
    expect(await media.respond(ticket, 'bytes=5000-')).toMatchObject({ status: 416 });
    expect(await media.respond('guessed-ticket', undefined)).toMatchObject({ status: 404 });
    // Not five minutes: as long as the session is used.
    for (let minute = 0; minute < 10; minute++) {
      clock.advance(60_000);
      sessions.touch(TERMINAL);
    }
    expect(await media.respond(ticket, undefined)).toMatchObject({ status: 200 });
  });

  it('is bound to the session that asked: none without one, and it dies when that session locks, expires or is replaced', async () => {
    const { clock, media, sessions } = await setup();
    expect(await media.issue(1, 'visitor-window')).toBeNull();

    const locked = (await media.issue(1, TERMINAL))!;
    sessions.close(TERMINAL);
    expect(await media.respond(locked, undefined)).toMatchObject({ status: 404 });
    sessions.open(TERMINAL, { staffId: 2, name: 'Sam', role: 'security' });
    expect(await media.respond(locked, undefined)).toMatchObject({ status: 404 }); // a new unlock does not revive it

    const expired = (await media.issue(1, TERMINAL))!;
    clock.advance(120_001); // no call since: the session ran out, whether or not a call noticed yet
    expect(await media.respond(expired, undefined)).toMatchObject({ status: 404 });
    expect(sessions.touch(TERMINAL).expired).toBeDefined();
    sessions.open(TERMINAL, { staffId: 2, name: 'Sam', role: 'security' });
    expect(await media.respond(expired, undefined)).toMatchObject({ status: 404 });

    const replaced = (await media.issue(1, TERMINAL))!;
    sessions.open(TERMINAL, { staffId: 3, name: 'Ada', role: 'admin' });
    expect(await media.respond(replaced, undefined)).toMatchObject({ status: 404 });
  });

  it('never serves a file outside the root, even when its folder is swapped for a symlink', async () => {
    const { media, root } = await setup();
    const ticket = (await media.issue(1, TERMINAL))!;
    const outside = makeTempDir('outside-');
    fs.writeFileSync(path.join(outside, '00.00.mp4'), 'secret');
    const gate = path.join(root, '2026-11-20', '09', 'gate');
    fs.rmSync(gate, { recursive: true });
    fs.symlinkSync(outside, gate);
    expect(await media.respond(ticket, undefined)).toMatchObject({ status: 404 });
  });

  it('decodes nothing of a name into a path: a file named a%2Fb.mp4 plays itself, not a/b.mp4', async () => {
    const { media, idOf } = await setup({
      'cam/a%2Fb.mp4': 'the file named a%2Fb',
      'cam/a/b.mp4': 'the file a/b, elsewhere',
    });
    const ticket = (await media.issue(await idOf('cam/a%2Fb.mp4'), TERMINAL))!;
    expect(await readAll((await media.respond(ticket, undefined)).body)).toBe('the file named a%2Fb');
  });

  it('plays the very file the ticket was issued for: one put in its place (same size and mtime) is refused', async () => {
    const { media, file, root } = await setup();
    const ticket = (await media.issue(1, TERMINAL))!;
    const other = path.join(root, 'other.bin'); // not indexed, or held: a hard link to it takes the name
    fs.writeFileSync(other, '\x08'.repeat(1000));
    const { mtime } = fs.statSync(file);
    fs.utimesSync(other, mtime, mtime);
    fs.rmSync(file);
    fs.linkSync(other, file);
    expect(await media.respond(ticket, undefined)).toMatchObject({ status: 404 });
  });

  it('streams from the file it opened and checked, whatever takes its name meanwhile', async () => {
    const { media, file } = await setup();
    const ticket = (await media.issue(1, TERMINAL))!;
    const answer = await media.respond(ticket, undefined);
    fs.renameSync(file, `${file}.moved`);
    fs.writeFileSync(file, 'something else');
    expect(await readAll(answer.body)).toBe('\x07'.repeat(1000));
  });
});

describe('playback through the kiosk', () => {
  it('a ticket from footage.playback plays for the session that asked until its view locks', async () => {
    const root = makeTempDir('footage-');
    fs.mkdirSync(path.join(root, '2026-11-20', '09', 'gate'), { recursive: true });
    fs.writeFileSync(path.join(root, '2026-11-20', '09', 'gate', '00.00.mp4'), 'footage');
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, root } };
    const kiosk = await openTestKiosk({ clock: manualClock('2026-11-24T10:00:00Z'), config });
    await kiosk.footage.scan();
    const added = await kiosk.router.invoke(
      'staff.add',
      { name: 'Sem Security', role: 'security', pin: '739164' },
      { kind: 'operator' },
    );
    if (!added.ok) throw new Error(added.error.key);
    expect(await kiosk.handle('desk', 'staff.unlock', { staffId: added.value.id, pin: '739164' })).toMatchObject({
      ok: true,
    });
    const played = await kiosk.handle('desk', 'footage.playback', { fileId: 1 });
    if (!played.ok) throw new Error(played.error.key);
    const { ticket } = played.value as { ticket: string };
    expect(await readAll((await kiosk.media.respond(ticket, undefined)).body)).toBe('footage');
    expect(await kiosk.handle('desk', 'staff.lock', {})).toMatchObject({ ok: true });
    expect(await kiosk.media.respond(ticket, undefined)).toMatchObject({ status: 404 });
  });
});
