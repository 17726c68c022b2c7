import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel } from './channel';
import type { VisitRow } from './types';

const reception = ['receptionist', 'admin'] as const;

const visitIdInput = z.strictObject({ visitId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });

/** The reception desk's second thoughts. */
export const deskApi = {
  /** Takes back a sign-out made at the desk, within 10 seconds of it. */
  'visits.undoStaffSignOut': channel<typeof visitIdInput, VisitRow>({
    view: 'today',
    input: visitIdInput,
    access: reception,
  }),
};
