import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, type KioskConfig } from '../../../../shared/config';
import { describeRunReason } from '../../../../shared/run-reasons';
import { backlogQuery } from '../../../../electron/core/footage/backlog';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const NOW = '2026-11-24T10:00:00Z';
const DAY = 24 * 60 * 60 * 1000;

/** Footage files at the given recording starts (Frigate layout), each with an mtime ten minutes later. */
function writeFiles(root: string, files: Record<string, number>) {
  for (const [relative, recordedAt] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    const mtime = new Date(Math.min(recordedAt + 10 * 60_000, Date.parse(NOW) - DAY));
    fs.utimesSync(file, mtime, mtime);
  }
}

const frigate = (at: number, camera: string) => {
  const [date, time] = new Date(at).toISOString().split('T') as [string, string];
  const [hour, minute, second] = time.slice(0, 8).split(':');
  return `${date}/${hour}/${camera}/${minute}.${second}.mp4`;
};

/** One file a day per camera, for `days` days up to the day before NOW. */
function daysOfFootage(days: number, cameras: string[], end = Date.parse(NOW) - DAY) {
  const files: Record<string, number> = {};
  for (let day = 0; day < days; day++) {
    for (const camera of cameras) files[frigate(end - day * DAY, camera)] = end - day * DAY;
  }
  return files;
}

async function kioskOn(root: string, footage: Partial<KioskConfig['footage']> = {}) {
  const clock = manualClock(NOW);
  const config: KioskConfig = { ...defaultConfig, footage: { ...defaultConfig.footage, root, ...footage } };
  const kiosk = await openTestKiosk({ clock, config });
  const statuses = async () =>
    (
      await kiosk.database.all<{ status: string; n: number }>(
        'SELECT status, count(*) AS n FROM footage_files GROUP BY status ORDER BY status',
      )
    ).map((row) => `${row.status} ${row.n}`);
  return { clock, kiosk, statuses };
}

