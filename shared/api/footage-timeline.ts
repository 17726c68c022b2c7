import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel } from './channel';

/** One recording of the day: [file id, start, end (epoch ms), 1 when a hold covers it else 0]. */
export type TimelineSegment = [id: number, start: number, end: number, held: 0 | 1];

/** A camera's day of recordings, compact enough for 8,640 ten-second clips. */
export interface FootageTimeline {
  camera: string;
  cameraName: string;
  /** The local day's bounds in the kiosk's zone, [dayStart, dayEnd) (23 or 25 hours on a DST day). */
  dayStart: number;
  dayEnd: number;
  /** In time order; a file that began the day before and ran into this one is included. */
  segments: TimelineSegment[];
  /** The active camera-range holds on this camera that touch the day. */
  holds: { id: number; from: number; to: number }[];
}

const timelineInput = z.strictObject({
  camera: z.string().min(1).max(200),
  date: z.iso.date({ error: 'field.invalid' satisfies MessageKey }),
});
const watchingInput = z.strictObject({ ticket: z.string().min(1).max(100) });

export const footageTimelineApi = {
  'footage.timeline': channel<typeof timelineInput, FootageTimeline>({
    view: 'footage',
    input: timelineInput,
    access: ['security', 'admin'],
  }),
  /**
   * Sent by the player while it plays a ticket of this session: watching counts as activity for the
   * idle lock. Refused once the session locked (the ticket died with it).
   */
  'footage.watching': channel<typeof watchingInput, null>({
    view: 'footage',
    input: watchingInput,
    access: ['security', 'admin'],
  }),
};
