import { z } from 'zod';
import type { MessageKey } from '../messages';
import { signInInput } from '../validation/visit-schemas';
import { channel } from './channel';
import type { FootageRow, HoldBasis, VisitRow } from './types';

/** Why someone searched the visits: required, and the only thing the audit says about a search. */
export const PRIVACY_PURPOSES = [
  'accessRequest',
  'erasureRequest',
  'rectificationRequest',
  'restrictionRequest',
  'objection',
  'policeRequest',
  'other',
] as const;
export type PrivacyPurpose = (typeof PRIVACY_PURPOSES)[number];

const purpose = z.enum(PRIVACY_PURPOSES, { error: 'privacy.purposeRequired' satisfies MessageKey });
const language = z.enum(['nl', 'en'], { error: 'field.invalid' satisfies MessageKey });
const isoDate = z
  .string({ error: 'privacy.invalidDate' satisfies MessageKey })
  .regex(/^\d{4}-\d\d-\d\d$/, { error: 'privacy.invalidDate' satisfies MessageKey });
const visitId = z.int({ error: 'field.invalid' satisfies MessageKey }).positive();
const visitIds = z
  .array(visitId, { error: 'privacy.noVisitsChosen' satisfies MessageKey })
  .min(1, { error: 'privacy.noVisitsChosen' satisfies MessageKey })
  .max(1000, { error: 'field.invalid' satisfies MessageKey })
  .transform((ids) => [...new Set(ids)]);
const reason = z
  .string({ error: 'privacy.reasonRequired' satisfies MessageKey })
  .trim()
  .min(1, { error: 'privacy.reasonRequired' satisfies MessageKey })
  .max(500, { error: 'field.invalid' satisfies MessageKey });

export const privacySearchInput = z
  .strictObject({
    query: z
      .string({ error: 'privacy.queryRequired' satisfies MessageKey })
      .trim()
      .min(1, { error: 'privacy.queryRequired' satisfies MessageKey })
      .max(200, { error: 'field.invalid' satisfies MessageKey }),
    /** Local dates (the kiosk's zone), both inclusive. */
    from: isoDate.optional(),
    to: isoDate.optional(),
    purpose,
  })
  .refine((input) => !input.from || !input.to || input.from <= input.to, {
    error: 'privacy.dateRangeReversed' satisfies MessageKey,
    path: ['to'],
  });

/** Rectification: each field as the sign-in form checks it; at least one of them. */
export const privacyCorrectInput = z
  .strictObject({
    visitId,
    firstName: signInInput.shape.firstName.optional(),
    lastName: signInInput.shape.lastName.optional(),
    // An empty company or plate clears it (null); missing leaves it as it is.
    company: signInInput.shape.company
      .unwrap()
      .transform((value) => value ?? null)
      .optional(),
    plate: signInInput.shape.plate
      .unwrap()
      .transform((value) => value ?? null)
      .optional(),
  })
  .refine(
    (input) =>
      input.firstName !== undefined ||
      input.lastName !== undefined ||
      input.company !== undefined ||
      input.plate !== undefined,
    { error: 'privacy.nothingToCorrect' satisfies MessageKey },
  );

/**
 * The footage to hand over: a visit's footage, or files by index id or by path under the root (with a
 * visit: only files of that visit's footage, as the privacy role must ask).
 */
export const privacyFootageExportInput = z
  .strictObject({
    visitId: visitId.optional(),
    fileIds: z.array(z.int().positive()).min(1).max(10_000).optional(),
    paths: z.array(z.string().min(1).max(1000)).min(1).max(10_000).optional(),
    reason,
    /** The request it answers: only a police request holds the originals (issue 20). */
    purpose,
    /** A police request's hold on the originals: the ground the officer picks, and its review date. */
    basis: z
      .enum(['legalObligation', 'necessaryForActivities'] satisfies HoldBasis[], {
        error: 'hold.basisRequired' satisfies MessageKey,
      })
      .optional(),
    reviewAt: z.int().min(0).max(8.64e15).nullable().optional(),
    /** Only the operator (CLI) may name a folder, and only inside the export folder. */
    outDir: z.string().min(1).max(4096).optional(),
  })
  .refine(
    (input) =>
      !(input.fileIds !== undefined && input.paths !== undefined) &&
      [input.visitId, input.fileIds, input.paths].some((choice) => choice !== undefined),
    { error: 'privacy.chooseFootage' satisfies MessageKey },
  )
  .refine((input) => input.purpose !== 'policeRequest' || input.basis !== undefined, {
    error: 'privacy.holdTermsRequired' satisfies MessageKey,
    path: ['basis'],
  });

const searchInput = privacySearchInput;
const visitFootageInput = z.strictObject({ visitId });
const playFootageInput = z.strictObject({
  fileId: z.int({ error: 'field.invalid' satisfies MessageKey }).positive(),
  /** The visit whose footage it is: the privacy role plays only files in that visit's window. */
  visitId: visitId.optional(),
});
/** Ids of one kind in an erasure: none is fine as long as the other kind has some. */
const erasureIds = z
  .array(visitId, { error: 'privacy.noVisitsChosen' satisfies MessageKey })
  .max(1000, { error: 'field.invalid' satisfies MessageKey })
  .optional()
  .transform((ids) => [...new Set(ids ?? [])]);
