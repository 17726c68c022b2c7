import { z } from 'zod';
import { channel, noInput } from './channel';
import type { JobRun, RetentionStatus } from './types';

const retentionRunInput = z.strictObject({
  job: z.enum(['visitPurge', 'automaticSignOut']).default('visitPurge'),
  dryRun: z.boolean().default(false),
});

const admin = ['admin'] as const;

export const retentionApi = {
  'retention.status': channel<typeof noInput, RetentionStatus>({ view: 'retention', input: noInput, access: admin }),
  'retention.run': channel<typeof retentionRunInput, JobRun>({
    view: 'retention',
    input: retentionRunInput,
    access: admin,
  }),
  'retention.confirmClock': channel<typeof noInput, JobRun>({ view: 'retention', input: noInput, access: admin }),
};
