import fs from 'node:fs';
import path from 'node:path';
import { isInside, isPlainName } from '../../common/path-inside';

/**
 * Why a folder under the root cannot be acted in: it is not there, it is not a real folder any more
 * (a symlink, a file), or it cannot be opened (permissions, a failing disk).
 */
export type FolderProblem = 'gone' | 'refused' | 'unreadable';

/**
 * Folders under the footage root, opened for one step of work. `open` gives a prefix that names a
 * child of the folder as `${prefix}${name}`, or the reason the folder cannot be used.
 */
export interface FolderWalk {
  open(folder: string): string | FolderProblem;
  /** Closes every folder opened: only once nothing uses their prefixes any more. */
  close(): void;
}

const PROC_FD = '/proc/self/fd';
const { O_RDONLY, O_DIRECTORY = 0, O_NOFOLLOW = 0 } = fs.constants;
const FOLDER_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;

/**
 * On Linux `/proc/self/fd/<fd>/<name>` names a child of an open folder, whatever has been renamed or
 * swapped for a symlink along the path since (worker threads share the process's descriptors).
 */
export const FOLDERS_PINNED = process.platform === 'linux' && fs.existsSync(`${PROC_FD}/`);

/** `folder` names what failed to open, to tell a symlink (refused) from a file or a failing entry (unreadable). */
function problemOf(error: unknown, folder: string): FolderProblem {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'gone';
  if (code === 'ELOOP') return 'refused';
  // O_NOFOLLOW | O_DIRECTORY on a symlink fails with ENOTDIR, as on a file: only a symlink is refused.
  if (code === 'ENOTDIR') {
    try {
      return fs.lstatSync(folder).isSymbolicLink() ? 'refused' : 'unreadable';
    } catch {
      return 'unreadable';
    }
  }
  return 'unreadable';
}

/**
 * Deletion and playback resolve each indexed file through this walk: every folder is opened from the
 * one above it with O_NOFOLLOW, starting at the root, so a folder swapped for a symlink is refused and
 * what is acted on later is inside the folder that was opened, not whatever the path leads to by then.
 * Each folder is opened once per walk (per step), not per file.
 */
export function openFolderWalk(realRoot: string): FolderWalk {
  return FOLDERS_PINNED ? pinnedWalk(realRoot) : pathWalk(realRoot);
}

function pinnedWalk(realRoot: string): FolderWalk {
  const opened = new Map<string, number | FolderProblem>();
  const descriptors: number[] = [];
  const openFolder = (folder: string): number | FolderProblem => {
    const known = opened.get(folder);
    if (known !== undefined) return known;
    let result: number | FolderProblem;
    const slash = folder.lastIndexOf('/');
    const name = folder.slice(slash + 1);
    const parent = folder === '' ? null : openFolder(slash < 0 ? '' : folder.slice(0, slash));
    if (parent === null) {
      try {
        result = fs.openSync(realRoot, FOLDER_FLAGS);
        descriptors.push(result);
      } catch {
        result = 'unreadable'; // the root itself: never taken as every file gone
      }
    } else if (typeof parent === 'string') {
      result = parent;
    } else if (!isPlainName(name)) {
      result = 'refused';
    } else {
      try {
        result = fs.openSync(`${PROC_FD}/${parent}/${name}`, FOLDER_FLAGS);
        descriptors.push(result);
      } catch (error) {
        result = problemOf(error, `${PROC_FD}/${parent}/${name}`);
      }
    }
    opened.set(folder, result);
    return result;
  };
  return {
    open(folder) {
      const descriptor = openFolder(folder);
      return typeof descriptor === 'string' ? descriptor : `${PROC_FD}/${descriptor}/`;
    },
    close() {
      for (const descriptor of descriptors.splice(0)) fs.closeSync(descriptor);
      opened.clear();
    },
  };
}

/**
 * The fallback where no path names a child of an open folder (macOS, Windows, Linux without /proc):
 * each folder's real path is checked once per walk to be the folder itself, inside the root, with no
 * symlink on the way. A swap between that check and the act is not excluded there; the check of
 * device and inode before each unlink or playback still is made.
 */
function pathWalk(realRoot: string): FolderWalk {
  const checked = new Map<string, string | FolderProblem>();
  const check = (folder: string): string | FolderProblem => {
    const parts = folder === '' ? [] : folder.split('/');
    if (!parts.every(isPlainName)) return 'refused';
    const candidate = path.join(realRoot, ...parts);
    try {
      const real = fs.realpathSync(candidate);
      if (!isInside(realRoot, real) || real !== candidate) return 'refused';
      if (!fs.lstatSync(real).isDirectory()) return 'unreadable';
      return `${candidate}${path.sep}`;
    } catch (error) {
      return folder === '' ? 'unreadable' : problemOf(error, candidate);
    }
  };
  return {
    open(folder) {
      let result = checked.get(folder);
      if (result === undefined) checked.set(folder, (result = check(folder)));
      return result;
    },
    close() {
      checked.clear();
    },
  };
}