const exportInput = z
  .strictObject({
    /** None is fine when the person has only expected visits (they never came). */
    visitIds: erasureIds,
    /** The person's expected visits (invitations), in the copy beside the visits. */
    expectedIds: erasureIds,
    language,
    purpose,
    /** Only the operator (CLI) may name the page's file, and only inside the export folder. */
    out: z.string().min(1).max(4096).optional(),
  })
  .refine((input) => input.visitIds.length + input.expectedIds.length > 0, {
    error: 'privacy.noVisitsChosen' satisfies MessageKey,
    path: ['visitIds'],
  });
const eraseInput = z
  .strictObject({
    visitIds: erasureIds,
    /** Expected visits (invitations) of the person, erased with the visits. */
    expectedIds: erasureIds,
    reason,
  })
  .refine((input) => input.visitIds.length + input.expectedIds.length > 0, {
    error: 'privacy.noVisitsChosen' satisfies MessageKey,
    path: ['visitIds'],
  });
const restrictInput = z.strictObject({ visitIds, reason });
const unrestrictInput = z.strictObject({ visitIds, reason: reason.optional() });

/** A visit as a privacy request sees it: all of it, with whether a hold or restriction covers it. */
export interface PrivacyVisit extends VisitRow {
  /** The colleague visited, as the visitor gave it. */
  hostName: string | null;
  held: boolean;
  restricted: boolean;
}

/** An expected visit (invitation) a privacy search found: the person may never have come. */
export interface PrivacyExpectedVisit {
  kind: 'expected';
  id: number;
  /** The local date the person was expected. */
  visitDate: string;
  firstName: string;
  lastName: string;
  company: string | null;
  plate: string | null;
  hostName: string | null;
  createdAt: number;
}

export interface PrivacySearchResult {
  timeZone: string;
  visits: (PrivacyVisit & { kind: 'visit' })[];
  /** The expected visits that match, the latest date first. */
  expected: PrivacyExpectedVisit[];
  /** More visits matched than were returned (the newest are returned). */
  truncated: boolean;
}

export interface VisitFootage {
  visitId: number;
  from: number;
  to: number;
  files: FootageRow[];
}

/** A copy for the data subject (art. 15): a printable page and the same data as JSON. */
export interface AccessExport {
  count: number;
  /** The expected visits in the copy. */
  expectedCount: number;
  /** The record of the copy written into the export folder, deleted at `expiresAt`. */
  exportId: number;
  htmlFile: string;
  jsonFile: string;
  expiresAt: number;
  html: string;
  htmlFileName: string;
  json: string;
  jsonFileName: string;
}

export interface FootageManifestEntry {
  file: string;
  camera: string;
  recordedAt: string;
  size: number;
  sha256: string;
}

export interface FootageManifest {
  exportedBy: string;
  exportedAt: string;
  reason: string;
  purpose: PrivacyPurpose;
  /** The holds placed on the originals, one per file (a police request only). */
  holdIds: number[];
  files: FootageManifestEntry[];
}

export interface FootageExportResult {
  exportId: number;
  /** Deleted by the first retention run after this, unless a hold on its originals is still active. */
  expiresAt: number;
  folder: string;
  manifestFile: string;
  manifest: FootageManifest;
}

const privacy = ['privacy', 'admin'] as const;

export const privacyApi = {
  'privacy.searchVisits': channel<typeof searchInput, PrivacySearchResult>({
    view: 'privacy',
    input: searchInput,
    access: privacy,
  }),
  'privacy.visitFootage': channel<typeof visitFootageInput, VisitFootage>({
    view: 'privacy',
    input: visitFootageInput,
    access: privacy,
  }),
  /** A playback ticket for a file of a visit's footage, as security's footage.playback gives. */
  'privacy.playFootage': channel<typeof playFootageInput, { ticket: string }>({
    view: 'privacy',
    input: playFootageInput,
    access: privacy,
  }),
  'privacy.exportVisits': channel<typeof exportInput, AccessExport>({
    view: 'privacy',
    input: exportInput,
    access: privacy,
  }),
  'privacy.correctVisit': channel<typeof privacyCorrectInput, PrivacyVisit>({
    view: 'privacy',
    input: privacyCorrectInput,
    access: privacy,
  }),
  'privacy.eraseVisits': channel<typeof eraseInput, { erased: number; erasedExpected: number }>({
    view: 'privacy',
    input: eraseInput,
    access: privacy,
  }),
  'privacy.restrictVisits': channel<typeof restrictInput, { changed: number }>({
    view: 'privacy',
    input: restrictInput,
    access: privacy,
  }),
  'privacy.unrestrictVisits': channel<typeof unrestrictInput, { changed: number }>({
    view: 'privacy',
    input: unrestrictInput,
    access: privacy,
  }),
  'privacy.exportFootage': channel<typeof privacyFootageExportInput, FootageExportResult>({
    view: 'privacy',
    input: privacyFootageExportInput,
    access: privacy,
  }),
};
