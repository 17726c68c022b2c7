import type { Clock } from '../clock';
import { UserError } from '../user-error';

const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;
// Across the kiosk: beyond this many unknown codes in FORGET_AFTER_MS, every screen with unknown
// codes of its own waits at least KIOSK_WAIT_MS per try, however many screens the guesser uses.
export const KIOSK_FREE_UNKNOWN_CODES = 30;
const KIOSK_WAIT_MS = 60_000;
const FORGET_AFTER_MS = 15 * 60_000;
const PRUNE_ABOVE = 1000;

/**
 * Unknown invitation codes per terminal: after a few, each next try waits longer (5 s, 10 s, 20 s,
 * ... up to 5 minutes), so guessing codes at one screen is hopeless; plus a kiosk-wide ceiling.
 * A screen without unknown codes of its own is never held back. Kept in memory: a restart is
 * slower than the waits.
 */
export function createCodeThrottle(clock: Clock) {
  const terminals = new Map<string, { failures: number; waitUntil: number; lastFailureAt: number }>();
  let kioskFailures: number[] = [];

  const current = (terminal: string, now: number) => {
    const state = terminals.get(terminal);
    if (state && now - state.lastFailureAt > FORGET_AFTER_MS && state.waitUntil <= now) {
      terminals.delete(terminal);
      return undefined;
    }
    return state;
  };

  return {
    /** Throws when this terminal must wait before trying another code. */
    check(terminal: string): void {
      const now = clock.now();
      const state = current(terminal, now);
      if (!state) return;
      kioskFailures = kioskFailures.filter((at) => now - at < FORGET_AFTER_MS);
      const kioskWaitUntil = kioskFailures.length > KIOSK_FREE_UNKNOWN_CODES ? state.lastFailureAt + KIOSK_WAIT_MS : 0;
      const waitMs = Math.max(state.waitUntil, kioskWaitUntil) - now;
      if (waitMs > 0) {
        throw new UserError({ key: 'invitation.tooManyTries', params: { seconds: Math.ceil(waitMs / 1000) } });
      }
    },
    failed(terminal: string): void {
      const now = clock.now();
      if (terminals.size > PRUNE_ABOVE) for (const key of [...terminals.keys()]) current(key, now);
      kioskFailures.push(now);
      const failures = (current(terminal, now)?.failures ?? 0) + 1;
      const delay =
        failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
      terminals.set(terminal, { failures, waitUntil: now + delay, lastFailureAt: now });
    },
    succeeded(terminal: string): void {
      terminals.delete(terminal);
    },
  };
}

export type CodeThrottle = ReturnType<typeof createCodeThrottle>;
