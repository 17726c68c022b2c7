import fs from 'node:fs';
import type { KioskConfig } from '../../../shared/config';
import { identifyFootage } from '../../../shared/footage-path';
import { footageRetentionDays } from '../../../shared/retention';
import { isPlainName } from '../../common/path-inside';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { ACTIVE_HOLD, rangeHoldCovers } from '../holds/holds-service';
import { checkRootForDeletion, type RootProblem } from './root';
import { ROOT_DEVICE_KEY } from './scanner';
import { openFolderWalk, type FolderWalk } from './folder-walk';
import { anyLiveFiles, countLiveFiles } from './live-files';
import { createUnlinkPool, privateNameOf, UnlinkOutcome, type UnlinkPool } from './unlink-pool';

const DAY_MS = 24 * 60 * 60 * 1000;
// Files decided per step. Ids travel as one JSON parameter (json_each), so a step is far from
// SQLite's bound-parameter limit however large it is; each step is one commit.
const CHUNK = 5000;

export interface FootagePurgeCounts {
  due: number;
  held: number;
  deleted: number;
  /** Due files already gone from disk: marked so, not an error. */
  gone: number;
  /** Due files whose size or mtime changed since the scan: re-indexed, decided again next run. */
  changed: number;
  /** Due files modified in the last minutes, perhaps still being written: left alone. */
  settling: number;
  /**
   * Due rows that are not plain files inside the root any more (a symlink, a folder, a folder on the
   * way swapped for a symlink), or whose file was swapped for another between check and unlink: left alone.
   */
  refused: number;
  /** Deletions a killed earlier run left half done, finished now. */
  repaired: number;
  /** Files the system refused to delete (permissions, in use): kept, and tried again next run. */
  failed: number;
  /** Due files whose folder could not be read (permissions, a failing disk): left alone this run. */
  unreadable: number;
}

export type FootagePurgeResult =
  | { outcome: 'ok' | 'dry-run'; counts: FootagePurgeCounts }
  | {
      outcome: 'blocked';
      reason: RootProblem | 'tooManyAtOnce';
      detail: string;
      params: Record<string, number>;
      counts: Partial<FootagePurgeCounts>;
    };

/** A backlog an admin confirmed: the files due when they looked, up to the newest recording shown. */
export interface ConfirmedBacklog {
  upTo: number;
  files: number;
}

interface Candidate {
  id: number;
  folder: string;
  name: string;
  size: number;
  mtime: number;
}

const relativePath = (file: Candidate) => (file.folder ? `${file.folder}/${file.name}` : file.name);

/** SQL, with one `now` parameter: the footage row `f` is under no active legal hold. */
export const FOOTAGE_NOT_HELD = `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE ${ACTIVE_HOLD.replace(/released_at|ends_at/g, (column) => `h.${column}`)}
  AND ((h.kind = 'footage-file' AND h.footage_path = f.path)
    OR (h.kind = 'footage-range' AND ${rangeHoldCovers('h', 'f')})))`;

/**
 * SQL over the footage row `f`: a live file whose deadline falls before the next run. Its parameters
 * follow the SQL's own; a hold check, if any, is the caller's.
 */
export function dueFootageFilter(config: KioskConfig, now: number, nextRunAt: number) {
  // Per camera the newest recording start that is due; cameras with a shorter retention get their own.
  const shorter = Object.keys(config.footage.cameraRetentionDays).filter(
    (camera) => footageRetentionDays(config, camera) < config.retention.footageDays,
  );
  const latestDue = (days: number) => nextRunAt - days * DAY_MS;
  const conditions = [
    `(f.camera NOT IN (${shorter.map(() => '?').join(',')}) AND f.recorded_at <= ?)`,
    ...shorter.map(() => '(f.camera = ? AND f.recorded_at <= ?)'),
  ];
  // One bound for the index walk: without it SQLite reads every live file to test the cameras' bounds.
  // A file dated in the future is never due (the scan dates one far ahead at its first sight).
  const shortestDays = Math.min(config.retention.footageDays, ...shorter.map((c) => footageRetentionDays(config, c)));
  const newestDue = Math.min(now, latestDue(shortestDays));
  return {
    sql: `f.status = 'kept' AND (${conditions.join(' OR ')}) AND f.recorded_at <= ?`,
    params: [
      ...shorter,
      latestDue(config.retention.footageDays),
      ...shorter.flatMap((camera) => [camera, latestDue(footageRetentionDays(config, camera))]),
      newestDue,
    ],
  };
}

const ids = (files: readonly { id: number }[]) => JSON.stringify(files.map((file) => file.id));

