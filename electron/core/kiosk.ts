import fs from 'node:fs';
import path from 'node:path';
import type { JobRun } from '../../shared/api/types';
import type { KioskConfig } from '../../shared/config';
import { fail, type Result } from '../../shared/result';
import { createApiHandlers } from './api-handlers';
import { createAuditLog, type AuditLog } from './audit';
import { systemClock, type Clock } from './clock';
import { loadConfigFile } from './config-file';
import { openDatabase, type Database } from './database';
import { createHoldsService, type HoldsService } from './holds';
import {
  createFootageService,
  FOOTAGE_PURGE_JOB,
  FOOTAGE_SCAN_JOB,
  type FootageService,
} from './footage/footage-service';
import { createMediaTickets, type MediaTickets } from './footage/media';
import { createHealthAlerts, type HealthAlerts } from './health/alert-mail';
import { createHealthService, type HealthService } from './health/health-service';
import { createBadgeService } from './badges/badge-service';
import { createHostMail, hostSmtpSender, type HostMail } from './hosts/host-mail';
import { createHostService } from './hosts/host-service';
import { createCodeThrottle } from './invitations/code-throttle';
import {
  createInvitationService,
  INVITATION_PURGE_JOB,
  type InvitationService,
} from './invitations/invitation-service';
import { createJobRunner, type JobRunner } from './jobs';
import { createVisitRetention, VISIT_PURGE_JOB, type VisitRetention } from './retention/visit-retention';
import { startScheduler } from './scheduler';
import { createRouter, type Caller, type Router } from './router';
import { createSessionStore } from './sessions';
import { createStaffService, type StaffService } from './staff';
import { createVisitsService, type VisitsService } from './visits';

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';
export const AUTOMATIC_SIGN_OUT_JOB = 'automaticSignOut';
const ALARM_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface KioskOptions {
  dataDir: string;
  /** Defaults to the data folder's config.json. */
  config?: KioskConfig;
  clock?: Clock;
  /** Where unexpected errors go; they never reach a user. */
  logError?: (error: unknown, context: string) => void;
}

export interface Kiosk {
  config: KioskConfig;
  clock: Clock;
  database: Database;
  visits: VisitsService;
  staff: StaffService;
  audit: AuditLog;
  holds: HoldsService;
  jobs: JobRunner;
  retention: VisitRetention;
  footage: FootageService;
  /** What keeps retention from working as the notice promises (the staff banner, the alarm mail). */
  health: HealthService;
  alerts: HealthAlerts;
  /** Footage playback tickets and the responses the media route and protocol serve. */
  media: MediaTickets;
  invitations: InvitationService;
  /** Host notices: sent in the background, retried; a failure never blocks a sign-in. */
  hostMail: HostMail;
  router: Router;
  /**
   * The entry point for a screen: a window or a browser-mode launch, named by `terminal`. The caller
   * is the terminal's unlocked staff session, or the anonymous kiosk.
   */
  handle(
    terminal: string,
    channel: unknown,
    input: unknown,
    options?: { background?: boolean },
  ): Promise<Result<unknown>>;
  /** The scheduled jobs a running kiosk keeps (purge, automatic sign-out); the CLI does not start them. */
  startBackgroundJobs(): Promise<void>;
  close(): Promise<void>;
}

