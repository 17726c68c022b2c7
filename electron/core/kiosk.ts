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
import { describeProblem } from '../../shared/settings/setting-problems';
import { createSettingsService, type SettingsService } from './settings/settings-service';

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
  /** config.json read, changed and watched while the kiosk runs (admin's settings view, CLI). */
  settings: SettingsService;
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
  // A copy of its own: settings changed while the kiosk runs replace its groups in place.
  const effectiveConfig = structuredClone(config ?? loadConfigFile(dataDir, clock));
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const audit = createAuditLog({ database, clock });
  const visits = createVisitsService({ database, clock, config: effectiveConfig });
  const staff = createStaffService({ database, clock, audit });
  const sessions = createSessionStore({ clock, idleMs: () => effectiveConfig.idle.staffSeconds * 1000 });
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
      if (signedOut > 0) await audit.record('system', 'visits.autoSignedOut', { count: signedOut });
      return { outcome: 'ok', counts: { signedOut } };
    });
  const health = createHealthService({
    database,
    config: effectiveConfig,
    clock,
    jobs,
    scrubPending: () => retention.scrubPending(),
    holdsPastReview: async () => (await holds.pastReview()).map((hold) => hold.reviewAt),
    configRefused: () => {
      const refused = settings.refusedFile();
      return refused && { at: refused.at, problem: refused.problems.map(describeProblem).join('; ') };
    },
  });
  const alerts = createHealthAlerts({ database, config: effectiveConfig, clock, health, logError });
  const media = createMediaTickets({ database, root: () => effectiveConfig.footage.root, sessions });
  const privacy = createPrivacyService({ database, clock, config: effectiveConfig, audit, holds, footage });
  const hostMail = createHostMail({
    database,
    clock,
    send: hostSmtpSender(effectiveConfig),
    currentSend: () => hostSmtpSender(effectiveConfig),
    logError,
  });
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
  const settings = createSettingsService({
    dataDir,
    config: effectiveConfig,
    clock,
    audit,
    database,
    onApplied: (previous, next) => settingsApplied(previous, next),
    logError,
  });
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
      settings,
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
  let stopWatching: (() => void) | null = null;

  /** The schedules as the settings now say; started again whenever they change. */
  function plannedJobs() {
    const [hour, minute] = effectiveConfig.reception.autoSignOutAt.split(':').map(Number);
    return [
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
    ];
  }

  const startPlanned = () => startScheduler({ zone: effectiveConfig.timeZone, clock, jobs: plannedJobs() });

  /** What a changed setting moves in a running kiosk; services read the rest from the config at each call. */
  function settingsApplied(previous: KioskConfig, next: KioskConfig) {
    const changed = (pick: (config: KioskConfig) => unknown) =>
      JSON.stringify(pick(previous)) !== JSON.stringify(pick(next));
    if (
      scheduler &&
      !closing &&
      changed((config) => [config.schedules, config.timeZone, config.footage.root, config.reception.autoSignOutAt])
    ) {
      const previousScheduler = scheduler;
      scheduler = previousScheduler
        .catch(() => () => undefined)
        .then((stop) => {
          stop();
          return startPlanned();
        });
      void inBackground(scheduler);
    }
    // A new root or layout is looked at at once: the scan checks the root and records what it found.
    if (
      scheduler &&
      !closing &&
      next.footage.root &&
      changed((config) => [
        config.footage.root,
        config.footage.recorder,
        config.footage.patterns,
        config.footage.markerFile,
      ])
    )
      void inBackground(footage.scan().then(() => checkAlarms()));
    else if (scheduler && !closing) checkAlarms();
  }

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
    settings,
    router,
    async handle(terminal, channel, input, { background = false } = {}) {
      let caller: Caller;
      try {
        // A hand edit of config.json the watch has not reported yet is applied before the call.
        await settings.reloadIfChanged();
        caller = await callerFor(terminal, background);
      } catch (error) {
        // Whatever fails here, a shell gets a typed answer, never an exception.
        logError(error, 'session lookup');
        return fail('internal');
      }
      return router.invokeUntrusted(channel, input, caller);
    },
    async startBackgroundJobs() {
      if (closing) return;
      if (scheduler) {
        await scheduler;
        return;
      }
      scheduler = startPlanned();
      stopWatching = settings.watch();
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
        stopWatching?.();
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
