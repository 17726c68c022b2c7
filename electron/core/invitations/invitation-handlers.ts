import type { ParsedInputOf } from '../../../shared/api/contract';
import { auditActorOf } from '../audit/audit-actor';
import type { AuditDetail } from '../audit/audit-log';
import type { BadgeService } from './badge-service';
import type { SignInScreens } from '../public-screen/sign-in-screens';
import type { Caller } from '../router';
import type { InvitationService } from './invitation-service';

// The CLI has no screen; its lookups are throttled as one terminal of their own.
const terminalOf = (caller: Caller): string => (caller.kind === 'operator' ? 'cli' : caller.terminal);

export function createInvitationHandlers({
  invitations,
  badges,
  auditView,
  signInScreens,
}: {
  invitations: InvitationService;
  badges: BadgeService;
  /** Records the first opening of a list with personal data in a staff session. */
  auditView: (caller: Caller, list: string, detail: AuditDetail) => Promise<void>;
  signInScreens: SignInScreens;
}) {
  return {
    'invitations.lookup': (input: ParsedInputOf<'invitations.lookup'>, caller: Caller) =>
      invitations.lookup(terminalOf(caller), input),
    'invitations.signIn': async (
      { code, invitationName, ...data }: ParsedInputOf<'invitations.signIn'>,
      caller: Caller,
    ) => {
      const receipt = await invitations.signIn(terminalOf(caller), { code, name: invitationName }, data);
      signInScreens.record(receipt.signOutCode, terminalOf(caller));
      return receipt;
    },
    // Only for the screen that signed the visitor in: any other gets what an unknown code gets.
    'badges.forSignIn': (input: ParsedInputOf<'badges.forSignIn'>, caller: Caller) =>
      badges.forSignIn(input.signOutCode, signInScreens.signedInAt(input.signOutCode, terminalOf(caller))),
    'invitations.add': async ({ date, ...visitor }: ParsedInputOf<'invitations.add'>, caller: Caller) => {
      const [invitation] = await invitations.add(auditActorOf(caller), date, [visitor]);
      return invitation!;
    },
    'invitations.addCsv': async (input: ParsedInputOf<'invitations.addCsv'>, caller: Caller) => {
      // Loaded for an import only (csv-parse), not with every command.
      const { readExpectedCsv } = await import('./expected-csv');
      const { visitors, ...read } = readExpectedCsv(Buffer.from(input.file, 'base64'));
      return { invitations: await invitations.add(auditActorOf(caller), input.date, visitors), ...read };
    },
    'invitations.expectedToday': async (_input: ParsedInputOf<'invitations.expectedToday'>, caller: Caller) => {
      const expected = await invitations.expectedToday();
      await auditView(caller, 'expected', { count: expected.length });
      return expected;
    },
    'invitations.signInAtDesk': (input: ParsedInputOf<'invitations.signInAtDesk'>, caller: Caller) =>
      invitations.signInAtDesk(auditActorOf(caller), input.id),
    'invitations.remove': (input: ParsedInputOf<'invitations.remove'>, caller: Caller) =>
      invitations.remove(auditActorOf(caller), input.id),
    'invitations.get': (input: ParsedInputOf<'invitations.get'>, caller: Caller) =>
      invitations.get(auditActorOf(caller), input.id),
    'invitations.purge': () => invitations.purge(),
  };
}
