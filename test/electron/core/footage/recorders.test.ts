import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema, type KioskConfig } from '../../../../shared/config';
import { inspectRecorders } from '../../../../electron/core/footage/inspect-recorders';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { anHourAgo } from '../../../helpers/file-times';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = '2026-11-24T10:00:00Z';
const DAY = 24 * 60 * 60 * 1000;
const OLD_MTIME = Date.parse('2026-11-20T08:00:00Z');

/** Real example paths of several recorders side by side, each file with the given mtime, folders aged an hour. */
function writeTree(root: string, files: Record<string, number>) {
  for (const [relative, mtime] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    fs.utimesSync(file, new Date(mtime), new Date(mtime));
  }
  const age = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }))
      if (entry.isDirectory()) age(path.join(folder, entry.name));
    const hourAgo = anHourAgo();
    fs.utimesSync(folder, hourAgo, hourAgo);
  };
  age(root);
}

const TREE = {
  'frigate/2026-11-20/14/front_door/00.00.mp4': OLD_MTIME,
  'synology/Family Room/20261120AM/Family Room20261120-084321-1795160601.mp4': OLD_MTIME,
  'unifi/2026/11/20/FCECDA30AF6E_0_rotating_1795160601633.ubv': OLD_MTIME,
  'zm/1/2026-11-20/3/3-video.mp4': OLD_MTIME,
  'hik/datadir0/hiv00000.mp4': OLD_MTIME,
  'notes/holiday.mp4': OLD_MTIME,
};

async function setup(footage: Record<string, unknown> = {}) {
  const root = makeTempDir('recorders-root-');
  const config: KioskConfig = kioskConfigSchema.parse({
    footage: { root, cameraNames: { '1': 'Entrance', FCECDA30AF6E: 'Car park' }, ...footage },
  });
  const clock = manualClock(NOW);
  const kiosk = await openTestKiosk({ clock, config });
  return { kiosk, root, clock, config };
}

describe('footage from several recorders, recognised per folder', () => {
  it('lists each file with its camera, the camera’s name, its start and where the start came from', async () => {
    const { kiosk, root } = await setup();
    writeTree(root, TREE);
    expect(await kiosk.router.invoke('footage.scan', {}, callers.security)).toMatchObject({
      ok: true,
      value: { outcome: 'ok' },
    });
    const listed = await kiosk.router.invoke('footage.list', {}, callers.security);
    if (!listed.ok) throw new Error(listed.error.key);
    const byPath = Object.fromEntries(
      listed.value.map((row) => [
        row.path,
        {
          camera: row.camera,
          cameraName: row.cameraName,
          at: new Date(row.recordedAt).toISOString(),
          timeSource: row.timeSource,
        },
      ]),
    );
    expect(byPath).toEqual({
      'frigate/2026-11-20/14/front_door/00.00.mp4': {
        camera: 'front_door',
        cameraName: 'front_door',
        at: '2026-11-20T14:00:00.000Z',
        timeSource: 'path',
      },
      'synology/Family Room/20261120AM/Family Room20261120-084321-1795160601.mp4': {
        camera: 'Family Room',
        cameraName: 'Family Room',
        at: '2026-11-20T07:43:21.000Z',
        timeSource: 'path',
      },
      'unifi/2026/11/20/FCECDA30AF6E_0_rotating_1795160601633.ubv': {
        camera: 'FCECDA30AF6E',
        cameraName: 'Car park',
        at: '2026-11-20T07:43:21.633Z',
        timeSource: 'path',
      },
      'zm/1/2026-11-20/3/3-video.mp4': {
        camera: '1',
        cameraName: 'Entrance',
        at: new Date(OLD_MTIME).toISOString(),
        timeSource: 'mtime',
      },
      'hik/datadir0/hiv00000.mp4': {
        camera: 'hik',
        cameraName: 'hik',
        at: new Date(OLD_MTIME).toISOString(),
        timeSource: 'mtime',
      },
      'notes/holiday.mp4': {
        camera: 'notes',
        cameraName: 'notes',
        at: new Date(OLD_MTIME).toISOString(),
        timeSource: 'mtime',
      },
    });
    const overview = await kiosk.router.invoke('footage.overview', {}, callers.security);
    expect(
      overview.ok && overview.value.cameras.map((summary) => [summary.camera, summary.cameraName, summary.mtimeFiles]),
    ).toEqual(
      expect.arrayContaining([
        ['1', 'Entrance', 1],
        ['FCECDA30AF6E', 'Car park', 0],
        ['front_door', 'front_door', 0],
      ]),
    );
  });

  it('deletes a file whose start is its mtime no later than mtime + the retention period', async () => {
    const { kiosk, root, clock, config } = await setup({ cameraRetentionDays: { '1': 7 } });
    const mtime = Date.parse('2026-11-20T08:00:00Z');
    writeTree(root, { 'zm/1/2026-11-20/3/3-video.mp4': mtime, 'zm/2/2026-11-24/9/9-video.mp4': Date.parse(NOW) - DAY });
    await kiosk.router.invoke('footage.scan', {}, callers.security);
    const listed = await kiosk.router.invoke('footage.list', { camera: '1' }, callers.security);
    expect(listed).toMatchObject({
      ok: true,
      value: [{ timeSource: 'mtime', recordedAt: mtime, deleteBy: mtime + 7 * DAY }],
    });
    expect(config.retention.footageDays).toBe(28);

    clock.set(new Date(mtime + 7 * DAY - 2 * 3_600_000).toISOString());
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok' });
    expect(fs.existsSync(path.join(root, 'zm/1/2026-11-20/3/3-video.mp4'))).toBe(true);

    clock.set(new Date(mtime + 7 * DAY).toISOString());
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok' });
    expect(fs.existsSync(path.join(root, 'zm/1/2026-11-20/3/3-video.mp4'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'zm/2/2026-11-24/9/9-video.mp4'))).toBe(true);
  });
});

