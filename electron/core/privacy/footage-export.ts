import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isPlainName } from '../../common/path-inside';
import type { FolderWalk } from '../footage/folder-walk';
import { isIndexedFile, type IndexedIdentity } from '../footage/indexed-file';
import { UserError } from '../user-error';

export interface CopiedFile {
  path: string;
  size: number;
  sha256: string;
}

/** The folder an export goes into: new, or empty. Created readable by the kiosk's account only. */
export function prepareExportFolder(folder: string): void {
  if (fs.existsSync(folder)) {
    if (!fs.statSync(folder).isDirectory() || fs.readdirSync(folder).length > 0)
      throw new UserError({ key: 'privacy.exportFolderNotEmpty' });
    return;
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
}

/**
 * A new folder in `parent` named `base`, or `base-2`, `base-3`, ... when that name is taken (two
 * exports in the same second): made with mkdir, which fails on an existing name, so never shared.
 */
export function makeUniqueExportFolder(parent: string, base: string): string {
  fs.mkdirSync(parent, { recursive: true, mode: 0o700 });
  for (let attempt = 1; ; attempt++) {
    const folder = path.join(parent, attempt === 1 ? base : `${base}-${attempt}`);
    try {
      fs.mkdirSync(folder, { mode: 0o700 });
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 1000) throw error;
    }
  }
}

const BUFFER_SIZE = 1 << 20;

const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;
// No symlink as the file itself, and no wait on a FIFO swapped in (fstat then refuses it).
const FILE_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;

/** An indexed file to export: its folder and name as the index has them, and what it must still be. */
export interface ExportSource extends IndexedIdentity {
  path: string;
  folder: string;
  name: string;
}

/**
 * Copies one indexed footage file to the same relative path under `target`, hashing the bytes as they
 * are written. The source is opened as purge and playback open theirs: through the folders of `walk`,
 * each opened from the one above with O_NOFOLLOW from the root (a folder swapped for a symlink is
 * refused, and one swapped after it was opened no longer matters), the file itself without following
 * a symlink; and it must be the indexed file (size, mtime, the root's device, a single link).
 */
export function copyFootageFile(walk: FolderWalk, source: ExportSource, target: string): CopiedFile {
  const unavailable = () => new UserError({ key: 'privacy.footageUnavailable' });
  // The copy's path under `target` is the index's: made of plain names only, so it cannot climb out.
  if (!isPlainName(source.name) || !source.path.split('/').every(isPlainName)) throw unavailable();
  const folder = walk.open(source.folder);
  if (folder === 'gone' || folder === 'refused' || folder === 'unreadable') throw unavailable();
  let input: number;
  try {
    input = fs.openSync(`${folder}${source.name}`, FILE_FLAGS);
  } catch {
    throw unavailable();
  }
  try {
    if (!isIndexedFile(fs.fstatSync(input, { bigint: true }), source)) throw unavailable();
    const relativePath = source.path;
    const destination = path.join(target, ...relativePath.split('/'));
    fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
    const output = fs.openSync(destination, 'wx', 0o600);
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(BUFFER_SIZE);
    let size = 0;
    try {
      for (;;) {
        const read = fs.readSync(input, buffer, 0, BUFFER_SIZE, null);
        if (read === 0) break;
        const chunk = buffer.subarray(0, read);
        for (let written = 0; written < read;) written += fs.writeSync(output, chunk, written, read - written);
        hash.update(chunk);
        size += read;
      }
      fs.fsyncSync(output);
    } finally {
      fs.closeSync(output);
    }
    return { path: relativePath, size, sha256: hash.digest('hex') };
  } finally {
    fs.closeSync(input);
  }
}