describe('a footage backlog larger than footage.maxDeleteShare', () => {
  it('is counted over the live time index up to the newest due, not over every camera’s files', async () => {
    const kiosk = await openTestKiosk({ clock: manualClock(NOW) });
    const shorter = { ...defaultConfig, footage: { ...defaultConfig.footage, cameraRetentionDays: { gate: 7 } } };
    for (const config of [defaultConfig, shorter]) {
      const query = backlogQuery(config, Date.parse(NOW), Date.parse(NOW) + 3_600_000);
      const plan = (await kiosk.database.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`, query.params)).map(
        (step) => step.detail,
      );
      expect(plan.filter((detail) => / f\b/.test(detail))).toEqual([
        expect.stringMatching(/SEARCH f USING INDEX footage_live_by_time \(recorded_at<\?\)/),
      ]);
    }
  });

  it('waits for an admin, who sees what would go per camera and confirms it; a later backlog waits again', async () => {
    const root = makeTempDir('footage-root-');
    writeFiles(root, daysOfFootage(90, ['gate', 'lobby']));
    const { clock, kiosk, statuses } = await kioskOn(root);

    // The fault: nothing could ever confirm, so a root first configured with 90 days of files stayed blocked.
    for (const days of [0, 1, 7, 30]) {
      clock.set(NOW);
      clock.advance(days * DAY);
      // The recorder goes on recording meanwhile.
      if (days === 30) writeFiles(root, daysOfFootage(27, ['gate', 'lobby'], Date.parse(NOW) + 29 * DAY));
      expect(await kiosk.footage.purge()).toMatchObject({
        outcome: 'blocked',
        reason: { key: 'run.footageTooManyAtOnce', params: { percent: 50 } },
      });
    }
    expect(await statuses()).toEqual(['kept 234']);

    // Security may look at the index but not confirm a mass deletion.
    expect(await kiosk.router.invoke('footage.backlog', {}, callers.security)).toMatchObject({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    const preview = await kiosk.router.invoke('footage.backlog', {}, callers.admin);
    const due = 180; // at +30 days every file is past its four weeks
    expect(preview).toEqual({
      ok: true,
      value: expect.objectContaining({
        files: due,
        liveFiles: 234,
        oldestRecording: Date.parse(NOW) - 90 * DAY,
        cameras: [
          expect.objectContaining({ camera: 'gate', files: due / 2, oldestRecording: Date.parse(NOW) - 90 * DAY }),
          expect.objectContaining({ camera: 'lobby', files: due / 2 }),
        ],
      }),
    });
    // A count that is not what the admin was shown confirms nothing.
    expect(await kiosk.router.invoke('footage.confirmDeletion', { files: due + 1 }, callers.admin)).toMatchObject({
      ok: false,
      error: { key: 'footage.backlogChanged' },
    });
    expect(await statuses()).toEqual(['kept 234']);

    const confirmed = await kiosk.router.invoke('footage.confirmDeletion', { files: due }, callers.admin);
    expect(confirmed).toMatchObject({ ok: true, value: { outcome: 'ok', counts: { deleted: due } } });
    expect(await statuses()).toEqual([`deleted ${due}`, 'kept 54']);
    const audit = await kiosk.audit.list({ action: 'footage' });
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['footage.largeDeletionConfirmed', 'footage.purged']),
    );
    expect(audit.find((entry) => entry.action === 'footage.largeDeletionConfirmed')).toMatchObject({
      actor: 'Ada',
      detail: { files: due, cameras: 2 },
    });
    expect(audit.find((entry) => entry.action === 'footage.purged')).toMatchObject({ detail: { deleted: due } });

    // A camera restored from a backup brings a new backlog: the confirmation does not cover it.
    writeFiles(root, daysOfFootage(70, ['yard'], Date.parse(NOW) - 40 * DAY));
    expect(await kiosk.footage.purge()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.footageTooManyAtOnce', params: { due: 70, live: 124 } },
    });
    expect(await statuses()).toEqual([`deleted ${due}`, 'kept 124']);
  });

  it('cannot be confirmed while no purge is held back as too large', async () => {
    const { kiosk } = await kioskOn(makeTempDir('footage-root-'));
    expect(await kiosk.router.invoke('footage.backlog', {}, callers.admin)).toEqual({ ok: true, value: null });
    expect(await kiosk.router.invoke('footage.confirmDeletion', {}, callers.admin)).toMatchObject({
      ok: false,
      error: { key: 'retention.notBlocked' },
    });
  });
});

describe('a footage file whose path says a time after now', () => {
  it('is dated by the earliest of its mtime and first scan, and deleted four weeks after that, not in 2036', async () => {
    const root = makeTempDir('footage-root-');
    const claimed = Date.parse('2036-01-01T09:00:00Z');
    const slightlyAhead = Date.parse(NOW) + 5 * 60_000; // a recorder clock a few minutes fast is believed
    writeFiles(root, { [frigate(claimed, 'gate')]: claimed, [frigate(slightlyAhead, 'lobby')]: slightlyAhead });
    const { clock, kiosk } = await kioskOn(root, { maxDeleteShare: 1 });

    expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 2, futureCorrected: 1 } });
    const rows = await kiosk.footage.list();
    // Its mtime (a day before NOW: writeFiles never stamps a file later) is earlier than its first scan.
    expect(rows.find((row) => row.camera === 'gate')).toMatchObject({
      recordedAt: Date.parse(NOW) - DAY,
      claimedRecordedAt: claimed,
      future: false,
      deleteBy: Date.parse(NOW) + 27 * DAY,
    });
    expect(rows.find((row) => row.camera === 'lobby')).toMatchObject({
      recordedAt: slightlyAhead,
      claimedRecordedAt: null,
    });
    expect(
      await kiosk.database.get('SELECT claimed_recorded_at AS claimed FROM footage_files WHERE camera = ?', ['gate']),
    ).toEqual({ claimed });

    clock.advance(26 * DAY);
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok', counts: { deleted: 0, futureCorrected: 0 } });
    clock.advance(DAY);
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok', counts: { deleted: 1 } });
    clock.advance(DAY);
    expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok', counts: { deleted: 1 } });
    expect(fs.existsSync(path.join(root, ...frigate(claimed, 'gate').split('/')))).toBe(false);
  });
});

describe('a footage file named a year ahead', () => {
  it('is due 28 days after its mtime, not after its first scan a week later (issue 20)', async () => {
    const root = makeTempDir('footage-root-');
    const relative = frigate(Date.parse('2027-11-17T09:00:00Z'), 'gate');
    const file = path.join(root, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    const mtime = new Date(Date.parse(NOW) - 7 * DAY); // written a week before the kiosk first scans it
    fs.utimesSync(file, mtime, mtime);
    const { kiosk } = await kioskOn(root);
    expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 1, futureCorrected: 1 } });
    expect((await kiosk.footage.list())[0]).toMatchObject({
      recordedAt: mtime.getTime(),
      deleteBy: mtime.getTime() + 28 * DAY,
    });
  });
});

const isRoot = process.getuid?.() === 0;
const mounted: string[] = [];
afterEach(() => {
  for (const mountPoint of mounted.splice(0)) {
    try {
      execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    } catch {
      // already unmounted by the test
    }
  }
});

describe('an unavailable footage share', () => {
  it.skipIf(!isRoot)(
    'an unmounted share blocks scan and purge with the reason and marks nothing gone; mounted again, all is well (needs root for mount -t tmpfs)',
    async () => {
      const mountPoint = makeTempDir('footage-share-');
      const mount = () => {
        execFileSync('mount', ['-t', 'tmpfs', 'tmpfs', mountPoint]);
        mounted.push(mountPoint);
      };
      const old = Date.parse(NOW) - 35 * DAY;
      const files = {
        ...daysOfFootage(3, ['gate']),
        [frigate(old, 'gate')]: old,
        [frigate(old, 'lobby')]: old,
      };
      mount();
      writeFiles(mountPoint, files);
      const { clock, kiosk, statuses } = await kioskOn(mountPoint);
      expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 5 } });

      execFileSync('umount', [mountPoint]);
      expect(fs.readdirSync(mountPoint)).toEqual([]); // the mount point, on the parent's file system
      for (let day = 0; day < 3; day++) {
        expect(await kiosk.footage.scan()).toMatchObject({
          outcome: 'blocked',
          reason: { key: 'run.footageOtherDevice' },
        });
        expect(await kiosk.footage.purge()).toMatchObject({
          outcome: 'blocked',
          reason: { key: 'run.footageOtherDevice' },
        });
        clock.advance(DAY);
      }
      expect(await statuses()).toEqual(['kept 5']);
      const blocked = await kiosk.audit.list({ action: 'footage.blocked' });
      expect(blocked.length).toBeGreaterThanOrEqual(6);

      mount(); // a new tmpfs: another device id, with the same files back
      writeFiles(mountPoint, files);
      expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 0, vanished: 0 } });
      expect(await kiosk.footage.purge()).toMatchObject({ outcome: 'ok', counts: { deleted: 2 } });
      expect(await statuses()).toEqual(['deleted 2', 'kept 3']);
    },
  );

  it('a root found empty while files are indexed, or missing, blocks the scan; nothing is marked gone', async () => {
    const root = makeTempDir('footage-root-');
    writeFiles(root, daysOfFootage(3, ['gate']));
    const { kiosk, statuses } = await kioskOn(root);
    expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 3 } });

    for (const entry of fs.readdirSync(root)) fs.rmSync(path.join(root, entry), { recursive: true });
    expect(await kiosk.footage.scan()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.footageEmptyWhileIndexed', params: { files: 3 } },
    });
    fs.rmSync(root, { recursive: true });
    expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'blocked', reason: { key: 'run.footageRootMissing' } });
    expect(await kiosk.footage.purge()).toMatchObject({
      outcome: 'blocked',
      reason: { key: 'run.footageRootMissing' },
    });
    expect(await statuses()).toEqual(['kept 3']);
  });
});

describe('run outcomes', () => {
  it('carry a typed reason, translated in Dutch and English, for the visit purge’s clock guard too', async () => {
    const clock = manualClock('2026-04-20T10:00:00Z');
    const kiosk = await openTestKiosk({ clock });
    expect(await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk)).toMatchObject({ ok: true });
    clock.set('2026-11-24T10:00:00Z');
    const run = await kiosk.retention.run();
    expect(run).toMatchObject({ outcome: 'blocked', reason: { key: 'run.clockFarAhead', params: { days: 30 } } });
    expect(describeRunReason(run.reason!, 'nl')).toBe(
      'de klok staat meer dan 30 dagen verder dan alles wat de kiosk eerder zag',
    );
    expect(describeRunReason(run.reason!, 'en')).toBe(
      'the clock is more than 30 days past everything the kiosk saw before',
    );
    expect((await kiosk.retention.status()).blocked).toMatchObject({ reason: { key: 'run.clockFarAhead' } });
  });

  it('a run that fails unexpectedly says so with a key, and keeps its error text for the log only', async () => {
    const clock = manualClock(NOW);
    const kiosk = await openTestKiosk({ clock });
    const run = await kiosk.jobs.run('visitPurge', async () => {
      throw new Error('disk I/O error');
    });
    expect(run).toMatchObject({ outcome: 'failed', reason: { key: 'run.failed' }, message: 'disk I/O error' });
  });
});
