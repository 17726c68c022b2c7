import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { SignInScreens } from '../public-screen/sign-in-screens';
import type { Caller } from '../router';
import { UserError } from '../user-error';
import type { HostService } from './host-service';

export function createHostHandlers({ hosts, signInScreens }: { hosts: HostService; signInScreens: SignInScreens }) {
  const screenOf = (caller: Caller) => (caller.kind === 'operator' ? 'cli' : caller.terminal);
  return {
    'hosts.list': () => hosts.list(),
    'hosts.add': (input: ParsedInputOf<'hosts.add'>, caller: Caller) =>
      hosts.add(auditActorOf(caller), input.name, input.email),
    'hosts.setActive': (input: ParsedInputOf<'hosts.setActive'>, caller: Caller) =>
      hosts.setActive(auditActorOf(caller), input.hostId, input.active),
    'hosts.suggest': (input: ParsedInputOf<'hosts.suggest'>, caller: Caller) =>
      hosts.suggest(input.query, screenOf(caller)),
    // Only for the screen that signed the visitor in, checked before the host: to any other screen
    // it answers as for an unknown code, whatever host id it names (so ids cannot be probed).
    'hosts.notify': (input: ParsedInputOf<'hosts.notify'>, caller: Caller) => {
      if (!signInScreens.signedInAt(input.signOutCode, screenOf(caller)))
        throw new UserError({ key: 'host.unavailable' });
      return hosts.notify(input.signOutCode, input.hostId);
    },
  };
}