/** The one core behind every shell: Electron, browser mode and the CLI each wrap what this returns. */
export async function createKiosk({
  dataDir,
  config,
  clock = systemClock,
  logError = (error, context) => console.error(`[kiosk] ${context}:`, error),
}: KioskOptions): Promise<Kiosk> {
  // Personal data lives here: readable by the kiosk's own account only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const effectiveConfig = config ?? loadConfigFile(dataDir);
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const audit = createAuditLog({ database, clock });
  const visits = createVisitsService({ database, clock, config: effectiveConfig });
  const staff = createStaffService({ database, clock, audit });
  const sessions = createSessionStore({ clock, idleMs: effectiveConfig.idle.staffSeconds * 1000 });
  const holds = createHoldsService({ database, clock, audit });
  const jobs = createJobRunner({ database, clock, logError });
  const retention = createVisitRetention({ database, config: effectiveConfig, clock, audit, jobs, holds });
  const footage = createFootageService({
    database,
    config: effectiveConfig,
    clock,
    audit,
    jobs,
    clockCheck: retention.clockCheck,
    logError,
  });
  const automaticSignOut = () =>
    jobs.run(AUTOMATIC_SIGN_OUT_JOB, async () => {
      const signedOut = await visits.signOutForgotten();
      if (signedOut > 0) await audit.record('system', 'visits.autoSignedOut', { count: signedOut });
      return { outcome: 'ok', counts: { signedOut } };
    });
  const health = createHealthService({ database, config: effectiveConfig, clock, jobs });
  const alerts = createHealthAlerts({ database, config: effectiveConfig, clock, health, logError });
  const media = createMediaTickets({ database, clock, root: () => effectiveConfig.footage.root });
  const hostMail = createHostMail({ database, clock, send: hostSmtpSender(effectiveConfig), logError });
  const hosts = createHostService({ database, config: effectiveConfig, clock, audit, mail: hostMail });
  const invitations = createInvitationService({
    database,
    config: effectiveConfig,
    clock,
    audit,
    jobs,
    visits,
    throttle: createCodeThrottle(clock),
    clockCheck: retention.clockCheck,
    onArrival: hosts.notifyByName,
    logError,
  });
  const router = createRouter(
    createApiHandlers({
      media,
      config: effectiveConfig,
      visits,
      staff,
      audit,
      sessions,
      holds,
      retention,
      footage,
      automaticSignOut,
      health,
      invitations,
      badges: createBadgeService({ database, config: effectiveConfig, clock }),
      hosts,
    }),
    (error, channel) => logError(error, `channel ${channel}`),
  );

  /**
   * The terminal's unlocked staff member, or the anonymous kiosk. A session ends here when it ran
   * out or its account was disabled or changed role since the unlock; both are audited.
   */
  async function callerFor(terminal: string, background: boolean): Promise<Caller> {
    const { session, expired } = sessions.touch(terminal, { extend: !background });
    if (expired)
      await audit.record({ staffId: expired.staffId, name: expired.name }, 'staff.locked', { reason: 'expired' });
    if (!session) return { kind: 'kiosk', terminal };
    const account = await database.get<{ role: string; disabled_at: number | null }>(
      'SELECT role, disabled_at FROM staff WHERE id = ?',
      [session.staffId],
    );
    if (!account || account.disabled_at !== null || account.role !== session.role) {
      sessions.close(terminal);
      await audit.record({ staffId: session.staffId, name: session.name }, 'staff.locked', {
        reason: 'accountChanged',
      });
      return { kind: 'kiosk', terminal };
    }
    return { kind: 'staff', staffId: session.staffId, name: session.name, role: session.role, terminal };
  }

  let stopJobs: (() => void) | null = null;
  // The alarm mail goes after a run is recorded, never inside it: a dead mail server delays no purge.
  const thenCheckAlarms = (run: () => Promise<JobRun>) => async (): Promise<JobRun> => {
    const result = await run();
    void alerts.check();
    return result;
  };
  const lastStarted = async (job: string) => (await jobs.lastRun(job))?.startedAt ?? null;

  return {
    config: effectiveConfig,
    clock,
    database,
    visits,
    staff,
    audit,
    holds,
    jobs,
    retention,
    footage,
    health,
    alerts,
    media,
    invitations,
    hostMail,
    router,
    async handle(terminal, channel, input, { background = false } = {}) {
      let caller: Caller;
      try {
        caller = await callerFor(terminal, background);
      } catch (error) {
        // Whatever fails here, a shell gets a typed answer, never an exception.
        logError(error, 'session lookup');
        return fail('internal');
      }
      return router.invokeUntrusted(channel, input, caller);
    },
    async startBackgroundJobs() {
      if (stopJobs) return;
      const alarmTimer = setInterval(() => void alerts.check(), ALARM_CHECK_INTERVAL_MS);
      alarmTimer.unref();
      const [hour, minute] = effectiveConfig.reception.autoSignOutAt.split(':').map(Number);
      const stopScheduler = await startScheduler({
        zone: effectiveConfig.timeZone,
        clock,
        jobs: [
          {
            name: VISIT_PURGE_JOB,
            schedule: effectiveConfig.schedules.visitPurge,
            run: () => retention.run(),
            lastStartedAt: () => lastStarted(VISIT_PURGE_JOB),
          },
          // Expected visits nobody came for go on the visit purge's schedule.
          {
            name: INVITATION_PURGE_JOB,
            schedule: effectiveConfig.schedules.visitPurge,
            run: () => invitations.purge(),
            lastStartedAt: () => lastStarted(INVITATION_PURGE_JOB),
          },
          ...(effectiveConfig.footage.root
            ? [
                {
                  name: FOOTAGE_SCAN_JOB,
                  schedule: effectiveConfig.schedules.footageScan,
                  run: () => footage.scan(),
                  lastStartedAt: () => lastStarted(FOOTAGE_SCAN_JOB),
                },
                {
                  name: FOOTAGE_PURGE_JOB,
                  schedule: effectiveConfig.schedules.footagePurge,
                  run: () => footage.purge(),
                  lastStartedAt: () => lastStarted(FOOTAGE_PURGE_JOB),
                },
              ]
            : []),
          {
            name: AUTOMATIC_SIGN_OUT_JOB,
            schedule: `${minute} ${hour} * * *`,
            run: automaticSignOut,
            lastStartedAt: () => lastStarted(AUTOMATIC_SIGN_OUT_JOB),
          },
        ].map((job) => ({ ...job, run: thenCheckAlarms(job.run) })),
      });
      stopJobs = () => {
        clearInterval(alarmTimer);
        stopScheduler();
      };
      void alerts.check();
      void hostMail.deliver(); // notices left waiting when the app last stopped
    },
    async close() {
      stopJobs?.();
      hostMail.stop();
      await database.close();
    },
  };
}