/**
 * Deletion is decided and done in committed steps: the rows are marked 'deleting', the files
 * unlinked, and the rows become 'deleted' tombstones in a later step's commit. A crash in between
 * leaves 'deleting' rows, which the next run finishes first (the decision was made; only the unlink
 * may be missing), after checking that each file is still the one decided on.
 */
async function finishInterruptedDeletions(database: Database, realRoot: string, now: number): Promise<number> {
  const rows = await database.all<{ id: number; folder: string; name: string; size: number; mtime: number }>(
    "SELECT id, folder, name, size, mtime FROM footage_files WHERE status = 'deleting'",
  );
  if (rows.length === 0) return 0;
  const finished: typeof rows = [];
  // Not deleted after all: outside the root by now, no longer the file that was decided on (replaced,
  // changed, a symlink), unreadable, or refused by the system. Kept, and decided again.
  const keep: typeof rows = [];
  const walk = openFolderWalk(realRoot);
  const pool = createUnlinkPool();
  try {
    const toUnlink: { row: (typeof rows)[number]; folder: string }[] = [];
    for (const row of rows) {
      const folder = isPlainName(row.name) ? walk.open(row.folder) : 'refused';
      // A folder that is gone holds no file to delete.
      if (folder === 'gone') finished.push(row);
      else if (folder === 'refused' || folder === 'unreadable') keep.push(row);
      else toUnlink.push({ row, folder });
    }
    // No identity was recorded for a run that was killed: the file must still have the size and mtime decided on.
    const outcomes = await pool.unlink(
      toUnlink.map(({ row, folder }) => ({
        folder,
        name: row.name,
        expected: { size: row.size, mtime: row.mtime },
        privateName: privateNameOf(row.id),
      })),
    );
    toUnlink.forEach(({ row }, index) =>
      (outcomes[index] === UnlinkOutcome.Unlinked || outcomes[index] === UnlinkOutcome.Gone ? finished : keep).push(
        row,
      ),
    );
  } finally {
    await pool.close(); // before the folders close: no worker may use a descriptor after that
    walk.close();
  }
  await database.transaction(async (tx) => {
    if (finished.length > 0) {
      await tx.run(
        `UPDATE footage_files SET status = 'deleted', deleted_at = coalesce(deleted_at, ?), delete_reason = 'retention'
          WHERE id IN (SELECT value FROM json_each(?))`,
        [now, ids(finished)],
      );
    }
    await restoreKept(tx, keep);
  });
  return finished.length;
}

/**
 * Deletes the footage files whose deadline falls before the next run. Only files the index knows are
 * ever touched, each re-checked on disk first; nothing happens while the root looks unsafe or a run
 * would delete more than the configured share of the live files at once (unless an admin confirmed).
 */
