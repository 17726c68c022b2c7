import type { CameraSummary, FootageOverview, FootageRow, JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { cameraDisplayName } from '../../../shared/footage-path';
import { footageDeletionDeadline, footageRetentionDays } from '../../../shared/retention';
import type { AuditActor, AuditLog } from '../audit';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import type { JobRunner } from '../jobs';
import type { ClockCheck } from '../retention/clock-guard';
import { UserError } from '../user-error';
import { footageCountQuery, footageListQuery, type FootageFilter } from './footage-list-query';
import { FOOTAGE_NOT_HELD, purgeFootage, type FootagePurgeCounts } from './purge';
import { scanFootage } from './scanner';

export const FOOTAGE_SCAN_JOB = 'footageScan';
export const FOOTAGE_PURGE_JOB = 'footagePurge';
const LARGE_DELETION_KEY = 'footageLargeDeletionConfirmed';

export function createFootageService({
  database,
  config,
  clock,
  audit,
  jobs,
  clockCheck,
  logError,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  clockCheck: (now: number) => Promise<ClockCheck>;
  logError: (error: unknown, context: string) => void;
}) {
  function rootOf(override?: string): string {
    const root = override ?? config.footage.root;
    if (!root) throw new UserError({ key: 'footage.noRoot' });
    return root;
  }

  // The scan job and the purge (which scans first) may fire at the same minute: one walks the root at
  // a time, the other waits its turn.
  let footageWork: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = footageWork.then(work, work);
    footageWork = result.catch(() => undefined);
    return result;
  };

  return {
    scan(rootOverride?: string): Promise<JobRun> {
      const root = rootOf(rootOverride);
      return oneAtATime(() =>
        jobs.run(FOOTAGE_SCAN_JOB, async () => {
          const counts = await scanFootage({
            database,
            root,
            config,
            clock,
            onUnreadable: (folder, error) => logError(error, `footage folder "${folder}" could not be read`),
          });
          return {
            outcome: 'ok',
            counts: { ...counts },
            message: counts.unreadable > 0 ? `${counts.unreadable} folders could not be read` : null,
          };
        }),
      );
    },

    /** Scans first (a file found on disk is indexed before any decision), then deletes what is due. */
    purge({ dryRun = false, rootOverride }: { dryRun?: boolean; rootOverride?: string } = {}): Promise<JobRun> {
      const root = rootOf(rootOverride);
      return oneAtATime(() =>
        jobs.run(
          FOOTAGE_PURGE_JOB,
          async () => {
            const now = clock.now();
            const guard = await clockCheck(now);
            if (!guard.ok && !dryRun) {
              await audit.record('system', 'footage.blocked', { reason: guard.reason });
              return { outcome: 'blocked', counts: {}, message: guard.reason };
            }
            await scanFootage({
              database,
              root,
              config,
              clock,
              onUnreadable: (folder, error) => logError(error, `footage folder "${folder}"`),
            });
            const confirmed = await database.get('SELECT 1 FROM app_state WHERE key = ?', [LARGE_DELETION_KEY]);
            const result = await purgeFootage({
              database,
              root,
              config,
              clock,
              nextRunAt: nextRunAfter(config.schedules.footagePurge, config.timeZone, now),
              dryRun,
              allowLargeDeletion: confirmed !== undefined,
            });
            if (result.outcome === 'blocked') {
              if (!dryRun) await audit.record('system', 'footage.blocked', { reason: result.reason });
              return {
                outcome: dryRun ? 'dry-run' : 'blocked',
                counts: { ...result.counts },
                message: `${result.reason}: ${result.detail}`,
              };
            }
            if (confirmed && !dryRun) await database.run('DELETE FROM app_state WHERE key = ?', [LARGE_DELETION_KEY]);
            if (!dryRun) await audit.record('system', 'footage.purged', { ...result.counts });
            return {
              outcome: result.outcome,
              counts: { ...result.counts },
              message: purgeProblems(result.counts),
            };
          },
          { dryRun },
        ),
      );
    },

    /** An admin allows the next purge to delete more than the usual share at once (after a long power-off). */
    async confirmLargeDeletion(actor: AuditActor): Promise<void> {
      const last = await jobs.lastRun(FOOTAGE_PURGE_JOB);
      if (last?.outcome !== 'blocked' || !last.message?.startsWith('tooManyAtOnce'))
        throw new UserError({ key: 'retention.notBlocked' });
      await database.run(
        'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [LARGE_DELETION_KEY, String(last.id)],
      );
      await audit.record(actor, 'footage.largeDeletionConfirmed', { blockedRunId: last.id });
    },

    async list(filter: FootageFilter = {}): Promise<FootageRow[]> {
      const now = clock.now();
      const query = footageListQuery(filter, now);
      const rows = await database.all<{
        id: number;
        path: string;
        camera: string;
        recorded_at: number;
        time_source: 'path' | 'mtime';
        size: number;
        status: FootageRow['status'];
        deleted_at: number | null;
        held: number;
      }>(query.sql, query.params);
      return rows.map((row) => ({
        id: row.id,
        path: row.path,
        camera: row.camera,
        cameraName: cameraDisplayName(config.footage.cameraNames, row.camera),
        recordedAt: row.recorded_at,
        timeSource: row.time_source,
        size: row.size,
        status: row.status,
        deleteBy:
          row.status === 'kept'
            ? footageDeletionDeadline(row.recorded_at, footageRetentionDays(config, row.camera))
            : null,
        deletedAt: row.deleted_at,
        future: row.recorded_at > now,
        held: row.held === 1,
      }));
    },

    /** How many rows `filter` matches, its limit and cursor aside. */
    async count(filter: FootageFilter = {}): Promise<number> {
      const query = footageCountQuery(filter, clock.now());
      return (await database.get<{ total: number }>(query.sql, query.params))!.total;
    },

    /** Per camera: live files, bytes, oldest recording and the next deletion; and the last scan and purge. */
    async overview(): Promise<FootageOverview> {
      const now = clock.now();
      const groups = await database.all<{
        camera: string;
        files: number;
        bytes: number;
        oldest: number;
        mtime_files: number;
      }>(
        // One pass over the table: faster than the live files' time index plus a row lookup for each.
        "SELECT camera, count(*) AS files, sum(size) AS bytes, min(recorded_at) AS oldest, sum(time_source = 'mtime') AS mtime_files FROM footage_files NOT INDEXED WHERE status = 'kept' GROUP BY camera ORDER BY camera",
      );
      const cameras: CameraSummary[] = [];
      for (const group of groups) {
        const nextUnheld = await database.get<{ at: number | null }>(
          `SELECT min(recorded_at) AS at FROM footage_files f WHERE status = 'kept' AND camera = ? AND ${FOOTAGE_NOT_HELD}`,
          [group.camera, now],
        );
        cameras.push({
          camera: group.camera,
          cameraName: cameraDisplayName(config.footage.cameraNames, group.camera),
          files: group.files,
          bytes: group.bytes,
          oldestRecording: group.oldest,
          mtimeFiles: group.mtime_files,
          nextDeletion:
            nextUnheld?.at != null
              ? footageDeletionDeadline(nextUnheld.at, footageRetentionDays(config, group.camera))
              : null,
        });
      }
      return {
        now,
        cameras,
        lastScan: await jobs.lastRun(FOOTAGE_SCAN_JOB),
        lastPurge: await jobs.lastRun(FOOTAGE_PURGE_JOB),
        rootConfigured: config.footage.root !== null,
      };
    },
  };
}

export type FootageService = ReturnType<typeof createFootageService>;

/** What a security officer should look at after a run that otherwise went well; null when nothing. */
function purgeProblems(counts: FootagePurgeCounts): string | null {
  const problems = [
    counts.failed > 0 && `${counts.failed} files could not be deleted`,
    counts.unreadable > 0 && `${counts.unreadable} files could not be checked (folder unreadable)`,
    counts.refused > 0 && `${counts.refused} indexed paths are no longer plain files inside the root`,
  ].filter(Boolean);
  return problems.length > 0 ? problems.join('; ') : null;
}
