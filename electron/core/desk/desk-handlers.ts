import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { Caller } from '../router';
import type { SignOutUndo } from './sign-out-undo';

export function createDeskHandlers({ signOutUndo }: { signOutUndo: SignOutUndo }) {
  return {
    'visits.undoStaffSignOut': (input: ParsedInputOf<'visits.undoStaffSignOut'>, caller: Caller) =>
      signOutUndo.undoStaffSignOut(auditActorOf(caller), input.visitId),
  };
}
