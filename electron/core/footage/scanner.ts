import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../../shared/config';
import { identifyFootage, isVideoFile } from '../../../shared/footage-path';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { FootageRootError, inspectRoot } from './root';

export interface ScanCounts {
  folders: number;
  /** Folders whose listing was read because their mtime changed (or they were new). */
  foldersRead: number;
  added: number;
  changed: number;
  vanished: number;
  unreadable: number;
}

export const ROOT_DEVICE_KEY = 'footageRootDevice';
// A folder changed this shortly before it was read may change again within the same timestamp tick
// (coarse file-system clocks make that likelier): it is not trusted as unchanged next time.
const RACY_MS = 2000;
const UNTRUSTED_MTIME = -1;
const INSERT_BATCH = 5000;

interface PendingFile {
  path: string;
  folder: string;
  camera: string;
  recordedAt: number;
  timeSource: string;
  size: number;
  mtime: number;
}

const joinRelative = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
/** Upper bound for a prefix range on the path index: every path under `folder/`. */
const underFolder = (folder: string) => [`${folder}/`, `${folder}0`] as const; // '0' sorts right after '/'

/**
 * Walks the footage root and brings the index up to date. Folders whose mtime has not changed are
 * not listed again (their files cannot have been added or removed); only their subfolders are
 * visited. No symlink is followed. A folder that cannot be read is reported, and its files are left
 * as the index knows them, never taken for vanished.
 */
