import fs from 'node:fs';
import path from 'node:path';
import type { JobRun } from '../../shared/api/types';
import type { KioskConfig } from '../../shared/config';
import { clockGuardReason } from '../../shared/run-reasons';
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
import { createFootageTimeline } from './footage-timeline/timeline-service';
import { createHealthAlerts, type HealthAlerts } from './health/alert-mail';
import { createHealthService, type HealthService } from './health/health-service';
import { createBadgeService } from './badges/badge-service';
import { createHostMail, hostSmtpSender, type HostMail } from './hosts/host-mail';
import { createHostService } from './hosts/host-service';
import { createSignOutUndo } from './desk/sign-out-undo';
import { createCodeThrottle } from './invitations/code-throttle';
import {
  createInvitationService,
  INVITATION_PURGE_JOB,
  type InvitationService,
} from './invitations/invitation-service';
import { createJobRunner, type JobResult, type JobRunner } from './jobs';
import { createPrivacyService, type PrivacyService } from './privacy/privacy-service';
import { createVisitRetention, VISIT_PURGE_JOB, type VisitRetention } from './retention/visit-retention';
import { startScheduler } from './scheduler';
import { createRouter, type Caller, type Router } from './router';
import { createSessionStore } from './sessions';
import { createStaffService, type StaffService } from './staff';
import { createVisitsService, type VisitsService } from './visits';
import { createVisitorGuard } from './public-screen/visitor-guard';
import { lobbyAllows } from '../../shared/api/lobby-views';
import { createConsoleService, type ConsoleService } from './console/console-service';
import { createDeviceService, type DeviceService } from './devices/device-service';
import { BROWSER_SCREEN, isLobbyScreen, type Screen } from './devices/screen';
import { createLiveEvents, VISIT_CHANGING_CHANNELS, type LiveEvents } from './live/live-events';

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
  /** Data-subject requests: search, copy, correct, erase, restrict, footage export. */
  privacy: PrivacyService;
  invitations: InvitationService;
  /** Host notices: sent in the background, retried; a failure never blocks a sign-in. */
  hostMail: HostMail;
  router: Router;
  /** Enrolled console devices and their one-time codes. */
  devices: DeviceService;
  /** The staff console's address and certificate. */
  console: ConsoleService;
  /** Sign-ins and sign-outs as they happen, for the console's live desks. */
  live: LiveEvents;
  /**
   * The entry point for a screen: a window or a browser-mode launch, named by `terminal`. The caller
   * is the terminal's unlocked staff session, or the anonymous kiosk.
   */
  handle(
    terminal: string,
    channel: unknown,
    input: unknown,
    /** `screen`: where the call comes from, as the shell resolved it; the loopback browser mode when left out. */
    options?: { background?: boolean; screen?: Screen },
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
  const effectiveConfig = config ?? loadConfigFile(dataDir, clock);
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const audit = createAuditLog({ database, clock });
  const visits = createVisitsService({ database, clock, config: effectiveConfig });
  const staff = createStaffService({ database, clock, audit });
  const sessions = createSessionStore({ clock, idleMs: effectiveConfig.idle.staffSeconds * 1000 });
  const holds = createHoldsService({ database, clock, audit, config: effectiveConfig });
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
    jobs.run(AUTOMATIC_SIGN_OUT_JOB, async (): Promise<JobResult> => {
      // A clock jumped ahead would end everybody's day: the same guard as the purge decides.
      const guard = await retention.clockCheck(clock.now());
      if (!guard.ok)
        return {
          outcome: 'blocked',
          counts: {},
          reason: clockGuardReason(guard.reason, effectiveConfig.retention.clockGuardDays),
        };
      const signedOut = await visits.signOutForgotten();
      if (signedOut > 0) {
        await audit.record('system', 'visits.autoSignedOut', { count: signedOut });
        live.emit({ type: 'visits' });
      }
      return { outcome: 'ok', counts: { signedOut } };
    });
  const health = createHealthService({
    database,
    config: effectiveConfig,
    clock,
    jobs,
    scrubPending: () => retention.scrubPending(),
    holdsPastReview: async () => (await holds.pastReview()).map((hold) => hold.reviewAt),
    enrolmentClosed: () => devices.enrolmentClosure(),
  });
  const alerts = createHealthAlerts({ database, config: effectiveConfig, clock, health, logError });
  const media = createMediaTickets({ database, root: () => effectiveConfig.footage.root, sessions });
  const privacy = createPrivacyService({ database, clock, config: effectiveConfig, audit, holds, footage });
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
  const devices = createDeviceService({ database, clock, audit, consoleUrl: () => consoleService.url() });
  const consoleService = createConsoleService({
    dataDir,
    config: effectiveConfig,
    clock,
    enrolmentClosed: () => devices.enrolmentClosed(),
  });
  await devices.enrolmentClosure(); // read once now, so the health checks need no query for it
  const live = createLiveEvents();
  const router = createRouter(
    createApiHandlers({
      media,
      config: effectiveConfig,
      visits,
      visitorGuard: createVisitorGuard({ visits, audit, clock, config: effectiveConfig }),
      staff,
      audit,
      sessions,
      holds,
      retention,
      footage,
      privacy,
      automaticSignOut,
      health,
      invitations,
      badges: createBadgeService({ database, config: effectiveConfig, clock }),
      hosts,
      signOutUndo: createSignOutUndo({ database, clock, audit }),
      footageTimeline: createFootageTimeline({ database, config: effectiveConfig, clock }),
      devices,
      consoleService,
    }),
    (error, channel) => logError(error, `channel ${channel}`),
  );

  /**
   * The terminal's unlocked staff member, or the anonymous kiosk. A session ends here when it ran
   * out or its account was disabled or changed role since the unlock; both are audited.
   */
  async function callerFor(terminal: string, background: boolean, screen: Screen): Promise<Caller> {
    const { session, expired } = sessions.touch(terminal, { extend: !background });
    if (expired)
      await audit.record({ staffId: expired.staffId, name: expired.name }, 'staff.locked', { reason: 'expired' });
    if (!session) return { kind: 'kiosk', terminal, screen };
    const account = await database.get<{ role: string; disabled_at: number | null }>(
      'SELECT role, disabled_at FROM staff WHERE id = ?',
      [session.staffId],
    );
    if (!account || account.disabled_at !== null || account.role !== session.role) {
      sessions.close(terminal);
      await audit.record({ staffId: session.staffId, name: session.name }, 'staff.locked', {
        reason: 'accountChanged',
      });
      return { kind: 'kiosk', terminal, screen };
    }
    return { kind: 'staff', staffId: session.staffId, name: session.name, role: session.role, terminal, screen };
  }

  // The scheduler while it starts (it reads each job's last run) and after; null until started.
  let scheduler: Promise<() => void> | null = null;
  let alarmTimer: NodeJS.Timeout | null = null;
  let closing: Promise<void> | null = null;
  // Runs and alarm checks started in the background, end to end, so close() can wait for them.
  const backgroundWork = new Set<Promise<unknown>>();
  const inBackground = <T>(work: Promise<T>): Promise<T> => {
    backgroundWork.add(work);
    void work.catch(() => undefined).finally(() => backgroundWork.delete(work));
    return work;
  };
  const checkAlarms = () => {
    if (!closing) void inBackground(alerts.check());
  };
  // The alarm mail goes after a run is recorded, never inside it: a dead mail server delays no purge.
  const scheduled = (run: () => Promise<JobRun>) => () =>
    inBackground(
      run().then((result) => {
        checkAlarms();
        return result;
      }),
    );
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
    privacy,
    invitations,
    hostMail,
    router,
    devices,
    console: consoleService,
    live,
    async handle(terminal, channel, input, { background = false, screen = BROWSER_SCREEN } = {}) {
      let caller: Caller;
      try {
        caller = await callerFor(terminal, background, screen);
      } catch (error) {
        // Whatever fails here, a shell gets a typed answer, never an exception.
        logError(error, 'session lookup');
        return fail('internal');
      }
      // A lobby screen opens only the staff views lobby.staffViews names, whatever the role.
      if (
        caller.kind === 'staff' &&
        isLobbyScreen(screen) &&
        !lobbyAllows(String(channel), effectiveConfig.lobby.staffViews)
      )
        return fail('lobby.viewClosed');
      const result = await router.invokeUntrusted(channel, input, caller);
      if (result.ok && typeof channel === 'string' && VISIT_CHANGING_CHANNELS.has(channel)) {
        live.emit({ type: 'visits' });
        if (channel === 'invitations.signIn') live.emit({ type: 'arrival' });
      }
      return result;
    },
    async startBackgroundJobs() {
      if (closing) return;
      if (scheduler) {
        await scheduler;
        return;
      }
      const [hour, minute] = effectiveConfig.reception.autoSignOutAt.split(':').map(Number);
      scheduler = startScheduler({
        zone: effectiveConfig.timeZone,
        clock,
        jobs: [
          {
            name: VISIT_PURGE_JOB,
            schedule: effectiveConfig.schedules.visitPurge,
            run: scheduled(() => retention.run()),
            lastStartedAt: () => lastStarted(VISIT_PURGE_JOB),
          },
          // Expected visits nobody came for go on the visit purge's schedule.
          {
            name: INVITATION_PURGE_JOB,
            schedule: effectiveConfig.schedules.visitPurge,
            run: scheduled(() => invitations.purge()),
            lastStartedAt: () => lastStarted(INVITATION_PURGE_JOB),
          },
          ...(effectiveConfig.footage.root
            ? [
                {
                  name: FOOTAGE_SCAN_JOB,
                  schedule: effectiveConfig.schedules.footageScan,
                  run: scheduled(() => footage.scan()),
                  lastStartedAt: () => lastStarted(FOOTAGE_SCAN_JOB),
                },
                {
                  name: FOOTAGE_PURGE_JOB,
                  schedule: effectiveConfig.schedules.footagePurge,
                  run: scheduled(() => footage.purge()),
                  lastStartedAt: () => lastStarted(FOOTAGE_PURGE_JOB),
                },
              ]
            : []),
          {
            name: AUTOMATIC_SIGN_OUT_JOB,
            schedule: `${minute} ${hour} * * *`,
            run: scheduled(automaticSignOut),
            lastStartedAt: () => lastStarted(AUTOMATIC_SIGN_OUT_JOB),
          },
        ],
      });
      await scheduler;
      alarmTimer = setInterval(checkAlarms, ALARM_CHECK_INTERVAL_MS);
      alarmTimer.unref();
      checkAlarms();
      void inBackground(hostMail.deliver()); // notices left waiting when the app last stopped
    },
    /**
     * Stops the schedules, waits for the scheduler's start and every job run in progress (a job that
     * met a closed database would fail half-way), then closes the database.
     */
    close() {
      closing ??= (async () => {
        if (alarmTimer) clearInterval(alarmTimer);
        await hostMail.stop();
        if (scheduler) (await scheduler.catch(() => () => undefined))();
        await Promise.allSettled([...backgroundWork]);
        await jobs.settleAll();
        await database.close();
      })();
      return closing;
    },
  };
}
