const DAY_MS = 24 * 60 * 60 * 1000;

export type ClockProblem = 'clockBehindLastRun' | 'clockFarAhead' | 'awaitingConfirmation';
export type ClockCheck = { ok: true } | { ok: false; reason: ClockProblem; latestSeen: number };

export interface ClockFacts {
  now: number;
  /** A blocked purge no admin has confirmed yet: everything stays blocked until one does. */
  unconfirmedBlock: boolean;
  /** The newest successful purge since the last confirmation, if any. */
  lastRunSinceConfirmation: number | null;
  /** The newest successful purge ever, and the last confirmation. */
  trustedTimes: (number | null)[];
  /**
   * The newest record (visit, footage file). Records are stamped by the same clock that is being
   * checked, so they only count on a kiosk that has never purged: a visitor signing in under a wrong
   * clock must not vouch for it.
   */
  newestRecord: number | null;
  marginDays: number;
}

/**
 * Whether the clock can be trusted to erase: a clock set far ahead would make data that is still
 * within its retention look expired. Before erasing, now is compared with the latest time the
 * system has seen; a clock behind the last run, or far past everything, blocks the purge until an
 * admin confirms the time. A kiosk that has seen nothing has nothing to erase.
 */
export function checkClock({
  now,
  unconfirmedBlock,
  lastRunSinceConfirmation,
  trustedTimes,
  newestRecord,
  marginDays,
}: ClockFacts): ClockCheck {
  const trusted = trustedTimes.filter((time): time is number => time !== null);
  const latestSeen = trusted.length > 0 ? Math.max(...trusted) : (newestRecord ?? 0);
  if (unconfirmedBlock) return { ok: false, reason: 'awaitingConfirmation', latestSeen };
  if (lastRunSinceConfirmation !== null && now < lastRunSinceConfirmation) {
    return { ok: false, reason: 'clockBehindLastRun', latestSeen };
  }
  if (latestSeen > 0 && now > latestSeen + marginDays * DAY_MS) {
    return { ok: false, reason: 'clockFarAhead', latestSeen };
  }
  return { ok: true };
}
