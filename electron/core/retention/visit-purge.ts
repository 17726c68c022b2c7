import type { KioskConfig } from '../../../shared/config';
import { isDueBy, recordsKeptSince, visitDueWindow, visitErasureDeadline } from '../../../shared/retention';
import type { Statements } from '../database';
import { ACTIVE_HOLD, clearFootageHoldReasons } from '../holds/holds-service';

// Well under SQLite's limit of bound parameters per statement.
const CHUNK = 500;

/**
 * A visit dated more than this after the run's own now was stamped by a clock that ran ahead; within
 * it, the clocks of the kiosk and the run may simply differ a little.
 */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;

export interface VisitPurgeCounts {
  /** Visits whose deadline falls before the next run. */
  due: number;
  /** Of those, kept because a legal hold is active. */
  held: number;
  /** Erased by this run (0 in a dry run). */
  erased: number;
  /** Visits dated after the run's now, re-dated to now (counted, not changed, in a dry run). */
  futureCorrected: number;
}

const NOT_HELD = `id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`;

/**
 * The visits sharing one retention period: the shorter of the period each was shown at sign-in and
 * today's setting. Visits from before the period was stored get today's setting.
 */
export async function retentionGroups(
  tx: Statements,
  currentMonths: number,
): Promise<{ months: number; where: string; param: number }[]> {
  const shown = await tx.all<{ months: number | null }>('SELECT DISTINCT retention_months AS months FROM visits');
  const periods = new Set(
    shown.map(({ months }) => (months === null ? currentMonths : Math.min(months, currentMonths))),
  );
  return [...periods].map((months) =>
    months === currentMonths
      ? { months, where: '(retention_months IS NULL OR retention_months >= ?)', param: months }
      : { months, where: 'retention_months = ?', param: months },
  );
}

/**
 * Erases, in the caller's transaction, every visit whose erasure deadline falls before `nextRunAt`,
 * except those under an active legal hold. Deadlines come from shared/retention.ts only.
 */
export async function purgeExpiredVisits(
  tx: Statements,
  {
    config,
    now,
    nextRunAt,
    dryRun,
    lastTrustedAt = null,
  }: {
    config: KioskConfig;
    now: number;
    nextRunAt: number;
    dryRun: boolean;
    /** The last moment a trusted clock was seen before this run (the last good run), if any. */
    lastTrustedAt?: number | null;
  },
): Promise<VisitPurgeCounts> {
  const count = async (sql: string, params: (number | string)[]) => (await tx.get<{ n: number }>(sql, params))!.n;

  // A visit stamped by a clock that ran ahead would keep that clock's deadline (2030 + 6 months) and
  // stay "on site". It was written after the last moment a trusted clock was seen (the last good run)
  // and before this run: dated at the earlier of the two, its deadline is never later than the real
  // one. (Dated at this run, a visit of 2 March confirmed on 23 March would stay 21 days too long.)
  const trustedAt = lastTrustedAt !== null && lastTrustedAt <= now ? lastTrustedAt : now;
  const futureCorrected = dryRun
    ? await count('SELECT count(*) AS n FROM visits WHERE signed_in_at > ?', [now + FUTURE_SKEW_MS])
    : (
        await tx.run(
          'UPDATE visits SET signed_in_at = ?1, signed_out_at = min(signed_out_at, ?1) WHERE signed_in_at > ?2',
          [trustedAt, now + FUTURE_SKEW_MS],
        )
      ).changes;
  if (!dryRun) {
    // The audit rows and run records that clock wrote would otherwise outlive their own period too.
    await tx.run('UPDATE audit_log SET at = ? WHERE at > ?', [trustedAt, now + FUTURE_SKEW_MS]);
    await tx.run('UPDATE job_runs SET started_at = ?1, finished_at = min(finished_at, ?1) WHERE started_at > ?2', [
      trustedAt,
      now + FUTURE_SKEW_MS,
    ]);
  }

  let due = 0;
  let held = 0;
  let erased = 0;
  for (const group of await retentionGroups(tx, config.retention.visitMonths)) {
    const { surelyDueUntil: surelyDue, checkUntil } = visitDueWindow(nextRunAt, group.months, config.timeZone);
    const window = await tx.all<{ id: number; signed_in_at: number }>(
      `SELECT id, signed_in_at FROM visits WHERE signed_in_at > ? AND signed_in_at <= ? AND ${group.where}`,
      [surelyDue, checkUntil, group.param],
    );
    const dueInWindow = window
      .filter((visit) => isDueBy(visitErasureDeadline(visit.signed_in_at, group.months, config.timeZone), nextRunAt))
      .map((visit) => visit.id);

    const heldSurelyDue = await count(
      `SELECT count(*) AS n FROM visits WHERE signed_in_at <= ? AND ${group.where} AND NOT ${NOT_HELD}`,
      [surelyDue, group.param, now],
    );
    held += heldSurelyDue;
    due += dueInWindow.length;
    for (let start = 0; start < dueInWindow.length; start += CHUNK) {
      const ids = dueInWindow.slice(start, start + CHUNK);
      held += await count(
        `SELECT count(*) AS n FROM visits WHERE id IN (${ids.map(() => '?').join(',')}) AND NOT ${NOT_HELD}`,
        [...ids, now],
      );
    }
    if (dryRun) {
      due += await count(`SELECT count(*) AS n FROM visits WHERE signed_in_at <= ? AND ${group.where}`, [
        surelyDue,
        group.param,
      ]);
      continue;
    }

    // Every surely due visit is either held or erased here, in the same transaction: no count of them.
    const erasedSurelyDue = (
      await tx.run(`DELETE FROM visits WHERE signed_in_at <= ? AND ${group.where} AND ${NOT_HELD}`, [
        surelyDue,
        group.param,
        now,
      ])
    ).changes;
    due += erasedSurelyDue + heldSurelyDue;
    erased += erasedSurelyDue;
    erased += await eraseUnheldVisits(tx, dueInWindow, now);
  }
  if (dryRun) return { due, held, erased: 0, futureCorrected };

  await forgetHoldReasonsOfErasedVisits(tx, now);
  await clearFootageHoldReasons(tx, now);
  return { due, held, erased, futureCorrected };
}