export async function purgeFootage({
  database,
  root,
  config,
  clock,
  nextRunAt,
  dryRun,
  allowLargeDeletion = false,
  confirmedBacklog = null,
  stepSize = CHUNK,
}: {
  database: Database;
  root: string;
  config: KioskConfig;
  clock: Clock;
  nextRunAt: number;
  dryRun: boolean;
  allowLargeDeletion?: boolean;
  confirmedBacklog?: ConfirmedBacklog | null;
  stepSize?: number;
}): Promise<FootagePurgeResult> {
  const now = clock.now();
  const indexHoldsFiles = await anyLiveFiles(database);
  const lastScan = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
    ROOT_DEVICE_KEY,
  ]);
  const rootCheck = checkRootForDeletion(root, {
    markerFile: config.footage.markerFile,
    lastDevice: lastScan ? (JSON.parse(lastScan.value) as { device: number }).device : null,
    indexHoldsFiles,
  });
  if (!rootCheck.ok) {
    return {
      outcome: 'blocked',
      reason: rootCheck.problem,
      detail: rootCheck.detail,
      params: { files: await countLiveFiles(database) },
      counts: {},
    };
  }
  const { realRoot } = rootCheck;

  const repaired = dryRun ? 0 : await finishInterruptedDeletions(database, realRoot, now);

  const dueFilter = dueFootageFilter(config, now, nextRunAt);
  // A hundred thousand rows come back as one JSON text: node-sqlite3 is far slower building as many objects.
  const dueRows = await database.get<{ rows: string }>(
    `SELECT json_group_array(json_array(f.id, f.folder, f.name, f.size, f.mtime, NOT (${FOOTAGE_NOT_HELD}), f.recorded_at)
              ORDER BY f.folder, f.name) AS rows
       FROM footage_files f WHERE ${dueFilter.sql}`,
    [now, ...dueFilter.params], // the hold check comes first
  );
  const due = (JSON.parse(dueRows!.rows) as [number, string, string, number, number, number, number][]).map(
    ([id, folder, name, size, mtime, held, recordedAt]) => ({
      id,
      folder,
      name,
      size,
      mtime,
      held: held === 1,
      recordedAt,
    }),
  );
  const candidates = due.filter((file) => !file.held);
  const counts: FootagePurgeCounts = {
    due: due.length,
    held: due.length - candidates.length,
    deleted: 0,
    gone: 0,
    changed: 0,
    settling: 0,
    refused: 0,
    repaired,
    failed: 0,
    unreadable: 0,
  };

  // A confirmed backlog covers the files it showed the admin (due then, up to its newest) and no others.
  const confirmedFiles = confirmedBacklog
    ? Math.min(confirmedBacklog.files, candidates.filter((file) => file.recordedAt <= confirmedBacklog.upTo).length)
    : 0;
  const unconfirmed = candidates.length - confirmedFiles;
  // Counted after the repair, which may have given rows back.
  const liveFiles = !allowLargeDeletion && unconfirmed > 0 ? await countLiveFiles(database) : 0;
  if (liveFiles > 0 && unconfirmed / liveFiles > config.footage.maxDeleteShare) {
    const percent = Math.round(config.footage.maxDeleteShare * 100);
    return {
      outcome: 'blocked',
      reason: 'tooManyAtOnce',
      detail: `${unconfirmed} of ${liveFiles} live files are due at once (more than ${percent}%)`,
      params: { due: unconfirmed, live: liveFiles, percent },
      counts,
    };
  }
  if (dryRun) return { outcome: 'dry-run', counts };

  const settledBefore = now - config.footage.settleMinutes * 60_000;
  const decide = async (files: Candidate[]) => {
    const walk = openFolderWalk(realRoot);
    walks.add(walk);
    const step = { decided: [] as Checked[], gone: [] as Candidate[], changed: [] as ChangedFile[], walk };
    for (const [index, file] of files.entries()) {
      // The re-checks are synchronous: the event loop turns now and then, so the commit in flight
      // goes on and the window stays responsive (on a slow network share too).
      if (index % CHECKS_PER_TURN === CHECKS_PER_TURN - 1) await turnEventLoop();
      const folder = isPlainName(file.name) ? walk.open(file.folder) : 'refused';
      let stat: fs.BigIntStats | undefined;
      try {
        if (folder === 'unreadable') throw new Error('unreadable folder');
        stat = folder === 'refused' || folder === 'gone' ? undefined : fs.lstatSync(`${folder}${file.name}`, LSTAT);
      } catch {
        counts.unreadable++; // its folder cannot be read: left alone, and the other files go on
        continue;
      }
      if (folder === 'refused' || stat?.isFile() === false || (stat !== undefined && stat.nlink > 1n)) {
        // not a plain file inside the root any more (a symlink, a folder, a swapped folder), or a hard
        // link to a file that lives elsewhere too
        counts.refused++;
      } else if (folder === 'gone' || stat === undefined) {
        step.gone.push(file);
      } else if (Number(stat.size) !== file.size || Math.floor(Number(stat.mtimeMs)) !== file.mtime) {
        const mtime = Math.floor(Number(stat.mtimeMs));
        const identity = identifyFootage(relativePath(file), mtime, config.footage, config.timeZone);
        step.changed.push([file.id, Number(stat.size), mtime, identity.recordedAt, identity.timeSource]);
      } else if (file.mtime > settledBefore) {
        counts.settling++;
      } else {
        // Its identity as checked, in the folder as opened: the unlink removes this file or nothing.
        step.decided.push({ ...file, folderHandle: folder, dev: stat.dev, ino: stat.ino });
      }
    }
    counts.gone += step.gone.length;
    counts.changed += step.changed.length;
    return step;
  };

  // A pipeline of steps. While step k's files are decided (lstat) and its commit marks them 'deleting'
  // and turns step k-2's unlinked files into tombstones, worker threads unlink step k-1's files,
  // committed as 'deleting' a step earlier. A row is 'deleted' only once its file is gone, and
  // 'deleting' while it may be half way. Each step's folders stay open until its files are unlinked.
  let pool: UnlinkPool | null = null; // started at the first unlink: most hourly runs have none
  const closePool = async () => pool?.close();
  const walks = new Set<FolderWalk>();
  const unlinkAll = async ({ files, walk }: MarkedStep): Promise<UnlinkResult> => {
    const result: UnlinkResult = { unlinked: [], failed: [] };
    if (files.length > 0) {
      pool ??= createUnlinkPool();
      const outcomes = await pool.unlink(
        files.map((file) => ({
          folder: file.folderHandle,
          name: file.name,
          expected: { size: file.size, mtime: file.mtime, dev: file.dev, ino: file.ino },
          privateName: privateNameOf(file.id),
        })),
      );
      files.forEach((file, index) => {
        const outcome = outcomes[index];
        if (outcome === UnlinkOutcome.Unlinked || outcome === UnlinkOutcome.Gone) result.unlinked.push(file);
        else {
          result.failed.push(file);
          if (outcome === UnlinkOutcome.NotTheFile) counts.refused++;
          else counts.failed++;
        }
      });
    }
    walk?.close();
    if (walk) walks.delete(walk);
    return result;
  };
  let marked: MarkedStep = { files: [], walk: null };
  let previous: UnlinkResult = { unlinked: [], failed: [] };
  try {
    for (let start = 0; start < candidates.length; start += stepSize) {
      const unlinking = unlinkAll(marked);
      unlinking.catch(() => undefined); // awaited below, after the commit it overlaps
      const step = await decide(candidates.slice(start, start + stepSize));
      const done = previous;
      const commit = database.transaction(async (tx) => {
        await markDeleted(tx, done.unlinked);
        await restoreKept(tx, done.failed);
        if (step.gone.length > 0) {
          await tx.run(
            "UPDATE footage_files SET status = 'gone' WHERE status = 'kept' AND id IN (SELECT value FROM json_each(?))",
            [ids(step.gone)],
          );
        }
        if (step.changed.length > 0) {
          await tx.run(
            `UPDATE footage_files SET size = c.value ->> 1, mtime = c.value ->> 2, recorded_at = c.value ->> 3,
                    time_source = c.value ->> 4, indexed_at = ?
               FROM json_each(?) AS c WHERE footage_files.id = c.value ->> 0`,
            [now, JSON.stringify(step.changed)],
          );
        }
        if (step.decided.length === 0) return [];
        // Decided on the state at the start of the run: a hold placed since, or a row another scan
        // changed, is respected here, in the same commit that marks the rest.
        const markedIds = await tx.all<{ id: number }>(
          `UPDATE footage_files AS f SET status = 'deleting', deleted_at = ?
            WHERE f.status = 'kept' AND f.id IN (SELECT value FROM json_each(?)) AND ${FOOTAGE_NOT_HELD}
           RETURNING id`,
          [now, ids(step.decided), now],
        );
        const markedSet = new Set(markedIds.map((row) => row.id));
        return step.decided.filter((file) => markedSet.has(file.id));
      });
      await Promise.allSettled([commit, unlinking]);
      const markedNow = await commit;
      counts.held += step.decided.length - markedNow.length;
      previous = await unlinking;
      counts.deleted += previous.unlinked.length;
      marked = { files: markedNow, walk: step.walk };
    }
    const last = await unlinkAll(marked);
    counts.deleted += last.unlinked.length;
    await database.transaction(async (tx) => {
      await markDeleted(tx, [...previous.unlinked, ...last.unlinked]);
      await restoreKept(tx, [...previous.failed, ...last.failed]);
    });
  } finally {
    // Workers first: a folder's descriptor is closed only when no worker can use it any more (a
    // closed descriptor's number may name another folder next).
    await closePool();
    for (const walk of walks) walk.close();
  }
  return { outcome: 'ok', counts };
}

const CHECKS_PER_TURN = 500;
const turnEventLoop = () => new Promise((resolve) => setImmediate(resolve));

const LSTAT = { bigint: true, throwIfNoEntry: false } as const;

type ChangedFile = [id: number, size: number, mtime: number, recordedAt: number, timeSource: string];
/** A due file as checked on disk: the folder it was checked in (still open) and its device and inode. */
type Checked = Candidate & { folderHandle: string; dev: bigint; ino: bigint };
interface MarkedStep {
  files: Checked[];
  walk: FolderWalk | null;
}
interface UnlinkResult {
  unlinked: Checked[];
  failed: Checked[];
}

async function markDeleted(tx: Statements, files: Candidate[]): Promise<void> {
  if (files.length === 0) return;
  await tx.run(
    "UPDATE footage_files SET status = 'deleted', delete_reason = 'retention' WHERE id IN (SELECT value FROM json_each(?))",
    [ids(files)],
  );
}

async function restoreKept(tx: Statements, files: readonly { id: number }[]): Promise<void> {
  if (files.length === 0) return;
  await tx.run(
    "UPDATE footage_files SET status = 'kept', deleted_at = NULL WHERE id IN (SELECT value FROM json_each(?))",
    [ids(files)],
  );
}
