import type { KioskConfig } from '../../shared/config';
import { describeProblem } from '../../shared/settings/setting-problems';
import { createAuditView } from './audit/audit-actor';
import { createAuditLog } from './audit/audit-log';
import type { Clock } from './clock';
import type { Database } from './database';
import { createSignOutUndo } from './desk/sign-out-undo';
import { createFootageService } from './footage/footage-service';
import { createMediaTickets } from './footage/media';
import { createFootageTimeline } from './footage/timeline-service';
import { createHealthAlerts } from './health/alert-mail';
import { createHealthService } from './health/health-service';
import { createOfflineGaps } from './health/offline-gap';
import { createHoldsService } from './holds/holds-service';
import { createHostMail, hostSmtpSender } from './hosts/host-mail';
import { createHostService } from './hosts/host-service';
import { createBadgeService } from './invitations/badge-service';
import { createCodeThrottle } from './invitations/code-throttle';
import { createInvitationService } from './invitations/invitation-service';
import { createJobRunner } from './jobs';
import { createExportRecords } from './privacy/export-records';
import { createPrivacyService } from './privacy/privacy-service';
import { createSettingsService } from './settings/settings-service';
import { createVisitRetention, type ScrubWait } from './retention/visit-retention';
import type { ScryptParams } from './staff/pin-hash';
import { createSessionStore } from './staff/sessions';
import { createStaffService } from './staff/staff-service';
import { createAutomaticSignOut } from './visits/automatic-sign-out';
import { createSignInScreens } from './public-screen/sign-in-screens';
import { createVisitorGuard } from './visits/visitor-guard';
import { createVisitsService } from './visits/visits-service';
import { createConsoleService } from './console/console-service';
import { createDeviceService } from './devices/device-service';
import { createLiveEvents } from './live/live-events';

export interface CoreGiven {
  config: KioskConfig;
  clock: Clock;
  database: Database;
  logError: (error: unknown, context: string) => void;
  /** The data folder: config.json (settings), the console's generated certificate and, when
   * privacy.exportFolder is not set, the exports. */
  dataDir: string;
  /** The scrypt cost of new PIN hashes (see KioskOptions.pinParams). */
  pinParams?: ScryptParams;
  /** How the visit purge waits for another process's reader (see KioskOptions.scrubWait). */
  scrubWait?: ScrubWait;
}

/**
 * Every service of the core, in the order they depend on each other: one setup call per service.
 * A capability's handlers and jobs (capabilities.ts) pick what they need from the result.
 */
export function createCoreServices(given: CoreGiven) {
  const { config, clock, database, logError } = given;
  const audit = createAuditLog({ database, clock });
  const jobs = createJobRunner({ database, clock, logError });
  const sessions = createSessionStore({ clock, idleMs: () => config.idle.staffSeconds * 1000 });
  const visits = createVisitsService({ database, clock, config });
  const staff = createStaffService({ database, clock, audit, pinParams: given.pinParams });
  const holds = createHoldsService({ database, clock, audit, config });
  const retention = createVisitRetention({ database, config, clock, audit, jobs, holds, scrubWait: given.scrubWait });
  const footage = createFootageService({ ...given, audit, jobs, clockCheck: retention.clockCheck });
  const offlineGaps = createOfflineGaps({ database, config, clock, audit });
  const health = createHealthService({
    ...given,
    jobs,
    offlineGap: () => offlineGaps.current(),
    scrubPending: () => retention.scrubPending(),
    clockAwaitsConfirmation: () => retention.awaitsClockConfirmation(),
    holdsPastReview: async () => (await holds.pastReview()).map((hold) => hold.reviewAt),
    screensLockedForPins: () => staff.screensLockedForPins(),
    configRefused: () => {
      const refused = settings.refusedFile();
      return refused && { at: refused.at, problem: refused.problems.map(describeProblem).join('; ') };
    },
    enrolmentClosed: () => devices.enrolmentClosure(),
  });
  const media = createMediaTickets({ database, root: () => config.footage.root, sessions });
  const hostMail = createHostMail({
    database,
    clock,
    send: hostSmtpSender(config),
    currentSend: () => hostSmtpSender(config),
    logError,
    maxPerHour: () => config.hostNotice.maxPerHour,
  });
  const settings = createSettingsService({ ...given, audit });
  const hosts = createHostService({ database, config, clock, audit, mail: hostMail });
  const devices = createDeviceService({ database, clock, audit, consoleUrl: () => consoleService.url() });
  const consoleService = createConsoleService({
    dataDir: given.dataDir,
    config,
    clock,
    enrolmentClosed: () => devices.enrolmentClosed(),
  });
  const exports = createExportRecords({ ...given, audit, jobs, clockCheck: retention.clockCheck });
  return {
    ...given,
    audit,
    auditView: createAuditView({ audit, sessions }),
    jobs,
    sessions,
    visits,
    visitorGuard: createVisitorGuard({ visits, audit, clock, config }),
    signInScreens: createSignInScreens(clock),
    automaticSignOut: createAutomaticSignOut({ config, clock, jobs, visits, audit, retention }),
    signOutUndo: createSignOutUndo({ database, clock, audit }),
    staff,
    holds,
    retention,
    footage,
    footageTimeline: createFootageTimeline({ database, config, clock }),
    media,
    health,
    offlineGaps,
    alerts: createHealthAlerts({ database, config, clock, health, logError }),
    privacy: createPrivacyService({ database, clock, config, audit, holds, footage, exports }),
    /** Every copy written for a person or the police, with its expiry (the export purge deletes it). */
    exports,
    hostMail,
    hosts,
    invitations: createInvitationService({
      ...given,
      audit,
      jobs,
      visits,
      throttle: createCodeThrottle(clock),
      clockCheck: retention.clockCheck,
      onArrival: hosts.notifyByName,
    }),
    badges: createBadgeService({ database, config, clock }),
    settings,
    /** Enrolled console devices and their one-time codes. */
    devices,
    /** The staff console's address and certificate. */
    console: consoleService,
    /** Sign-ins and sign-outs as they happen, for the console's live desks. */
    live: createLiveEvents(),
  };
}

export type CoreServices = ReturnType<typeof createCoreServices>;
