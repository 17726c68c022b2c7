import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FOLDERS_PINNED, openFolderWalk, type FolderWalk } from '../../../../electron/core/footage/folder-walk';
import {
  createUnlinkPool,
  privateNameOf,
  UnlinkOutcome,
  type UnlinkPool,
} from '../../../../electron/core/footage/unlink-pool';
import { makeTempDir } from '../../../helpers/temp-dir';

const pools: UnlinkPool[] = [];
const walks: FolderWalk[] = [];
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close();
  for (const walk of walks.splice(0)) walk.close();
});

function setup() {
  const root = fs.realpathSync(makeTempDir('unlink-root-'));
  const folder = path.join(root, 'day', 'gate');
  fs.mkdirSync(folder, { recursive: true });
  const walk = openFolderWalk(root);
  const pool = createUnlinkPool();
  walks.push(walk);
  pools.push(pool);
  const write = (name: string, content: string) => {
    fs.writeFileSync(path.join(folder, name), content);
    const { dev, ino, size, mtimeMs } = fs.lstatSync(path.join(folder, name), { bigint: true });
    return { dev, ino, size: Number(size), mtime: Number(mtimeMs) };
  };
  return { root, folder, walk, pool, write };
}

describe('the folder walk', () => {
  it('opens folders from the root, refuses a symlink on the way, and tells gone from unreadable', () => {
    const { root, walk } = setup();
    const outside = makeTempDir('outside-');
    fs.symlinkSync(outside, path.join(root, 'link'));
    fs.writeFileSync(path.join(root, 'file'), '');
    expect(walk.open('day/gate')).toMatch(/\/$/);
    expect(walk.open('link')).toBe('refused');
    expect(walk.open('link/below')).toBe('refused');
    expect(walk.open('missing/gate')).toBe('gone');
    expect(walk.open('file')).toBe('unreadable'); // a file where a folder was: not there to act in
    expect(walk.open('day/../../etc')).toBe('refused');
  });

  it.runIf(FOLDERS_PINNED)('acts inside the folder it opened, whatever the path leads to by then', () => {
    const { root, folder, walk } = setup();
    fs.writeFileSync(path.join(folder, '00.00.mp4'), 'footage');
    const opened = walk.open('day/gate') as string;
    const outside = makeTempDir('outside-');
    fs.writeFileSync(path.join(outside, '00.00.mp4'), 'precious');
    fs.renameSync(path.join(root, 'day'), path.join(root, 'day.moved'));
    fs.mkdirSync(path.join(root, 'day'));
    fs.symlinkSync(outside, path.join(root, 'day', 'gate'));
    expect(fs.readFileSync(`${opened}00.00.mp4`, 'utf8')).toBe('footage');
  });
});

