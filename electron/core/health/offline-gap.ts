import { DateTime } from 'luxon';
import type { KioskConfig } from '../../../shared/config';
import { footageDeletionDeadline, footageRetentionDays, visitErasureDeadline } from '../../../shared/retention';
import type { AuditActor, AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { ACTIVE_HOLD } from '../holds/holds-service';
import { retentionGroups } from '../retention/visit-purge';

const OFFLINE_KEY = 'offlinePastDeadline';
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * Shorter gaps are ordinary restarts: the daily purge would not have erased anything sooner. Longer
 * ones are said out loud when a deadline fell in them.
 */
export const OFFLINE_AFTER_MS = DAY_MS;

/** A time the kiosk was off while visits or files reached their deadline: no purge could erase them. */
export interface OfflineGap {
  /** The last moment the kiosk recorded anything (a job run, an audit entry) before it was off. */
  from: number;
  /** The start that found the gap. */
  to: number;
  visits: number;
  files: number;
  /** How long the first deadline in the gap was past at that start. */
  overdueMs: number;
}

export function createOfflineGaps({
  database,
  config,
  clock,
  audit,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
  audit: AuditLog;
}) {
  async function lastSeen(): Promise<number | null> {
    const row = await database.get<{ at: number | null }>(
      `SELECT max(at) AS at FROM (SELECT max(coalesce(finished_at, started_at)) AS at FROM job_runs
                                  UNION ALL SELECT max(at) FROM audit_log)`,
    );
    return row?.at ?? null;
  }

  /**
   * Visits whose erasure deadline fell in (from, to], still stored and not on hold; the earliest
   * deadline. Each by its own period: the shorter of the one shown at its sign-in and today's.
   */
  async function visitsDueIn(from: number, to: number) {
    const zone = config.timeZone;
    const deadlines: number[] = [];
    for (const { months, where, param } of await retentionGroups(database, config.retention.visitMonths)) {
      const back = (at: number) => DateTime.fromMillis(at, { zone }).minus({ months }).toMillis();
      // Month-end clamping moves a deadline by days: a wider window, then each visit's own deadline.
      const rows = await database.all<{ signed_in_at: number }>(
        `SELECT signed_in_at FROM visits WHERE signed_in_at BETWEEN ? AND ? AND ${where}
            AND id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`,
        [back(from) - 5 * DAY_MS, back(to) + 5 * DAY_MS, param, to],
      );
      for (const row of rows) {
        const deadline = visitErasureDeadline(row.signed_in_at, months, zone);
        if (deadline > from && deadline <= to) deadlines.push(deadline);
      }
    }
    return { count: deadlines.length, earliest: deadlines.length > 0 ? Math.min(...deadlines) : null };
  }

  /** Kept footage files whose deletion deadline fell in (from, to], per camera's own period. */
  async function filesDueIn(from: number, to: number) {
    const cameras = await database.all<{ camera: string }>(
      "SELECT DISTINCT camera FROM footage_files WHERE status = 'kept'",
    );
    let count = 0;
    let earliest: number | null = null;
    for (const { camera } of cameras) {
      const days = footageRetentionDays(config, camera);
      const row = (await database.get<{ n: number; first: number | null }>(
        `SELECT count(*) AS n, min(recorded_at) AS first FROM footage_files
          WHERE status = 'kept' AND camera = ? AND recorded_at > ? AND recorded_at <= ?`,
        [camera, from - days * DAY_MS, to - days * DAY_MS],
      ))!;
      count += row.n;
      if (row.first !== null) {
        const deadline = footageDeletionDeadline(row.first, days);
        earliest = earliest === null ? deadline : Math.min(earliest, deadline);
      }
    }
    return { count, earliest };
  }

  /**
   * At start, before any job runs: if the kiosk was off for longer than a day while deadlines fell,
   * the gap is recorded (and audited) until an admin acknowledges it.
   */
  async function recordAtStart(): Promise<OfflineGap | null> {
    const to = clock.now();
    const from = await lastSeen();
    if (from === null || to - from <= OFFLINE_AFTER_MS) return null;
    const visits = await visitsDueIn(from, to);
    const files = await filesDueIn(from, to);
    if (visits.count + files.count === 0) return null;
    const earliest = Math.min(...[visits.earliest, files.earliest].filter((at): at is number => at !== null));
    const gap: OfflineGap = { from, to, visits: visits.count, files: files.count, overdueMs: to - earliest };
    await database.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [OFFLINE_KEY, JSON.stringify(gap)],
      );
      await audit.record('system', 'health.offlinePastDeadline', { ...gap }, tx);
    });
    return gap;
  }

  async function current(): Promise<OfflineGap | null> {
    const row = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [OFFLINE_KEY]);
    return row ? (JSON.parse(row.value) as OfflineGap) : null;
  }

  /** An admin has read it: the message goes, the audit keeps who and when. */
  async function acknowledge(actor: AuditActor): Promise<{ acknowledged: boolean }> {
    const gap = await current();
    if (!gap) return { acknowledged: false };
    await database.transaction(async (tx) => {
      await tx.run('DELETE FROM app_state WHERE key = ?', [OFFLINE_KEY]);
      await audit.record(actor, 'health.offlineAcknowledged', { ...gap }, tx);
    });
    return { acknowledged: true };
  }

  return { recordAtStart, current, acknowledge };
}

export type OfflineGaps = ReturnType<typeof createOfflineGaps>;
