import { z } from 'zod';
import type { MessageKey } from '../messages';
import { oneLineText } from '../validation/free-text';
import { channel, noInput } from './channel';
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
    view: 'holds',
    input: extendReviewInput,
    access: ['security', 'admin'],
  }),
};

const holds = ['security', 'admin'] as const;

const holdInput = z.strictObject({
  visitId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive(),
  reason: oneLineText(500, 'hold.reasonRequired'),
  endsAt: epochMs.nullable().default(null),
  ...holdTerms.shape,
});
const holdIdInput = z.strictObject({ holdId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive() });
const footageHoldInput = z
  .strictObject({
    path: z.string().min(1).max(1000).optional(),
    camera: z.string().min(1).max(200).optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    reason: holdInput.shape.reason,
    endsAt: epochMs.nullable().default(null),
    ...holdTerms.shape,
  })
  .refine(
    (hold) =>
      (hold.path !== undefined) !== (hold.camera !== undefined && hold.from !== undefined && hold.to !== undefined),
    {
      error: 'field.invalid' satisfies MessageKey,
    },
  );

/** Legal holds: what retention must keep past its deadline, on visits and on footage. */
export const holdsApi = {
  'holds.list': channel<typeof noInput, LegalHold[]>({ view: 'holds', input: noInput, access: holds }),
  'holds.placeOnVisit': channel<typeof holdInput, LegalHold>({ view: 'holds', input: holdInput, access: holds }),
  'holds.release': channel<typeof holdIdInput, LegalHold>({ view: 'holds', input: holdIdInput, access: holds }),
  'holds.placeOnFootage': channel<typeof footageHoldInput, LegalHold>({
    view: 'holds',
    input: footageHoldInput,
    access: holds,
  }),
  ...holdReviewApi,
};
