import { z } from 'zod';
import type { MessageKey } from '../messages';
import { parsePlate } from './plate';
import { readSignOutCode } from './scanned-code';
import { checkCompany, checkPersonName, type TextCheck } from './text';

// Longer input is rejected before any regex runs on it, so a pasted megabyte costs nothing.
const RAW_INPUT_LIMIT = 1000;

function textField(check: (input: string) => TextCheck, field: 'name' | 'company') {
  return z
    .string({ error: 'field.invalid' satisfies MessageKey })
    .max(RAW_INPUT_LIMIT, { error: `${field}.tooLong` satisfies MessageKey })
    .transform((input, context) => {
      const result = check(input);
      if (result.ok) return result.value;
      context.addIssue({ code: 'custom', message: `${field}.${result.reason}` as MessageKey });
      return z.NEVER;
    });
}

const personName = textField(checkPersonName, 'name');

const company = textField(checkCompany, 'company').transform((value) => value || undefined);

const plate = z
  .string({ error: 'field.invalid' satisfies MessageKey })
  .max(RAW_INPUT_LIMIT, { error: 'plate.invalid' satisfies MessageKey })
  .transform((input, context) => {
    if (input.trim() === '') return undefined;
    const parsed = parsePlate(input);
    if (parsed) return parsed;
    context.addIssue({ code: 'custom', message: 'plate.invalid' satisfies MessageKey });
    return z.NEVER;
  });

/** The sign-in form. The UI validates with it as the visitor types; the router validates again. */
export const signInInput = z.strictObject({
  firstName: personName,
  lastName: personName,
  company: company.optional(),
  plate: plate.optional(),
  noticeVersion: z.string({ error: 'field.invalid' satisfies MessageKey }).max(100),
});

export const signOutInput = z.strictObject({
  code: z
    .string({ error: 'code.invalid' satisfies MessageKey })
    .max(RAW_INPUT_LIMIT, { error: 'code.invalid' satisfies MessageKey })
    .transform((input, context) => {
      const code = readSignOutCode(input);
      if (code !== null) return code;
      context.addIssue({ code: 'custom', message: 'code.invalid' satisfies MessageKey });
      return z.NEVER;
    }),
});

/** A visitor who lost their sign-out code types their name, and company when they gave one. */
export const signOutByNameInput = z.strictObject({
  firstName: personName,
  lastName: personName,
  company: company.optional(),
});

export type SignInForm = z.input<typeof signInInput>;
export type SignInData = z.output<typeof signInInput>;
export type SignOutData = z.output<typeof signOutInput>;
