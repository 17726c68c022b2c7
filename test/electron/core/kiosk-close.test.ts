// kiosk.close() while jobs still run: it waits for them, so no job meets a closed database (once an
// unhandled SQLITE_MISUSE "Database is closed" failed an unrelated test in staff-access.test.ts).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../shared/config';
import { createKiosk } from '../../../electron/core/kiosk';
import { manualClock, visitor } from '../../helpers/kiosk';
import { makeTempDir } from '../../helpers/temp-dir';

async function openKiosk(dataDir: string) {
  return createKiosk({
    dataDir,
    config: defaultConfig,
    clock: manualClock('2026-11-24T09:00:00Z'),
    logError: () => undefined,
  });
}

async function openRuns(dataDir: string) {
  const reopened = await openKiosk(dataDir);
  try {
    return await reopened.database.all<{ job: string; outcome: string | null }>(
      'SELECT job, outcome FROM job_runs WHERE finished_at IS NULL OR outcome = ?',
      ['failed'],
    );
  } finally {
    await reopened.close();
  }
}

describe('kiosk.close', () => {
  it('waits for a running job to finish and record its run', async () => {
    const dataDir = makeTempDir();
    const kiosk = await openKiosk(dataDir);
    let release!: () => void;
    let started!: () => void;
    const workStarted = new Promise<void>((resolve) => (started = resolve));
    const run = kiosk.jobs.run('slowJob', async () => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      await kiosk.database.get('SELECT count(*) FROM visits');
      return { outcome: 'ok', counts: { done: 1 } };
    });
    await workStarted;
    const closing = kiosk.close();
    release();
    await expect(run).resolves.toMatchObject({ job: 'slowJob', outcome: 'ok', counts: { done: 1 } });
    await closing;
    expect(await openRuns(dataDir)).toEqual([]);
  });

  it('called while the background jobs are still starting, lets them start and finish first', async () => {
    const dataDir = makeTempDir();
    const kiosk = await openKiosk(dataDir);
    await kiosk.handle('kiosk', 'visits.signIn', visitor());
    const starting = kiosk.startBackgroundJobs();
    await kiosk.close();
    await expect(starting).resolves.toBeUndefined();
    expect(await openRuns(dataDir)).toEqual([]);
  });

  it('starts no background jobs once closing', async () => {
    const dataDir = makeTempDir();
    const kiosk = await openKiosk(dataDir);
    await kiosk.close();
    await expect(kiosk.startBackgroundJobs()).resolves.toBeUndefined();
  });
});
