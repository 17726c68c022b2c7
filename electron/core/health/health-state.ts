import type { HealthProblem, HealthState, RetentionJob } from '../../../shared/api/health';
import type { RunReasonKey } from '../../../shared/run-reasons';
import type { JobRun } from '../../../shared/api/types';
import type { FootageEnforcer } from '../../../shared/config';
import type { RootProblem } from '../footage/root';
import type { OfflineGap } from './offline-gap';

const HOUR_MS = 60 * 60 * 1000;
/** A retention job that has not succeeded for this long has stopped, whatever the reason. */
export const MISSING_AFTER_MS = 24 * HOUR_MS;

const ROOT_PROBLEMS: readonly string[] = [
  'missing',
  'notDirectory',
  'unreadable',
  'markerMissing',
  'otherDevice',
  'emptyWhileIndexed',
] satisfies RootProblem[];

/** What the job-run records say about one job. Dry runs and runs still going are left out. */
export interface JobHistory {
  latest: JobRun | null;
  /** The first of the consecutive runs that ended as the latest did: when the current state began. */
  streakStart: JobRun | null;
  streakLength: number;
  lastOkAt: number | null;
}

export const NO_HISTORY: JobHistory = { latest: null, streakStart: null, streakLength: 0, lastOkAt: null };

export interface HealthFacts {
  now: number;
  /** When the kiosk first did anything (a job run, an audit entry): a fresh install is not overdue. */
  firstActivityAt: number | null;
  footageRootConfigured: boolean;
  footageDays: number;
  /** Who deletes footage (footage.enforcedBy); only the kiosk needs a root for it. Absent: the kiosk. */
  footageEnforcedBy?: FootageEnforcer;
  jobs: Record<RetentionJob, JobHistory>;
  /** What a blocked purge leaves in place: visits and footage files past their retention period. */
  waiting: { visits: number; footageFiles: number };
  scrubPending: { since: number } | null;
  /** Review dates of active holds that are past them. */
  holdsPastReview: number[];
  /** A hand edit of config.json that was refused, while the file still holds it. */
  configRefused?: { at: number; problem: string } | null;
  /** Console enrolment closed after too many wrong codes (someone guessing), until an admin opens it. */
  enrolmentClosed?: { since: number; wrongCodes: number } | null;
  /** The last mail that could not be sent, while no later one went through. */
  mailFailure?: { since: number; error: string } | null;
  /** The kiosk was off while deadlines fell, not yet acknowledged by an admin. */
  offlineGap?: OfflineGap | null;
  /** When each screen now locked for wrong PINs was locked. */
  screensLockedForPins?: number[];
  /** Whether Retention asks an admin to confirm the time (a clock block no one confirmed yet); unknown is yes. */
  clockAwaitsConfirmation?: boolean;
}

/** A blocked run's typed reason, as the short name the alarm texts use. */
const BLOCK_REASONS: Partial<Record<RunReasonKey, string>> = {
  'run.clockFarAhead': 'clockFarAhead',
  'run.clockBehindLastRun': 'clockBehindLastRun',
  'run.awaitingConfirmation': 'awaitingConfirmation',
  'run.footageTooManyAtOnce': 'tooManyAtOnce',
  'run.footageRootMissing': 'missing',
  'run.footageRootNotDirectory': 'notDirectory',
  'run.footageRootUnreadable': 'unreadable',
  'run.footageMarkerMissing': 'markerMissing',
  'run.footageOtherDevice': 'otherDevice',
  'run.footageEmptyWhileIndexed': 'emptyWhileIndexed',
};

/** The clock blocks an admin lifts by confirming the time (a clock behind lifts by itself). */
const CONFIRMABLE_CLOCK_REASONS: readonly string[] = ['clockFarAhead', 'awaitingConfirmation'];

export function blockReasonOf(run: JobRun): string {
  return (run.reason && BLOCK_REASONS[run.reason.key]) ?? 'unknown';
}

/** Every purge after a clock block waits for the admin's confirmation: the first block says why. */
function blockReasonOfStreak({ latest, streakStart }: JobHistory): string {
  const reason = blockReasonOf(latest!);
  return reason === 'awaitingConfirmation' && streakStart ? blockReasonOf(streakStart) : reason;
}

