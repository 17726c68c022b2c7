import type { Language } from '../messages';

/** What the kiosk needs to render the privacy notice; every figure comes from the configuration. */
export interface NoticeFacts {
  version: string;
  organisationName: string;
  contactEmail: string;
  visitRetentionMonths: number;
  footageRetentionDays: number;
  timeZone: string;
  kioskIdleSeconds: number;
  languages: readonly Language[];
}

export interface SignInReceipt {
  signOutCode: string;
  firstName: string;
  signedInAt: number;
}

/** A visitor signing out sees only their own first name, never anyone else's data. */
export interface SignOutReceipt {
  firstName: string;
  signedOutAt: number;
}

export type SignOutMethod = 'kiosk' | 'staff' | 'automatic';

export interface VisitRow {
  id: number;
  firstName: string;
  lastName: string;
  company: string | null;
  plate: string | null;
  plateKind: 'nl' | 'foreign' | null;
  signedInAt: number;
  signedOutAt: number | null;
  signOutMethod: SignOutMethod | null;
}

export interface TodayVisits {
  /** The local date (configured time zone) the list is for, as YYYY-MM-DD. */
  date: string;
  timeZone: string;
  visits: VisitRow[];
  onSiteCount: number;
}
