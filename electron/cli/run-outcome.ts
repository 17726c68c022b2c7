import type { JobRun } from '../../shared/api/types';
import { describeRunReason, remedyFor, type RunReason } from '../../shared/run-reasons';

export const EXIT_BLOCKED = 3;

const REMEDIES = {
  confirmClock: 'once the clock is right, an admin confirms it: kiosk retention confirm-clock',
  waitForClock:
    'check the clock (time synchronisation); the next run goes ahead by itself once it is past the previous one',
  confirmDeletion: 'see what would go with "kiosk footage backlog", then confirm: kiosk footage confirm-deletion',
  checkFootageRoot: 'check that the footage share is mounted and readable (footage.root); the next run tries again',
} as const;

/** The reason in English with what to do about it, for one line on stderr. */
export function explainReason(reason: RunReason | null): string {
  if (!reason) return '';
  const remedy = remedyFor(reason);
  return `${describeRunReason(reason, 'en')}${remedy ? `; ${REMEDIES[remedy]}` : ''}`;
}

/**
 * A run's exit code: 0 when it did its work (or a dry run), 3 when it was held back (or is under way in
 * another process), 1 when it failed;
 * the last two with one line on stderr saying why (and, when blocked, how to go on).
 */
export function runExitCode(run: JobRun, stderr: (text: string) => void): number {
  if (run.outcome === 'blocked') {
    stderr(`kiosk: ${run.job} blocked: ${explainReason(run.reason)}`);
    return EXIT_BLOCKED;
  }
  if (run.outcome === null) {
    // Another process (the running kiosk) has this job under way; this command did nothing itself.
    stderr(`kiosk: ${run.job} is already running in another process (run ${run.id}); try again when it is done`);
    return EXIT_BLOCKED;
  }
  if (run.outcome === 'failed') {
    stderr(`kiosk: ${run.job} failed: ${run.reason ? describeRunReason(run.reason, 'en') : 'unexpected error'}`);
    return 1;
  }
  return 0;
}
