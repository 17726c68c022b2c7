import type { JobRun, RetentionStatus } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { visitErasureDeadline } from '../../../shared/retention';
import type { AuditActor, AuditLog } from '../audit';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import { ACTIVE_HOLD, type HoldsService } from '../holds';
import type { JobRunner } from '../jobs';
import { UserError } from '../user-error';
import { checkClock } from './clock-guard';
import { purgeExpiredVisits } from './visit-purge';

export const VISIT_PURGE_JOB = 'visitPurge';
const CONFIRMATION_KEY = 'clockConfirmation';

interface ClockConfirmation {
  at: number;
  /** Runs up to this id were made before the confirmation and no longer count against the clock. */
  afterRunId: number;
}

export function createVisitRetention({
  database,
  config,
  clock,
  audit,
  jobs,
  holds,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  holds: HoldsService;
}) {
  async function confirmation(): Promise<ClockConfirmation | null> {
    const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [CONFIRMATION_KEY]);
    return row ? (JSON.parse(row.value) as ClockConfirmation) : null;
  }

  async function clockCheck(now: number) {
    const confirmed = await confirmation();
    const successful = await database.get<{ latest: number | null; sinceConfirmation: number | null }>(
      `SELECT max(started_at) AS latest, max(CASE WHEN id > ? THEN started_at END) AS sinceConfirmation
         FROM job_runs WHERE job = ? AND outcome = 'ok'`,
      [confirmed?.afterRunId ?? 0, VISIT_PURGE_JOB],
    );
    const newestVisit = await database.get<{ at: number | null }>('SELECT max(signed_in_at) AS at FROM visits');
    return checkClock({
      now,
      lastRunSinceConfirmation: successful?.sinceConfirmation ?? null,
      latestSeenTimes: [successful?.latest ?? null, newestVisit?.at ?? null, confirmed?.at ?? null],
      marginDays: config.retention.clockGuardDays,
    });
  }

  /**
   * One purge run: erases every visit whose deadline falls before the next scheduled run, in one
   * transaction, then checkpoints so the erased rows are gone from the WAL too. Blocked, and erasing
   * nothing, when the clock cannot be trusted.
   */
  function run({ dryRun = false }: { dryRun?: boolean } = {}): Promise<JobRun> {
    return jobs.run(VISIT_PURGE_JOB, async () => {
      const now = clock.now();
      const guard = await clockCheck(now);
      if (!guard.ok && !dryRun) {
        await audit.record('system', 'retention.blocked', { reason: guard.reason });
        return { outcome: 'blocked', counts: {}, message: guard.reason };
      }
      const nextRunAt = nextRunAfter(config.schedules.visitPurge, config.timeZone, now);
      const counts = await database.transaction(async (tx) => {
        const result = await purgeExpiredVisits(tx, { config, now, nextRunAt, dryRun });
        if (!dryRun) await audit.record('system', 'retention.purged', { ...result }, tx);
        return result;
      });
      if (!dryRun && counts.erased > 0) await database.checkpoint();
      return { outcome: dryRun ? 'dry-run' : 'ok', counts: { ...counts }, message: guard.ok ? null : guard.reason };
    });
  }

  return {
    run,

    /** An admin says the clock is right (after a long power-off, say); the next purge may go ahead. */
    async confirmClock(actor: AuditActor): Promise<JobRun> {
      const blocked = await jobs.lastRun(VISIT_PURGE_JOB);
      if (blocked?.outcome !== 'blocked') throw new UserError({ key: 'retention.notBlocked' });
      const value: ClockConfirmation = { at: clock.now(), afterRunId: blocked.id };
      await database.transaction(async (tx) => {
        await tx.run(
          'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          [CONFIRMATION_KEY, JSON.stringify(value)],
        );
        await audit.record(actor, 'retention.clockConfirmed', { blockedRunId: blocked.id }, tx);
      });
      return run();
    },

    async status(): Promise<RetentionStatus> {
      const now = clock.now();
      const last = await jobs.lastRun(VISIT_PURGE_JOB);
      const oldest = await database.get<{ at: number | null }>(
        `SELECT min(signed_in_at) AS at FROM visits
          WHERE id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`,
        [now],
      );
      return {
        now,
        lastRuns: await jobs.recent(20),
        blocked: last?.outcome === 'blocked' ? last : null,
        nextVisitPurgeAt: nextRunAfter(config.schedules.visitPurge, config.timeZone, now),
        nextVisitDeadline:
          oldest?.at != null ? visitErasureDeadline(oldest.at, config.retention.visitMonths, config.timeZone) : null,
        activeHolds: await holds.listActive(),
      };
    },
  };
}

export type VisitRetention = ReturnType<typeof createVisitRetention>;
