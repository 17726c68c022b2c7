import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel } from './channel';
import type { JobRun } from './types';

export interface FootageBacklogCamera {
  camera: string;
  files: number;
  oldestRecording: number;
  newestRecording: number;
}

/** What a footage purge held back as too large would delete, for an admin to look at and confirm. */
export interface FootageBacklog {
  /** The purge run that was held back. */
  blockedRun: JobRun;
  /** Files due now, not under a hold. */
  files: number;
  liveFiles: number;
  oldestRecording: number | null;
  newestRecording: number | null;
  cameras: FootageBacklogCamera[];
}

const noInput = z.strictObject({});
/** The count the admin was shown: a backlog that changed since is not confirmed blindly. */
const confirmDeletionInput = z.strictObject({
  files: z
    .int({ error: 'field.invalid' satisfies MessageKey })
    .min(1)
    .optional(),
});
const admin = ['admin'] as const;

export const footageBacklogApi = {
  'footage.backlog': channel<typeof noInput, FootageBacklog | null>({ view: 'footage', input: noInput, access: admin }),
  'footage.confirmDeletion': channel<typeof confirmDeletionInput, JobRun>({
    view: 'footage',
    input: confirmDeletionInput,
    access: admin,
  }),
};
