import type { privacyApi } from '../../../shared/api/privacy';
import type { Caller, Handlers } from '../router';
import { UserError } from '../user-error';
import type { PrivacyService } from './privacy-service';
import type { AuditActor } from '../audit/audit-log';
import type { MediaTickets } from '../footage/media';

/** The privacy channels' handlers; joined into the one handler table in api-handlers.ts. */
export function createPrivacyHandlers({
  privacy,
  media,
  actorOf,
}: {
  privacy: PrivacyService;
  media: MediaTickets;
  actorOf: (caller: Caller) => AuditActor;
}): Pick<Handlers, keyof typeof privacyApi> {
  return {
    'privacy.searchVisits': (input, caller) => privacy.search(actorOf(caller), input),
    'privacy.visitFootage': (input, caller) => privacy.visitFootage(actorOf(caller), input.visitId),
    'privacy.playFootage': async (input, caller) => {
      // A ticket belongs to a staff session (it dies when that locks); the CLI has none.
      if (caller.kind !== 'staff') throw new UserError({ key: 'api.forbidden' });
      await privacy.checkPlayable(actorOf(caller), input.fileId);
      const ticket = await media.issue(input.fileId, caller.terminal);
      if (!ticket) throw new UserError({ key: 'footage.unknownFile' });
      return { ticket };
    },
    'privacy.exportVisits': (input, caller) => privacy.exportVisits(actorOf(caller), input),
    'privacy.correctVisit': (input, caller) => {
      const { visitId, ...correction } = input;
      return privacy.correct(actorOf(caller), visitId, correction);
    },
    'privacy.eraseVisits': (input, caller) => privacy.erase(actorOf(caller), input.visitIds, input.reason),
    'privacy.restrictVisits': (input, caller) => privacy.restrict(actorOf(caller), input.visitIds, input.reason),
    'privacy.unrestrictVisits': (input, caller) => privacy.unrestrict(actorOf(caller), input.visitIds, input.reason),
    'privacy.exportFootage': (input, caller) => {
      // A folder of one's choosing is for someone at the machine's command line; a screen's exports go
      // to the configured export folder, so no staff session can write elsewhere on this computer.
      if (input.outDir !== undefined && caller.kind !== 'operator') throw new UserError({ key: 'api.forbidden' });
      return privacy.exportFootage(actorOf(caller), input);
    },
  };
}
