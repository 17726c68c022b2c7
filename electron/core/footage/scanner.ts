import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../../shared/config';
import { identifyFootage, isVideoFile } from '../../../shared/footage-path';
import { systemClock, type Clock } from '../clock';
import type { Database } from '../database';
import { anyLiveFiles, countLiveFiles } from './live-files';
import { checkRootForScan, FootageRootError, type HealthyScan } from './root';

export interface ScanCounts {
  folders: number;
  /** Folders whose listing was read because their mtime changed (or they were new). */
  foldersRead: number;
  added: number;
  changed: number;
  vanished: number;
  unreadable: number;
  /** Files whose path claims a start after now: dated now instead (see FUTURE_SKEW_MS). */
  futureCorrected: number;
}

/** The last scan that found the root healthy (HealthyScan); written by no other scan. */
export const ROOT_DEVICE_KEY = 'footageRootDevice';
// A recorder's clock a little ahead of ours is ordinary; a path claiming a start further ahead is not
// believed: the file is dated at the moment the kiosk first saw it, so it is deleted at most the
// retention period after that, not years later.
export const FUTURE_SKEW_MS = 15 * 60_000;
/** An mtime or first scan further back than this is not taken as a future-named file's start. */
const PLAUSIBLE_PAST_MS = 365 * 24 * 60 * 60_000;
// Indexed files looked for on a root found on another device: one of them there means the same share.
const RECOGNITION_SAMPLE = 10;
// A folder changed this shortly before it was read may change again within the same timestamp tick
// (coarse file-system clocks make that likelier): it is not trusted as unchanged next time.
const RACY_MS = 2000;
const UNTRUSTED_MTIME = -1;
// Rows travel to SQLite as one JSON parameter per batch, written on SQLite's own thread while the
// walk collects the next batch.
const INSERT_BATCH = 10_000;
// Two batches may wait for SQLite: neither thread idles when one batch happens to take longer.
const BATCHES_IN_FLIGHT = 2;
/** A new or changed file as it goes to SQLite. */
interface PendingFile {
  folder: string;
  name: string;
  camera: string;
  recordedAt: number;
  timeSource: string;
  size: number;
  mtime: number;
}
/**
 * Files of one folder, camera and time source, as they travel in a batch: what they share is sent
 * once, not with every file (SQLite's JSON extraction is much of its work in a first scan). Times
 * are sent as offsets from the group's first recording start: small integers, quicker to write and
 * to read than thirteen-digit ones.
 */
type FileGroup = [folder: string, camera: string, timeSource: string, baseTime: number, files: GroupedFile[]];
type GroupedFile = [name: string, recordedAtOffset: number, size: number, mtimeOffset: number];
interface FolderRow {
  path: string;
  parent: string | null;
  mtime: number;
}

// Only live rows are unique by folder and name (tombstones keep theirs); this is the condition of that
// index, written out in every query meant to use it.
const LIVE = "status IN ('kept', 'deleting')";