describe('recorders.inspect', () => {
  it('tells the admin which layout read which folders, with samples and the mtime fallbacks', async () => {
    const { kiosk, root } = await setup();
    writeTree(root, TREE);
    const result = await kiosk.router.invoke('recorders.inspect', {}, callers.admin);
    if (!result.ok) throw new Error(result.error.key);
    const inspection = result.value;
    expect(inspection).toMatchObject({ recorder: 'auto', files: 6, mtimeFiles: 3, truncated: false });
    const byLayout = Object.fromEntries(inspection.layouts.map((report) => [report.layout ?? 'none', report]));
    expect(byLayout.frigate).toMatchObject({
      folderPattern: 'frigate/#-#-#/#/front_door',
      recorder: 'frigate',
      files: 1,
      mtimeFiles: 0,
    });
    expect(byLayout.synology?.samples).toEqual([
      {
        path: 'synology/Family Room/20261120AM/Family Room20261120-084321-1795160601.mp4',
        camera: 'Family Room',
        cameraName: 'Family Room',
        recordedAt: Date.parse('2026-11-20T07:43:21Z'),
        timeSource: 'path',
      },
    ]);
    expect(byLayout.unifi?.samples[0]).toMatchObject({ camera: 'FCECDA30AF6E', cameraName: 'Car park' });
    expect(byLayout['zoneminder medium']).toMatchObject({
      recorder: 'zoneminder',
      files: 1,
      mtimeFiles: 1,
      samples: [{ cameraName: 'Entrance', recordedAt: OLD_MTIME, timeSource: 'mtime' }],
    });
    expect(byLayout.hikvision).toMatchObject({ title: 'Hikvision (ring files)', noTimeInPath: true, mtimeFiles: 1 });
    expect(byLayout.frigate).toMatchObject({ noTimeInPath: false });
    expect(byLayout.none).toMatchObject({ folderPattern: 'notes', recorder: null, files: 1, mtimeFiles: 1 });
    // Inspecting indexes nothing.
    expect(await kiosk.database.get('SELECT 1 FROM footage_files')).toBeUndefined();
  });

  it('stops after the most files it may walk, and says so; symlinks are not followed', async () => {
    const { root, config } = await setup();
    writeTree(root, TREE);
    const outside = makeTempDir('outside-');
    writeTree(outside, { '2026-11-20/14/side_door/00.00.mp4': OLD_MTIME });
    fs.symlinkSync(outside, path.join(root, 'linked'));
    expect(await inspectRecorders(config, root)).toMatchObject({ files: 6, truncated: false });
    expect(await inspectRecorders(config, root, { maxFiles: 2 })).toMatchObject({ files: 2, truncated: true });
  });

  it('is for admins, and reports a missing root or none', async () => {
    const { kiosk, root } = await setup();
    expect(await kiosk.router.invoke('recorders.inspect', {}, callers.security)).toEqual({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    fs.rmSync(root, { recursive: true });
    expect(await kiosk.router.invoke('recorders.inspect', {}, callers.admin)).toEqual({
      ok: false,
      error: { key: 'recorders.rootUnavailable' },
    });
    const { kiosk: unconfigured } = await setup({ root: null });
    expect(await unconfigured.router.invoke('recorders.inspect', {}, callers.admin)).toEqual({
      ok: false,
      error: { key: 'footage.noRoot' },
    });
  });
});

describe('footage.count', () => {
  it('counts what the list’s filters match, for security and admins only', async () => {
    const { kiosk, root } = await setup();
    writeTree(root, TREE);
    await kiosk.router.invoke('footage.scan', {}, callers.security);
    expect(await kiosk.router.invoke('footage.count', {}, callers.security)).toEqual({ ok: true, value: { total: 6 } });
    expect(await kiosk.router.invoke('footage.count', { camera: '1' }, callers.admin)).toEqual({
      ok: true,
      value: { total: 1 },
    });
    expect(
      await kiosk.router.invoke(
        'footage.count',
        { from: Date.parse('2026-11-20T07:00:00Z'), to: Date.parse('2026-11-20T08:00:00Z') },
        callers.admin,
      ),
    ).toEqual({ ok: true, value: { total: 2 } });
    expect(await kiosk.router.invoke('footage.count', {}, callers.receptionist)).toEqual({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    expect(
      await kiosk.router.invoke('footage.list', { before: { recordedAt: -1, id: 0 } }, callers.security),
    ).toMatchObject({
      ok: false,
      error: { key: 'validation.failed' },
    });
  });
});