/** The health state from the facts alone (no clock, no database), so every rule is tested with fixed times. */
export function computeHealth(facts: HealthFacts): HealthState {
  const { now, jobs } = facts;
  const problems: HealthProblem[] = [];
  const troubled = new Set<RetentionJob>();
  const footageJobs: RetentionJob[] = facts.footageRootConfigured ? ['footageScan', 'footagePurge'] : [];

  const visitPurge = jobs.visitPurge;
  if (visitPurge.latest?.outcome === 'blocked') {
    troubled.add('visitPurge');
    problems.push({
      key: 'retentionBlocked',
      params: { job: 'visitPurge', reason: blockReasonOfStreak(visitPurge), waiting: facts.waiting.visits },
      since: (visitPurge.streakStart ?? visitPurge.latest).startedAt,
    });
  }

  let rootUnavailable: { reason: string; since: number } | null = null;
  for (const job of footageJobs) {
    const { latest, streakStart } = jobs[job];
    if (latest?.outcome !== 'blocked') continue;
    troubled.add(job);
    const blockReason = blockReasonOfStreak(jobs[job]);
    // The admin confirmed the time after this purge was held back: it only waits for its next run.
    const reason =
      CONFIRMABLE_CLOCK_REASONS.includes(blockReason) && facts.clockAwaitsConfirmation === false
        ? 'clockConfirmed'
        : blockReason;
    const since = (streakStart ?? latest).startedAt;
    if (ROOT_PROBLEMS.includes(reason)) {
      if (!rootUnavailable || since < rootUnavailable.since) rootUnavailable = { reason, since };
    } else if (job === 'footagePurge') {
      problems.push({
        key: 'retentionBlocked',
        params: { job, reason, waiting: facts.waiting.footageFiles },
        since,
      });
    }
  }
  if (rootUnavailable) {
    problems.push({
      key: 'footageRootUnavailable',
      params: { reason: rootUnavailable.reason },
      since: rootUnavailable.since,
    });
  }

  for (const job of ['visitPurge', ...footageJobs] as RetentionJob[]) {
    const { latest, streakStart, streakLength } = jobs[job];
    if (latest?.outcome !== 'failed') continue;
    troubled.add(job);
    problems.push({
      key: 'runFailed',
      params: { job, failures: streakLength },
      since: (streakStart ?? latest).startedAt,
    });
  }

  if (facts.scrubPending) problems.push({ key: 'scrubPending', params: {}, since: facts.scrubPending.since });

  // A job that is blocked or failing is already on the list, with its cause.
  const overdue = (job: 'visitPurge' | 'footageScan', lastOkAt: number | null) => {
    const reference = lastOkAt ?? facts.firstActivityAt;
    if (reference === null || now - reference <= MISSING_AFTER_MS) return;
    problems.push({
      key: 'runMissing',
      params: { job, hours: Math.floor((now - reference) / HOUR_MS) },
      since: reference + MISSING_AFTER_MS,
    });
  };
  if (!troubled.has('visitPurge')) overdue('visitPurge', visitPurge.lastOkAt);
  if (facts.footageRootConfigured && !troubled.has('footageScan') && !troubled.has('footagePurge')) {
    // The purge scans the root before it deletes, so either job's success is a scan.
    const scans = [jobs.footageScan.lastOkAt, jobs.footagePurge.lastOkAt].filter((at): at is number => at !== null);
    overdue('footageScan', scans.length > 0 ? Math.max(...scans) : null);
  }

  if (facts.holdsPastReview.length > 0) {
    problems.push({
      key: 'holdsPastReview',
      params: { count: facts.holdsPastReview.length },
      since: Math.min(...facts.holdsPastReview),
    });
  }

  if (facts.configRefused) {
    problems.push({
      key: 'configRefused',
      params: { problem: facts.configRefused.problem },
      since: facts.configRefused.at,
    });
  }

  if (facts.enrolmentClosed) {
    problems.push({
      key: 'enrolmentClosed',
      params: { wrongCodes: facts.enrolmentClosed.wrongCodes },
      since: facts.enrolmentClosed.since,
    });
  }

  if (facts.mailFailure) {
    problems.push({ key: 'mailFailed', params: { error: facts.mailFailure.error }, since: facts.mailFailure.since });
  }

  if (facts.offlineGap) {
    problems.push({ key: 'offlinePastDeadline', params: { ...facts.offlineGap }, since: facts.offlineGap.to });
  }

  const lockedScreens = facts.screensLockedForPins ?? [];
  if (lockedScreens.length > 0) {
    problems.push({
      key: 'screenLockedForPins',
      params: { count: lockedScreens.length },
      since: Math.min(...lockedScreens),
    });
  }

  if (!facts.footageRootConfigured && (facts.footageEnforcedBy ?? 'kiosk') === 'kiosk') {
    // The notice promises the kiosk deletes footage after N days; without a root nothing enforces that.
    problems.push({
      key: 'footageNotEnforced',
      params: { days: facts.footageDays },
      since: facts.firstActivityAt ?? now,
    });
  }

  return { checkedAt: now, problems };
}
