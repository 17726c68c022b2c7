import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { AuditDetail } from '../audit/audit-log';
import type { BadgeService } from './badge-service';
import type { Caller } from '../router';
import type { InvitationService } from './invitation-service';

// The CLI has no screen; its lookups are throttled as one terminal of their own.
const terminalOf = (caller: Caller): string => (caller.kind === 'operator' ? 'cli' : caller.terminal);

export function createInvitationHandlers({
  invitations,
  badges,
  auditView,
}: {
  invitations: InvitationService;
  badges: BadgeService;
  /** Records the first opening of a list with personal data in a staff session. */
  auditView: (caller: Caller, list: string, detail: AuditDetail) => Promise<void>;
}) {
  return {
    'invitations.lookup': (input: ParsedInputOf<'invitations.lookup'>, caller: Caller) =>
      invitations.lookup(terminalOf(caller), input.code),
    'invitations.signIn': ({ code, ...data }: ParsedInputOf<'invitations.signIn'>, caller: Caller) =>
      invitations.signIn(terminalOf(caller), code, data),
    'badges.forSignIn': (input: ParsedInputOf<'badges.forSignIn'>) => badges.forSignIn(input.signOutCode),
    'invitations.add': async ({ date, ...visitor }: ParsedInputOf<'invitations.add'>, caller: Caller) => {
      const [invitation] = await invitations.add(auditActorOf(caller), date, [visitor]);
      return invitation!;
    },
    'invitations.addCsv': async (input: ParsedInputOf<'invitations.addCsv'>, caller: Caller) => {
      // Loaded for an import only (csv-parse), not with every command.
      const { parseExpectedCsv } = await import('./expected-csv');
      return invitations.add(auditActorOf(caller), input.date, parseExpectedCsv(input.csv));
    },
    'invitations.expectedToday': async (_input: ParsedInputOf<'invitations.expectedToday'>, caller: Caller) => {
      const expected = await invitations.expectedToday();
      await auditView(caller, 'expected', { count: expected.length });
      return expected;
    },
    'invitations.get': (input: ParsedInputOf<'invitations.get'>, caller: Caller) =>
      invitations.get(auditActorOf(caller), input.id),
    'invitations.purge': () => invitations.purge(),
  };
}
