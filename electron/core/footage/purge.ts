import fs from 'node:fs';
import path from 'node:path';
import type { KioskConfig } from '../../../shared/config';
import { identifyFootage } from '../../../shared/footage-path';
import { footageRetentionDays } from '../../../shared/retention';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { ACTIVE_HOLD } from '../holds';
import { resolveInside } from '../../shell/guards';
import { checkRootForDeletion, type RootProblem } from './root';
import { ROOT_DEVICE_KEY } from './scanner';

const DAY_MS = 24 * 60 * 60 * 1000;
// Files decided per step. Their ids travel as one JSON parameter (json_each), so a step is far from
// SQLite's bound-parameter limit however large, and two commits cover thousands of files.
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
}

export type FootagePurgeResult =
  | { outcome: 'ok' | 'dry-run'; counts: FootagePurgeCounts }
  | { outcome: 'blocked'; reason: RootProblem | 'tooManyAtOnce'; detail: string; counts: Partial<FootagePurgeCounts> };

interface Candidate {
  id: number;
  path: string;
  camera: string;
  recorded_at: number;
  time_source: string;
  size: number;
  mtime: number;
}

/** SQL, with one `now` parameter: the footage row `f` is under no active legal hold. */
export const FOOTAGE_NOT_HELD = `NOT EXISTS (SELECT 1 FROM legal_holds h WHERE ${ACTIVE_HOLD.replace(/released_at|ends_at/g, (column) => `h.${column}`)}
  AND ((h.kind = 'footage-file' AND h.footage_path = f.path)
    OR (h.kind = 'footage-range' AND h.camera = f.camera AND f.recorded_at >= h.range_start AND f.recorded_at < h.range_end)))`;

