import { describe, expect, it } from 'vitest';
import type { JobRun } from '../../../../shared/api/types';
import type { RunReasonKey } from '../../../../shared/run-reasons';
import {
  computeHealth,
  NO_HISTORY,
  type HealthFacts,
  type JobHistory,
} from '../../../../electron/core/health/health-state';

const HOUR = 60 * 60 * 1000;
const NOW = Date.parse('2026-11-24T10:00:00Z');

let nextId = 1;
function run(job: string, outcome: JobRun['outcome'], startedAt: number, reason: RunReasonKey | null = null): JobRun {
  return {
    id: nextId++,
    job,
    startedAt,
    finishedAt: startedAt + 1000,
    outcome,
    counts: {},
    reason: reason && { key: reason },
    message: null,
  };
}

function history(latest: JobRun, streakStart = latest, streakLength = 1, lastOkAt: number | null = null): JobHistory {
  return { latest, streakStart, streakLength, lastOkAt: latest.outcome === 'ok' ? latest.startedAt : lastOkAt };
}

/** A kiosk whose every job ran fine an hour ago, with a footage root. */
function healthy(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    now: NOW,
    firstActivityAt: NOW - 90 * 24 * HOUR,
    footageRootConfigured: true,
    footageDays: 28,
    jobs: {
      visitPurge: history(run('visitPurge', 'ok', NOW - HOUR)),
      footageScan: history(run('footageScan', 'ok', NOW - HOUR)),
      footagePurge: history(run('footagePurge', 'ok', NOW - HOUR)),
    },
    waiting: { visits: 0, footageFiles: 0 },
    scrubPending: null,
    holdsPastReview: [],
    ...overrides,
  };
}

const keys = (facts: HealthFacts) => computeHealth(facts).problems.map((problem) => problem.key);

