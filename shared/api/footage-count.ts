import { z } from 'zod';
import type { MessageKey } from '../messages';
import { channel } from './channel';
import type { FootageListStatus } from './types';

const epochMs = z.int().min(0).max(8.64e15);

/** A row's place in the footage list's order (recording start, then id): the next page starts after it. */
export const footageCursor = z.strictObject(
  { recordedAt: epochMs, id: z.int().positive() },
  { error: 'field.invalid' satisfies MessageKey },
);

const footageCountInput = z.strictObject({
  camera: z.string().max(200).optional(),
  from: epochMs.optional(),
  to: epochMs.optional(),
  status: z.enum(['kept', 'held', 'deleting', 'deleted', 'gone'] satisfies FootageListStatus[]).optional(),
});

export const footageCountApi = {
  /** How many files the footage list's filters match, for "1-500 of 8,640". */
  'footage.count': channel<typeof footageCountInput, { total: number }>({
    view: 'footage',
    input: footageCountInput,
    access: ['security', 'admin'],
  }),
};
