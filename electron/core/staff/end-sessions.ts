import type { AuditLog } from '../audit/audit-log';
import type { SessionStore, StaffSession } from './sessions';

/** Why the core ended a session that nobody locked: what it rested on is no longer to be trusted. */
export type SessionEndReason = 'pinReset' | 'deviceRevoked';

/**
 * Ends the sessions `match` picks, each audited as locked for `reason`: a PIN reset ends whatever a
 * person who knew the old PIN may have unlocked, a revoked device whatever is unlocked on it (its
 * footage tickets and its place on the roll call go with the session).
 */
export async function endSessions(
  { sessions, audit }: { sessions: SessionStore; audit: AuditLog },
  match: (terminal: string, session: StaffSession) => boolean,
  reason: SessionEndReason,
): Promise<void> {
  for (const session of sessions.closeWhere(match)) {
    await audit.record({ staffId: session.staffId, name: session.name }, 'staff.locked', { reason });
  }
}