describe('the health state', () => {
  it('has no problems when every job ran fine within the day', () => {
    expect(computeHealth(healthy())).toEqual({ checkedAt: NOW, problems: [] });
  });

  it('a clock-blocked visit purge: why (the first block, not the waiting ones after it), since when, what waits', () => {
    const first = run('visitPurge', 'blocked', NOW - 5 * HOUR, 'run.clockFarAhead');
    const latest = run('visitPurge', 'blocked', NOW - HOUR, 'run.awaitingConfirmation');
    const facts = healthy({ waiting: { visits: 7, footageFiles: 0 } });
    facts.jobs.visitPurge = history(latest, first, 5, NOW - 30 * HOUR);
    expect(computeHealth(facts).problems).toEqual([
      {
        key: 'retentionBlocked',
        params: { job: 'visitPurge', reason: 'clockFarAhead', waiting: 7 },
        since: NOW - 5 * HOUR,
      },
    ]);
  });

  it('a footage purge waiting for a large deletion is blocked; one blocked by the root says the root is unavailable', () => {
    const large = healthy({ waiting: { visits: 0, footageFiles: 40 } });
    large.jobs.footagePurge = history(run('footagePurge', 'blocked', NOW - 2 * HOUR, 'run.footageTooManyAtOnce'));
    expect(computeHealth(large).problems).toEqual([
      {
        key: 'retentionBlocked',
        params: { job: 'footagePurge', reason: 'tooManyAtOnce', waiting: 40 },
        since: NOW - 2 * HOUR,
      },
    ]);

    const unmounted = healthy();
    unmounted.jobs.footagePurge = history(
      run('footagePurge', 'blocked', NOW - HOUR, 'run.footageOtherDevice'),
      run('footagePurge', 'blocked', NOW - 3 * HOUR, 'run.footageEmptyWhileIndexed'),
      3,
    );
    expect(computeHealth(unmounted).problems).toEqual([
      { key: 'footageRootUnavailable', params: { reason: 'otherDevice' }, since: NOW - 3 * HOUR },
    ]);
  });

  it("reads the run's typed reason", () => {
    const facts = healthy();
    const blocked = run('footagePurge', 'blocked', NOW - HOUR, 'run.footageRootMissing');
    facts.jobs.footagePurge = history(blocked);
    expect(computeHealth(facts).problems).toMatchObject([
      { key: 'footageRootUnavailable', params: { reason: 'missing' } },
    ]);
  });

  it('failed runs: how many in a row and since the first, without also calling the job missing', () => {
    const facts = healthy();
    facts.jobs.visitPurge = history(
      run('visitPurge', 'failed', NOW - HOUR, 'run.failed'),
      run('visitPurge', 'failed', NOW - 40 * HOUR),
      40,
      NOW - 41 * HOUR,
    );
    expect(computeHealth(facts).problems).toEqual([
      { key: 'runFailed', params: { job: 'visitPurge', failures: 40 }, since: NOW - 40 * HOUR },
    ]);
  });

  it('no successful visit purge in 24 hours is a missing run; 24 hours exactly is not yet', () => {
    const late = healthy();
    late.jobs.visitPurge = history(run('visitPurge', 'ok', NOW - 30 * HOUR));
    expect(computeHealth(late).problems).toEqual([
      { key: 'runMissing', params: { job: 'visitPurge', hours: 30 }, since: NOW - 6 * HOUR },
    ]);
    const onTime = healthy();
    onTime.jobs.visitPurge = history(run('visitPurge', 'ok', NOW - 24 * HOUR));
    expect(keys(onTime)).toEqual([]);
  });

  it('a kiosk that never purged counts from its first activity; one that never did anything is not overdue', () => {
    const never = healthy({ firstActivityAt: NOW - 25 * HOUR });
    never.jobs.visitPurge = NO_HISTORY;
    expect(computeHealth(never).problems).toEqual([
      { key: 'runMissing', params: { job: 'visitPurge', hours: 25 }, since: NOW - HOUR },
    ]);
    const fresh = healthy({ firstActivityAt: null });
    fresh.jobs = { visitPurge: NO_HISTORY, footageScan: NO_HISTORY, footagePurge: NO_HISTORY };
    expect(keys(fresh)).toEqual([]);
  });

  it('no footage scan in 24 hours with a root set; a successful purge counts as a scan', () => {
    const noScan = healthy();
    noScan.jobs.footageScan = history(run('footageScan', 'ok', NOW - 26 * HOUR));
    noScan.jobs.footagePurge = history(run('footagePurge', 'ok', NOW - 25 * HOUR));
    expect(computeHealth(noScan).problems).toEqual([
      { key: 'runMissing', params: { job: 'footageScan', hours: 25 }, since: NOW - HOUR },
    ]);
    noScan.jobs.footagePurge = history(run('footagePurge', 'ok', NOW - 2 * HOUR));
    expect(keys(noScan)).toEqual([]);
  });

  it('without a footage root: footage retention is not enforced, and the footage jobs are not expected', () => {
    const facts = healthy({ footageRootConfigured: false, footageDays: 21 });
    facts.jobs.footageScan = NO_HISTORY;
    facts.jobs.footagePurge = NO_HISTORY;
    expect(computeHealth(facts).problems).toEqual([
      { key: 'footageNotEnforced', params: { days: 21 }, since: NOW - 90 * 24 * HOUR },
    ]);
  });

  it('takes scrub pending and holds past their review date from the injected sources', () => {
    const facts = healthy({
      scrubPending: { since: NOW - 2 * HOUR },
      holdsPastReview: [NOW - 3 * 24 * HOUR, NOW - 24 * HOUR],
    });
    expect(computeHealth(facts).problems).toEqual([
      { key: 'scrubPending', params: {}, since: NOW - 2 * HOUR },
      { key: 'holdsPastReview', params: { count: 2 }, since: NOW - 3 * 24 * HOUR },
    ]);
  });
});
