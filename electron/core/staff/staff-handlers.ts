import type { StaffSessionInfo } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import { auditActorOf } from '../audit/audit-actor';
import type { AuditLog } from '../audit/audit-log';
import type { Caller, Handlers } from '../router';
import { terminalOf } from './caller';
import { endSessions } from './end-sessions';
import type { SessionStore } from './sessions';
import type { StaffService, VerifiedAccount } from './staff-service';

type StaffChannel = Extract<keyof Handlers, `staff.${string}`>;

export function createStaffHandlers({
  config,
  staff,
  sessions,
  audit,
}: {
  config: KioskConfig;
  staff: StaffService;
  sessions: SessionStore;
  audit: AuditLog;
}): Pick<Handlers, StaffChannel> {
  const sessionInfo = (session: {
    staffId: number;
    name: string;
    role: StaffSessionInfo['role'];
  }): StaffSessionInfo => ({
    staffId: session.staffId,
    name: session.name,
    role: session.role,
    idleSeconds: config.idle.staffSeconds,
  });

  async function openSession(caller: Caller, account: VerifiedAccount) {
    const session = sessions.open(terminalOf(caller), {
      staffId: account.id,
      name: account.name,
      role: account.role,
      pinGeneration: account.pinGeneration,
    });
    await audit.record({ staffId: account.id, name: account.name }, 'staff.signedIn');
    return sessionInfo(session);
  }

  return {
    'staff.setupStatus': async () => ({ needsFirstAdmin: await staff.needsFirstAdmin() }),
    'staff.createFirstAdmin': async (input, caller) => {
      terminalOf(caller);
      const account = await staff.createFirstAdmin(auditActorOf(caller), input.name, input.pin);
      return openSession(caller, account);
    },
    'staff.unlock': async (input, caller) => {
      return openSession(caller, await staff.verify(input.staffId, input.pin, terminalOf(caller)));
    },
    'staff.session': async (_input, caller) => (caller.kind === 'staff' ? sessionInfo(caller) : null),
    'staff.lock': async (input, caller) => {
      if (caller.kind !== 'staff') return null;
      sessions.close(caller.terminal);
      await audit.record(auditActorOf(caller), 'staff.locked', { reason: input.reason });
      return null;
    },
    'staff.list': () => staff.list(),
    'staff.add': (input, caller) => staff.add(auditActorOf(caller), input.name, input.role, input.pin),
    'staff.setDisabled': (input, caller) => staff.setDisabled(auditActorOf(caller), input.staffId, input.disabled),
    'staff.resetPin': async (input, caller) => {
      const generation = await staff.resetPin(auditActorOf(caller), input.staffId, input.pin);
      // Whoever knew the old PIN is locked out of what it unlocked; an admin resetting their own keeps this screen.
      const own = caller.kind === 'staff' ? caller.terminal : null;
      const ownSession = own === null ? null : sessions.peek(own);
      if (ownSession?.staffId === input.staffId) ownSession.pinGeneration = generation;
      await endSessions(
        { sessions, audit },
        (terminal, session) => session.staffId === input.staffId && terminal !== own,
        'pinReset',
      );
      return null;
    },
  };
}
