import type { HealthState, RetentionJob } from '../../../shared/api/health';
import type { JobRun } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { isDueBy, visitDueWindow, visitErasureDeadline } from '../../../shared/retention';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { ACTIVE_HOLD } from '../holds/holds-service';
import type { JobRunner } from '../jobs';
import { retentionGroups } from '../retention/visit-purge';
import { computeHealth, NO_HISTORY, type JobHistory } from './health-state';
import { mailFailure } from './mail-failure';
import type { OfflineGap } from './offline-gap';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sources other parts of the core own; until they are wired in, nothing is pending. */
export interface HealthSources {
  /** Erased rows whose bytes may still be on disk (a checkpoint that could not finish), since when. */
  scrubPending?: () => Promise<{ since: number } | null>;
  /** Review dates of active holds that are past them. */
  holdsPastReview?: () => Promise<number[]>;
  /** The time the kiosk was off while deadlines fell, until an admin acknowledges it. */
  offlineGap?: () => Promise<OfflineGap | null>;
  /** When each screen now locked for wrong PINs was locked. */
  screensLockedForPins?: () => Promise<number[]>;
  /** A hand edit of config.json the running kiosk refused (what is wrong with it), or null. */
  configRefused?: () => { at: number; problem: string } | null;
  /** Console enrolment closed after too many wrong codes, since when. */
  enrolmentClosed?: () => Promise<{ since: number; wrongCodes: number } | null>;
  /** Whether a clock block waits for an admin's "the time is right" in Retention. */
  clockAwaitsConfirmation?: () => Promise<boolean>;
}

export function createHealthService({
  database,
  config,
  clock,
  jobs,
  scrubPending = async () => null,
  holdsPastReview = async () => [],
  offlineGap = async () => null,
  screensLockedForPins = async () => [],
  configRefused = () => null,
  enrolmentClosed = async () => null,
  clockAwaitsConfirmation = async () => true,
}: { database: Database; config: KioskConfig; clock: Clock; jobs: JobRunner } & HealthSources) {
  async function history(job: RetentionJob): Promise<JobHistory> {
    const finished = "finished_at IS NOT NULL AND outcome IS NOT NULL AND outcome <> 'dry-run'";
    const latestRow = await database.get<{ id: number; outcome: JobRun['outcome'] }>(
      `SELECT id, outcome FROM job_runs WHERE job = ? AND ${finished} ORDER BY id DESC LIMIT 1`,
      [job],
    );
    if (!latestRow) return NO_HISTORY;
    const streak = (await database.get<{ first: number; length: number; lastOkAt: number | null }>(
      `SELECT min(id) AS first, count(*) AS length,
              (SELECT max(started_at) FROM job_runs WHERE job = ?1 AND outcome = 'ok') AS lastOkAt
         FROM job_runs
        WHERE job = ?1 AND outcome = ?2 AND id > coalesce(
                (SELECT max(id) FROM job_runs WHERE job = ?1 AND ${finished} AND outcome <> ?2), 0)`,
      [job, latestRow.outcome],
    ))!;
    return {
      latest: await jobs.get(latestRow.id),
      streakStart: await jobs.get(streak.first),
      streakLength: streak.length,
      lastOkAt: streak.lastOkAt,
    };
  }

  async function count(sql: string, params: number[]): Promise<number> {
    return (await database.get<{ n: number }>(sql, params))!.n;
  }

  /**
   * Stored visits past their period, each by its own: the shorter of the one shown at sign-in and
   * today's. Month ends move a deadline by days (31 August + 6 months is 28 February), so the visits
   * near the bound are each judged by their own deadline, as the purge judges them.
   */
  async function visitsPastDeadline(now: number): Promise<number> {
    const zone = config.timeZone;
    let waiting = 0;
    for (const { months, where, param } of await retentionGroups(database, config.retention.visitMonths)) {
      const { surelyDueUntil, checkUntil } = visitDueWindow(now, months, zone);
      const notHeld = `${where} AND id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`;
      waiting += await count(`SELECT count(*) AS n FROM visits WHERE signed_in_at <= ? AND ${notHeld}`, [
        surelyDueUntil,
        param,
        now,
      ]);
      const nearTheBound = await database.all<{ signed_in_at: number }>(
        `SELECT signed_in_at FROM visits WHERE signed_in_at > ? AND signed_in_at <= ? AND ${notHeld}`,
        [surelyDueUntil, checkUntil, param, now],
      );
      waiting += nearTheBound.filter((visit) =>
        isDueBy(visitErasureDeadline(visit.signed_in_at, months, zone), now),
      ).length;
    }
    return waiting;
  }

  async function current(): Promise<HealthState> {
    const now = clock.now();
    const first = await database.get<{ at: number | null }>(
      'SELECT min(at) AS at FROM (SELECT min(started_at) AS at FROM job_runs UNION ALL SELECT min(at) FROM audit_log)',
    );
    return computeHealth({
      now,
      firstActivityAt: first?.at ?? null,
      footageRootConfigured: config.footage.root !== null,
      footageDays: config.retention.footageDays,
      footageEnforcedBy: config.footage.enforcedBy,
      jobs: {
        visitPurge: await history('visitPurge'),
        footageScan: await history('footageScan'),
        footagePurge: await history('footagePurge'),
      },
      waiting: {
        visits: await visitsPastDeadline(now),
        // Cameras with a shorter period have more waiting: this is the least that waits.
        footageFiles: await count(
          "SELECT count(*) AS n FROM footage_files WHERE status = 'kept' AND recorded_at <= ?",
          [now - config.retention.footageDays * DAY_MS],
        ),
      },
      scrubPending: await scrubPending(),
      holdsPastReview: await holdsPastReview(),
      configRefused: configRefused(),
      enrolmentClosed: await enrolmentClosed(),
      mailFailure: await mailFailure(database),
      offlineGap: await offlineGap(),
      screensLockedForPins: await screensLockedForPins(),
      clockAwaitsConfirmation: await clockAwaitsConfirmation(),
    });
  }

  return { current };
}

export type HealthService = ReturnType<typeof createHealthService>;
