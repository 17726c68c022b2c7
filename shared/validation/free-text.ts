import { z } from 'zod';
import type { MessageKey } from '../messages';

// A reason is shown in lists, the CLI and the audit trail: one line of visible text. Control and format
// characters (NUL, ESC, C1, bidi overrides, line breaks) are refused rather than stripped, so what is
// stored is what was typed.
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/u;

/** Free text of at most `max` characters, required, trimmed, on one line. */
export function oneLineText(max: number, requiredKey: MessageKey) {
  return z
    .string({ error: requiredKey })
    .trim()
    .min(1, { error: requiredKey })
    .max(max, { error: 'field.invalid' satisfies MessageKey })
    .refine((value) => !CONTROL_OR_FORMAT.test(value), { error: 'text.controlCharacters' satisfies MessageKey });
}
