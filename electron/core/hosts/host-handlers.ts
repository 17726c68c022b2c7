import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { Caller } from '../router';
import type { HostService } from './host-service';

export function createHostHandlers({ hosts }: { hosts: HostService }) {
  return {
    'hosts.list': () => hosts.list(),
    'hosts.add': (input: ParsedInputOf<'hosts.add'>, caller: Caller) =>
      hosts.add(auditActorOf(caller), input.name, input.email),
    'hosts.setActive': (input: ParsedInputOf<'hosts.setActive'>, caller: Caller) =>
      hosts.setActive(auditActorOf(caller), input.hostId, input.active),
    'hosts.suggest': (input: ParsedInputOf<'hosts.suggest'>) => hosts.suggest(input.query),
    'hosts.notify': (input: ParsedInputOf<'hosts.notify'>) => hosts.notify(input.signOutCode, input.hostId),
  };
}
