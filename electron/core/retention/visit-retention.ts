import type { JobRun, RetentionStatus } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { visitErasureDeadline } from '../../../shared/retention';
import { clockGuardReason } from '../../../shared/run-reasons';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { nextRunAfter } from '../cron-time';
import type { Database } from '../database';
import { ACTIVE_HOLD, type HoldsService } from '../holds/holds-service';
import type { JobRunner } from '../jobs';
import { UserError } from '../user-error';
import { checkClock } from './clock-guard';
import { purgeExpiredVisits, purgeOldRecords, retentionGroups } from './visit-purge';

export const VISIT_PURGE_JOB = 'visitPurge';
const CLOCK_BEHIND_REASON = 'run.clockBehindLastRun';
const CONFIRMATION_KEY = 'clockConfirmation';
const SCRUB_KEY = 'scrubPending';

/** How a run waits for another process's reader to let the scrub through. */
export interface ScrubWait {
  attempts: number;
  /** Each try's wait for the reader. */
  waitMs: number;
  /** The pause between tries. */
  pauseMs: number;
}
// At most about 7 seconds per run: a reader that holds on longer is waited for by the next run.
export const SCRUB_WAIT: ScrubWait = { attempts: 3, waitMs: 2000, pauseMs: 500 };

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
  scrubWait = SCRUB_WAIT,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
  jobs: JobRunner;
  holds: HoldsService;
  scrubWait?: ScrubWait;
}) {
  async function confirmation(): Promise<ClockConfirmation | null> {
    const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [CONFIRMATION_KEY]);
    return row ? (JSON.parse(row.value) as ClockConfirmation) : null;
  }

  /**
   * The oldest blocked purge since the last confirmation that waits for an admin: while there is one,
   * every purge waits. A clock behind the last run could only erase late, never early, so its block
   * lifts by itself once the clock is past that run again; only a clock far ahead waits for an admin.
   */
  async function unconfirmedBlock(): Promise<JobRun | null> {
    const confirmed = await confirmation();
    const row = await database.get<{ id: number }>(
      `SELECT id FROM job_runs WHERE job = ? AND outcome = 'blocked' AND id > ?
          AND coalesce(json_extract(reason, '$.key'), '') <> '${CLOCK_BEHIND_REASON}'
        ORDER BY id LIMIT 1`,
      [VISIT_PURGE_JOB, confirmed?.afterRunId ?? 0],
    );
    return row ? jobs.get(row.id) : null;
  }

  /** The run before this one, when it was held back by a clock behind the last good run. */
  async function behindBefore(): Promise<number | null> {
    const previous = await database.get<{ id: number; reason: string | null; outcome: string }>(
      `SELECT id, reason, outcome FROM job_runs WHERE job = ? AND finished_at IS NOT NULL AND outcome <> 'dry-run'
        ORDER BY id DESC LIMIT 1`,
      [VISIT_PURGE_JOB],
    );
    if (!previous || previous.outcome !== 'blocked' || previous.reason === null) return null;
    return (JSON.parse(previous.reason) as { key: string }).key === CLOCK_BEHIND_REASON ? previous.id : null;
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

  async function scrubPending(): Promise<{ since: number } | null> {
    const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [SCRUB_KEY]);
    return row ? (JSON.parse(row.value) as { since: number }) : null;
  }

  /**
   * Writes the WAL out and truncates it, retrying while another process's reader holds an older
   * snapshot (each try waits at most scrubWait.waitMs). Done means the erased bytes are gone from both
   * files; until then the pending state stays, and every later run tries again.
   */
  async function finishScrub(): Promise<boolean> {
    for (let attempt = 1; attempt <= scrubWait.attempts; attempt++) {
      if (await database.tryCheckpoint(scrubWait.waitMs)) {
        await database.run('DELETE FROM app_state WHERE key = ?', [SCRUB_KEY]);
        return true;
      }
      if (attempt < scrubWait.attempts) await new Promise((resolve) => setTimeout(resolve, scrubWait.pauseMs));
    }
    return false;
  }

  /**
   * One purge run: corrects visits dated in the future, erases every visit whose deadline falls
   * before the next scheduled run and the audit and job records past their own period, in one
   * transaction, then scrubs the erased bytes from the database and WAL files. Blocked, and erasing
   * nothing, when the clock cannot be trusted. Not ok while the scrub is pending.
   */
  function run({ dryRun = false }: { dryRun?: boolean } = {}): Promise<JobRun> {
    return jobs.run(
      VISIT_PURGE_JOB,
      async () => {
        const now = clock.now();
        const guard = await clockCheck(now);
        if (!guard.ok && !dryRun) {
          await audit.record('system', 'retention.blocked', { reason: guard.reason });
          // Finishing a scrub erases nothing new, so a wrong clock need not stop it.
          if ((await scrubPending()) !== null) await finishScrub();
          return {
            outcome: 'blocked',
            counts: {},
            reason: clockGuardReason(guard.reason, config.retention.clockGuardDays),
          };
        }
        const nextRunAt = nextRunAfter(config.schedules.visitPurge, config.timeZone, now);
        const recoveredFrom = dryRun ? null : await behindBefore();
        const keepRunId = (await unconfirmedBlock())?.id ?? null;
        const lastGoodRun = await database.get<{ at: number | null }>(
          "SELECT max(started_at) AS at FROM job_runs WHERE job = ? AND outcome = 'ok' AND started_at <= ?",
          [VISIT_PURGE_JOB, now],
        );
        const counts = await database.transaction(async (tx) => {
          const visitCounts = await purgeExpiredVisits(tx, {
            config,
            now,
            nextRunAt,
            dryRun,
            lastTrustedAt: lastGoodRun?.at ?? null,
          });
          const recordCounts = await purgeOldRecords(tx, { config, now, keepRunId, dryRun });
          const result = { ...visitCounts, ...recordCounts };
          if (dryRun) return result;
          // The clock stepped back and is past the last good run again: the block lifted by itself.
          if (recoveredFrom !== null)
            await audit.record('system', 'retention.clockRecovered', { blockedRunId: recoveredFrom }, tx);
          await audit.record('system', 'retention.purged', { ...result }, tx);
          if (result.erased + result.auditErased + result.jobRunsErased > 0) {
            // Recorded with the erasure itself, so a run cut off before the scrub leaves it pending.
            await tx.run(`INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING`, [
              SCRUB_KEY,
              JSON.stringify({ since: now }),
            ]);
          }
          return result;
        });
        const guardReason = guard.ok ? null : clockGuardReason(guard.reason, config.retention.clockGuardDays);
        if (dryRun) return { outcome: 'dry-run', counts: { ...counts }, reason: guardReason };
        const scrubbed = (await scrubPending()) === null || (await finishScrub());
        if (!scrubbed) {
          await audit.record('system', 'retention.scrubPending', { since: (await scrubPending())!.since });
          return { outcome: 'failed', counts: { ...counts, scrubPending: 1 }, reason: { key: 'run.scrubPending' } };
        }
        return { outcome: 'ok', counts: { ...counts, scrubPending: 0 }, reason: guardReason };
      },
      { dryRun },
    );
  }

  return {
    run,
    /** May this clock erase? The footage purge and the automatic sign-out ask the same question. */
    clockCheck,
    /** Since when erased rows wait to be scrubbed from the database files (a reader blocks the checkpoint), if they do. */
    scrubPending,
    /** Whether Retention offers "the time is right": a clock block waits for an admin. */
    awaitsClockConfirmation: async (): Promise<boolean> => (await unconfirmedBlock()) !== null,

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
      const deadlines: number[] = [];
      for (const group of await retentionGroups(database, config.retention.visitMonths)) {
        const oldest = await database.get<{ at: number | null }>(
          `SELECT min(signed_in_at) AS at FROM visits WHERE ${group.where}
              AND id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`,
          [group.param, now],
        );
        if (oldest?.at != null) deadlines.push(visitErasureDeadline(oldest.at, group.months, config.timeZone));
      }
      return {
        now,
        lastRuns: await jobs.recent(20),
        blocked: await unconfirmedBlock(),
        nextVisitPurgeAt: nextRunAfter(config.schedules.visitPurge, config.timeZone, now),
        nextVisitDeadline: deadlines.length > 0 ? Math.min(...deadlines) : null,
        activeHolds: await holds.listActive(),
        kioskPurgesFootage: config.footage.enforcedBy === 'kiosk' && config.footage.root !== null,
      };
    },
  };
}

export type VisitRetention = ReturnType<typeof createVisitRetention>;

export function visitRetentionJobs({ config, retention }: { config: KioskConfig; retention: VisitRetention }) {
  return [{ name: VISIT_PURGE_JOB, schedule: config.schedules.visitPurge, run: () => retention.run() }];
}
