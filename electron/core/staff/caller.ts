import type { Database } from '../database';
import type { AuditLog } from '../audit/audit-log';
import type { Caller } from '../router';
import { UserError } from '../user-error';
import type { SessionStore } from './sessions';

/** Unlocking belongs to a terminal (a window or a browser-mode launch); the CLI has none. */
export function terminalOf(caller: Caller): string {
  if (caller.kind === 'operator') throw new UserError({ key: 'api.forbidden' });
  return caller.terminal;
}

/** The screen a public call came from; the CLI's operator has none and is not throttled. */
export const publicTerminalOf = (caller: Caller) => (caller.kind === 'operator' ? null : caller.terminal);

/**
 * The terminal's unlocked staff member, or the anonymous kiosk. A session ends here when it ran
 * out or its account was disabled or changed role since the unlock; both are audited.
 */
export function createCallerLookup({
  database,
  sessions,
  audit,
}: {
  database: Database;
  sessions: SessionStore;
  audit: AuditLog;
}) {
  return async function callerFor(terminal: string, background: boolean): Promise<Caller> {
    const { session, expired } = sessions.touch(terminal, { extend: !background });
    if (expired)
      await audit.record({ staffId: expired.staffId, name: expired.name }, 'staff.locked', { reason: 'expired' });
    if (!session) return { kind: 'kiosk', terminal };
    const account = await database.get<{ role: string; disabled_at: number | null; pin_generation: number }>(
      'SELECT role, disabled_at, pin_generation FROM staff WHERE id = ?',
      [session.staffId],
    );
    const pinReset = account !== undefined && account.pin_generation !== session.pinGeneration;
    if (!account || account.disabled_at !== null || account.role !== session.role || pinReset) {
      sessions.close(terminal);
      await audit.record({ staffId: session.staffId, name: session.name }, 'staff.locked', {
        reason: pinReset ? 'pinReset' : 'accountChanged',
      });
      return { kind: 'kiosk', terminal };
    }
    return { kind: 'staff', staffId: session.staffId, name: session.name, role: session.role, terminal };
  };
}
