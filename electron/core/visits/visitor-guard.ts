import type { SignInReceipt, SignOutReceipt } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import type { SignInData } from '../../../shared/validation/visit-schemas';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { UserError } from '../user-error';
import type { VisitsService } from './visits-service';
import { createBackoff, createRateLimit } from '../public-screen/throttles';

type Terminal = string | null;

// Every terminal shares one more key: a flood of sign-ins is capped across screens, and a flood of
// unknown sign-out codes across screens is audited. Screen ids are issued by the server (see
// electron/browser/screen-identity.ts), so a client cannot make up a new one per request.
const ALL_TERMINALS = '*';
// A reception has one or a few screens: together they may sign in a few times one screen's allowance.
const ALL_TERMINALS_FACTOR = 3;

const SIGN_OUT_BACKOFF = { firstDelayMs: 5_000, maxDelayMs: 10 * 60_000, forgetAfterMs: 15 * 60_000 };
const FREE_UNKNOWN_CODES = 3;
const FREE_UNKNOWN_CODES_ALL_TERMINALS = 20;

/**
 * The two things anyone at the public screen can change: signing in and signing out by code. A
 * guesser of sign-out codes waits longer after every unknown code, and a flood of sign-ins is capped;
 * both are audited once per burst, with counts only. The CLI (no terminal) is not limited.
 */
export function createVisitorGuard({
  visits,
  audit,
  clock,
  config,
}: {
  visits: VisitsService;
  audit: AuditLog;
  clock: Clock;
  config: KioskConfig;
}) {
  const unknownCodes = createBackoff({ clock, freeFailures: FREE_UNKNOWN_CODES, ...SIGN_OUT_BACKOFF });
  const unknownCodesAll = createBackoff({
    clock,
    freeFailures: FREE_UNKNOWN_CODES_ALL_TERMINALS,
    ...SIGN_OUT_BACKOFF,
  });
  const perMinute = config.publicScreen.maxSignInsPerMinute;
  const signIns = createRateLimit({ clock, limit: perMinute, windowMs: 60_000 });
  const signInsAll = createRateLimit({ clock, limit: perMinute * ALL_TERMINALS_FACTOR, windowMs: 60_000 });

  async function signIn(terminal: Terminal, data: SignInData): Promise<SignInReceipt> {
    if (terminal !== null) {
      for (const [limit, key, scope] of [
        [signIns, terminal, 'terminal'],
        [signInsAll, ALL_TERMINALS, 'allTerminals'],
      ] as const) {
        const { allowed, startsBurst } = limit.take(key);
        if (startsBurst) await audit.record('kiosk', 'visits.signInsThrottled', { scope, perMinute });
        if (!allowed) throw new UserError({ key: 'visit.signInThrottled' });
      }
    }
    return visits.signIn(data);
  }

  async function signOut(terminal: Terminal, code: string): Promise<SignOutReceipt> {
    if (terminal === null) return visits.signOut(code, 'kiosk');
    // Only this screen's own wait refuses before the code is read: wrong codes typed elsewhere must not
    // keep a visitor from signing out with their right code here (one visitor could block them all).
    if (unknownCodes.waitMs(terminal) > 0) {
      throw new UserError({ key: 'visit.signOutThrottled' });
    }
    try {
      return await visits.signOut(code, 'kiosk');
    } catch (error) {
      if (error instanceof UserError && error.apiError.key === 'visit.unknownCode') {
        for (const [backoff, key, scope] of [
          [unknownCodes, terminal, 'terminal'],
          [unknownCodesAll, ALL_TERMINALS, 'allTerminals'],
        ] as const) {
          // The codes themselves are not recorded: one of them may belong to a visitor.
          if (backoff.fail(key).startsBurst) await audit.record('kiosk', 'visits.signOutCodesThrottled', { scope });
        }
      }
      throw error;
    }
  }

  /**
   * Signing out by name, for a visitor who lost their code: behind the same wait as unknown codes,
   * and a name that finds no single visitor counts as one. Audited with the visit's number only.
   */
  async function signOutByName(
    terminal: Terminal,
    typed: { firstName: string; lastName: string; company?: string },
  ): Promise<SignOutReceipt> {
    if (terminal !== null && (unknownCodes.waitMs(terminal) > 0 || unknownCodesAll.waitMs(ALL_TERMINALS) > 0)) {
      throw new UserError({ key: 'visit.signOutThrottled' });
    }
    try {
      const { visitId, signedOutAt } = await visits.signOutByName(typed);
      await audit.record('kiosk', 'visits.signedOutByName', { visitId });
      return { signedOutAt };
    } catch (error) {
      if (terminal !== null && error instanceof UserError && error.apiError.key === 'visit.nameNotFound') {
        for (const [backoff, key, scope] of [
          [unknownCodes, terminal, 'terminal'],
          [unknownCodesAll, ALL_TERMINALS, 'allTerminals'],
        ] as const) {
          if (backoff.fail(key).startsBurst) await audit.record('kiosk', 'visits.signOutCodesThrottled', { scope });
        }
      }
      throw error;
    }
  }

  return { signIn, signOut, signOutByName };
}

export type VisitorGuard = ReturnType<typeof createVisitorGuard>;
