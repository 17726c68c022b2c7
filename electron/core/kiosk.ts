import fs from 'node:fs';
import path from 'node:path';
import type { JobRun } from '../../shared/api/types';
import type { KioskConfig } from '../../shared/config';
import { fail, type Result } from '../../shared/result';
import { capabilityHandlers, capabilityJobs } from './capabilities';
import { systemClock, type Clock } from './clock';
import { loadConfigFile } from './config-file';
import { createCoreServices, type CoreServices } from './core-services';
import { openDatabase } from './database';
import { createRouter, type Caller, type Router } from './router';
import { startScheduler } from './scheduler';
import { createCallerLookup } from './staff/caller';
import { lobbyAllows } from '../../shared/api/lobby-views';
import { BROWSER_SCREEN, isLobbyScreen, type Screen } from './devices/screen';
import { VISIT_CHANGING_CHANNELS } from './live/live-events';
import type { ScryptParams } from './staff/pin-hash';
import type { ScrubWait } from './retention/visit-retention';

export const DATABASE_FILE_NAME = 'kiosk.sqlite3';
export { AUTOMATIC_SIGN_OUT_JOB } from './visits/automatic-sign-out';
const ALARM_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface KioskOptions {
  dataDir: string;
  /** Defaults to the data folder's config.json. */
  config?: KioskConfig;
  clock?: Clock;
  /** Where unexpected errors go; they never reach a user. */
  logError?: (error: unknown, context: string) => void;
  /** The scrypt cost of new PIN hashes: the production cost unless a test asks for a cheap one. */
  pinParams?: ScryptParams;
  /** How the visit purge waits for another process's reader: the production waits unless a test asks for short ones. */
  scrubWait?: ScrubWait;
}

export interface Kiosk extends CoreServices {
  router: Router;
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
  pinParams,
  scrubWait,
}: KioskOptions): Promise<Kiosk> {
  // Personal data lives here: readable by the kiosk's own account only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A copy of its own: settings changed while the kiosk runs replace its groups in place.
  const effectiveConfig = structuredClone(config ?? loadConfigFile(dataDir, clock));
  const database = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  const core = createCoreServices({
    config: effectiveConfig,
    clock,
    database,
    logError,
    dataDir,
    pinParams,
    scrubWait,
  });
  await core.devices.enrolmentClosure(); // read once now, so the health checks need no query for it
  const { alerts, hostMail, jobs, settings, footage } = core;
  const router = createRouter(capabilityHandlers(core), (error, channel) => logError(error, `channel ${channel}`));
  const callerFor = createCallerLookup(core);

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
  // The schedules as the settings say now: capabilityJobs reads them again each time.
  const startPlanned = () =>
    startScheduler({
      zone: effectiveConfig.timeZone,
      clock,
      jobs: capabilityJobs(core).map((job) => ({
        ...job,
        run: scheduled(job.run),
        lastStartedAt: () => lastStarted(job.name),
      })),
    });

  /** What a changed setting moves in a running kiosk; services read the rest from the config at each call. */
  settings.onApplied((previous, next) => {
    if (!scheduler || closing) return;
    const changed = (pick: (config: KioskConfig) => unknown) =>
      JSON.stringify(pick(previous)) !== JSON.stringify(pick(next));
    if (changed((config) => [config.schedules, config.timeZone, config.footage.root, config.reception.autoSignOutAt])) {
      scheduler = scheduler
        .catch(() => () => undefined)
        .then((stop) => {
          stop();
          return startPlanned();
        });
      void inBackground(scheduler);
    }
    // A new root or layout is looked at at once: the scan checks the root and records what it found.
    if (
      next.footage.root &&
      changed((config) => [
        config.footage.root,
        config.footage.recorder,
        config.footage.patterns,
        config.footage.markerFile,
      ])
    )
      void inBackground(footage.scan().then(() => checkAlarms()));
    else checkAlarms();
  });

  return {
    ...core,
    router,
    async handle(terminal, channel, input, { background = false, screen = BROWSER_SCREEN } = {}) {
      let caller: Caller;
      try {
        // A hand edit of config.json the watch has not reported yet is applied before the call.
        await settings.reloadIfChanged();
        const found = await callerFor(terminal, background);
        caller = found.kind === 'operator' ? found : { ...found, screen };
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
        core.live.emit({ type: 'visits' });
        if (channel === 'invitations.signIn') core.live.emit({ type: 'arrival' });
      }
      return result;
    },
    async startBackgroundJobs() {
      if (closing) return;
      if (scheduler) {
        await scheduler;
        return;
      }
      // Before the scheduler makes up missed runs: what the gap left past its deadline is counted first.
      const gapRecorded = core.offlineGaps.recordAtStart().catch((error: unknown) => logError(error, 'offline gap'));
      scheduler = gapRecorded.then(startPlanned);
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
