// A process with write access to the footage root swaps the recordings' folders for symlinks to a
// folder outside it (same names, sizes and mtimes) while footage is exported: no export may contain a
// file from outside the root. And a hard link planted in the root is never copied, played or deleted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { createMediaTickets } from '../../../../electron/core/footage/media';
import { createSessionStore } from '../../../../electron/core/staff/sessions';
import { callers, manualClock, openTestKiosk } from '../../../helpers/kiosk';
import { startSymlinkAttacker, startSymlinkFlipper } from '../../../helpers/symlink-attacker';
import { makeTempDir } from '../../../helpers/temp-dir';

const SIZE = 64;
const MTIME = new Date('2026-05-01T12:00:00Z');
const NAMES = ['gate_20260501_090000.mp4', 'gate_20260501_091000.mp4', 'gate_20260501_092000.mp4'];

function writeFolder(folder: string, fill: string) {
  fs.mkdirSync(folder, { recursive: true });
  for (const name of NAMES) {
    const file = path.join(folder, name);
    fs.writeFileSync(file, fill.repeat(SIZE));
    fs.utimesSync(file, MTIME, MTIME);
  }
}

async function setup(options: { exportFolder?: string } = {}) {
  const root = makeTempDir('footage-root-');
  const config = kioskConfigSchema.parse({
    retention: { footageDays: 28 },
    footage: { root, maxDeleteShare: 1, settleMinutes: 0 },
    privacy: { exportFolder: options.exportFolder ?? makeTempDir('exports-') },
  });
  const clock = manualClock('2026-05-02T09:00:00Z');
  const kiosk = await openTestKiosk({ clock, config });
  return { kiosk, clock, root };
}

describe('footage export while the share swaps folders for symlinks', () => {
  it('copies no file from outside the root in 400 exports', { timeout: 300_000 }, async () => {
    // The police cases go into the kiosk's export folder: an --out anywhere else is refused.
    const outputs = makeTempDir('exports-');
    const { kiosk, root } = await setup({ exportFolder: outputs });
    // A recorder's deep tree (camera, year, month, day, hour): the deeper, the longer a path check takes.
    const below = ['2026', '05', '01', '09'];
    const outsideCamera = makeTempDir('outside-');
    writeFolder(path.join(outsideCamera, ...below), 'D');
    const camera = path.join(root, 'gate');
    writeFolder(path.join(camera, ...below), 'R');
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    const paths = NAMES.map((name) => ['gate', ...below, name].join('/'));
    const outcome = { exports: 0, copied: 0, outsideFiles: 0 };
    const exportMany = async (count: number) => {
      for (let attempt = 0; attempt < count; attempt++) {
        const out = path.join(outputs, `case-${outcome.exports++}`);
        const result = await kiosk.router.invoke(
          'privacy.exportFootage',
          { paths: [paths[attempt % paths.length]!], reason: 'police', purpose: 'accessRequest' as const, outDir: out },
          callers.operator,
        );
        if (!result.ok) continue;
        for (const { file } of result.value.manifest.files) {
          outcome.copied++;
          if (fs.readFileSync(path.join(out, file), 'utf8') !== 'R'.repeat(SIZE)) outcome.outsideFiles++;
        }
      }
    };

    // First the camera's folder is swapped for a symlink to the outside and back (renamed aside).
    const swapper = await startSymlinkAttacker([{ path: camera, targets: [outsideCamera] }]);
    try {
      await exportMany(200);
    } finally {
      await swapper.stop();
    }
    // Then it moves aside for good and becomes a link that flips, atomically, between it and the
    // outside: a path checked while it leads inside is opened a moment later while it leads outside.
    const moved = path.join(root, 'gate-store');
    fs.renameSync(camera, moved);
    fs.symlinkSync(moved, camera);
    const flipper = await startSymlinkFlipper(camera, [moved, outsideCamera]);
    try {
      await exportMany(200);
    } finally {
      await flipper.stop();
    }
    expect(outcome).toMatchObject({ exports: 400, outsideFiles: 0 });
    // Exports went through between the swaps: the attack was met, not every export refused.
    expect(outcome.copied).toBeGreaterThan(0);

    // Once the camera's folder is back, the same export goes through: the refusals were the attack's.
    fs.rmSync(camera);
    fs.renameSync(moved, camera);
    const calm = await kiosk.router.invoke(
      'privacy.exportFootage',
      { paths, reason: 'police', purpose: 'accessRequest' as const, outDir: path.join(outputs, 'calm') },
      callers.operator,
    );
    expect(calm.ok && calm.value.manifest.files.length).toBe(3);
  });
});

describe('a hard link planted in the root', () => {
  it('is not exported, played or deleted', async () => {
    const exportFolder = makeTempDir('exports-');
    const { kiosk, clock, root } = await setup({ exportFolder });
    const outside = path.join(makeTempDir('outside-'), 'secret.mp4');
    fs.writeFileSync(outside, 'S'.repeat(SIZE));
    fs.utimesSync(outside, MTIME, MTIME);
    const day = path.join(root, 'gate', '2026-05-01');
    fs.mkdirSync(day, { recursive: true });
    fs.linkSync(outside, path.join(day, NAMES[0]!));
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    const [row] = await kiosk.database.all<{ id: number }>('SELECT id FROM footage_files');
    expect(row).toBeDefined();

    const out = path.join(exportFolder, 'case');
    const exported = await kiosk.router.invoke(
      'privacy.exportFootage',
      { paths: [`gate/2026-05-01/${NAMES[0]}`], reason: 'police', purpose: 'accessRequest' as const, outDir: out },
      callers.operator,
    );
    expect(exported).toMatchObject({ ok: false, error: { key: 'privacy.footageUnavailable' } });

    const sessions = createSessionStore({ clock, idleMs: 120_000 });
    sessions.open('security-window', { staffId: 2, name: 'Sam', role: 'security' });
    const media = createMediaTickets({ database: kiosk.database, root: () => root, sessions });
    expect(await media.issue(row!.id, 'security-window')).toBeNull();

    clock.set('2026-07-01T09:00:00Z');
    const purged = await kiosk.footage.purge();
    expect(purged.outcome).toBe('ok');
    expect(fs.existsSync(path.join(day, NAMES[0]!))).toBe(true);
    expect(fs.readFileSync(outside, 'utf8')).toBe('S'.repeat(SIZE));
  });
});

describe('export folders', () => {
  it('two exports in the same second each get a folder of their own', async () => {
    const exportFolder = makeTempDir('exports-');
    const { kiosk, root } = await setup({ exportFolder });
    writeFolder(path.join(root, 'gate', '2026-05-01'), 'R');
    expect((await kiosk.footage.scan()).outcome).toBe('ok');
    const input = {
      paths: [`gate/2026-05-01/${NAMES[0]}`],
      reason: 'access request',
      purpose: 'accessRequest' as const,
    };
    const first = await kiosk.router.invoke('privacy.exportFootage', input, callers.operator);
    const second = await kiosk.router.invoke('privacy.exportFootage', input, callers.operator);
    if (!first.ok || !second.ok) throw new Error(JSON.stringify([first, second]));
    expect(first.value.folder).not.toBe(second.value.folder);
    expect(fs.readdirSync(exportFolder)).toHaveLength(2);
  });
});
