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

interface RetentionGroup {
  months: number;
  where: string;
  param: number;
  /** No visit of the group signed in after this. */
  shownUntil: number;
}

const todaysGroup = (currentMonths: number): RetentionGroup => ({
  months: currentMonths,
  where: '(retention_months IS NULL OR retention_months >= ?)',
  param: currentMonths,
  shownUntil: Infinity,
});

/**
 * The periods shown to visitors still stored that are shorter than today's setting, from the table
 * the triggers of migration 0023 keep (a handful of rows), not from the visits. Only those shown to
 * a visitor after `after` when given (the visits up to it are erased whatever their period).
 */
async function shorterPeriods(tx: Statements, currentMonths: number, after: number | null): Promise<RetentionGroup[]> {
  const periods = await tx.all<{ months: number; shownUntil: number }>(
    'SELECT months, shown_until AS shownUntil FROM visit_retention_periods WHERE months < ? AND shown_until > ?',
    [currentMonths, after ?? Number.MIN_SAFE_INTEGER],
  );
  return periods.map(({ months, shownUntil }) => ({
    months,
    where: 'retention_months = ?',
    param: months,
    shownUntil,
  }));
}

/**
 * The visits sharing one retention period: the shorter of the period each was shown at sign-in and
 * today's setting. Visits from before the period was stored get today's setting.
 */
export async function retentionGroups(tx: Statements, currentMonths: number): Promise<RetentionGroup[]> {
  return [todaysGroup(currentMonths), ...(await shorterPeriods(tx, currentMonths, null))];
}

/**
 * How many visits matching `where` are under an active legal hold. Read from the holds (a handful)
 * through the visits' ids, not by walking every visit in the range: the unary + keeps SQLite off
 * the time index.
 */
async function countHeld(tx: Statements, where: string, params: number[], now: number): Promise<number> {
  const row = await tx.get<{ n: number }>(
    `SELECT count(*) AS n FROM visits
      WHERE id IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})
        AND ${where.replaceAll('signed_in_at', '+signed_in_at')}`,
    [now, ...params],
  );
  return row!.n;
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

  const currentMonths = config.retention.visitMonths;
  const current = visitDueWindow(nextRunAt, currentMonths, config.timeZone);
  // No period is longer than today's setting, so every visit up to its "surely due" bound is due
  // whatever period it was shown: one walk of the index erases them, as a plain DELETE would.
  const heldOldest = await countHeld(tx, 'signed_in_at <= ?', [current.surelyDueUntil], now);
  let held = heldOldest;
  let erased = 0;
  let due = dryRun
    ? await count('SELECT count(*) AS n FROM visits WHERE signed_in_at <= ?', [current.surelyDueUntil])
    : heldOldest;
  if (!dryRun) {
    // Every one of them is either held or erased here, in the same transaction: no count of them.
    // When none is held (counted just above, in this transaction), the DELETE is the shell's own: the
    // hold check costs every erased row a lookup, about a quarter of the statement.
    erased = (
      heldOldest === 0
        ? await tx.run('DELETE FROM visits WHERE signed_in_at <= ?', [current.surelyDueUntil])
        : await tx.run(`DELETE FROM visits WHERE signed_in_at <= ? AND ${NOT_HELD}`, [current.surelyDueUntil, now])
    ).changes;
    due += erased;
  }

  // Today's period, and each shorter one shown to a visitor not erased above.
  for (const group of [
    todaysGroup(currentMonths),
    ...(await shorterPeriods(tx, currentMonths, current.surelyDueUntil)),
  ]) {
    // No visit of the group signed in after `shownUntil`: the index is read no further.
    const bounds = visitDueWindow(nextRunAt, group.months, config.timeZone);
    const surelyDue = Math.min(bounds.surelyDueUntil, group.shownUntil);
    const checkUntil = Math.min(bounds.checkUntil, group.shownUntil);
    const window = await tx.all<{ id: number; signed_in_at: number }>(
      `SELECT id, signed_in_at FROM visits WHERE signed_in_at > ? AND signed_in_at <= ? AND ${group.where}`,
      [Math.max(surelyDue, current.surelyDueUntil), checkUntil, group.param],
    );
    const dueInWindow = window
      .filter((visit) => isDueBy(visitErasureDeadline(visit.signed_in_at, group.months, config.timeZone), nextRunAt))
      .map((visit) => visit.id);

    // The part of this period's surely due range not erased above (empty for today's period).
    const range = `signed_in_at > ? AND signed_in_at <= ? AND ${group.where}`;
    const rangeParams = [current.surelyDueUntil, surelyDue, group.param];
    const heldSurelyDue = await countHeld(tx, range, rangeParams, now);
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
      due += await count(`SELECT count(*) AS n FROM visits WHERE ${range}`, rangeParams);
      continue;
    }

    // Every surely due visit is either held or erased here, in the same transaction: no count of them.
    const erasedSurelyDue = (await tx.run(`DELETE FROM visits WHERE ${range} AND ${NOT_HELD}`, [...rangeParams, now]))
      .changes;
    due += erasedSurelyDue + heldSurelyDue;
    erased += erasedSurelyDue;
    erased += await eraseUnheldVisits(tx, dueInWindow, now);
  }
  if (dryRun) return { due, held, erased: 0, futureCorrected };

  await forgetPeriodsOfErasedVisits(tx, current.surelyDueUntil);
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

/**
 * A period whose visits all signed in before `erasedUntil` has only held ones left (the rest were
 * just erased): once none of its visits has a hold of any state, its row, and the day it keeps, go.
 */
async function forgetPeriodsOfErasedVisits(tx: Statements, erasedUntil: number): Promise<void> {
  await tx.run(
    `DELETE FROM visit_retention_periods WHERE shown_until <= ?
        AND NOT EXISTS (SELECT 1 FROM legal_holds JOIN visits ON visits.id = legal_holds.visit_id
                         WHERE legal_holds.kind = 'visit' AND visits.retention_months = visit_retention_periods.months)`,
    [erasedUntil],
  );
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
