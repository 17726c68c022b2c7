import type { KioskConfig } from '../../../shared/config';
import { isDueBy, visitDueWindow, visitErasureDeadline } from '../../../shared/retention';
import type { Statements } from '../database';
import { ACTIVE_HOLD } from '../holds';

// Well under SQLite's limit of bound parameters per statement.
const CHUNK = 500;

export interface VisitPurgeCounts {
  /** Visits whose deadline falls before the next run. */
  due: number;
  /** Of those, kept because a legal hold is active. */
  held: number;
  /** Erased by this run (0 in a dry run). */
  erased: number;
}

const NOT_HELD = `id NOT IN (SELECT visit_id FROM legal_holds WHERE kind = 'visit' AND ${ACTIVE_HOLD})`;

/**
 * Erases, in the caller's transaction, every visit whose erasure deadline falls before `nextRunAt`,
 * except those under an active legal hold. Deadlines come from shared/retention.ts only.
 */
export async function purgeExpiredVisits(
  tx: Statements,
  { config, now, nextRunAt, dryRun }: { config: KioskConfig; now: number; nextRunAt: number; dryRun: boolean },
): Promise<VisitPurgeCounts> {
  const { visitMonths } = config.retention;
  const { surelyDueUntil: surelyDue, checkUntil } = visitDueWindow(nextRunAt, visitMonths, config.timeZone);

  const window = await tx.all<{ id: number; signed_in_at: number }>(
    'SELECT id, signed_in_at FROM visits WHERE signed_in_at > ? AND signed_in_at <= ?',
    [surelyDue, checkUntil],
  );
  const dueInWindow = window
    .filter((visit) => isDueBy(visitErasureDeadline(visit.signed_in_at, visitMonths, config.timeZone), nextRunAt))
    .map((visit) => visit.id);

  const count = async (sql: string, params: (number | string)[]) => (await tx.get<{ n: number }>(sql, params))!.n;
  const bulkDue = await count('SELECT count(*) AS n FROM visits WHERE signed_in_at <= ?', [surelyDue]);
  const bulkHeld = await count(`SELECT count(*) AS n FROM visits WHERE signed_in_at <= ? AND NOT ${NOT_HELD}`, [
    surelyDue,
    now,
  ]);
  let windowHeld = 0;
  for (let start = 0; start < dueInWindow.length; start += CHUNK) {
    const ids = dueInWindow.slice(start, start + CHUNK);
    windowHeld += await count(
      `SELECT count(*) AS n FROM visits WHERE id IN (${ids.map(() => '?').join(',')}) AND NOT ${NOT_HELD}`,
      [...ids, now],
    );
  }
  const due = bulkDue + dueInWindow.length;
  const held = bulkHeld + windowHeld;
  if (dryRun) return { due, held, erased: 0 };

  let erased = (await tx.run(`DELETE FROM visits WHERE signed_in_at <= ? AND ${NOT_HELD}`, [surelyDue, now])).changes;
  erased += await eraseUnheldVisits(tx, dueInWindow, now);
  await forgetHoldReasonsOfErasedVisits(tx, now);
  return { due, held, erased };
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
