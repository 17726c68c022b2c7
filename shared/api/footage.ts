import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel, epochMs, noInput } from './channel';
import { footageBacklogApi } from './footage-backlog';
import { footageCountApi, footageCursor } from './footage-count';
import { recordersApi } from './footage-recorders';
import { footageTimelineApi } from './footage-timeline';
import type { FootageListStatus, FootageOverview, FootageRow, JobRun } from './types';

const footagePurgeInput = z.strictObject({ dryRun: z.boolean().default(false) });
const playbackInput = z.strictObject({ fileId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const footageListInput = z.strictObject({
  camera: z.string().max(200).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  status: z.enum(['kept', 'held', 'deleting', 'deleted', 'gone'] satisfies FootageListStatus[]).optional(),
  limit: z.int().min(1).max(10_000).optional(),
  before: footageCursor.optional(),
});

const security = ['security', 'admin'] as const;

/** CCTV footage: the index, its purge, playback, the backlog, the timeline and the recorders' layouts. */
export const footageApi = {
  'footage.scan': channel<typeof noInput, JobRun>({ view: 'footage', input: noInput, access: security }),
  // Deleting footage is the scheduler's job; by hand, only an admin starts it.
  'footage.purge': channel<typeof footagePurgeInput, JobRun>({
    view: 'footage',
    input: footagePurgeInput,
    access: ['admin'],
  }),
  'footage.list': channel<typeof footageListInput, FootageRow[]>({
    view: 'footage',
    input: footageListInput,
    access: security,
  }),
  'footage.overview': channel<typeof noInput, FootageOverview>({ view: 'footage', input: noInput, access: security }),
  'footage.playback': channel<typeof playbackInput, { ticket: string }>({
    view: 'footage',
    input: playbackInput,
    access: security,
  }),
  ...footageBacklogApi,
  ...footageCountApi,
  ...footageTimelineApi,
  ...recordersApi,
};
