import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { footageChildArgs, repository } from '../../../helpers/footage-child';
import { realNow } from '../../../helpers/file-times';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOBODY = 65534;

/**
 * The scan runs in a process of its own. As root (as on these test machines) a folder's permissions
 * bind nobody, so that process runs as the unprivileged user "nobody".
 */
function runAs(databaseFile: string, root: string, mode: 'scan' | 'purge'): string {
  const asRoot = process.getuid?.() === 0;
  const result = spawnSync(process.execPath, footageChildArgs(databaseFile, root, realNow(), mode), {
    cwd: repository,
    encoding: 'utf8',
    env: { ...process.env, HOME: path.dirname(databaseFile) },
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout.trim().split('\n').at(-1)!;
}

function scanAs(databaseFile: string, root: string) {
  return JSON.parse(runAs(databaseFile, root, 'scan')) as {
    counts: { added: number; vanished: number; unreadable: number };
    unreadable: string[];
  };
}

it('a folder that cannot be read is reported, and its files are not taken for gone', async () => {
  const work = makeTempDir();
  fs.chmodSync(work, 0o777);
  const root = path.join(work, 'footage');
  const dataDir = path.join(work, 'data');
  fs.mkdirSync(dataDir, { mode: 0o777 });
  fs.chmodSync(dataDir, 0o777);
  const databaseFile = path.join(dataDir, 'kiosk.sqlite3');
  for (const camera of ['gate', 'lobby']) {
    fs.mkdirSync(path.join(root, camera), { recursive: true });
    for (const second of ['00', '10', '20']) {
      fs.writeFileSync(path.join(root, camera, `${camera}_20261120_1000${second}.mp4`), 'x');
    }
  }
  expect(scanAs(databaseFile, root)).toMatchObject({ counts: { added: 6, vanished: 0, unreadable: 0 } });

  // The recorder adds a file, and the folder becomes unreadable to the kiosk (a permission change, a
  // failing network share): the scan must look into it, and cannot.
  const lobby = path.join(root, 'lobby');
  fs.writeFileSync(path.join(lobby, 'lobby_20261120_100030.mp4'), 'x');
  fs.chmodSync(lobby, 0o000);
  try {
    expect(scanAs(databaseFile, root)).toEqual({
      counts: expect.objectContaining({ added: 0, vanished: 0, unreadable: 1 }),
      unreadable: ['lobby'],
    });
  } finally {
    fs.chmodSync(lobby, 0o755);
  }
  const database = await openDatabase(databaseFile);
  try {
    expect(
      await database.all("SELECT status, count(*) AS n FROM footage_files WHERE folder = 'lobby' GROUP BY status"),
    ).toEqual([{ status: 'kept', n: 3 }]);
  } finally {
    await database.close();
  }
  // Readable again: the new file is found, nothing was lost.
  expect(scanAs(databaseFile, root)).toMatchObject({ counts: { added: 1, vanished: 0, unreadable: 0 } });

  // A new camera folder that cannot be read from the start is reported on every scan, and read as
  // soon as it can be, though its parent does not change in between.
  const yard = path.join(root, 'yard');
  fs.mkdirSync(yard);
  fs.writeFileSync(path.join(yard, 'yard_20261120_100000.mp4'), 'x');
  fs.chmodSync(yard, 0o000);
  try {
    for (let scan = 0; scan < 2; scan++) {
      expect(scanAs(databaseFile, root)).toEqual({
        counts: expect.objectContaining({ added: 0, unreadable: 1 }),
        unreadable: ['yard'],
      });
    }
  } finally {
    fs.chmodSync(yard, 0o755);
  }
  expect(scanAs(databaseFile, root)).toMatchObject({ counts: { added: 1, unreadable: 0 } });

  // The root itself cannot be read: the purge deletes nothing at all.
  fs.chmodSync(root, 0o000);
  try {
    expect(runAs(databaseFile, root, 'purge')).toMatch(/^done \{"outcome":"blocked","reason":"unreadable"/);
  } finally {
    fs.chmodSync(root, 0o755);
  }
  expect(fs.readdirSync(path.join(root, 'gate'))).toHaveLength(3);
});
