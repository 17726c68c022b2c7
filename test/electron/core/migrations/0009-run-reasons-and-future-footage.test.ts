import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { createJobRunner } from '../../../../electron/core/jobs';
import { migrations } from '../../../../electron/core/migrations';
import * as runReasons from '../../../../electron/core/migrations/0009-run-reasons-and-future-footage';
import { fixedClock } from '../../../../electron/core/clock';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0009 turns the reasons old runs kept as English text into keys; an unexpected failure keeps its text for the log', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const position = migrations.findIndex((migration) => migration.sql === runReasons.sql);
  const before = await openDatabase(file, migrations.slice(0, position));
  await before.exec(`
    INSERT INTO job_runs (id, job, started_at, finished_at, outcome, message) VALUES
      (1, 'visitPurge', 1, 2, 'blocked', 'clockFarAhead'),
      (2, 'footagePurge', 1, 2, 'blocked', 'tooManyAtOnce: 62 of 90 live files are due at once (more than 50%)'),
      (3, 'footagePurge', 1, 2, 'blocked', 'otherDevice: /srv/cctv is not on the device it was on at the last scan'),
      (4, 'footageScan', 1, 2, 'failed', 'interrupted: the process running it stopped'),
      (5, 'visitPurge', 1, 2, 'failed', 'SQLITE_FULL: database or disk is full'),
      (6, 'visitPurge', 1, 2, 'ok', NULL);`);
  await before.close();

  const after = await openDatabase(file, migrations.slice(0, position + 1));
  try {
    const jobs = createJobRunner({ database: after, clock: fixedClock(3), logError: () => undefined });
    const runs = await Promise.all([1, 2, 3, 4, 5, 6].map((id) => jobs.get(id)));
    expect(runs.map((run) => [run?.reason, run?.message])).toEqual([
      [{ key: 'run.clockFarAhead' }, null],
      [{ key: 'run.footageTooManyAtOnce' }, null],
      [{ key: 'run.footageOtherDevice' }, null],
      [{ key: 'run.interrupted' }, 'interrupted: the process running it stopped'],
      [{ key: 'run.failed' }, 'SQLITE_FULL: database or disk is full'],
      [null, null],
    ]);
    expect(await after.all('SELECT claimed_recorded_at FROM footage_files')).toEqual([]);
  } finally {
    await after.close();
  }
});
