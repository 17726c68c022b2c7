import type { Caller } from '../router';
import type { SessionStore } from '../staff/sessions';
import type { AuditActor, AuditDetail, AuditLog } from './audit-log';

/** Who the audit log names for a call: the staff member, or the kiosk screen or the CLI's operator. */
export function auditActorOf(caller: Caller): AuditActor {
  if (caller.kind === 'staff') return { staffId: caller.staffId, name: caller.name };
  return caller.kind;
}

export type AuditView = (caller: Caller, list: string, detail: AuditDetail) => Promise<void>;

/** A list with personal data is audited when a session first opens it, not on every refresh. */
export function createAuditView({ audit, sessions }: { audit: AuditLog; sessions: SessionStore }): AuditView {
  return async (caller, list, detail) => {
    if (caller.kind === 'staff') {
      const { session } = sessions.touch(caller.terminal, { extend: false });
      if (session?.viewed.has(list)) return;
      session?.viewed.add(list);
    }
    await audit.record(auditActorOf(caller), `visits.viewed.${list}`, detail);
  };
}
