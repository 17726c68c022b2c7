import fs from 'node:fs';
import { isPlainName } from '../../common/path-inside';
import { openFolderWalk, type FolderProblem, type FolderWalk } from '../footage/folder-walk';

/** What became of one exported file or folder: removed, already gone, or left (with why). */
export type RemovalOutcome = 'removed' | 'gone' | FolderProblem;

/** Empties and removes a folder through the walk: each subfolder opened without following a symlink. */
function removeTree(walk: FolderWalk, folder: string): void {
  const prefix = walk.open(folder);
  if (typeof prefix !== 'string' || !prefix.endsWith('/')) throw new Error(`cannot open ${folder}`);
  for (const entry of fs.readdirSync(prefix, { withFileTypes: true })) {
    // A symlink is removed as the link itself, never followed: unlink does not follow one.
    if (entry.isDirectory()) {
      removeTree(walk, `${folder}/${entry.name}`);
      fs.rmdirSync(`${prefix}${entry.name}`);
    } else fs.unlinkSync(`${prefix}${entry.name}`);
  }
}

/**
 * Removes an export (a file or a folder, '/'-separated under the export folder) the way the footage
 * purge deletes: every folder opened from the real export folder with O_NOFOLLOW (folder-walk.ts),
 * so a folder swapped for a symlink is refused and nothing outside the export folder is touched.
 */
export function removeExportPath(realRoot: string, relative: string): RemovalOutcome {
  const parts = relative.split('/');
  if (!parts.every(isPlainName)) return 'refused';
  const parent = parts.slice(0, -1).join('/');
  const name = parts.at(-1)!;
  const walk = openFolderWalk(realRoot);
  try {
    const prefix = walk.open(parent);
    if (prefix === 'gone' || prefix === 'refused' || prefix === 'unreadable') return prefix;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(`${prefix}${name}`);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
    }
    try {
      if (stat.isDirectory()) {
        removeTree(walk, relative);
        fs.rmdirSync(`${prefix}${name}`);
      } else fs.unlinkSync(`${prefix}${name}`);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'gone' : 'unreadable';
    }
    return 'removed';
  } finally {
    walk.close();
  }
}
