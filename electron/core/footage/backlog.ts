import type { FootageBacklog, FootageBacklogCamera } from '../../../shared/api/footage-backlog';
import type { JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import type { JobRunner } from '../jobs';
import { UserError } from '../user-error';
import { dueFootageFilter, FOOTAGE_NOT_HELD, type ConfirmedBacklog } from './purge';
import { countLiveFiles } from './live-files';

const CONFIRMATION_KEY = 'footageLargeDeletionConfirmed';

/**
 * Per camera, the unheld files due by the run after `now`. The walk is over the live time index up
 * to the newest due: left to itself SQLite walked a camera's whole time index (every live file) to
 * save sorting the cameras.
 */
export function backlogQuery(config: KioskConfig, now: number, nextRunAt: number) {
  const due = dueFootageFilter(config, now, nextRunAt);
  return {
    sql: `SELECT f.camera, count(*) AS files, min(f.recorded_at) AS oldestRecording, max(f.recorded_at) AS newestRecording
            FROM footage_files f INDEXED BY footage_live_by_time WHERE ${FOOTAGE_NOT_HELD} AND ${due.sql}
           GROUP BY f.camera ORDER BY f.camera`,
    params: [now, ...due.params],
  };
}

interface StoredConfirmation extends ConfirmedBacklog {
  blockedRunId: number;
}

/**
 * A purge that would delete more than footage.maxDeleteShare of the live files at once (a root first
 * configured with months of recordings, a kiosk that was off for weeks) waits for an admin. The
 * admin sees what would go and confirms it; the confirmation covers those files only, so a later
 * backlog waits again.
 */
export function createFootageBacklog({
  database,
  config,
  clock,
  audit,
  jobs,
  purgeJob,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  purgeJob: string;
}) {
  /** The newest real purge run, when it was held back as too large. */
  async function blockedRun(): Promise<JobRun | null> {
    const last = await jobs.lastRun(purgeJob, ['ok', 'blocked', 'failed']);
    return last?.outcome === 'blocked' && last.reason?.key === 'run.footageTooManyAtOnce' ? last : null;
  }

  async function preview(): Promise<FootageBacklog | null> {
    const blocked = await blockedRun();
    if (!blocked) return null;
    const now = clock.now();
    const query = backlogQuery(config, now, nextRunAfter(config.schedules.footagePurge, config.timeZone, now));
    const cameras = await database.all<FootageBacklogCamera>(query.sql, query.params);
    return {
      blockedRun: blocked,
      files: cameras.reduce((sum, camera) => sum + camera.files, 0),
      liveFiles: await countLiveFiles(database),
      oldestRecording: cameras.length > 0 ? Math.min(...cameras.map((camera) => camera.oldestRecording)) : null,
      newestRecording: cameras.length > 0 ? Math.max(...cameras.map((camera) => camera.newestRecording)) : null,
      cameras,
    };
  }

  return {
    preview,

    /** The confirmation the next purge may use, if an admin gave one that no run has used yet. */
    async confirmed(): Promise<ConfirmedBacklog | null> {
      const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
        CONFIRMATION_KEY,
      ]);
      const stored = row ? (JSON.parse(row.value) as Partial<StoredConfirmation> | number) : null;
      // An older version stored only a run id, and no version ever let anyone set it: not a confirmation.
      if (stored === null || typeof stored !== 'object' || typeof stored.upTo !== 'number') return null;
      return { upTo: stored.upTo, files: stored.files ?? 0 };
    },

    /** Records that an admin confirmed the backlog as it is now (and as they were shown it). */
    async confirm(actor: AuditActor, expectedFiles?: number): Promise<void> {
      const backlog = await preview();
      if (!backlog) throw new UserError({ key: 'retention.notBlocked' });
      if (expectedFiles !== undefined && expectedFiles !== backlog.files)
        throw new UserError({ key: 'footage.backlogChanged' });
      const confirmation: StoredConfirmation = {
        blockedRunId: backlog.blockedRun.id,
        upTo: backlog.newestRecording ?? 0,
        files: backlog.files,
      };
      await database.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          [CONFIRMATION_KEY, JSON.stringify(confirmation)],
        );
        await audit.record(
          actor,
          'footage.largeDeletionConfirmed',
          {
            blockedRunId: backlog.blockedRun.id,
            files: backlog.files,
            cameras: backlog.cameras.length,
            oldestRecording: backlog.oldestRecording,
            newestRecording: backlog.newestRecording,
          },
          tx,
        );
      });
    },

    /** A purge that went ahead used the confirmation up. */
    async used(): Promise<void> {
      await database.run('DELETE FROM app_state WHERE key = ?', [CONFIRMATION_KEY]);
    },
  };
}

export type FootageBacklogService = ReturnType<typeof createFootageBacklog>;
