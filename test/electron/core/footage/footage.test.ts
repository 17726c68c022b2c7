import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { purgeFootage } from '../../../../electron/core/footage/purge';
import { ROOT_DEVICE_KEY, scanFootage } from '../../../../electron/core/footage/scanner';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { anHourAgo, fileSystemNow, realNow } from '../../../helpers/file-times';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = '2026-11-24T10:00:00Z';

/** `chattr +i` makes a file undeletable even for root, where the file system and privileges allow it. */
function canMakeImmutable(): boolean {
  const probe = path.join(makeTempDir('immutable-probe-'), 'probe');
  fs.writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const DAY = 24 * 60 * 60 * 1000;

/**
 * Writes footage files under `root`, each with an mtime shortly after its name says it started, and
 * dates every folder an hour back, as a recorder's folders are by the time a scan comes along.
 */
function writeFiles(root: string, files: Record<string, number>) {
  for (const [relative, recordedAt] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    const mtime = new Date(Math.min(recordedAt + 10 * 60_000, Date.parse(NOW) - DAY));
    fs.utimesSync(file, mtime, mtime);
  }
  ageFolders(root);
}

/** Folders changed in the last seconds get an mtime an hour back (each its own); older ones stay as they are. */
function ageFolders(folder: string) {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory() && !entry.isSymbolicLink()) ageFolders(path.join(folder, entry.name));
  }
  // In the file system's time, not the process's: under faketime the two differ by years.
  const now = fileSystemNow();
  if (now - fs.statSync(folder).mtimeMs > 10_000) return;
  const hourAgo = new Date(now - 3_600_000);
  fs.utimesSync(folder, hourAgo, hourAgo);
}

const frigate = (iso: string, camera: string) => {
  const [date, time] = iso.split('T') as [string, string];
  const [hour, minute, second] = time.replace('Z', '').split(':');
  return `${date}/${hour}/${camera}/${minute}.${second}.mp4`;
};

async function setup(config: KioskConfig = defaultConfig) {
  const clock = manualClock(NOW);
  const kiosk = await openTestKiosk({ clock, config });
  const root = makeTempDir('footage-root-');
  const scan = () => scanFootage({ database: kiosk.database, root, config, clock });
  const purge = (
    options: { dryRun?: boolean; allowLargeDeletion?: boolean; nextRunAt?: number; stepSize?: number } = {},
  ) =>
    purgeFootage({
      database: kiosk.database,
      root,
      config,
      clock,
      nextRunAt: options.nextRunAt ?? clock.now() + 3_600_000,
      dryRun: options.dryRun ?? false,
      allowLargeDeletion: options.allowLargeDeletion,
      stepSize: options.stepSize,
    });
  const rows = async () =>
    kiosk.database.all<{ path: string; camera: string; recorded_at: number; time_source: string; status: string }>(
      'SELECT path, camera, recorded_at, time_source, status FROM footage_files ORDER BY path',
    );
  return { clock, kiosk, root, scan, purge, rows };
}

