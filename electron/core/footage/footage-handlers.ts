import type { KioskConfig } from '../../../shared/config';
import { auditActorOf } from '../audit/audit-actor';
import type { AuditLog } from '../audit/audit-log';
import type { Handlers } from '../router';
import { terminalOf } from '../staff/caller';
import { UserError } from '../user-error';
import { createFootageBacklogHandlers } from './backlog-handlers';
import type { FootageService } from './footage-service';
import type { MediaTickets } from './media';
import { createRecorderHandlers } from './recorder-handlers';
import { createFootageTimelineHandlers } from './timeline-handlers';
import type { FootageTimelineService } from './timeline-service';

export function createFootageHandlers({
  config,
  footage,
  footageTimeline,
  media,
  audit,
}: {
  config: KioskConfig;
  footage: FootageService;
  footageTimeline: FootageTimelineService;
  media: MediaTickets;
  audit: AuditLog;
}) {
  return {
    'footage.scan': () => footage.scan(),
    // The same purge as the scheduler's (clock guard, backlog guard, holds), with who asked for it.
    'footage.purge': async (input, caller) => {
      if (!input.dryRun) await audit.record(auditActorOf(caller), 'footage.purgeRequested', {});
      return footage.purge({ dryRun: input.dryRun });
    },
    'footage.list': async (input, caller) => {
      const rows = await footage.list(input);
      await audit.record(auditActorOf(caller), 'footage.viewed', { count: rows.length });
      return rows;
    },
    'footage.overview': () => footage.overview(),
    'footage.playback': async (input, caller) => {
      const [file] = await footage.list({ id: input.fileId });
      if (!file || file.status !== 'kept') throw new UserError({ key: 'footage.unknownFile' });
      // Bound to this terminal's session: it dies when the session locks or expires.
      const ticket = await media.issue(input.fileId, terminalOf(caller));
      if (!ticket) throw new UserError({ key: 'footage.unknownFile' });
      await audit.record(auditActorOf(caller), 'footage.played', { fileId: input.fileId });
      return { ticket };
    },
    'footage.count': async (input) => ({ total: await footage.count(input) }),
    ...createFootageBacklogHandlers({ footage }),
    ...createFootageTimelineHandlers({ timeline: footageTimeline, media }),
    ...createRecorderHandlers({ config }),
  } satisfies Partial<Handlers>;
}
