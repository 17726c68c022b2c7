import * as visits from './0001-visits';
import * as staffAndAudit from './0002-staff-and-audit';
import * as retention from './0003-retention';
import * as footage from './0004-footage';
import * as footageByFolder from './0005-footage-by-folder';
import * as footageRecordByTime from './0006-footage-record-by-time';
import * as visitsAutoincrement from './0007-visits-autoincrement';
import * as holdReview from './0008-hold-review';
import * as runReasonsAndFutureFootage from './0009-run-reasons-and-future-footage';
import * as privacy from './0011-privacy';
import * as pinParamsAndLockout from './0012-pin-params-and-lockout';
import * as invitations from './0014-invitations';
import * as hosts from './0015-hosts';
import * as privacyExports from './0016-privacy-exports';
import * as devices from './0018-devices';
import * as signOutByName from './0020-sign-out-by-name';
import * as visitSearchText from './0021-visit-search-text';
import * as exportExpectedIds from './0022-export-expected-ids';
import * as visitRetentionPeriods from './0023-visit-retention-periods';
import * as footageLiveByCameraTime from './0024-footage-live-by-camera-time';
import * as footageTimelineCovering from './0025-footage-timeline-covering';
import * as staffPinGeneration from './0026-staff-pin-generation';

export interface Migration {
  /** The schema version this migration brings a database to: its file's number. */
  version?: number;
  sql: string;
}

/** A migration's schema version; a list without numbers (a test's) counts by position from 1. */
export const versionOf = (migration: Migration, index: number) => migration.version ?? index + 1;

export const latestVersion = (list: readonly Migration[]) =>
  list.reduce((latest, migration, index) => Math.max(latest, versionOf(migration, index)), 0);

/**
 * In order; a migration's schema version is its file's number, so numbers may have gaps. A new
 * migration is a new file with the next free number, appended here with that number.
 */
export const migrations: readonly Migration[] = [
  { version: 1, ...visits },
  { version: 2, ...staffAndAudit },
  { version: 3, ...retention },
  { version: 4, ...footage },
  { version: 5, ...footageByFolder },
  { version: 6, ...footageRecordByTime },
  { version: 7, ...visitsAutoincrement },
  { version: 8, ...holdReview },
  { version: 9, ...runReasonsAndFutureFootage },
  // Rebuilds the staff table with its columns of then: before 0012 adds its own.
  { version: 11, ...privacy },
  { version: 12, ...pinParamsAndLockout },
  { version: 14, ...invitations },
  { version: 15, ...hosts },
  { version: 16, ...privacyExports },
  { version: 18, ...devices },
  { version: 20, ...signOutByName },
  { version: 21, ...visitSearchText },
  { version: 22, ...exportExpectedIds },
  { version: 23, ...visitRetentionPeriods },
  { version: 24, ...footageLiveByCameraTime },
  { version: 25, ...footageTimelineCovering },
  { version: 26, ...staffPinGeneration },
];

/** The schema version of a database this version of the kiosk creates. */
export const LATEST_SCHEMA_VERSION = latestVersion(migrations);
