import { z } from 'zod';
import { STAFF_ROLES, channel } from './channel';

/**
 * Why retention is not being done as the notice promises. Each problem names what is wrong as a key
 * with parameters (job names, reason keys, counts: never personal data) and since when.
 */
export type HealthProblemKey =
  | 'retentionBlocked'
  | 'runFailed'
  | 'runMissing'
  | 'scrubPending'
  | 'footageRootUnavailable'
  | 'footageNotEnforced'
  | 'holdsPastReview'
  | 'mailFailed'
  | 'offlinePastDeadline';

export type RetentionJob = 'visitPurge' | 'footageScan' | 'footagePurge';

export type HealthProblem =
  | {
      key: 'retentionBlocked';
      params: { job: 'visitPurge' | 'footagePurge'; reason: string; waiting: number };
      since: number;
    }
  | { key: 'runFailed'; params: { job: RetentionJob; failures: number }; since: number }
  | { key: 'runMissing'; params: { job: 'visitPurge' | 'footageScan'; hours: number }; since: number }
  | { key: 'scrubPending'; params: Record<string, never>; since: number }
  | { key: 'footageRootUnavailable'; params: { reason: string }; since: number }
  | { key: 'footageNotEnforced'; params: { days: number }; since: number }
  | { key: 'holdsPastReview'; params: { count: number }; since: number }
  /** A hand edit of config.json the running kiosk refused: it keeps its last good settings. */
  | { key: 'configRefused'; params: { problem: string }; since: number }
  | { key: 'enrolmentClosed'; params: { wrongCodes: number }; since: number }
  /** A mail (an alarm or a host notice) could not be sent: the server's or the connection's error. */
  | { key: 'mailFailed'; params: { error: string }; since: number }
  /** The kiosk was off from `from` to `to` while deadlines fell: shown until an admin acknowledges it. */
  | {
      key: 'offlinePastDeadline';
      params: { from: number; to: number; visits: number; files: number; overdueMs: number };
      since: number;
    }
  | { key: 'screenLockedForPins'; params: { count: number }; since: number };

export interface HealthState {
  checkedAt: number;
  problems: HealthProblem[];
}

/** One problem's identity across checks: the same key for another job is another alarm. */
export function problemId(problem: HealthProblem): string {
  return 'job' in problem.params ? `${problem.key}:${problem.params.job}` : problem.key;
}

const noInput = z.strictObject({});

export const healthApi = {
  // Every staff role sees the alarm: whoever is at the desk can pass it on to who may act.
  'health.current': channel<typeof noInput, HealthState>({ view: 'every', input: noInput, access: STAFF_ROLES }),
  /** An admin has read that the kiosk was off past a deadline: the message goes (audited). */
  'health.acknowledgeOffline': channel<typeof noInput, { acknowledged: boolean }>({
    view: 'every',
    input: noInput,
    access: ['admin'],
  }),
};
