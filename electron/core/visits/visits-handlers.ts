import type { KioskConfig } from '../../../shared/config';
import { noticeFacts } from '../../../shared/notice';
import { auditActorOf, type AuditView } from '../audit/audit-actor';
import type { AuditLog } from '../audit/audit-log';
import type { Handlers } from '../router';
import { publicTerminalOf } from '../staff/caller';
import type { SignInScreens } from '../public-screen/sign-in-screens';
import type { VisitorGuard } from './visitor-guard';
import type { VisitsService } from './visits-service';

export function createVisitsHandlers({
  config,
  visits,
  visitorGuard,
  signInScreens,
  audit,
  auditView,
}: {
  config: KioskConfig;
  visits: VisitsService;
  visitorGuard: VisitorGuard;
  /** Which screen signed each visitor in: the badge and the host notice answer that screen only. */
  signInScreens: SignInScreens;
  audit: AuditLog;
  auditView: AuditView;
}): Pick<
  Handlers,
  | 'notice.current'
  | 'visits.signIn'
  | 'visits.signOut'
  | 'visits.signOutByName'
  | 'visits.today'
  | 'visits.register'
  | 'visits.signOutById'
  | 'visits.evacuation'
  | 'visits.evacuationCsv'
  | 'visits.evacuationPrinted'
> {
  return {
    'notice.current': async () => noticeFacts(config),
    'visits.signIn': async (input, caller) => {
      const receipt = await visitorGuard.signIn(publicTerminalOf(caller), input);
      // The CLI counts as one screen of its own.
      signInScreens.record(receipt.signOutCode, publicTerminalOf(caller) ?? 'cli');
      return receipt;
    },
    'visits.signOut': (input, caller) => visitorGuard.signOut(publicTerminalOf(caller), input.code),
    'visits.signOutByName': (input, caller) => visitorGuard.signOutByName(publicTerminalOf(caller), input),
    'visits.today': async (_input, caller) => {
      const today = await visits.today();
      await auditView(caller, 'today', { count: today.visits.length });
      return today;
    },
    'visits.register': async (input, caller) => {
      const receipt = await visits.signIn(input);
      await audit.record(auditActorOf(caller), 'visits.registered', { count: 1 });
      return receipt;
    },
    'visits.signOutById': async (input, caller) => {
      const visit = await visits.signOutById(input.visitId);
      await audit.record(auditActorOf(caller), 'visits.signedOutByStaff', { visitId: input.visitId });
      return visit;
    },
    'visits.evacuation': async (_input, caller) => {
      const list = await visits.onSite();
      await auditView(caller, 'evacuation', { count: list.visits.length });
      return list;
    },
    'visits.evacuationCsv': async (input, caller) => {
      // Loaded for an export only (csv-stringify), not with every command.
      const { evacuationCsv } = await import('./evacuation-csv');
      const exported = evacuationCsv(await visits.onSite(), input.language);
      await audit.record(auditActorOf(caller), 'visits.exported', { list: 'evacuation', count: exported.count });
      return exported;
    },
    'visits.evacuationPrinted': async (input, caller) => {
      await audit.record(auditActorOf(caller), 'visits.printed', { list: 'evacuation', count: input.count });
      return null;
    },
  };
}