describe('the unlink pool', () => {
  it('unlinks a file that is still the one checked, and counts a file already gone as done', async () => {
    const { folder, walk, pool, write } = setup();
    const checked = write('00.00.mp4', 'footage');
    const prefix = walk.open('day/gate') as string;
    expect(
      await pool.unlink([
        { folder: prefix, name: '00.00.mp4', expected: checked, privateName: privateNameOf(1) },
        { folder: prefix, name: '00.10.mp4', expected: checked, privateName: privateNameOf(2) },
      ]),
    ).toEqual([UnlinkOutcome.Unlinked, UnlinkOutcome.Gone]);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('leaves alone what took the name after the check (another file, a symlink, a folder) and puts it back', async () => {
    const { root, folder, walk, pool, write } = setup();
    const prefix = walk.open('day/gate') as string;
    const held = path.join(root, 'held.mp4');
    fs.writeFileSync(held, 'held footage');
    const heldInode = fs.statSync(held).ino;

    const file = write('00.00.mp4', 'footage');
    fs.rmSync(path.join(folder, '00.00.mp4'));
    fs.linkSync(held, path.join(folder, '00.00.mp4')); // the held file itself under the name
    const link = write('00.10.mp4', 'footage');
    fs.rmSync(path.join(folder, '00.10.mp4'));
    fs.symlinkSync(held, path.join(folder, '00.10.mp4'));
    const replacedByFolder = write('00.20.mp4', 'footage');
    fs.rmSync(path.join(folder, '00.20.mp4'));
    fs.mkdirSync(path.join(folder, '00.20.mp4'));

    expect(
      await pool.unlink([
        { folder: prefix, name: '00.00.mp4', expected: file, privateName: privateNameOf(3) },
        { folder: prefix, name: '00.10.mp4', expected: link, privateName: privateNameOf(4) },
        { folder: prefix, name: '00.20.mp4', expected: replacedByFolder, privateName: privateNameOf(5) },
      ]),
    ).toEqual([UnlinkOutcome.NotTheFile, UnlinkOutcome.NotTheFile, UnlinkOutcome.NotTheFile]);
    expect(fs.readdirSync(folder).sort()).toEqual(['00.00.mp4', '00.10.mp4', '00.20.mp4']); // no private names left
    expect(fs.statSync(path.join(folder, '00.00.mp4')).ino).toBe(heldInode);
    expect(fs.readlinkSync(path.join(folder, '00.10.mp4'))).toBe(held);
    expect(fs.lstatSync(path.join(folder, '00.20.mp4')).isDirectory()).toBe(true);
    expect(fs.readFileSync(held, 'utf8')).toBe('held footage');
  });

  it('leaves alone another file of the same size and mtime that took the name: device and inode decide', async () => {
    const { folder, walk, pool, write } = setup();
    const prefix = walk.open('day/gate') as string;
    const original = path.join(folder, '00.00.mp4');
    const stamp = 1_795_000_000; // whole seconds: both files get exactly the same mtime
    write('00.00.mp4', 'footage');
    fs.utimesSync(original, stamp, stamp);
    const { dev, ino, size, mtimeMs } = fs.lstatSync(original, { bigint: true });
    const expected = { dev, ino, size: Number(size), mtime: Number(mtimeMs) };
    // Made beside it and renamed over it, so the two files exist at once and cannot share an inode.
    const swapped = path.join(folder, 'swap.tmp');
    fs.writeFileSync(swapped, 'FOOTAGE');
    fs.utimesSync(swapped, stamp, stamp);
    fs.renameSync(swapped, original);
    const now = fs.lstatSync(original, { bigint: true });
    expect([Number(now.size), Number(now.mtimeMs)]).toEqual([expected.size, expected.mtime]);
    expect(now.ino).not.toBe(expected.ino);

    expect(await pool.unlink([{ folder: prefix, name: '00.00.mp4', expected, privateName: privateNameOf(8) }])).toEqual(
      [UnlinkOutcome.NotTheFile],
    );
    expect(fs.readdirSync(folder)).toEqual(['00.00.mp4']);
    expect(fs.readFileSync(original, 'utf8')).toBe('FOOTAGE');
  });

  it('finishes a killed run only for a file with the size and mtime decided on', async () => {
    const { folder, walk, pool } = setup();
    const prefix = walk.open('day/gate') as string;
    fs.writeFileSync(path.join(folder, 'same.mp4'), 'footage');
    fs.writeFileSync(path.join(folder, 'changed.mp4'), 'a longer, different recording');
    const same = fs.statSync(path.join(folder, 'same.mp4'));
    const expected = { size: same.size, mtime: Math.floor(same.mtimeMs) };
    expect(
      await pool.unlink([
        { folder: prefix, name: 'same.mp4', expected, privateName: privateNameOf(20) },
        { folder: prefix, name: 'changed.mp4', expected, privateName: privateNameOf(21) },
      ]),
    ).toEqual([UnlinkOutcome.Unlinked, UnlinkOutcome.NotTheFile]);
    expect(fs.readdirSync(folder)).toEqual(['changed.mp4']);
  });

  it('finishes the unlink of a file a killed run left under its private name', async () => {
    const { folder, walk, pool, write } = setup();
    const prefix = walk.open('day/gate') as string;
    const checked = write('00.00.mp4', 'footage');
    const expected = { size: checked.size, mtime: checked.mtime }; // what a repair knows
    fs.renameSync(path.join(folder, '00.00.mp4'), path.join(folder, privateNameOf(7)));
    expect(await pool.unlink([{ folder: prefix, name: '00.00.mp4', expected, privateName: privateNameOf(7) }])).toEqual(
      [UnlinkOutcome.Unlinked],
    );
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
