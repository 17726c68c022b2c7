import type { FootageBacklog } from '../../../shared/api/footage-backlog';
import type { CameraSummary, FootageOverview, FootageRow, JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { cameraDisplayName } from '../../../shared/footage-path';
import { footageDeletionDeadline, footageRetentionDays } from '../../../shared/retention';
import { clockGuardReason, footageRootReason, type RunReason } from '../../../shared/run-reasons';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import type { JobResult, JobRunner } from '../jobs';
import type { ClockCheck } from '../retention/clock-guard';
import { UserError } from '../user-error';
import { createFootageBacklog } from './backlog';
import { footageCountQuery, footageListQuery, type FootageFilter } from './footage-list-query';
import { FOOTAGE_NOT_HELD, purgeFootage, type FootagePurgeCounts } from './purge';
import { FootageRootError } from './root';
import { scanFootage } from './scanner';

export const FOOTAGE_SCAN_JOB = 'footageScan';
export const FOOTAGE_PURGE_JOB = 'footagePurge';

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

  const backlog = createFootageBacklog({ database, config, clock, audit, jobs, purgeJob: FOOTAGE_PURGE_JOB });

  /**
   * A root that is missing, on another device than at the last good scan, or empty while files are
   * indexed blocks the run (nothing is marked gone); any other error fails it.
   */
  async function blockedByRoot(job: string, work: () => Promise<JobResult>): Promise<JobResult> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof FootageRootError)) throw error;
      const reason = footageRootReason(error.problem, error.params);
      await audit.record('system', 'footage.blocked', { job, reason: reason.key });
      return { outcome: 'blocked', counts: {}, reason };
    }
  }

  // The scan job and the purge (which scans first) may fire at the same minute: one walks the root at
  // a time, the other waits its turn.
  let footageWork: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const result = footageWork.then(work, work);
    footageWork = result.catch(() => undefined);
    return result;
  };

  const service = {
    scan(rootOverride?: string): Promise<JobRun> {
      const root = rootOf(rootOverride);
      return oneAtATime(() =>
        jobs.run(FOOTAGE_SCAN_JOB, () =>
          blockedByRoot(FOOTAGE_SCAN_JOB, async () => {
            const counts = await scanFootage({
              database,
              root,
              config,
              clock,
              onUnreadable: (folder, error) => logError(error, `footage folder "${folder}" could not be read`),
              correctFutureDates: (await clockCheck(clock.now())).ok,
            });
            return {
              outcome: 'ok',
              counts: { ...counts },
              reason:
                counts.unreadable > 0
                  ? { key: 'run.footageUnreadableFolders', params: { folders: counts.unreadable } }
                  : null,
            };
          }),
        ),
      );
    },

    /** Scans first (a file found on disk is indexed before any decision), then deletes what is due. */
    purge({ dryRun = false, rootOverride }: { dryRun?: boolean; rootOverride?: string } = {}): Promise<JobRun> {
      const root = rootOf(rootOverride);
      return oneAtATime(() =>
        jobs.run(
          FOOTAGE_PURGE_JOB,
          () =>
            blockedByRoot(FOOTAGE_PURGE_JOB, async () => {
              const now = clock.now();
              const guard = await clockCheck(now);
              if (!guard.ok && !dryRun) {
                const reason = clockGuardReason(guard.reason, config.retention.clockGuardDays);
                await audit.record('system', 'footage.blocked', { job: FOOTAGE_PURGE_JOB, reason: reason.key });
                return { outcome: 'blocked', counts: {}, reason };
              }
              const scanned = await scanFootage({
                database,
                root,
                config,
                clock,
                onUnreadable: (folder, error) => logError(error, `footage folder "${folder}"`),
                correctFutureDates: guard.ok,
              });
              const confirmed = await backlog.confirmed();
              const result = await purgeFootage({
                database,
                root,
                config,
                clock,
                nextRunAt: nextRunAfter(config.schedules.footagePurge, config.timeZone, now),
                dryRun,
                confirmedBacklog: confirmed,
              });
              const counts = { ...result.counts, futureCorrected: scanned.futureCorrected };
              if (result.outcome === 'blocked') {
                const reason: RunReason =
                  result.reason === 'tooManyAtOnce'
                    ? { key: 'run.footageTooManyAtOnce', params: result.params }
                    : footageRootReason(result.reason, result.params);
                if (!dryRun)
                  await audit.record('system', 'footage.blocked', { job: FOOTAGE_PURGE_JOB, reason: reason.key });
                return { outcome: dryRun ? 'dry-run' : 'blocked', counts, reason };
              }
              if (confirmed && !dryRun) await backlog.used();
              if (!dryRun) await audit.record('system', 'footage.purged', counts);
              return { outcome: result.outcome, counts, reason: purgeProblems(result.counts) };
            }),
          { dryRun },
        ),
      );
    },

    /** What a purge held back as too large would delete (per camera, oldest and newest); null when none waits. */
    backlog: (): Promise<FootageBacklog | null> => backlog.preview(),

    /**
     * An admin confirms the backlog they were shown (`expectedFiles`, when given, must still match) and
     * the purge runs now. The confirmation covers those files only: a later backlog waits again.
     */
    async confirmLargeDeletion(actor: AuditActor, expectedFiles?: number): Promise<JobRun> {
      await backlog.confirm(actor, expectedFiles);
      await jobs.settled(FOOTAGE_PURGE_JOB);
      return service.purge();
    },

    async list(filter: FootageFilter = {}): Promise<FootageRow[]> {
      const now = clock.now();
      const query = footageListQuery(filter, now);
      const rows = await database.all<{
        id: number;
        path: string;
        camera: string;
        recorded_at: number;
        claimed_recorded_at: number | null;
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
        claimedRecordedAt: row.claimed_recorded_at,
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
  return service;
}

export type FootageService = ReturnType<typeof createFootageService>;

/** What a security officer should look at after a run that otherwise went well; null when nothing. */
function purgeProblems(counts: FootagePurgeCounts): RunReason | null {
  const { failed, unreadable, refused } = counts;
  return failed + unreadable + refused > 0
    ? { key: 'run.footageProblems', params: { failed, unreadable, refused } }
    : null;
}

/** The footage jobs run only once a footage root is configured. */
export function footageJobs({ config, footage }: { config: KioskConfig; footage: FootageService }) {
  if (!config.footage.root) return [];
  return [
    { name: FOOTAGE_SCAN_JOB, schedule: config.schedules.footageScan, run: () => footage.scan() },
    { name: FOOTAGE_PURGE_JOB, schedule: config.schedules.footagePurge, run: () => footage.purge() },
  ];
}
