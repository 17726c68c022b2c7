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
import * as signOutByName from './0020-sign-out-by-name';

export interface Migration {
  sql: string;
}

/** In order; a migration's schema version is its position, starting at 1. */
export const migrations: readonly Migration[] = [
  visits,
  staffAndAudit,
  retention,
  footage,
  footageByFolder,
  footageRecordByTime,
  visitsAutoincrement,
  holdReview,
  runReasonsAndFutureFootage,
  // Rebuilds the staff table with its columns of then: before 0012 adds its own.
  privacy,
  pinParamsAndLockout,
  invitations,
  hosts,
  signOutByName,
];
