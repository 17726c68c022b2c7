import type { ParsedInputOf } from '../../../shared/api/contract';
import type { AuditActor } from '../audit/audit-log';
import type { Caller } from '../router';
import type { SignOutUndo } from './sign-out-undo';

const actorOf = (caller: Caller): AuditActor =>
  caller.kind === 'staff' ? { staffId: caller.staffId, name: caller.name } : caller.kind;

export function createDeskHandlers({ signOutUndo }: { signOutUndo: SignOutUndo }) {
  return {
    'visits.undoStaffSignOut': (input: ParsedInputOf<'visits.undoStaffSignOut'>, caller: Caller) =>
      signOutUndo.undoStaffSignOut(actorOf(caller), input.visitId),
  };
}