const joinRelative = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
/** Bounds of a range over every folder below `folder` ('0' sorts right after '/'). */
const below = (folder: string) => [`${folder}/`, `${folder}0`] as const;
// The walk is synchronous; SQLite's thread gets its next statement only when the event loop turns.
const turnEventLoop = () => new Promise((resolve) => setImmediate(resolve));

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
  batchSize = INSERT_BATCH,
  correctFutureDates = true,
}: {
  database: Database;
  root: string;
  config: KioskConfig;
  clock: Clock;
  onUnreadable?: (folder: string, error: unknown) => void;
  batchSize?: number;
  /** False while the clock guard does not trust this clock: future-dated files then wait for one that is. */
  correctFutureDates?: boolean;
}): Promise<ScanCounts> {
  const now = clock.now();
  const check = await checkRootHealth(database, root);
  const { realRoot } = check;
  const settings = config.footage;
  const counts: ScanCounts = {
    folders: 0,
    foldersRead: 0,
    added: 0,
    changed: 0,
    vanished: 0,
    unreadable: 0,
    futureCorrected: 0,
  };

  const knownFolders = new Map(
    (await database.all<FolderRow>('SELECT path, parent, mtime FROM footage_folders')).map(
      (row) => [row.path, row] as const,
    ),
  );
  const childrenOf = new Map<string, string[]>();
  for (const folder of knownFolders.values()) {
    if (folder.parent === null) continue;
    childrenOf.set(folder.parent, [...(childrenOf.get(folder.parent) ?? []), folder.path]);
  }

  // Into an empty index nothing needs comparing: the walk does not wait for SQLite folder by folder.
  const firstScan = (await database.get('SELECT 1 FROM footage_files LIMIT 1')) === undefined;
  const writer = createBatchWriter(database, now, batchSize);

  const stack: { folder: string; parent: string | null }[] = [{ folder: '', parent: null }];
  try {
    while (stack.length > 0) {
      const { folder, parent } = stack.pop()!;
      const absolute = folder ? path.join(realRoot, ...folder.split('/')) : realRoot;
      counts.folders++;
      let mtime: number;
      let entries: string[];
      try {
        mtime = Math.floor(fs.lstatSync(absolute).mtimeMs);
        if (knownFolders.get(folder)?.mtime === mtime) {
          for (const child of childrenOf.get(folder) ?? []) stack.push({ folder: child, parent: folder });
          continue;
        }
        entries = fs.readdirSync(absolute);
      } catch (error) {
        counts.unreadable++;
        onUnreadable(folder, error);
        continue;
      }
      counts.foldersRead++;
      const indexed = new Map(
        firstScan
          ? []
          : (
              await database.all<{ name: string; size: number; mtime: number; status: string }>(
                `SELECT name, size, mtime, status FROM footage_files WHERE folder = ? AND ${LIVE}`,
                [folder],
              )
            ).map((row) => [row.name, row] as const),
      );
      const subfolders: string[] = [];
      // In name order, so rows reach the folder-and-name index in key order.
      entries.sort();
      for (const name of entries) {
        // One lstat tells the type, size and mtime (a listing's types would cost more than they save).
        const stat = fs.lstatSync(`${absolute}${path.sep}${name}`, { throwIfNoEntry: false });
        if (!stat) continue; // vanished between listing and stat: the next scan sees it gone
        const relative = joinRelative(folder, name);
        if (stat.isDirectory()) {
          subfolders.push(relative);
          continue;
        }
        // Symlinks and other specials are never indexed: deletion must never reach outside the root.
        if (!stat.isFile() || !isVideoFile(name, settings.extensions)) continue;
        const before = indexed.get(name);
        indexed.delete(name);
        const size = stat.size;
        const fileMtime = Math.floor(stat.mtimeMs);
        if (before && before.status === 'kept' && before.size === size && before.mtime === fileMtime) continue;
        if (before?.status === 'deleting') continue; // the purge's repair owns it
        const identity = identifyFootage(relative, fileMtime, settings, config.timeZone);
        writer.addFile({
          folder,
          name,
          camera: identity.camera,
          recordedAt: identity.recordedAt,
          timeSource: identity.timeSource,
          size,
          mtime: fileMtime,
        });
        if (before) counts.changed++;
        else counts.added++;
        if (writer.full()) await writer.flush();
      }
      for (const child of subfolders.toReversed()) stack.push({ folder: child, parent: folder });
      // A subfolder is recorded with its parent, as not read yet: if this scan stops before reaching
      // it, or cannot read it, the next scan still visits it, though the parent has not changed.
      for (const child of subfolders) {
        if (!knownFolders.has(child)) writer.addFolder({ path: child, parent: folder, mtime: UNTRUSTED_MTIME });
      }

      const vanishedFiles = [...indexed.values()].filter((row) => row.status === 'kept').map((row) => row.name);
      const listed = new Set(subfolders);
      const vanishedFolders = (childrenOf.get(folder) ?? []).filter((child) => !listed.has(child));
      if (vanishedFiles.length > 0 || vanishedFolders.length > 0) {
        await writer.flush();
        counts.vanished += await markVanished(database, folder, vanishedFiles, vanishedFolders);
      }
      // Real time on purpose: file-system timestamps follow the real clock, not KIOSK_NOW. The folder
      // is written after its files, so a scan killed in between reads the folder again next time.
      const racy = systemClock.now() - mtime < RACY_MS;
      writer.addFolder({ path: folder, parent, mtime: racy ? UNTRUSTED_MTIME : mtime });
      await turnEventLoop();
    }
    await writer.flush();
    await writer.written(); // the last batch's error, if any, fails the scan
  } finally {
    await writer.settled();
  }
  if (correctFutureDates) {
    // A path that claims a time after now is not believed: the file is dated by the earliest of what
    // is plausible, its mtime and its first scan (each not after now, nor more than a year before),
    // else now. Dated at this scan only, a file whose mtime was a week old stayed a week too long.
    const plausible = (column: string) => `CASE WHEN ${column} BETWEEN ?3 AND ?1 THEN ${column} ELSE ?1 END`;
    counts.futureCorrected = (
      await database.run(
        `UPDATE footage_files SET claimed_recorded_at = recorded_at,
                recorded_at = min(?1, ${plausible('mtime')}, ${plausible('indexed_at')})
          WHERE status = 'kept' AND recorded_at > ?2`,
        [now, now + FUTURE_SKEW_MS, now - PLAUSIBLE_PAST_MS],
      )
    ).changes;
  }
  await database.run(
    `INSERT INTO app_state (key, value) VALUES (?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE value IS NOT excluded.value`,
    [ROOT_DEVICE_KEY, JSON.stringify({ device: check.device, realRoot })],
  );
  return counts;
}

