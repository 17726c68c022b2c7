import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';

describe('retention run: every personal-data job', () => {
  it('runs the visit purge (with audit and job records), the expected-visit purge and the export purge, one line each', () => {
    const dataDir = makeTempDir();
    const d = ['--data-dir', dataDir];
    const day = { KIOSK_NOW: '2026-11-24T10:15:00+01:00' };
    expect(cli(['retention', 'run', ...d], day).code).toBe(0);
    expect(
      cli(['visits', 'expect', '--date', '2026-11-24', '--first', 'Nobody', '--last', 'Came', ...d], day).code,
    ).toBe(0);

    const later = { KIOSK_NOW: '2026-12-04T10:15:00+01:00' }; // past the 7 days an unarrived invitation is kept
    const run = cli(['retention', 'run', ...d], later);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = run.stdout.trim().split('\n');
    expect(out).toEqual([
      expect.stringMatching(/^visitPurge run \d+: ok; due 0, held 0, erased 0/),
      expect.stringMatching(/^records \(audit and job runs\): auditErased 0, jobRunsErased 0$/),
      expect.stringMatching(/^invitationPurge run \d+: ok; .*erased 1/),
      expect.stringMatching(/^exportPurge run \d+: ok/),
    ]);
    expect(cli(['visits', 'search', '--query', 'nobody', '--purpose', 'other', '--json', ...d], later).stdout).toMatch(
      /"expected": \[\]/,
    );

    // A minute on: each process starts its clock at KIOSK_NOW, and a run behind the last one is held back.
    const minuteOn = { KIOSK_NOW: '2026-12-04T10:16:00+01:00' };
    const json = JSON.parse(cli(['retention', 'run', '--json', ...d], minuteOn).stdout);
    expect(json.jobs.map((job: { job: string }) => job.job)).toEqual(['visitPurge', 'invitationPurge', 'exportPurge']);
    expect(json).toMatchObject({ job: 'visitPurge', outcome: 'ok' });
  }, 120_000);
});