/** A file that is already gone is what we wanted. */
function unlinkIfThere(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Deletion decided and done in two committed steps: the row is marked 'deleting', the file is
 * unlinked, the row becomes a 'deleted' tombstone. A crash between the steps leaves 'deleting' rows,
 * which the next run finishes first (the decision was made; only the unlink may be missing).
 */
async function finishInterruptedDeletions(database: Database, realRoot: string, now: number): Promise<number> {
  const rows = await database.all<{ id: number; path: string }>(
    "SELECT id, path FROM footage_files WHERE status = 'deleting'",
  );
  for (const row of rows) {
    const file = resolveInside(realRoot, `/${row.path}`);
    if (file) unlinkIfThere(file);
  }
  for (let start = 0; start < rows.length; start += 500) {
    const ids = rows.slice(start, start + 500).map((row) => row.id);
    await database.run(
      `UPDATE footage_files SET status = 'deleted', deleted_at = coalesce(deleted_at, ?), delete_reason = 'retention'
        WHERE id IN (${ids.map(() => '?').join(',')})`,
      [now, ...ids],
    );
  }
  return rows.length;
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
}: {
  database: Database;
  root: string;
  config: KioskConfig;
  clock: Clock;
  nextRunAt: number;
  dryRun: boolean;
  allowLargeDeletion?: boolean;
}): Promise<FootagePurgeResult> {
  const now = clock.now();
  const liveFiles = (await database.get<{ n: number }>(
    "SELECT count(*) AS n FROM footage_files WHERE status = 'kept'",
  ))!.n;
  const lastScan = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
    ROOT_DEVICE_KEY,
  ]);
  const rootCheck = checkRootForDeletion(root, {
    markerFile: config.footage.markerFile,
    lastDevice: lastScan ? (JSON.parse(lastScan.value) as { device: number }).device : null,
    liveFiles,
  });
  if (!rootCheck.ok) return { outcome: 'blocked', reason: rootCheck.problem, detail: rootCheck.detail, counts: {} };
  const { realRoot } = rootCheck;

  const repaired = dryRun ? 0 : await finishInterruptedDeletions(database, realRoot, now);

  // Per camera the newest recording start that is due; cameras with a shorter retention get their own.
  const shorter = Object.keys(config.footage.cameraRetentionDays).filter(
    (camera) => footageRetentionDays(config, camera) < config.retention.footageDays,
  );
  const latestDue = (days: number) => nextRunAt - days * DAY_MS;
  const conditions = [
    `(f.camera NOT IN (${shorter.map(() => '?').join(',')}) AND f.recorded_at <= ?)`,
    ...shorter.map(() => '(f.camera = ? AND f.recorded_at <= ?)'),
  ];
  const params = [
    ...shorter,
    latestDue(config.retention.footageDays),
    ...shorter.flatMap((camera) => [camera, latestDue(footageRetentionDays(config, camera))]),
  ];
  const due = await database.all<Candidate & { held: number }>(
    `SELECT f.id, f.path, f.camera, f.recorded_at, f.time_source, f.size, f.mtime, NOT (${FOOTAGE_NOT_HELD}) AS held
       FROM footage_files f WHERE f.status = 'kept' AND (${conditions.join(' OR ')})`,
    [now, ...params], // the hold check (in the select list) comes first
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
  };

  if (!allowLargeDeletion && liveFiles > 0 && candidates.length / liveFiles > config.footage.maxDeleteShare) {
    return {
      outcome: 'blocked',
      reason: 'tooManyAtOnce',
      detail: `${candidates.length} of ${liveFiles} live files are due at once (more than ${Math.round(config.footage.maxDeleteShare * 100)}%)`,
      counts,
    };
  }
  if (dryRun) return { outcome: 'dry-run', counts };

  const settledBefore = now - config.footage.settleMinutes * 60_000;
  // Thousands of files share a folder: its real path is looked up once per run.
  const insideByFolder = new Map<string, boolean>();
  const folderIsInside = (folder: string): boolean => {
    let inside = insideByFolder.get(folder);
    if (inside === undefined) {
      try {
        const real = fs.realpathSync(folder);
        const relative = path.relative(realRoot, real);
        inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
      } catch {
        inside = false;
      }
      insideByFolder.set(folder, inside);
    }
    return inside;
  };
  for (let start = 0; start < candidates.length; start += CHUNK) {
    const decided: Candidate[] = [];
    for (const file of candidates.slice(start, start + CHUNK)) {
      const absolute = resolveInside(realRoot, `/${file.path}`);
      if (!absolute) {
        counts.refused++;
        continue;
      }
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(absolute);
      } catch {
        counts.gone++;
        await database.run("UPDATE footage_files SET status = 'gone' WHERE id = ?", [file.id]);
        continue;
      }
      // Real paths: a folder on the way that became a symlink must not lead the unlink elsewhere.
      if (!stat.isFile() || !folderIsInside(path.dirname(absolute))) {
        counts.refused++;
        continue;
      }
      const mtime = Math.floor(stat.mtimeMs);
      if (stat.size !== file.size || mtime !== file.mtime) {
        const identity = identifyFootage(file.path, mtime, config.footage, config.timeZone);
        await database.run(
          'UPDATE footage_files SET size = ?, mtime = ?, recorded_at = ?, time_source = ?, indexed_at = ? WHERE id = ?',
          [stat.size, mtime, identity.recordedAt, identity.timeSource, now, file.id],
        );
        counts.changed++;
        continue;
      }
      if (mtime > settledBefore) {
        counts.settling++;
        continue;
      }
      decided.push(file);
    }
    if (decided.length === 0) continue;
    const ids = JSON.stringify(decided.map((file) => file.id));
    await database.run(
      "UPDATE footage_files SET status = 'deleting', deleted_at = ? WHERE id IN (SELECT value FROM json_each(?))",
      [now, ids],
    );
    for (const file of decided) unlinkIfThere(path.join(realRoot, ...file.path.split('/')));
    await database.run(
      "UPDATE footage_files SET status = 'deleted', delete_reason = 'retention' WHERE id IN (SELECT value FROM json_each(?))",
      [ids],
    );
    counts.deleted += decided.length;
  }
  return { outcome: 'ok', counts };
}
