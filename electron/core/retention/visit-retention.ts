import type { JobRun, RetentionStatus } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { visitErasureDeadline } from '../../../shared/retention';
import { clockGuardReason } from '../../../shared/run-reasons';
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

  /** The oldest blocked purge since the last confirmation: while there is one, every purge waits. */
  async function unconfirmedBlock(): Promise<JobRun | null> {
    const confirmed = await confirmation();
    const row = await database.get<{ id: number }>(
      "SELECT id FROM job_runs WHERE job = ? AND outcome = 'blocked' AND id > ? ORDER BY id LIMIT 1",
      [VISIT_PURGE_JOB, confirmed?.afterRunId ?? 0],
    );
    return row ? jobs.get(row.id) : null;
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
      unconfirmedBlock: (await unconfirmedBlock()) !== null,
      lastRunSinceConfirmation: successful?.sinceConfirmation ?? null,
      trustedTimes: [successful?.latest ?? null, confirmed?.at ?? null],
      newestRecord: newestVisit?.at ?? null,
      marginDays: config.retention.clockGuardDays,
    });
  }

  /**
   * One purge run: erases every visit whose deadline falls before the next scheduled run, in one
   * transaction, then checkpoints so the erased rows are gone from the WAL too. Blocked, and erasing
   * nothing, when the clock cannot be trusted.
   */
  function run({ dryRun = false }: { dryRun?: boolean } = {}): Promise<JobRun> {
    return jobs.run(
      VISIT_PURGE_JOB,
      async () => {
        const now = clock.now();
        const guard = await clockCheck(now);
        if (!guard.ok && !dryRun) {
          await audit.record('system', 'retention.blocked', { reason: guard.reason });
          return {
            outcome: 'blocked',
            counts: {},
            reason: clockGuardReason(guard.reason, config.retention.clockGuardDays),
          };
        }
        const nextRunAt = nextRunAfter(config.schedules.visitPurge, config.timeZone, now);
        const counts = await database.transaction(async (tx) => {
          const result = await purgeExpiredVisits(tx, { config, now, nextRunAt, dryRun });
          if (!dryRun) await audit.record('system', 'retention.purged', { ...result }, tx);
          return result;
        });
        if (!dryRun && counts.erased > 0) await database.checkpoint();
        return {
          outcome: dryRun ? 'dry-run' : 'ok',
          counts: { ...counts },
          reason: guard.ok ? null : clockGuardReason(guard.reason, config.retention.clockGuardDays),
        };
      },
      { dryRun },
    );
  }

  return {
    run,
    /** May this clock erase? The footage purge asks the same question. */
    clockCheck,

    /** An admin says the clock is right (after a long power-off, say); the next purge may go ahead. */
    async confirmClock(actor: AuditActor): Promise<JobRun> {
      const blocked = await unconfirmedBlock();
      if (!blocked) throw new UserError({ key: 'retention.notBlocked' });
      await database.transaction(async (tx) => {
        const newest = (await tx.get<{ id: number }>('SELECT max(id) AS id FROM job_runs'))!.id;
        const value: ClockConfirmation = { at: clock.now(), afterRunId: newest };
        await tx.run(
          'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          [CONFIRMATION_KEY, JSON.stringify(value)],
        );
        await audit.record(actor, 'retention.clockConfirmed', { blockedRunId: blocked.id }, tx);
      });
      await jobs.settled(VISIT_PURGE_JOB);
      return run();
    },

    async status(): Promise<RetentionStatus> {
      const now = clock.now();
      const oldest = await database.get<{ at: number | null }>(
        `SELECT min(signed_in_at) AS at FROM visits
          WHERE id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`,
        [now],
      );
      return {
        now,
        lastRuns: await jobs.recent(20),
        blocked: await unconfirmedBlock(),
        nextVisitPurgeAt: nextRunAfter(config.schedules.visitPurge, config.timeZone, now),
        nextVisitDeadline:
          oldest?.at != null ? visitErasureDeadline(oldest.at, config.retention.visitMonths, config.timeZone) : null,
        activeHolds: await holds.listActive(),
      };
    },
  };
}

export type VisitRetention = ReturnType<typeof createVisitRetention>;
