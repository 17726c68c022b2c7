import { z } from 'zod';
import type { StaffRole } from '../api/channel';
import type { MessageKey } from '../messages';
import { checkPersonName } from './text';

export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 12;

export const pin = z
  .string({ error: 'pin.invalid' satisfies MessageKey })
  .regex(new RegExp(`^\\d{${PIN_MIN_DIGITS},${PIN_MAX_DIGITS}}$`), { error: 'pin.invalid' satisfies MessageKey });

/**
 * The first PINs anyone tries: one digit repeated, or a run up or down (123456, 654321, also across
 * 9-0 as in 890123). Refused when a PIN is chosen; a PIN chosen before this rule still unlocks.
 */
export function isTrivialPin(value: string): boolean {
  const digits = [...value].map(Number);
  const steps = new Set(digits.slice(1).map((digit, index) => (digit - digits[index]! + 10) % 10));
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!);
}

/** A PIN someone chooses now: the format of `pin`, and not trivial. */
export const newPin = pin.refine((value) => !isTrivialPin(value), { error: 'pin.trivial' satisfies MessageKey });

export const staffRole = z.enum(
  ['receptionist', 'security', 'admin', 'privacy'] as const satisfies readonly StaffRole[],
  {
    error: 'role.invalid' satisfies MessageKey,
  },
);

export const staffName = z
  .string({ error: 'field.invalid' satisfies MessageKey })
  .max(1000, { error: 'name.tooLong' satisfies MessageKey })
  .transform((input, context) => {
    const result = checkPersonName(input);
    if (result.ok) return result.value;
    context.addIssue({ code: 'custom', message: `name.${result.reason}` satisfies string as MessageKey });
    return z.NEVER;
  });

export const staffId = z.int({ error: 'field.invalid' satisfies MessageKey }).positive();

export const unlockInput = z.strictObject({ staffId, pin });
export const addStaffInput = z.strictObject({ name: staffName, role: staffRole, pin: newPin });
export const firstAdminInput = z.strictObject({ name: staffName, pin: newPin });
export const staffIdInput = z.strictObject({ staffId });
export const resetPinInput = z.strictObject({ staffId, pin: newPin });
