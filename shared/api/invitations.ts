import { z } from 'zod';
import type { MessageKey } from '../messages';
import { readInvitationCode } from '../validation/scanned-code';
import { signInInput, signOutInput } from '../validation/visit-schemas';
import { channel } from './channel';
import type { JobRun, SignInReceipt } from './types';

const reception = ['receptionist', 'admin'] as const;
const admin = ['admin'] as const;

const visitDate = z
  .string({ error: 'invitation.dateInvalid' satisfies MessageKey })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'invitation.dateInvalid' satisfies MessageKey });

const hostName = z
  .string({ error: 'field.invalid' satisfies MessageKey })
  .trim()
  .max(120, { error: 'host.tooLong' satisfies MessageKey })
  .transform((value) => value || undefined);

/** An expected visitor: the same fields, checked the same way, as at sign-in, and optionally a host. */
export const expectedVisitorInput = z.strictObject({
  firstName: signInInput.shape.firstName,
  lastName: signInInput.shape.lastName,
  company: signInInput.shape.company,
  plate: signInInput.shape.plate,
  hostName: hostName.optional(),
});

export const addExpectedInput = expectedVisitorInput.extend({ date: visitDate });
export const addExpectedCsvInput = z.strictObject({
  /** The day for rows without a date column of their own. */
  date: visitDate,
  /** The file's bytes in base64: the core detects its encoding (UTF-8 or Windows-1252), so no text decoding before. */
  file: z.base64({ error: 'field.invalid' satisfies MessageKey }).max(1_400_000, { error: 'field.invalid' }),
});

export type ExpectedCsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type ExpectedCsvDelimiter = ';' | ',' | '\t';

/** An expected-visitors file, added: the invitations, and how the file was read. */
export interface ExpectedCsvImport {
  invitations: Invitation[];
  encoding: ExpectedCsvEncoding;
  delimiter: ExpectedCsvDelimiter;
  /** Header cells the import did not know; their cells were ignored. */
  unknownColumns: string[];
}

const invitationCode = z
  .string({ error: 'invitation.codeInvalid' satisfies MessageKey })
  .max(100, { error: 'invitation.codeInvalid' satisfies MessageKey })
  .transform((input, context) => {
    const code = readInvitationCode(input);
    if (code) return code;
    context.addIssue({ code: 'custom', message: 'invitation.codeInvalid' satisfies MessageKey });
    return z.NEVER;
  });

const noInput = z.strictObject({});
const invitationIdInput = z.strictObject({
  id: z.int({ error: 'field.invalid' satisfies MessageKey }).positive(),
});

/**
 * What an expected visitor typed for their own name when they have no code: first and last name as
 * in the invitation. Only compared, never stored.
 */
const invitationName = z
  .string({ error: 'invitation.nameNotFound' satisfies MessageKey })
  .trim()
  .min(1, { error: 'invitation.codeInvalid' satisfies MessageKey })
  .max(200, { error: 'invitation.nameNotFound' satisfies MessageKey });

/**
 * An invitation's code, or the visitor's first and last name instead (one match today only), or both
 * when what they typed reads as either ("Ab Jansen" is the well-formed code ABJANSEN).
 */
export const lookupInvitationInput = z
  .strictObject({ code: invitationCode.optional(), name: invitationName.optional() })
  .refine((input) => input.code !== undefined || input.name !== undefined, {
    error: 'invitation.codeInvalid' satisfies MessageKey,
    path: ['code'],
  });
/**
 * The visitor's own details as they confirmed or corrected them, and the notice they read; the
 * invitation found by its code or by the name they typed at the start, as at the lookup.
 */
export const signInByInvitationInput = signInInput
  .extend({ code: invitationCode.optional(), invitationName: invitationName.optional() })
  .refine((input) => input.code !== undefined || input.invitationName !== undefined, {
    error: 'invitation.codeInvalid' satisfies MessageKey,
    path: ['code'],
  });

/** One invitation as the receptionist hands it on: the details, the code, its QR code and the letter. */
export interface Invitation {
  id: number;
  date: string;
  firstName: string;
  lastName: string;
  company: string | null;
  plate: string | null;
  hostName: string | null;
  code: string;
  /** The QR code of the code (with its prefix) as an SVG document. */
  qrSvg: string;
  /** The invitation letter in Dutch and English, with the notice's facts (GDPR art. 14). */
  text: { nl: string; en: string };
}

export interface ExpectedVisit {
  id: number;
  date: string;
  firstName: string;
  lastName: string;
  company: string | null;
  hostName: string | null;
  code: string;
}

/** What the kiosk shows a visitor who typed their code: their own details, nobody else's. */
export interface InvitationDetails {
  date: string;
  firstName: string;
  lastName: string;
  company: string | null;
  plate: string | null;
  hostName: string | null;
}

/** A visitor's badge: printed after sign-in when the configuration asks for it. */
export interface Badge {
  firstName: string;
  lastName: string;
  company: string | null;
  hostName: string | null;
  /** The local date of the visit; the badge is valid on this date only. */
  date: string;
  signOutCode: string;
  /** The QR code of the sign-out code (with its prefix) as an SVG document. */
  qrSvg: string;
  pageSize: 'label62' | 'A6';
}

export const badgeInput = z.strictObject({ signOutCode: signOutInput.shape.code });

export const invitationsApi = {
  // The kiosk.
  'invitations.lookup': channel<typeof lookupInvitationInput, InvitationDetails>({
    input: lookupInvitationInput,
    access: 'public',
  }),
  'invitations.signIn': channel<typeof signInByInvitationInput, SignInReceipt>({
    input: signInByInvitationInput,
    access: 'public',
  }),
  // The badge of whoever signed in at this screen a moment ago; null when badges are off.
  'badges.forSignIn': channel<typeof badgeInput, Badge | null>({ input: badgeInput, access: 'public' }),

  // The reception desk.
  'invitations.add': channel<typeof addExpectedInput, Invitation>({
    view: 'today',
    input: addExpectedInput,
    access: reception,
  }),
  'invitations.addCsv': channel<typeof addExpectedCsvInput, ExpectedCsvImport>({
    view: 'today',
    input: addExpectedCsvInput,
    access: reception,
  }),
  'invitations.expectedToday': channel<typeof noInput, ExpectedVisit[]>({
    view: 'today',
    input: noInput,
    access: reception,
  }),
  'invitations.get': channel<typeof invitationIdInput, Invitation>({
    view: 'today',
    input: invitationIdInput,
    access: reception,
  }),
  // One tap at the desk: the expected visitor is signed in with the invitation's details.
  'invitations.signInAtDesk': channel<typeof invitationIdInput, SignInReceipt>({
    view: 'today',
    input: invitationIdInput,
    access: reception,
  }),
  'invitations.remove': channel<typeof invitationIdInput, null>({
    view: 'today',
    input: invitationIdInput,
    access: reception,
  }),

  // Erasing expected visits nobody came for (also run by the scheduler with the visit purge).
  'invitations.purge': channel<typeof noInput, JobRun>({ view: 'retention', input: noInput, access: admin }),
};
