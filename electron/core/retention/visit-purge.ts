import { DateTime } from 'luxon';
import type { KioskConfig } from '../../../shared/config';
import { isDueBy, visitErasureDeadline } from '../../../shared/retention';
import type { Statements } from '../database';
import { ACTIVE_HOLD } from '../holds';

const DAY_MS = 24 * 60 * 60 * 1000;
// Month-end clamping gives the last days of a month the same deadline as an earlier day, and a
// daylight-saving shift moves a wall-clock time by an hour: rows this close to the bound are judged
// one by one with the exact rule.
const EXACT_WINDOW_BEFORE_MS = DAY_MS;
const EXACT_WINDOW_AFTER_MS = 5 * DAY_MS;
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
  const bound = DateTime.fromMillis(nextRunAt, { zone: config.timeZone }).minus({ months: visitMonths }).toMillis();
  // Every visit up to here is due: deadlines never decrease as visits get older.
  const surelyDue = bound - EXACT_WINDOW_BEFORE_MS;

  const window = await tx.all<{ id: number; signed_in_at: number }>(
    'SELECT id, signed_in_at FROM visits WHERE signed_in_at > ? AND signed_in_at <= ?',
    [surelyDue, bound + EXACT_WINDOW_AFTER_MS],
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
  for (let start = 0; start < dueInWindow.length; start += CHUNK) {
    const ids = dueInWindow.slice(start, start + CHUNK);
    erased += (
      await tx.run(`DELETE FROM visits WHERE id IN (${ids.map(() => '?').join(',')}) AND ${NOT_HELD}`, [...ids, now])
    ).changes;
  }
  return { due, held, erased };
}
