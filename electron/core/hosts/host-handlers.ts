import type { ParsedInputOf } from '../../../shared/api/contract';
import type { AuditActor } from '../audit/audit-log';
import type { Caller } from '../router';
import type { HostService } from './host-service';

const actorOf = (caller: Caller): AuditActor =>
  caller.kind === 'staff' ? { staffId: caller.staffId, name: caller.name } : caller.kind;

export function createHostHandlers({ hosts }: { hosts: HostService }) {
  return {
    'hosts.list': () => hosts.list(),
    'hosts.add': (input: ParsedInputOf<'hosts.add'>, caller: Caller) =>
      hosts.add(actorOf(caller), input.name, input.email),
    'hosts.setActive': (input: ParsedInputOf<'hosts.setActive'>, caller: Caller) =>
      hosts.setActive(actorOf(caller), input.hostId, input.active),
    'hosts.suggest': (input: ParsedInputOf<'hosts.suggest'>) => hosts.suggest(input.query),
    'hosts.notify': (input: ParsedInputOf<'hosts.notify'>) => hosts.notify(input.signOutCode, input.hostId),
  };
}
