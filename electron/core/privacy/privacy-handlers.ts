import type { privacyApi } from '../../../shared/api/privacy';
import type { privacyExportsApi } from '../../../shared/api/privacy-exports';
import type { ExportRecords } from './export-records';
import type { Caller, Handlers } from '../router';
import { UserError } from '../user-error';
import type { PrivacyService } from './privacy-service';
import { auditActorOf } from '../audit/audit-actor';
import type { MediaTickets } from '../footage/media';

const isPrivacyRole = (caller: Caller) => caller.kind === 'staff' && caller.role === 'privacy';

/** The privacy channels' handlers; joined into the one handler table in capabilities.ts. */
export function createPrivacyHandlers({
  privacy,
  exports,
  media,
}: {
  privacy: PrivacyService;
  exports: ExportRecords;
  media: MediaTickets;
}): Pick<Handlers, keyof typeof privacyApi | keyof typeof privacyExportsApi> {
  return {
    'privacy.searchVisits': (input, caller) => privacy.search(auditActorOf(caller), input),
    'privacy.visitFootage': (input, caller) => privacy.visitFootage(auditActorOf(caller), input.visitId),
    'privacy.playFootage': async (input, caller) => {
      // A ticket belongs to a staff session (it dies when that locks); the CLI has none.
      if (caller.kind !== 'staff') throw new UserError({ key: 'api.forbidden' });
      if (isPrivacyRole(caller) && input.visitId === undefined)
        throw new UserError({ key: 'privacy.footageOutsideVisit' });
      await privacy.checkPlayable(auditActorOf(caller), input.fileId, input.visitId);
      const ticket = await media.issue(input.fileId, caller.terminal);
      if (!ticket) throw new UserError({ key: 'footage.unknownFile' });
      return { ticket };
    },
    'privacy.exportVisits': (input, caller) => {
      // As for footage: a file of one's choosing (inside the export folder) is for the command line only.
      if (input.out !== undefined && caller.kind !== 'operator') throw new UserError({ key: 'api.forbidden' });
      return privacy.exportVisits(auditActorOf(caller), input);
    },
    'privacy.correctVisit': (input, caller) => {
      const { visitId, ...correction } = input;
      return privacy.correct(auditActorOf(caller), visitId, correction);
    },
    'privacy.eraseVisits': (input, caller) =>
      privacy.erase(auditActorOf(caller), input.visitIds, input.reason, input.expectedIds),
    'privacy.restrictVisits': (input, caller) => privacy.restrict(auditActorOf(caller), input.visitIds, input.reason),
    'privacy.unrestrictVisits': (input, caller) =>
      privacy.unrestrict(auditActorOf(caller), input.visitIds, input.reason),
    'privacy.exportFootage': (input, caller) => {
      // A folder of one's choosing is for someone at the machine's command line; a screen's exports go
      // to the configured export folder, so no staff session can write elsewhere on this computer.
      if (input.outDir !== undefined && caller.kind !== 'operator') throw new UserError({ key: 'api.forbidden' });
      // The privacy role sees only a visit's footage (its window, checked by the service); files of
      // one's choosing stay with security and the administrator.
      if (isPrivacyRole(caller) && input.visitId === undefined)
        throw new UserError({ key: 'privacy.footageOutsideVisit' });
      return privacy.exportFootage(auditActorOf(caller), input);
    },
    'privacy.listExports': (input) => exports.list(input),
    'privacy.exportTerms': async () => exports.terms(),
  };
}
