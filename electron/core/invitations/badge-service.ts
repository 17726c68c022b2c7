import type { Badge } from '../../../shared/api/invitations';
import type { KioskConfig } from '../../../shared/config';
import { formatLocalDate } from '../../../shared/time';
import { badgeQrText } from '../../../shared/validation/scanned-code';
import type { Clock } from '../clock';
import type { Database } from '../database';
import { qrSvg } from './invitation-qr';
import { UserError } from '../user-error';

// The badge is asked for by the screen that just signed the visitor in; after this, or once
// printed, a sign-out code no longer shows anyone's details at the kiosk.
const BADGE_WINDOW_MS = 2 * 60_000;

export function createBadgeService({
  database,
  config,
  clock,
}: {
  database: Database;
  config: KioskConfig;
  clock: Clock;
}) {
  const printed = new Set<number>();

  return {
    /** The badge of a visitor who signed in moments ago, once; null when badges are switched off. */
    /** `fromSigningScreen`: asked by the screen that signed the visitor in; any other is answered as for an unknown code. */
    async forSignIn(signOutCode: string, fromSigningScreen: boolean): Promise<Badge | null> {
      if (!config.badge.enabled) return null;
      if (!fromSigningScreen) throw new UserError({ key: 'badge.unavailable' });
      const visit = await database.get<{
        id: number;
        first_name: string;
        last_name: string;
        company: string | null;
        host_name: string | null;
        signed_in_at: number;
      }>(
        `SELECT id, first_name, last_name, company, host_name, signed_in_at FROM visits
          WHERE sign_out_code = ? AND signed_out_at IS NULL AND signed_in_at >= ?`,
        [signOutCode, clock.now() - BADGE_WINDOW_MS],
      );
      if (!visit || printed.has(visit.id)) throw new UserError({ key: 'badge.unavailable' });
      printed.add(visit.id);
      return {
        firstName: visit.first_name,
        lastName: visit.last_name,
        company: visit.company,
        hostName: visit.host_name,
        date: formatLocalDate(visit.signed_in_at, config.timeZone),
        signOutCode,
        qrSvg: await qrSvg(badgeQrText(signOutCode)),
        pageSize: config.badge.pageSize,
      };
    },
  };
}

export type BadgeService = ReturnType<typeof createBadgeService>;
