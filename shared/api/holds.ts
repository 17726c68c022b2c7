import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel } from './channel';
import type { HoldBasis, LegalHold } from './types';

const epochMs = z.int().min(0).max(8.64e15);

/** What every new hold states: its ground, and optionally its review date (else the configured default). */
export const holdTerms = z.strictObject({
  basis: z.enum(['legalObligation', 'necessaryForActivities'] satisfies HoldBasis[], {
    error: 'hold.basisRequired' satisfies MessageKey,
  }),
  reviewAt: epochMs.nullable().default(null),
});

const extendReviewInput = z.strictObject({
  holdId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive(),
  reviewAt: epochMs,
});

/** Someone with the right to place holds looked at one again and moves its review date. */
export const holdReviewApi = {
  'holds.extendReview': channel<typeof extendReviewInput, LegalHold>({
    input: extendReviewInput,
    access: ['security', 'admin'],
  }),
};
