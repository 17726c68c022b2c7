import type { MediaTickets } from './media';
import type { Handlers } from '../router';
import { UserError } from '../user-error';
import type { FootageTimelineService } from './timeline-service';

/** The timeline of a camera's day, and the player's keep-alive while it plays. */
export function createFootageTimelineHandlers({
  timeline,
  media,
}: {
  timeline: FootageTimelineService;
  media: MediaTickets;
}): Pick<Handlers, 'footage.timeline' | 'footage.watching'> {
  return {
    'footage.timeline': (input) => timeline.day(input.camera, input.date),
    // The call itself, made for a person watching, extended the session (kiosk.ts callerFor); it is
    // refused when the ticket is not one of this session's.
    'footage.watching': async (input, caller) => {
      if (caller.kind !== 'staff' || !media.isPlaying(input.ticket, caller.terminal))
        throw new UserError({ key: 'footage.unknownFile' });
      return null;
    },
  };
}
