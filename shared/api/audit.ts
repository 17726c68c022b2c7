import { z } from 'zod';
import { staffId } from '../validation/staff-schemas';
import { channel, epochMs } from './channel';
import type { AuditEntry } from './types';

const auditFilterInput = z.strictObject({
  action: z.string().max(60).optional(),
  staffId: staffId.optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  limit: z.int().min(1).max(1000).optional(),
});

export const auditApi = {
  'audit.list': channel<typeof auditFilterInput, AuditEntry[]>({
    view: 'audit',
    input: auditFilterInput,
    access: ['admin'],
  }),
};
