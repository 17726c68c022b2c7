import type { Clock } from '../clock';

// Keys are terminals, and in browser mode a page makes up its own terminal id: the maps are pruned
// so a client inventing ids cannot grow them without bound.
const PRUNE_ABOVE = 1000;

export interface BackoffOptions {
  clock: Clock;
  /** Failures that cost nothing: a visitor who mistypes a code once or twice is not slowed down. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A key that had no failure for this long starts over. */
  forgetAfterMs: number;
}

/**
 * Growing delays per key after repeated failures. While a key waits, every try is refused, right or
 * wrong: otherwise the wait would not slow a guesser down.
 */
export function createBackoff({ clock, freeFailures, firstDelayMs, maxDelayMs, forgetAfterMs }: BackoffOptions) {
  const entries = new Map<string, { failures: number; lastFailureAt: number; waitUntil: number }>();

  function current(key: string, now: number) {
    const entry = entries.get(key);
    if (entry && now - entry.lastFailureAt > forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function prune(now: number) {
    if (entries.size <= PRUNE_ABOVE) return;
    for (const key of [...entries.keys()]) current(key, now);
  }

  return {
    /** Milliseconds this key must still wait, or 0. */
    waitMs(key: string): number {
      const now = clock.now();
      const entry = current(key, now);
      return entry ? Math.max(0, entry.waitUntil - now) : 0;
    },

    /** Counts a failure. `startsBurst` is true for the first failure that makes the key wait. */
    fail(key: string): { waitMs: number; startsBurst: boolean } {
      const now = clock.now();
      prune(now);
      const entry = current(key, now) ?? { failures: 0, lastFailureAt: now, waitUntil: 0 };
      entry.failures++;
      entry.lastFailureAt = now;
      const beyond = entry.failures - freeFailures;
      const waitMs = beyond > 0 ? Math.min(maxDelayMs, firstDelayMs * 2 ** (beyond - 1)) : 0;
      entry.waitUntil = now + waitMs;
      entries.set(key, entry);
      return { waitMs, startsBurst: beyond === 1 };
    },
  };
}

/**
 * At most `limit` events per key in any `windowMs`. `take` records an allowed event; a refused one
 * is not recorded, so a flood that stops is let through again after one window.
 */
export function createRateLimit({ clock, limit, windowMs }: { clock: Clock; limit: number; windowMs: number }) {
  const events = new Map<string, { times: number[]; refusing: boolean }>();

  function recent(key: string, now: number) {
    const entry = events.get(key) ?? { times: [], refusing: false };
    entry.times = entry.times.filter((time) => now - time < windowMs);
    if (entry.times.length > 0) return entry;
    events.delete(key);
    return { times: [], refusing: false };
  }

  return {
    /** Whether one more event is allowed now; `startsBurst` is true for the first refusal of a burst. */
    take(key: string): { allowed: boolean; startsBurst: boolean } {
      const now = clock.now();
      if (events.size > PRUNE_ABOVE) for (const other of [...events.keys()]) recent(other, now);
      const entry = recent(key, now);
      if (entry.times.length >= limit) {
        const startsBurst = !entry.refusing;
        entry.refusing = true;
        events.set(key, entry);
        return { allowed: false, startsBurst };
      }
      entry.refusing = false;
      entry.times.push(now);
      events.set(key, entry);
      return { allowed: true, startsBurst: false };
    },
  };
}