describe('the footage scan', () => {
  it('indexes video files with camera and recording start, and nothing else', async () => {
    const { root, scan, rows } = await setup();
    writeFiles(root, {
      [frigate('2026-11-20T08:15:30Z', 'front_door')]: Date.parse('2026-11-20T08:15:30Z'),
      'lobby/lobby_20261120_101500.mkv': Date.parse('2026-11-20T09:15:00Z'),
      'lobby/notes.txt': Date.parse('2026-11-20T09:15:00Z'),
      'yard/recording.avi': Date.parse('2026-11-20T09:15:00Z'),
    });
    const outside = makeTempDir('outside-');
    fs.writeFileSync(path.join(outside, 'secret.mp4'), 'x');
    fs.symlinkSync(path.join(outside, 'secret.mp4'), path.join(root, 'lobby', 'link.mp4'));
    fs.symlinkSync(outside, path.join(root, 'linked-folder'));

    expect(await scan()).toMatchObject({ added: 3, vanished: 0, unreadable: 0 });
    expect(await rows()).toEqual([
      {
        path: '2026-11-20/08/front_door/15.30.mp4',
        camera: 'front_door',
        recorded_at: Date.parse('2026-11-20T08:15:30Z'),
        time_source: 'path',
        status: 'kept',
      },
      {
        path: 'lobby/lobby_20261120_101500.mkv',
        camera: 'lobby',
        recorded_at: Date.parse('2026-11-20T09:15:00Z'),
        time_source: 'path',
        status: 'kept',
      },
      {
        path: 'yard/recording.avi',
        camera: 'yard',
        recorded_at: expect.any(Number),
        time_source: 'mtime',
        status: 'kept',
      },
    ]);
  });

  it('reads only folders that changed, and notices new, vanished and removed files', async () => {
    const { root, scan, rows } = await setup();
    const files: Record<string, number> = {};
    for (let index = 0; index < 20; index++)
      files[`cam${index % 4}/cam${index % 4}_20261120_1${String(index).padStart(5, '0')}.mp4`] =
        Date.parse('2026-11-20T09:00:00Z');
    writeFiles(root, files);
    expect(await scan()).toMatchObject({ added: 20, foldersRead: 5 });
    expect(await scan()).toMatchObject({ added: 0, changed: 0, vanished: 0, foldersRead: 0, folders: 5 });

    writeFiles(root, { 'cam1/cam1_20261121_100000.mp4': Date.parse('2026-11-21T09:00:00Z') });
    fs.rmSync(path.join(root, 'cam2', 'cam2_20261120_100002.mp4'));
    fs.rmSync(path.join(root, 'cam3'), { recursive: true });
    expect(await scan()).toMatchObject({ added: 1, vanished: 6, foldersRead: 3 });
    const statuses = await rows();
    expect(statuses.filter((row) => row.status === 'gone').map((row) => row.path)).toEqual([
      'cam2/cam2_20261120_100002.mp4',
      ...Object.keys(files)
        .filter((file) => file.startsWith('cam3/'))
        .sort(),
    ]);
  });

  it('reads a folder again when it changed just before the last read (same timestamp tick)', async () => {
    const { root, scan } = await setup();
    writeFiles(root, { 'cam1/cam1_20261120_100000.mp4': Date.parse('2026-11-20T09:00:00Z') });
    fs.writeFileSync(path.join(root, 'cam1', 'cam1_20261120_100010.mp4'), 'x'); // cam1 changed just now
    // "Just now" on the system clock the scanner compares with: the same as the write's own time, except
    // under faketime, which moves the process's clock but not the file system's timestamps.
    const cam1 = path.join(root, 'cam1');
    fs.utimesSync(cam1, new Date(realNow()), new Date(realNow()));
    expect(await scan()).toMatchObject({ added: 2 });
    // Same mtime tick: the folder's timestamp may not move for a file added now, so it is read again.
    const { mtime } = fs.statSync(cam1);
    fs.writeFileSync(path.join(cam1, 'cam1_20261120_100020.mp4'), 'x');
    fs.utimesSync(cam1, mtime, mtime);
    expect(await scan()).toMatchObject({ added: 1 });
  });

  it('refuses a root that is missing', async () => {
    const { kiosk, clock } = await setup();
    await expect(
      scanFootage({
        database: kiosk.database,
        root: path.join(makeTempDir(), 'not-there'),
        config: defaultConfig,
        clock,
      }),
    ).rejects.toMatchObject({ problem: 'missing' });
  });
});

describe('the footage jobs', () => {
  it('a scan and a purge that fire at the same minute walk the root one after the other', async () => {
    const root = makeTempDir('footage-root-');
    const files: Record<string, number> = {};
    for (let index = 0; index < 200; index++) {
      files[frigate(new Date(Date.parse('2026-10-20T09:00:00Z') + index * 10_000).toISOString(), 'gate')] = 0;
    }
    writeFiles(root, files);
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, root } };
    // A clock that moves a millisecond at every reading, so the runs' times tell their order.
    let tick = Date.parse(NOW);
    const kiosk = await openTestKiosk({ clock: { now: () => tick++ }, config });
    const [scan, purge] = await Promise.all([kiosk.footage.scan(), kiosk.footage.purge()]);
    expect(scan.outcome).toBe('ok');
    expect(purge).toMatchObject({ outcome: 'blocked', reason: { key: 'run.footageTooManyAtOnce' } });
    expect(scan.finishedAt!).toBeLessThanOrEqual(purge.startedAt);
  });
});

