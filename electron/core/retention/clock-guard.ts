const DAY_MS = 24 * 60 * 60 * 1000;

export type ClockCheck =
  { ok: true } | { ok: false; reason: 'clockBehindLastRun' | 'clockFarAhead'; latestSeen: number };

export interface ClockFacts {
  now: number;
  /** The newest successful purge since the last confirmation, if any. */
  lastRunSinceConfirmation: number | null;
  /** The newest successful purge ever, the newest record (visit, footage file), and the last confirmation. */
  latestSeenTimes: (number | null)[];
  marginDays: number;
}

/**
 * Whether the clock can be trusted to erase: a clock set far ahead would make data that is still
 * within its retention look expired. Before erasing, now is compared with the latest time the
 * system has seen; a clock behind the last run, or far past everything, blocks the purge until an
 * admin confirms the time. A kiosk that has seen nothing has nothing to erase.
 */
export function checkClock({ now, lastRunSinceConfirmation, latestSeenTimes, marginDays }: ClockFacts): ClockCheck {
  const latestSeen = Math.max(0, ...latestSeenTimes.filter((time): time is number => time !== null));
  if (lastRunSinceConfirmation !== null && now < lastRunSinceConfirmation) {
    return { ok: false, reason: 'clockBehindLastRun', latestSeen };
  }
  if (latestSeen > 0 && now > latestSeen + marginDays * DAY_MS) {
    return { ok: false, reason: 'clockFarAhead', latestSeen };
  }
  return { ok: true };
}
