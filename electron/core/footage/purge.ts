import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../../shared/config';
import { identifyFootage } from '../../../shared/footage-path';
import { footageRetentionDays } from '../../../shared/retention';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import { ACTIVE_HOLD } from '../holds';
import { checkRootForDeletion, type RootProblem } from './root';
import { ROOT_DEVICE_KEY } from './scanner';
import { createUnlinkPool, type UnlinkPool } from './unlink-pool';

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
  /** Due rows that are not plain files inside the root any more (a symlink, a folder): left alone. */
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
    OR (h.kind = 'footage-range' AND h.camera = f.camera AND f.recorded_at >= h.range_start AND f.recorded_at < h.range_end)))`;

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

/** A file that is already gone is what we wanted. */
function unlinkIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// A backslash is an ordinary character in a Linux file name, and a separator on Windows.
const NOT_IN_A_NAME = path.sep === '\\' ? /[/\\\0]/ : /[/\0]/;
const isPlainName = (name: string) => name !== '' && name !== '.' && name !== '..' && !NOT_IN_A_NAME.test(name);

/**
 * The absolute path of an indexed file, or null when it may not be touched: its name is not a plain
 * file name, or its folder's real path (no symlink on the way, looked up once per folder and run)
 * is not inside the root.
 */
function createFileLocator(realRoot: string) {
  const folders = new Map<string, string | null>();
  const folderPath = (folder: string): string | null => {
    let absolute = folders.get(folder);
    if (absolute === undefined) {
      const parts = folder === '' ? [] : folder.split('/');
      absolute = null;
      if (parts.every(isPlainName)) {
        const candidate = path.join(realRoot, ...parts);
        try {
          const relative = path.relative(realRoot, fs.realpathSync(candidate));
          if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))) absolute = candidate;
        } catch (error) {
          // A folder that is gone holds no file to delete: its files are found gone, not refused.
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') absolute = candidate;
        }
      }
      folders.set(folder, absolute);
    }
    return absolute;
  };
  return (file: { folder: string; name: string }): string | null => {
    const folder = folderPath(file.folder);
    return folder !== null && isPlainName(file.name) ? `${folder}${path.sep}${file.name}` : null;
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
  const locate = createFileLocator(realRoot);
  const finished: typeof rows = [];
  // Not deleted after all: outside the root by now, no longer the file that was decided on (replaced,
  // changed, a symlink), unreadable, or refused by the system. Kept, and decided again.
  const keep: typeof rows = [];
  for (const row of rows) {
    const file = locate(row);
    try {
      if (file === null) throw new Error('not inside the root');
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (stat && (!stat.isFile() || stat.size !== row.size || Math.floor(stat.mtimeMs) !== row.mtime))
        throw new Error('not the file that was decided on');
      if (stat) unlinkIfThere(file);
      finished.push(row);
    } catch {
      keep.push(row);
    }
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
  const countLive = async () =>
    (await database.get<{ n: number }>("SELECT count(*) AS n FROM footage_files WHERE status = 'kept'"))!.n;
  let liveFiles = await countLive();
  const lastScan = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
    ROOT_DEVICE_KEY,
  ]);
  const rootCheck = checkRootForDeletion(root, {
    markerFile: config.footage.markerFile,
    lastDevice: lastScan ? (JSON.parse(lastScan.value) as { device: number }).device : null,
    liveFiles,
  });
  if (!rootCheck.ok) {
    return {
      outcome: 'blocked',
      reason: rootCheck.problem,
      detail: rootCheck.detail,
      params: { files: liveFiles },
      counts: {},
    };
  }
  const { realRoot } = rootCheck;

  const repaired = dryRun ? 0 : await finishInterruptedDeletions(database, realRoot, now);
  liveFiles = await countLive(); // the repair may have given rows back

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
  if (!allowLargeDeletion && liveFiles > 0 && unconfirmed / liveFiles > config.footage.maxDeleteShare) {
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
  const locate = createFileLocator(realRoot);
  const decide = async (files: Candidate[]) => {
    const step = { decided: [] as Candidate[], gone: [] as Candidate[], changed: [] as ChangedFile[] };
    for (const [index, file] of files.entries()) {
      // The re-checks are synchronous: the event loop turns now and then, so the commit in flight
      // goes on and the window stays responsive (on a slow network share too).
      if (index % CHECKS_PER_TURN === CHECKS_PER_TURN - 1) await turnEventLoop();
      const absolute = locate(file);
      let stat: fs.Stats | undefined;
      try {
        stat = absolute === null ? undefined : fs.lstatSync(absolute, { throwIfNoEntry: false });
      } catch {
        counts.unreadable++; // its folder cannot be read: left alone, and the other files go on
        continue;
      }
      if (absolute === null || stat?.isFile() === false) {
        counts.refused++; // not a plain file inside the root any more (a symlink, a folder)
      } else if (stat === undefined) {
        step.gone.push(file);
      } else if (stat.size !== file.size || Math.floor(stat.mtimeMs) !== file.mtime) {
        const mtime = Math.floor(stat.mtimeMs);
        const identity = identifyFootage(relativePath(file), mtime, config.footage, config.timeZone);
        step.changed.push([file.id, stat.size, mtime, identity.recordedAt, identity.timeSource]);
      } else if (file.mtime > settledBefore) {
        counts.settling++;
      } else {
        step.decided.push(file);
      }
    }
    counts.gone += step.gone.length;
    counts.changed += step.changed.length;
    return step;
  };

  // A pipeline of steps. While step k's files are decided (lstat) and its commit marks them 'deleting'
  // and turns step k-2's unlinked files into tombstones, worker threads unlink step k-1's files,
  // committed as 'deleting' a step earlier. A row is 'deleted' only once its file is gone, and
  // 'deleting' while it may be half way.
  let pool: UnlinkPool | null = null; // started at the first unlink: most hourly runs have none
  const closePool = async () => pool?.close();
  const unlinkAll = async (files: Candidate[]): Promise<UnlinkOutcome> => {
    if (files.length === 0) return { unlinked: [], failed: [] };
    pool ??= createUnlinkPool();
    const failedAt = new Set(await pool.unlink(files.map((file) => locate(file)!)));
    return {
      unlinked: files.filter((_, index) => !failedAt.has(index)),
      failed: files.filter((_, index) => failedAt.has(index)),
    };
  };
  let marked: Candidate[] = [];
  let previous: UnlinkOutcome = { unlinked: [], failed: [] };
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
      counts.failed += previous.failed.length;
      marked = markedNow;
    }
    const last = await unlinkAll(marked);
    counts.deleted += last.unlinked.length;
    counts.failed += last.failed.length;
    await database.transaction(async (tx) => {
      await markDeleted(tx, [...previous.unlinked, ...last.unlinked]);
      await restoreKept(tx, [...previous.failed, ...last.failed]);
    });
  } finally {
    await closePool();
  }
  return { outcome: 'ok', counts };
}

const CHECKS_PER_TURN = 500;
const turnEventLoop = () => new Promise((resolve) => setImmediate(resolve));

type ChangedFile = [id: number, size: number, mtime: number, recordedAt: number, timeSource: string];
interface UnlinkOutcome {
  unlinked: Candidate[];
  failed: Candidate[];
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