/** The root as a scan may walk it (see checkRootForScan); a FootageRootError otherwise, and nothing is marked. */
async function checkRootHealth(database: Database, root: string) {
  const recorded = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
    ROOT_DEVICE_KEY,
  ]);
  const indexHoldsFiles = await anyLiveFiles(database);
  // The oldest and newest live files: a share mounted again holds at least some of them.
  const sample = await database.all<{ folder: string; name: string; size: number }>(
    `SELECT * FROM (SELECT folder, name, size FROM footage_files WHERE status = 'kept' ORDER BY recorded_at LIMIT ?)
     UNION ALL
     SELECT * FROM (SELECT folder, name, size FROM footage_files WHERE status = 'kept' ORDER BY recorded_at DESC LIMIT ?)`,
    [RECOGNITION_SAMPLE, RECOGNITION_SAMPLE],
  );
  const check = checkRootForScan(root, {
    lastHealthy: recorded ? (JSON.parse(recorded.value) as HealthyScan) : null,
    indexHoldsFiles,
    holdsKnownFiles: (realRoot) =>
      sample.some((file) => {
        try {
          const stat = fs.lstatSync(path.join(realRoot, ...file.folder.split('/'), file.name), {
            throwIfNoEntry: false,
          });
          return stat?.isFile() === true && stat.size === file.size;
        } catch {
          return false;
        }
      }),
  });
  if (!check.ok) throw new FootageRootError(check.problem, check.detail, { files: await countLiveFiles(database) });
  return check;
}

