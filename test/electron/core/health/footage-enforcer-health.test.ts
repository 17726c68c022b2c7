import { describe, expect, it } from 'vitest';
import { computeHealth, NO_HISTORY, type HealthFacts } from '../../../../electron/core/health/health-state';
import { describeProblem } from '../../../../shared/health-texts';

const NOW = Date.parse('2026-11-24T10:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

/** A fresh kiosk without a footage root, its visit purge never run yet. */
function facts(overrides: Partial<HealthFacts>): HealthFacts {
  return {
    now: NOW,
    firstActivityAt: NOW - DAY,
    footageRootConfigured: false,
    footageDays: 21,
    jobs: { visitPurge: NO_HISTORY, footageScan: NO_HISTORY, footagePurge: NO_HISTORY },
    waiting: { visits: 0, footageFiles: 0 },
    scrubPending: null,
    holdsPastReview: [],
    ...overrides,
  };
}
const keys = (value: HealthFacts) => computeHealth(value).problems.map((problem) => problem.key);

describe('the footage alarm follows who deletes camera footage', () => {
  it('kiosk without a root: the alarm stays', () => {
    expect(computeHealth(facts({ footageEnforcedBy: 'kiosk' })).problems).toEqual([
      { key: 'footageNotEnforced', params: { days: 21 }, since: NOW - DAY },
    ]);
    expect(keys(facts({}))).toEqual(['footageNotEnforced']);
  });

  it('kiosk with a root: no alarm', () => {
    const withRoot = facts({ footageEnforcedBy: 'kiosk', footageRootConfigured: true });
    withRoot.jobs = {
      visitPurge: NO_HISTORY,
      footageScan: NO_HISTORY,
      footagePurge: NO_HISTORY,
    };
    expect(keys({ ...withRoot, firstActivityAt: null })).toEqual([]);
  });

  it('the recorder deletes its own footage: no alarm without a root', () => {
    expect(keys(facts({ footageEnforcedBy: 'recorder' }))).toEqual([]);
  });

  it('no cameras on this kiosk: no alarm', () => {
    expect(keys(facts({ footageEnforcedBy: 'noCameras' }))).toEqual([]);
  });

  it('its text names the Settings tab, not config.json, in both languages', () => {
    const problem = { key: 'footageNotEnforced', params: { days: 21 }, since: NOW } as const;
    const nl = describeProblem(problem, 'nl', 'Europe/Amsterdam');
    const en = describeProblem(problem, 'en', 'Europe/Amsterdam');
    expect(nl.todo).toMatch(/^Vraag een beheerder .*Instellingen → Camerabeelden en recorder/);
    expect(en.todo).toMatch(/^Ask an admin .*Settings → Camera footage and recorder/);
    expect(`${nl.what} ${nl.todo} ${en.what} ${en.todo}`).not.toMatch(/config\.json|footage\.root/);
    expect(en.todo).toMatch(/recorder deletes its own footage|no cameras/);
  });
});
