import { describe, expect, it } from 'vitest';
import type { HealthProblem } from '../../shared/api/health';
import { describeProblem } from '../../shared/health-texts';

const since = Date.parse('2026-11-24T09:00:00Z');
const every: HealthProblem[] = [
  { key: 'retentionBlocked', params: { job: 'visitPurge', reason: 'clockBehindLastRun', waiting: 3 }, since },
  { key: 'retentionBlocked', params: { job: 'footagePurge', reason: 'tooManyAtOnce', waiting: 1 }, since },
  { key: 'footageRootUnavailable', params: { reason: 'emptyWhileIndexed' }, since },
  { key: 'runFailed', params: { job: 'footageScan', failures: 2 }, since },
  { key: 'runMissing', params: { job: 'visitPurge', hours: 30 }, since },
  { key: 'scrubPending', params: {}, since },
  { key: 'holdsPastReview', params: { count: 2 }, since },
  { key: 'footageNotEnforced', params: { days: 28 }, since },
];

describe('the alarm texts', () => {
  it.each(every)('$key says what, since when, what to do and who, in Dutch and English', (problem) => {
    for (const language of ['nl', 'en'] as const) {
      const { what, todo } = describeProblem(problem, language, 'Europe/Amsterdam');
      if (problem.key !== 'footageNotEnforced')
        expect(what).toContain(language === 'nl' ? '24-11-2026 10:00' : '24/11/2026 10:00');
      expect(todo).toMatch(language === 'nl' ? /^Vraag (een beheerder|IT|beveiliging)/ : /^Ask (an admin|IT|security)/);
    }
  });

  it('names the reason, the job and the counts', () => {
    expect(describeProblem(every[1]!, 'en', 'UTC')).toEqual({
      what: 'Since 24/11/2026 09:00 the footage purge has erased nothing: it would delete more than the allowed share of the footage at once. 1 file past the retention period is waiting.',
      todo: 'Ask an admin to review what would be deleted and confirm it in Retention.',
    });
    expect(describeProblem(every[2]!, 'nl', 'UTC').what).toBe(
      'Sinds 24-11-2026 09:00 is de map met camerabeelden niet bereikbaar: de map is leeg terwijl de index bestanden kent (niet gekoppeld?). Er wordt niets verwijderd.',
    );
  });

  it('shows a reason it has no text for as its key', () => {
    const problem: HealthProblem = { key: 'footageRootUnavailable', params: { reason: 'newReason' }, since };
    expect(describeProblem(problem, 'en', 'UTC').what).toContain('unavailable: newReason.');
  });
});