describe('the rows a scan writes', () => {
  it('are each file’s own, when a folder mixes cameras and time sources and its files span several batches', async () => {
    // The camera comes from the file name here, so one folder holds files of two cameras, and one
    // file matches no pattern (its mtime stands in): the files' shared fields change within the folder.
    const config: KioskConfig = {
      ...defaultConfig,
      footage: {
        ...defaultConfig.footage,
        patterns: [
          {
            regex:
              '(?<camera>[a-z]+)_(?<year>\\d{4})(?<month>\\d{2})(?<day>\\d{2})_(?<hour>\\d{2})(?<minute>\\d{2})(?<second>\\d{2})',
            zone: 'utc',
            camera: 'group',
          },
        ],
      },
    };
    const { kiosk, root, clock } = await setup(config);
    const names = ['gate_20261120_100000.mp4', 'gate_20261120_100010.mp4', 'hall_20261120_090000.mp4', 'loose.mp4'];
    writeFiles(root, Object.fromEntries(names.map((name) => [`mixed/${name}`, Date.parse('2026-11-20T10:00:00Z')])));
    fs.writeFileSync(path.join(root, 'mixed', 'hall_20261120_090000.mp4'), 'three');
    fs.utimesSync(path.join(root, 'mixed', 'hall_20261120_090000.mp4'), 1_790_000_000.5, 1_790_000_000.5);
    fs.utimesSync(root + '/mixed', anHourAgo(), anHourAgo());
    const mtimeOf = (name: string) => Math.floor(fs.statSync(path.join(root, 'mixed', name)).mtimeMs);

    for (const batchSize of [1, 2, 3, 10_000]) {
      await kiosk.database.exec('DELETE FROM footage_files; DELETE FROM footage_folders');
      expect(await scanFootage({ database: kiosk.database, root, config, clock, batchSize })).toMatchObject({
        added: 4,
      });
      expect(
        await kiosk.database.all(
          'SELECT name, camera, recorded_at, time_source, size, mtime FROM footage_files ORDER BY name',
        ),
      ).toEqual([
        {
          name: 'gate_20261120_100000.mp4',
          camera: 'gate',
          recorded_at: Date.parse('2026-11-20T10:00:00Z'),
          time_source: 'path',
          size: 1,
          mtime: mtimeOf('gate_20261120_100000.mp4'),
        },
        {
          name: 'gate_20261120_100010.mp4',
          camera: 'gate',
          recorded_at: Date.parse('2026-11-20T10:00:10Z'),
          time_source: 'path',
          size: 1,
          mtime: mtimeOf('gate_20261120_100010.mp4'),
        },
        {
          name: 'hall_20261120_090000.mp4',
          camera: 'hall',
          recorded_at: Date.parse('2026-11-20T09:00:00Z'),
          time_source: 'path',
          size: 5,
          mtime: 1_790_000_000_500,
        },
        {
          name: 'loose.mp4',
          camera: 'mixed',
          recorded_at: mtimeOf('loose.mp4'),
          time_source: 'mtime',
          size: 1,
          mtime: mtimeOf('loose.mp4'),
        },
      ]);
    }
  });
});

