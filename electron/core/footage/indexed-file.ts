import type fs from 'node:fs';

/** What the index knows of a live file, to tell it from whatever is at its name now. */
export interface IndexedIdentity {
  size: number;
  mtime: number;
  /** The footage root's device as the last scan saw it; null where no scan recorded one. */
  device?: number | bigint | null;
}

/**
 * Whether an opened (or lstat'ed) file is the indexed one: a plain file with the index's size and
 * mtime, on the root's device, and with one link only. A hard link planted in the recordings names a
 * file that lives elsewhere too (another camera's, a file outside the root on the same disk): it is
 * never deleted, played or copied.
 */
export function isIndexedFile(stat: fs.BigIntStats, expected: IndexedIdentity): boolean {
  return (
    stat.isFile() &&
    stat.nlink === 1n &&
    Number(stat.size) === expected.size &&
    Math.floor(Number(stat.mtimeMs)) === expected.mtime &&
    (expected.device === undefined || expected.device === null || stat.dev === BigInt(expected.device))
  );
}
