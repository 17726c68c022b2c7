import { z } from 'zod';
import { channel, noInput } from './channel';
import type { PrivacyPurpose } from './privacy';

/** A copy the kiosk wrote for a person or the police, kept as a record with its expiry (issue 20). */
export interface ExportRecord {
  id: number;
  kind: 'access' | 'footage';
  purpose: PrivacyPurpose;
  /** '/'-separated paths under `exportRoot`: the files or the folder written. */
  paths: string[];
  exportRoot: string;
  exportedBy: string;
  createdAt: number;
  /** Deleted by the first retention run at or after this, unless a hold on its originals is still active. */
  expiresAt: number;
  /** Visits of the access copy, or the visit whose footage was exported. */
  visitIds: number[];
  /** The expected visits (invitations) of the access copy; none for records made before they were kept. */
  expectedIds: number[];
  fileCount: number;
  /** The holds on the originals (a police request); the copy stays while one of them is active. */
  holdIds: number[];
  heldByActiveHold: boolean;
  deletedAt: number | null;
  deletedWhy: 'expired' | 'erased' | 'gone' | null;
}

/** How long the kiosk keeps a copy at most: told before one is made and above the list of exports. */
export interface ExportTerms {
  /** privacy.exportDays: a copy goes this many days after it was made, or sooner with its originals. */
  exportDays: number;
}

const listInput = z.strictObject({ includeDeleted: z.boolean().default(false) });

export const privacyExportsApi = {
  'privacy.listExports': channel<typeof listInput, ExportRecord[]>({
    view: 'privacy',
    input: listInput,
    access: ['privacy', 'admin'],
  }),
  'privacy.exportTerms': channel<typeof noInput, ExportTerms>({
    view: 'privacy',
    input: noInput,
    access: ['privacy', 'admin'],
  }),
};