export async function scanFootage({
  database,
  root,
  config,
  clock,
  onUnreadable = () => undefined,
}: {
  database: Database;
  root: string;
  config: KioskConfig;
  clock: Clock;
  onUnreadable?: (folder: string, error: unknown) => void;
}): Promise<ScanCounts> {
  const check = inspectRoot(root);
  if (!check.ok) throw new FootageRootError(check.problem, check.detail);
  const { realRoot } = check;
  const settings = config.footage;
  const now = clock.now();
  const counts: ScanCounts = { folders: 0, foldersRead: 0, added: 0, changed: 0, vanished: 0, unreadable: 0 };

  const knownFolders = new Map(
    (
      await database.all<{ path: string; parent: string | null; mtime: number }>(
        'SELECT path, parent, mtime FROM footage_folders',
      )
    ).map((row) => [row.path, row] as const),
  );
  const childrenOf = new Map<string, string[]>();
  for (const folder of knownFolders.values()) {
    if (folder.parent === null) continue;
    childrenOf.set(folder.parent, [...(childrenOf.get(folder.parent) ?? []), folder.path]);
  }

  const pending: PendingFile[] = [];
  const folderUpdates: { path: string; parent: string | null; mtime: number }[] = [];
  const flush = async () => {
    if (pending.length === 0 && folderUpdates.length === 0) return;
    const files = pending.splice(0);
    const folders = folderUpdates.splice(0);
    await database.transaction(async (tx) => {
      if (files.length > 0) {
        await tx.run(
          `INSERT INTO footage_files (path, folder, camera, recorded_at, time_source, size, mtime, status, indexed_at)
           SELECT value ->> 'path', value ->> 'folder', value ->> 'camera', value ->> 'recordedAt', value ->> 'timeSource',
                  value ->> 'size', value ->> 'mtime', 'kept', ?
             FROM json_each(?) WHERE true -- the WHERE lets SQLite parse the upsert after a SELECT
           ON CONFLICT (path) DO UPDATE SET camera = excluded.camera, recorded_at = excluded.recorded_at,
             time_source = excluded.time_source, size = excluded.size, mtime = excluded.mtime, status = 'kept',
             indexed_at = excluded.indexed_at, deleted_at = NULL, delete_reason = NULL`,
          [now, JSON.stringify(files)],
        );
      }
      for (const folder of folders) {
        await tx.run(
          'INSERT INTO footage_folders (path, parent, mtime) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET mtime = excluded.mtime',
          [folder.path, folder.parent, folder.mtime],
        );
      }
    });
  };

  const markVanishedFolder = async (tx: Statements, folder: string) => {
    const [from, to] = underFolder(folder);
    counts.vanished += (
      await tx.run("UPDATE footage_files SET status = 'gone' WHERE status = 'kept' AND path >= ? AND path < ?", [
        from,
        to,
      ])
    ).changes;
    await tx.run('DELETE FROM footage_folders WHERE path = ? OR (path >= ? AND path < ?)', [folder, from, to]);
  };

  const stack: { folder: string; parent: string | null }[] = [{ folder: '', parent: null }];
  while (stack.length > 0) {
    const { folder, parent } = stack.pop()!;
    const absolute = folder ? path.join(realRoot, ...folder.split('/')) : realRoot;
    counts.folders++;
    let mtime: number;
    try {
      mtime = Math.floor(fs.lstatSync(absolute).mtimeMs);
    } catch (error) {
      counts.unreadable++;
      onUnreadable(folder, error);
      continue;
    }
    const known = knownFolders.get(folder);
    if (known && known.mtime === mtime) {
      for (const child of childrenOf.get(folder) ?? []) stack.push({ folder: child, parent: folder });
      continue;
    }

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      counts.unreadable++;
      onUnreadable(folder, error);
      continue;
    }
    counts.foldersRead++;
    const indexed = new Map(
      (
        await database.all<{ path: string; size: number; mtime: number; status: string }>(
          'SELECT path, size, mtime, status FROM footage_files WHERE folder = ?',
          [folder],
        )
      ).map((row) => [row.path, row] as const),
    );
    const seenFolders = new Set<string>();
    for (const entry of entries) {
      const relative = joinRelative(folder, entry.name);
      if (entry.isDirectory()) {
        seenFolders.add(relative);
        stack.push({ folder: relative, parent: folder });
        continue;
      }
      // Symlinks and other specials are never indexed: deletion must never reach outside the root.
      if (!entry.isFile() || !isVideoFile(relative, settings.extensions)) continue;
      const before = indexed.get(relative);
      indexed.delete(relative);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(path.join(absolute, entry.name));
      } catch {
        continue; // vanished between listing and stat: the next scan sees it gone
      }
      const size = stat.size;
      const fileMtime = Math.floor(stat.mtimeMs);
      if (before && before.status === 'kept' && before.size === size && before.mtime === fileMtime) continue;
      if (before?.status === 'deleting') continue; // the purge's repair owns it
      const identity = identifyFootage(relative, fileMtime, settings, config.timeZone);
      pending.push({ path: relative, folder, ...identity, size, mtime: fileMtime });
      if (before) counts.changed++;
      else counts.added++;
      if (pending.length >= INSERT_BATCH) await flush();
    }
    const vanishedFiles = [...indexed.values()].filter((row) => row.status === 'kept').map((row) => row.path);
    const vanishedFolders = (childrenOf.get(folder) ?? []).filter((child) => !seenFolders.has(child));
    if (vanishedFiles.length > 0 || vanishedFolders.length > 0) {
      await flush();
      await database.transaction(async (tx) => {
        for (let start = 0; start < vanishedFiles.length; start += 500) {
          const chunk = vanishedFiles.slice(start, start + 500);
          counts.vanished += (
            await tx.run(
              `UPDATE footage_files SET status = 'gone' WHERE path IN (${chunk.map(() => '?').join(',')})`,
              chunk,
            )
          ).changes;
        }
        for (const child of vanishedFolders) await markVanishedFolder(tx, child);
      });
    }
    // Real time on purpose: file-system timestamps follow the real clock, not KIOSK_NOW.
    const racy = Date.now() - mtime < RACY_MS;
    folderUpdates.push({ path: folder, parent, mtime: racy ? UNTRUSTED_MTIME : mtime });
  }
  await flush();
  await database.run(
    'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [ROOT_DEVICE_KEY, JSON.stringify({ device: check.device, realRoot })],
  );
  return counts;
}
