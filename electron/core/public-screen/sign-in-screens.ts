import type { Clock } from '../clock';

/** How long after a sign-in its screen may still print the badge and name the host. */
export const SIGN_IN_FOLLOW_UP_MS = 2 * 60_000;

/**
 * Which screen signed each visitor in, for the two minutes after. The badge and the host notice
 * follow a sign-in at the screen where it happened: another screen that knows (or guesses) the
 * sign-out code gets the answer an unknown code gets, and never the visitor's name, company or host.
 * Kept in memory: two minutes do not outlive a restart that matters.
 */
export function createSignInScreens(clock: Clock) {
  const screens = new Map<string, { terminal: string; at: number }>();

  const prune = (now: number) => {
    for (const [code, entry] of screens) if (now - entry.at > SIGN_IN_FOLLOW_UP_MS) screens.delete(code);
  };

  return {
    record(signOutCode: string, terminal: string): void {
      const now = clock.now();
      prune(now);
      screens.set(signOutCode, { terminal, at: now });
    },
    /** Whether `terminal` signed in the visitor with this code, less than two minutes ago. */
    signedInAt(signOutCode: string, terminal: string): boolean {
      const entry = screens.get(signOutCode);
      return entry !== undefined && entry.terminal === terminal && clock.now() - entry.at <= SIGN_IN_FOLLOW_UP_MS;
    },
  };
}

export type SignInScreens = ReturnType<typeof createSignInScreens>;