describe('a scan that stops halfway', () => {
  it('leaves every folder it listed to be visited next time, though their parent has not changed', async () => {
    const { kiosk, root, clock } = await setup();
    const files: Record<string, number> = {};
    for (const camera of ['cam1', 'cam2', 'cam3']) {
      for (const second of ['00', '10']) files[`${camera}/${camera}_20261120_1000${second}.mp4`] = Date.parse(NOW);
    }
    writeFiles(root, files);
    // The disk fills up after the first batch (two files) is committed.
    await kiosk.database.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON footage_files
      WHEN (SELECT count(*) FROM footage_files) >= 2 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const scan = () => scanFootage({ database: kiosk.database, root, config: defaultConfig, clock, batchSize: 2 });
    await expect(scan()).rejects.toThrow(/disk is full/);
    await kiosk.database.exec('DROP TRIGGER full_disk');
    expect(await scan()).toMatchObject({ added: 4 });
    expect(
      (await kiosk.database.get<{ n: number }>("SELECT count(*) AS n FROM footage_files WHERE status = 'kept'"))!.n,
    ).toBe(6);
  });

  it('fails when its last batch cannot be written, rather than reporting files it did not index', async () => {
    const { kiosk, root, clock } = await setup();
    writeFiles(root, { 'cam1/cam1_20261120_100000.mp4': Date.parse(NOW) });
    await kiosk.database.exec(`CREATE TRIGGER full_disk BEFORE INSERT ON footage_files
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    await expect(scanFootage({ database: kiosk.database, root, config: defaultConfig, clock })).rejects.toThrow(
      /disk is full/,
    );
  });
});

describe('the footage purge', () => {
  const OLD = Date.parse('2026-10-20T09:00:00Z'); // 35 days before NOW
  const NEW = Date.parse('2026-11-20T09:00:00Z');

  async function withFiles(config: KioskConfig = defaultConfig) {
    const context = await setup(config);
    writeFiles(context.root, {
      [frigate('2026-10-20T09:00:00Z', 'gate')]: OLD,
      [frigate('2026-10-20T09:00:10Z', 'gate')]: OLD,
      [frigate('2026-10-20T09:00:20Z', 'lobby')]: OLD,
      [frigate('2026-11-20T09:00:00Z', 'gate')]: NEW,
      [frigate('2026-11-20T09:00:10Z', 'gate')]: NEW,
      [frigate('2026-11-20T09:00:20Z', 'lobby')]: NEW,
      [frigate('2026-11-20T09:00:30Z', 'lobby')]: NEW,
    });
    await context.scan();
    return context;
  }

  it('deletes files past four weeks from disk and keeps a tombstone; younger files stay', async () => {
    const { root, purge, rows } = await withFiles();
    expect(await purge()).toEqual({ outcome: 'ok', counts: expect.objectContaining({ due: 3, held: 0, deleted: 3 }) });
    expect(fs.existsSync(path.join(root, '2026-10-20'))).toBe(true); // folders stay; files go
    expect(fs.readdirSync(path.join(root, '2026-10-20', '09', 'gate'))).toEqual([]);
    expect((await rows()).map((row) => row.status)).toEqual([
      'deleted',
      'deleted',
      'deleted',
      'kept',
      'kept',
      'kept',
      'kept',
    ]);
  });

  it("a file that comes back under a deleted file's path gets a row of its own; the tombstone stays", async () => {
    const { root, scan, purge, kiosk } = await withFiles();
    await purge();
    const returning = '2026-10-20/09/gate/00.00.mp4';
    writeFiles(root, { [returning]: OLD });
    expect(await scan()).toMatchObject({ added: 1 });
    expect(
      await kiosk.database.all(
        'SELECT status, deleted_at IS NOT NULL AS tombstone FROM footage_files WHERE path = ? ORDER BY id',
        [returning],
      ),
    ).toEqual([
      { status: 'deleted', tombstone: 1 },
      { status: 'kept', tombstone: 0 },
    ]);
  });

  it.runIf(canMakeImmutable())(
    'a file the system refuses to delete is kept, counted, and tried again next run',
    async () => {
      const { root, purge, rows } = await withFiles();
      const stuck = path.join(root, '2026-10-20', '09', 'gate', '00.00.mp4');
      execFileSync('chattr', ['+i', stuck]);
      try {
        expect(await purge()).toMatchObject({ outcome: 'ok', counts: { due: 3, deleted: 2, failed: 1 } });
        expect(fs.existsSync(stuck)).toBe(true);
        expect((await rows()).find((row) => row.path === '2026-10-20/09/gate/00.00.mp4')?.status).toBe('kept');
      } finally {
        execFileSync('chattr', ['-i', stuck]);
      }
      expect(await purge()).toMatchObject({ counts: { due: 1, deleted: 1, failed: 0 } });
      expect(fs.existsSync(stuck)).toBe(false);
    },
  );

  it.runIf(canMakeImmutable())(
    'a refused file in an early step goes back to kept, and no row is left half way',
    async () => {
      const { kiosk, root, purge } = await withFiles();
      const stuck = path.join(root, '2026-10-20', '09', 'gate', '00.00.mp4');
      execFileSync('chattr', ['+i', stuck]);
      try {
        // One file per step: the refused file's step is settled inside the run, not at its end.
        expect(await purge({ stepSize: 1 })).toMatchObject({ counts: { deleted: 2, failed: 1 } });
      } finally {
        execFileSync('chattr', ['-i', stuck]);
      }
      expect(await kiosk.database.all("SELECT id FROM footage_files WHERE status = 'deleting'")).toEqual([]);
      expect(await purge({ stepSize: 1 })).toMatchObject({ counts: { repaired: 0, deleted: 1 } });
    },
  );

  it('respects a hold placed while the run is under way', async () => {
    const { kiosk, root, purge, rows } = await withFiles();
    // Security holds the lobby file the moment the first file of the run is marked for deletion.
    await kiosk.database.exec(`CREATE TRIGGER hold_during_run AFTER UPDATE OF status ON footage_files
      WHEN new.status = 'deleting' AND NOT EXISTS (SELECT 1 FROM legal_holds) BEGIN
        INSERT INTO legal_holds (kind, footage_path, reason, placed_by, placed_at)
        VALUES ('footage-file', '2026-10-20/09/lobby/00.20.mp4', 'Incident 19', 'Sam Security', 0);
      END`);
    expect(await purge({ stepSize: 1 })).toMatchObject({ counts: { due: 3, held: 1, deleted: 2 } });
    expect(fs.existsSync(path.join(root, '2026-10-20', '09', 'lobby', '00.20.mp4'))).toBe(true);
    expect((await rows()).find((row) => row.path === '2026-10-20/09/lobby/00.20.mp4')?.status).toBe('kept');
  });

  it('a folder that cannot be read leaves its files alone; the rest of the run goes on', async () => {
    const { root, purge } = await withFiles();
    // A file where the folder was: looking inside it fails (ENOTDIR), as an unreadable folder does.
    const lobby = path.join(root, '2026-10-20', '09', 'lobby');
    fs.rmSync(lobby, { recursive: true });
    fs.writeFileSync(lobby, 'not a folder');
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { due: 3, unreadable: 1, deleted: 2 } });
  });

  it('a dry run deletes nothing', async () => {
    const { root, purge } = await withFiles();
    expect(await purge({ dryRun: true })).toMatchObject({ outcome: 'dry-run', counts: { due: 3, deleted: 0 } });
    expect(fs.readdirSync(path.join(root, '2026-10-20', '09', 'gate'))).toHaveLength(2);
  });

  it('keeps held files: one file, or a camera over a time range', async () => {
    const { kiosk, purge } = await withFiles();
    await kiosk.router.invoke(
      'holds.placeOnFootage',
      { path: '2026-10-20/09/lobby/00.20.mp4', reason: 'Incident 17', basis: 'legalObligation' },
      callers.security,
    );
    await kiosk.router.invoke(
      'holds.placeOnFootage',
      {
        camera: 'gate',
        from: Date.parse('2026-10-20T09:00:05Z'),
        to: Date.parse('2026-10-20T09:01:00Z'),
        reason: 'Incident 18',
        basis: 'legalObligation',
      },
      callers.security,
    );
    // The range holds both gate clips: the one from 09:00:00 was still recording at 09:00:05 (issue 14).
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { due: 3, held: 3, deleted: 0 } });
  });

  it('a camera may keep footage shorter than the default', async () => {
    const config = { ...defaultConfig, footage: { ...defaultConfig.footage, cameraRetentionDays: { lobby: 3 } } };
    const { purge } = await withFiles(config);
    expect(await purge({ allowLargeDeletion: true })).toMatchObject({ counts: { due: 5, deleted: 5 } });
  });

  it('re-checks each file on disk: changed, still being written, or gone', async () => {
    const { root, clock, scan, purge, rows } = await withFiles();
    // Indexed while the recorder was still writing it (a late upload of old footage): modified a minute ago.
    const settling = path.join(root, '2026-10-20', '09', 'yard', '00.30.mp4');
    fs.mkdirSync(path.dirname(settling), { recursive: true });
    fs.writeFileSync(settling, 'x');
    fs.utimesSync(settling, new Date(clock.now() - 60_000), new Date(clock.now() - 60_000));
    // The new camera folder changes its parent's mtime, but within the file system's clock tick of the
    // first scan it may not: the scanner then rereads the parent only when its mtime was racy on the
    // process clock, which faketime moves away from the file system's. A time of its own makes the change
    // visible on any clock.
    fs.utimesSync(path.dirname(path.dirname(settling)), new Date(OLD), new Date(OLD));
    await scan();
    // Changed after the scan: size and mtime differ from the index.
    const changed = path.join(root, '2026-10-20', '09', 'gate', '00.00.mp4');
    fs.appendFileSync(changed, 'more');
    fs.utimesSync(changed, new Date(OLD + 3_600_000), new Date(OLD + 3_600_000));
    fs.rmSync(path.join(root, '2026-10-20', '09', 'lobby', '00.20.mp4'));

    expect(await purge()).toMatchObject({
      outcome: 'ok',
      counts: { due: 4, changed: 1, settling: 1, gone: 1, deleted: 1 },
    });
    expect(fs.existsSync(changed) && fs.existsSync(settling)).toBe(true);
    expect((await rows()).find((row) => row.path.endsWith('lobby/00.20.mp4'))?.status).toBe('gone');
    // Decided again next time: the changed file is still past its deadline and now settled.
    expect(await purge()).toMatchObject({ counts: { deleted: 1, settling: 1 } });
    expect(fs.existsSync(changed)).toBe(false);
  });

  it('never deletes outside the root, even when a folder is swapped for a symlink after the scan', async () => {
    const { root, purge } = await withFiles();
    const outside = makeTempDir('outside-');
    fs.writeFileSync(path.join(outside, '00.00.mp4'), 'precious');
    fs.writeFileSync(path.join(outside, '00.10.mp4'), 'precious');
    const gate = path.join(root, '2026-10-20', '09', 'gate');
    fs.rmSync(gate, { recursive: true });
    fs.symlinkSync(outside, gate);
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { refused: 2, deleted: 1 } });
    expect(fs.readdirSync(outside).sort()).toEqual(['00.00.mp4', '00.10.mp4']);
  });

  it('deletes nothing when the root is missing, empty while indexed, on another device, or without its marker', async () => {
    const missing = await withFiles();
    fs.rmSync(missing.root, { recursive: true });
    expect(await missing.purge()).toMatchObject({ outcome: 'blocked', reason: 'missing' });

    const empty = await withFiles();
    for (const entry of fs.readdirSync(empty.root)) fs.rmSync(path.join(empty.root, entry), { recursive: true });
    expect(await empty.purge()).toMatchObject({ outcome: 'blocked', reason: 'emptyWhileIndexed' });

    const moved = await withFiles();
    await moved.kiosk.database.run('UPDATE app_state SET value = ? WHERE key = ?', [
      JSON.stringify({ device: -1 }),
      ROOT_DEVICE_KEY,
    ]);
    expect(await moved.purge()).toMatchObject({ outcome: 'blocked', reason: 'otherDevice' });

    const markerConfig = { ...defaultConfig, footage: { ...defaultConfig.footage, markerFile: '.kiosk-footage-root' } };
    const unmarked = await withFiles(markerConfig);
    expect(await unmarked.purge()).toMatchObject({ outcome: 'blocked', reason: 'markerMissing' });
    fs.writeFileSync(path.join(unmarked.root, '.kiosk-footage-root'), '');
    expect(await unmarked.purge()).toMatchObject({ outcome: 'ok', counts: { deleted: 3 } });
  });

  it('waits for an admin when a run would delete more than half of the live files at once', async () => {
    const { kiosk, purge } = await withFiles();
    expect(await purge({ nextRunAt: Date.parse('2026-12-31T00:00:00Z') })).toMatchObject({
      outcome: 'blocked',
      reason: 'tooManyAtOnce',
    });
    expect(
      (await kiosk.database.get<{ n: number }>("SELECT count(*) AS n FROM footage_files WHERE status = 'deleted'"))!.n,
    ).toBe(0);
    expect(await purge({ nextRunAt: Date.parse('2026-12-31T00:00:00Z'), allowLargeDeletion: true })).toMatchObject({
      counts: { deleted: 7 },
    });
  });

  it('finishes deletions a killed run left half done', async () => {
    const { kiosk, root, purge, rows } = await withFiles();
    // As if killed between marking and unlinking: the rows say 'deleting', the files are still there.
    await kiosk.database.run("UPDATE footage_files SET status = 'deleting' WHERE path LIKE '2026-10-20/%'");
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { repaired: 3, due: 0 } });
    expect(fs.readdirSync(path.join(root, '2026-10-20', '09', 'gate'))).toEqual([]);
    expect((await rows()).filter((row) => row.status === 'deleted')).toHaveLength(3);
  });

  it('a half-done deletion whose file changed since is not finished: the file is indexed again instead', async () => {
    const { kiosk, root, purge, rows } = await withFiles();
    await kiosk.database.run("UPDATE footage_files SET status = 'deleting' WHERE path LIKE '2026-10-20/09/gate/%'");
    const rewritten = path.join(root, '2026-10-20', '09', 'gate', '00.00.mp4');
    fs.appendFileSync(rewritten, 'a different recording');
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { repaired: 1, changed: 1 } });
    expect(fs.existsSync(rewritten)).toBe(true);
    expect((await rows()).find((row) => row.path === '2026-10-20/09/gate/00.00.mp4')?.status).toBe('kept');
  });

  it('a half-done deletion whose folder now leads outside the root is not finished there: the rows are kept', async () => {
    const { kiosk, root, purge, rows } = await withFiles();
    await kiosk.database.run("UPDATE footage_files SET status = 'deleting' WHERE path LIKE '2026-10-20/09/gate/%'");
    const outside = makeTempDir('outside-');
    for (const name of ['00.00.mp4', '00.10.mp4']) fs.writeFileSync(path.join(outside, name), 'precious');
    const gate = path.join(root, '2026-10-20', '09', 'gate');
    fs.rmSync(gate, { recursive: true });
    fs.symlinkSync(outside, gate);
    expect(await purge()).toMatchObject({ outcome: 'ok', counts: { repaired: 0, refused: 2, deleted: 1 } });
    expect(fs.readdirSync(outside).sort()).toEqual(['00.00.mp4', '00.10.mp4']);
    expect((await rows()).filter((row) => row.path.startsWith('2026-10-20/09/gate/')).map((row) => row.status)).toEqual(
      ['kept', 'kept'],
    );
  });

  it('dates a future-dated file at its earliest plausible time, and flags it; a clock the guard does not trust corrects nothing', async () => {
    const { kiosk, clock, root, purge } = await setup();
    writeFiles(root, { [frigate('2027-03-01T09:00:00Z', 'gate')]: Date.parse('2027-03-01T09:00:00Z') });
    const scanWith = (correctFutureDates: boolean) =>
      scanFootage({ database: kiosk.database, root, config: defaultConfig, clock, correctFutureDates });
    expect(await scanWith(false)).toMatchObject({ added: 1, futureCorrected: 0 });
    expect((await kiosk.footage.list())[0]).toMatchObject({ future: true, status: 'kept' });
    // Not even a run whose next run lies past the file's own deadline deletes it while it is dated ahead.
    expect(await purge({ nextRunAt: Date.parse('2027-06-01T00:00:00Z'), allowLargeDeletion: true })).toMatchObject({
      outcome: 'ok',
      counts: { due: 0, deleted: 0 },
    });
    expect(fs.existsSync(path.join(root, ...frigate('2027-03-01T09:00:00Z', 'gate').split('/')))).toBe(true);
    clock.advance(60_000);
    expect(await scanWith(true)).toMatchObject({ added: 0, futureCorrected: 1 });
    // Dated by the earliest plausible time: its mtime (writeFiles stamps it a day before NOW), before its first scan.
    expect((await kiosk.footage.list())[0]).toMatchObject({ future: false, recordedAt: Date.parse(NOW) - DAY });
  });
});
