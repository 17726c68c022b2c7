import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
// As `npm run cli` runs it: the bundled CLI, rebuilt first when a source is newer.
const launcher = path.join(root, 'scripts', 'cli.mjs');

/** Runs the real CLI in a child process at the given time, as `npm run cli` does. */
function cli(args: string[], now: string) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_NOW: now },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the retention alarms on the command line', () => {
  it('retention status --json and health show a blocked purge and the missing footage root', () => {
    const dataDir = makeTempDir();
    const march = '2026-03-01T10:00:00+01:00';
    const november = '2026-11-24T10:00:00+01:00';
    expect(cli(['visits', 'sign-in', '--first', 'Anna', '--last', 'Jansen', '--data-dir', dataDir], march).code).toBe(
      0,
    );
    expect(cli(['retention', 'run', '--data-dir', dataDir], march).code).toBe(0);
    expect(cli(['retention', 'run', '--data-dir', dataDir, '--json'], november).stdout).toMatch(/"blocked"/);

    // Monitoring sees the open alarms in the exit code: 3, not success (issue 20).
    const status = cli(['retention', 'status', '--data-dir', dataDir, '--json'], november);
    expect(status.code).toBe(3);
    const { health } = JSON.parse(status.stdout);
    expect(health.problems).toEqual([
      {
        key: 'retentionBlocked',
        params: { job: 'visitPurge', reason: 'clockFarAhead', waiting: 1 },
        since: expect.any(Number),
      },
      { key: 'footageNotEnforced', params: { days: 28 }, since: expect.any(Number) },
    ]);

    const json = cli(['health', '--data-dir', dataDir, '--json'], november);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).problems.map((problem: { key: string }) => problem.key)).toEqual([
      'retentionBlocked',
      'footageNotEnforced',
    ]);

    const text = cli(['health', '--data-dir', dataDir], november);
    expect(text.code).toBe(3);
    expect(text.stdout).toMatch(
      /^Retention health: 2 problems\n- \[retentionBlocked:visitPurge\] Since 24\/11\/2026 10:00/,
    );
    expect(text.stdout).toMatch(/What to do: Ask an admin to check this computer's clock/);
    expect(text.stdout).not.toMatch(/Anna|Jansen/);
    expect(cli(['retention', 'status', '--data-dir', dataDir], november).stdout).toMatch(
      /BLOCKED[\s\S]*Retention health: 2 problems/,
    );
  }, 120_000); // seven child processes on a loaded machine

  it('health and retention status exit 0 when no alarm is open', () => {
    const dataDir = makeTempDir();
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ footage: { root: makeTempDir('footage-') } }));
    const health = cli(['health', '--data-dir', dataDir, '--json'], '2026-11-24T10:00:00+01:00');
    expect(JSON.parse(health.stdout)).toMatchObject({ problems: [] });
    expect(health.code).toBe(0);
    const status = cli(['retention', 'status', '--data-dir', dataDir], '2026-11-24T10:00:00+01:00');
    expect(status.stdout).toMatch(/Retention health: no problems/);
    expect(status.code).toBe(0);
  }, 60_000);
});