/** Collects rows and writes them a batch at a time, while the walk collects the next ones. */
function createBatchWriter(database: Database, now: number, batchSize: number) {
  let groups: FileGroup[] = [];
  let group: FileGroup | undefined;
  let fileCount = 0;
  let folders: FolderRow[] = [];
  const inFlight: Promise<void>[] = [];

  const write = (fileGroups: string, folderRows: string) =>
    database.transaction(async (tx) => {
      // Read as JSONB: jsonb_each hands each file's array to ->> as it is, where json_each would
      // write it out as text for ->> to parse again.
      await tx.run(
        `WITH file_group AS MATERIALIZED (
           SELECT value ->> 0 AS folder, value ->> 1 AS camera, value ->> 2 AS time_source, value ->> 3 AS base_time,
                  value -> 4 AS files
             FROM jsonb_each(jsonb(?2)))
         INSERT INTO footage_files (folder, name, camera, recorded_at, time_source, size, mtime, status, indexed_at)
         SELECT g.folder, f.value ->> 0, g.camera, g.base_time + (f.value ->> 1), g.time_source, f.value ->> 2,
                g.base_time + (f.value ->> 3), 'kept', ?1
           FROM file_group AS g, jsonb_each(g.files) AS f WHERE true -- the WHERE lets SQLite parse the upsert after a SELECT
         ON CONFLICT (folder, name) WHERE ${LIVE} DO UPDATE SET camera = excluded.camera,
           recorded_at = excluded.recorded_at, time_source = excluded.time_source, size = excluded.size,
           mtime = excluded.mtime, indexed_at = excluded.indexed_at`,
        [now, fileGroups],
      );
      await tx.run(
        `INSERT INTO footage_folders (path, parent, mtime)
         SELECT value ->> 'path', value ->> 'parent', value ->> 'mtime' FROM json_each(?) WHERE true
         ON CONFLICT (path) DO UPDATE SET mtime = excluded.mtime`,
        [folderRows],
      );
    });

  return {
    addFile(file: PendingFile) {
      if (!group || group[0] !== file.folder || group[1] !== file.camera || group[2] !== file.timeSource) {
        group = [file.folder, file.camera, file.timeSource, file.recordedAt, []];
        groups.push(group);
      }
      const base = group[3];
      group[4].push([file.name, file.recordedAt - base, file.size, file.mtime - base]);
      fileCount++;
    },
    addFolder: (row: FolderRow) => folders.push(row),
    full: () => fileCount >= batchSize,
    /** Sends what was collected; with the most batches already in flight, waits for the oldest (throwing its error). */
    async flush() {
      while (inFlight.length >= BATCHES_IN_FLIGHT) await inFlight.shift();
      if (groups.length === 0 && folders.length === 0) return;
      const writing = write(JSON.stringify(groups), JSON.stringify(folders));
      writing.catch(() => undefined); // handled: a later flush or written() reports it
      inFlight.push(writing);
      groups = [];
      group = undefined;
      fileCount = 0;
      folders = [];
    },
    /** Waits for every batch in flight, throwing the first error. */
    async written() {
      while (inFlight.length > 0) await inFlight.shift();
    },
    /** Never leaves a write running behind a scan that failed. */
    settled: () => Promise.allSettled(inFlight),
  };
}

/** Files of `folder` not listed any more, and subfolders gone with everything below them: 'gone'. */
async function markVanished(database: Database, folder: string, names: string[], subfolders: string[]) {
  return database.transaction(async (tx) => {
    let vanished = (
      await tx.run(
        `UPDATE footage_files SET status = 'gone' WHERE ${LIVE} AND status = 'kept' AND folder = ? AND name IN (SELECT value FROM json_each(?))`,
        [folder, JSON.stringify(names)],
      )
    ).changes;
    for (const subfolder of subfolders) {
      const [from, to] = below(subfolder);
      // Two statements, not one with OR: each can then use the live folder-and-name index.
      for (const [condition, params] of [
        ['folder = ?', [subfolder]],
        ['folder >= ? AND folder < ?', [from, to]],
      ] as const) {
        vanished += (
          await tx.run(`UPDATE footage_files SET status = 'gone' WHERE ${LIVE} AND status = 'kept' AND ${condition}`, [
            ...params,
          ])
        ).changes;
      }
      await tx.run('DELETE FROM footage_folders WHERE path = ? OR (path >= ? AND path < ?)', [subfolder, from, to]);
    }
    return vanished;
  });
}