/**
 * Erases the listed visits, except those under an active legal hold; returns how many went. The
 * purge and an erasure request (electron/core/privacy) both erase through here. With secure_delete
 * on, the caller checkpoints the WAL after the commit so the bytes are gone from it too.
 */
export async function eraseUnheldVisits(tx: Statements, visitIds: readonly number[], now: number): Promise<number> {
  let erased = 0;
  for (let start = 0; start < visitIds.length; start += CHUNK) {
    const ids = visitIds.slice(start, start + CHUNK);
    erased += (
      await tx.run(`DELETE FROM visits WHERE id IN (${ids.map(() => '?').join(',')}) AND ${NOT_HELD}`, [...ids, now])
    ).changes;
  }
  return erased;
}

/** A hold's reason may name the visitor: once the visit is gone and the hold over, so is the reason. */
export async function forgetHoldReasonsOfErasedVisits(tx: Statements, now: number): Promise<void> {
  await tx.run(
    `UPDATE legal_holds SET reason = '(erased with the visit)'
      WHERE kind = 'visit' AND NOT ${ACTIVE_HOLD} AND reason <> '(erased with the visit)'
        AND visit_id NOT IN (SELECT id FROM visits)`,
    [now],
  );
}

export interface RecordPurgeCounts {
  auditErased: number;
  jobRunsErased: number;
}

/**
 * The audit log and the record of job runs are kept for `retention.recordMonths`. A run still open,
 * and the blocked run that waits for an admin (`keepRunId`), are kept whatever their age.
 */
export async function purgeOldRecords(
  tx: Statements,
  { config, now, keepRunId, dryRun }: { config: KioskConfig; now: number; keepRunId: number | null; dryRun: boolean },
): Promise<RecordPurgeCounts> {
  const since = recordsKeptSince(now, config.retention.recordMonths, config.timeZone);
  const runs = 'FROM job_runs WHERE started_at < ? AND finished_at IS NOT NULL AND id IS NOT ?';
  if (dryRun) return { auditErased: 0, jobRunsErased: 0 };
  const auditErased = (await tx.run('DELETE FROM audit_log WHERE at < ?', [since])).changes;
  const jobRunsErased = (await tx.run(`DELETE ${runs}`, [since, keepRunId])).changes;
  return { auditErased, jobRunsErased };
}
