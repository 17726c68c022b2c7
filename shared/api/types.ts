import type { StaffRole } from './channel';
import type { Language } from '../messages';
import type { RunReason } from '../run-reasons';
import type { FootageEnforcer } from '../config';

/** What the kiosk needs to render the privacy notice; every figure comes from the configuration. */
export interface NoticeFacts {
  version: string;
  organisationName: string;
  contactEmail: string;
  visitRetentionMonths: number;
  footageRetentionDays: number;
  /** Who deletes camera footage after footageRetentionDays; 'noCameras': this entrance records none. */
  footageDeletedBy: FootageEnforcer;
  /** An expected visit nobody came for is erased this many days after its date. */
  unarrivedInvitationDays: number;
  /** Whether the visitor may name a host who is then told by e-mail. */
  hostNotice: boolean;
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
/** Nothing about the visitor: whoever typed the code learns only that it worked. */
export interface SignOutReceipt {
  signedOutAt: number;
}

/** 'name': at the kiosk by typing the name (the code was lost); the desk checks such a sign-out. */
export type SignOutMethod = 'kiosk' | 'staff' | 'automatic' | 'name';

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

export interface StaffSessionInfo {
  staffId: number;
  name: string;
  role: StaffRole;
  /** The staff view locks itself after this many seconds without a touch or key press. */
  idleSeconds: number;
}

export interface StaffAccount {
  id: number;
  name: string;
  role: StaffRole;
  createdAt: number;
  disabledAt: number | null;
}

export interface SetupStatus {
  needsFirstAdmin: boolean;
}

/** An audit entry: who did what when, with counts and ids; never a visitor's data. */
export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  staffId: number | null;
  action: string;
  detail: Record<string, string | number | null>;
}

export interface EvacuationList {
  generatedAt: number;
  timeZone: string;
  visits: VisitRow[];
}

export interface CsvExport {
  fileName: string;
  csv: string;
  count: number;
}

export interface LegalHold {
  id: number;
  kind: 'visit' | 'footage-file' | 'footage-range';
  visitId: number | null;
  /** For footage holds: the file, or the camera and time range. */
  footagePath: string | null;
  camera: string | null;
  /** The camera's name as configured (footage.cameraNames), for people; in holds.list. */
  cameraName: string | null;
  /** A file hold's file's recording start, when it is indexed; in holds.list. */
  recordedAt: number | null;
  rangeStart: number | null;
  rangeEnd: number | null;
  reason: string;
  placedBy: string;
  placedAt: number;
  endsAt: number | null;
  releasedAt: number | null;
  /** Why it is kept longer: the privacy statement's two grounds. */
  basis: HoldBasis;
  /** When someone must look at it again; past it the hold still holds, and the alarm is raised. */
  reviewAt: number;
  /** The review date has passed (as the core's clock sees it). */
  pastReview: boolean;
}

export type HoldBasis = 'legalObligation' | 'necessaryForActivities';

export type JobName = 'visitPurge' | 'automaticSignOut';

export interface JobRun {
  id: number;
  job: string;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'ok' | 'failed' | 'blocked' | 'dry-run' | null;
  counts: Record<string, number>;
  /** Why it was blocked or failed, or what needs a look after it ran: a key each view translates. */
  reason: RunReason | null;
  /** An unexpected failure's own text, English, for the log only; views show `reason`. */
  message: string | null;
}

export interface RetentionStatus {
  now: number;
  lastRuns: JobRun[];
  /** Whether the newest visit purge was blocked by the clock guard and waits for an admin. */
  blocked: JobRun | null;
  nextVisitPurgeAt: number;
  /** The next visit to reach its erasure deadline, if any (held visits excluded). */
  nextVisitDeadline: number | null;
  activeHolds: LegalHold[];
  /**
   * Whether this kiosk deletes footage itself, from a configured footage folder: only then does
   * "delete expired footage now" have anything to do.
   */
  kioskPurgesFootage: boolean;
}

export interface FootageRow {
  id: number;
  path: string;
  camera: string;
  /** The camera as people know it (footage.cameraNames), else the camera itself. */
  cameraName: string;
  recordedAt: number;
  timeSource: 'path' | 'mtime';
  size: number;
  status: 'kept' | 'deleting' | 'deleted' | 'gone';
  /** When it will be deleted (kept files) under the current configuration. */
  deleteBy: number | null;
  deletedAt: number | null;
  /** Dated after now: flagged, never deleted. */
  future: boolean;
  /** When its path claimed a start far after the scan's now: that claim (recordedAt is when first seen). */
  claimedRecordedAt: number | null;
  /** Under an active legal hold: kept past its deadline. */
  held: boolean;
}

/** What the index can be filtered on: a row's status, or 'held' for kept files under an active hold. */
export type FootageListStatus = FootageRow['status'] | 'held';

export interface CameraSummary {
  camera: string;
  /** The camera as people know it (footage.cameraNames), else the camera itself. */
  cameraName: string;
  files: number;
  bytes: number;
  oldestRecording: number | null;
  /** Live files whose start is their mtime (no time in their paths). */
  mtimeFiles: number;
  nextDeletion: number | null;
}

export interface FootageOverview {
  /** The kiosk's clock, for countdowns. */
  now: number;
  cameras: CameraSummary[];
  lastScan: JobRun | null;
  lastPurge: JobRun | null;
  rootConfigured: boolean;
}
