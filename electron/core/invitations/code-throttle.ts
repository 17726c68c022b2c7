import type { Clock } from '../clock';
import { UserError } from '../user-error';

const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * Unknown invitation codes per terminal: after a few, each next try waits longer (5 s, 10 s, 20 s,
 * ... up to 5 minutes), so guessing codes at one screen is hopeless. Kept in memory: a restart is
 * slower than the waits.
 */
export function createCodeThrottle(clock: Clock) {
  const terminals = new Map<string, { failures: number; waitUntil: number }>();

  return {
    /** Throws when this terminal must wait before trying another code. */
    check(terminal: string): void {
      const state = terminals.get(terminal);
      const waitMs = state ? state.waitUntil - clock.now() : 0;
      if (waitMs > 0) {
        throw new UserError({ key: 'invitation.tooManyTries', params: { seconds: Math.ceil(waitMs / 1000) } });
      }
    },
    failed(terminal: string): void {
      const failures = (terminals.get(terminal)?.failures ?? 0) + 1;
      const delay =
        failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
      terminals.set(terminal, { failures, waitUntil: clock.now() + delay });
    },
    succeeded(terminal: string): void {
      terminals.delete(terminal);
    },
  };
}

export type CodeThrottle = ReturnType<typeof createCodeThrottle>;
