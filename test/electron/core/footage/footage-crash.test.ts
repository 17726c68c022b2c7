import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { fixedClock } from '../../../../electron/core/clock';
import { openDatabase } from '../../../../electron/core/database';
import { purgeFootage } from '../../../../electron/core/footage/purge';
import { scanFootage } from '../../../../electron/core/footage/scanner';
import { footageChildArgs, repository } from '../../../helpers/footage-child';
import { realNow } from '../../../helpers/file-times';
import { makeTempDir } from '../../../helpers/temp-dir';

const FOLDERS = 40;
const FILES_PER_FOLDER = 500;
// Files just written count as settled a day later; their names date them months back, so all are due.
const NOW = realNow() + 24 * 3_600_000;
const config: KioskConfig = { ...defaultConfig, footage: { ...defaultConfig.footage, settleMinutes: 0 } };

/** A Frigate tree of 20,000 files from October, and its index. */
async function prepare() {
  const root = makeTempDir('footage-root-');
  const pad = (value: number) => String(value).padStart(2, '0');
  for (let folder = 0; folder < FOLDERS; folder++) {
    const dir = path.join(root, '2026-10-20', pad(folder % 24), `camera_${pad(Math.floor(folder / 24))}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let file = 0; file < FILES_PER_FOLDER; file++) {
      fs.writeFileSync(path.join(dir, `${pad(Math.floor(file / 60) % 60)}.${pad(file % 60)}.mp4`), 'x');
    }
  }
  const databaseFile = path.join(makeTempDir(), 'kiosk.sqlite3');
  const database = await openDatabase(databaseFile);
  await scanFootage({ database, root, config, clock: fixedClock(NOW) });
  await database.close();
  return { root, databaseFile };
}

const filesOnDisk = (root: string) =>
  new Set(fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.endsWith('.mp4')));

/**
 * Starts the purge in its own process, which freezes at `freezeAt` (a transaction it asks for, or
 * one about to commit) and says so; SIGKILLs it then. The point is in the purge's own steps, not a
 * time, so the test is the same on a fast and a slow machine.
 */
function purgeAndKill(root: string, databaseFile: string, freezeAt: FreezePoint): Promise<string> {
  const child = spawn(process.execPath, footageChildArgs(databaseFile, root, NOW, 'purge', freezeAt), {
    cwd: repository,
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
    if (output.includes('frozen')) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('exit', () => resolve(output));
    child.on('error', reject);
  });
}

type FreezePoint = `${'before' | 'inside'}:${number}`;

// With 20,000 files in steps of 5,000 and no earlier run to repair (the repair commits only when it
// finds something), the purge commits: 1 to 4 one per step (marking it 'deleting' and turning the step
// before last into tombstones while the last step's files are unlinked), 5 the last tombstones.
it.each<[FreezePoint, string]>([
  ['before:3', 'a step unlinked, two marked, one being unlinked'],
  ['inside:4', 'in a commit that does not happen'],
  ['before:5', 'every file unlinked, the last tombstones not written'],
])(
  'a purge killed at %s (%s) leaves rows that never claim a file is gone while it is there, and the next run repairs them',
  async (freezeAt) => {
    const { root, databaseFile } = await prepare();
    const output = await purgeAndKill(root, databaseFile, freezeAt);
    expect(output).toContain('purging');
    expect(output).toContain('frozen');
    expect(output).not.toContain('done'); // killed halfway, not finished

    const database = await openDatabase(databaseFile);
    try {
      const rows = await database.all<{ path: string; status: string }>('SELECT path, status FROM footage_files');
      const onDisk = filesOnDisk(root);
      const byStatus = (status: string) => rows.filter((row) => row.status === status);
      // A tombstone never lies: its file is gone. A kept row's file is still there. Only 'deleting'
      // rows may be either way, and they are what the kill interrupted.
      for (const row of byStatus('deleted')) expect(onDisk.has(row.path)).toBe(false);
      for (const row of byStatus('kept')) expect(onDisk.has(row.path)).toBe(true);
      const interrupted = byStatus('deleting').length;
      expect(interrupted).toBeGreaterThan(0);
      expect(onDisk.size).toBeLessThan(FOLDERS * FILES_PER_FOLDER);

      const next = await purgeFootage({
        database,
        root,
        config,
        clock: fixedClock(NOW),
        nextRunAt: NOW + 3_600_000,
        dryRun: false,
        allowLargeDeletion: true,
      });
      expect(next).toMatchObject({ outcome: 'ok', counts: { repaired: interrupted, failed: 0 } });
      expect(filesOnDisk(root).size).toBe(0);
      // Nor is a file left under the private name a killed unlink had renamed it to.
      expect(
        fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((entry) => entry.includes('.kiosk-')),
      ).toEqual([]);
      const after = await database.all<{ status: string; n: number }>(
        'SELECT status, count(*) AS n FROM footage_files GROUP BY status',
      );
      expect(after).toEqual([{ status: 'deleted', n: FOLDERS * FILES_PER_FOLDER }]);
    } finally {
      await database.close();
    }
  },
  90_000, // 20,000 files written, scanned and purged twice, on a machine that may be busy
);
