import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kioskConfigSchema } from '../../../../shared/config';
import { describeProblem } from '../../../../shared/health-texts';
import { noticeVersion } from '../../../../shared/notice';
import { callers, manualClock, openTestKiosk, visitor } from '../../../helpers/kiosk';
import { makeTempDir } from '../../../helpers/temp-dir';

const DAY = 24 * 60 * 60 * 1000;
const launcher = path.resolve(import.meta.dirname, '../../../../scripts/cli.mjs');

/** The real CLI in a child process, as `npm run cli` runs it, at the given time. */
function cli(args: string[], now: number) {
  const run = spawnSync(process.execPath, [launcher, ...args], {
    encoding: 'utf8',
    env: { ...process.env, KIOSK_NOW: new Date(now).toISOString() },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function offlineProblem(kiosk: Awaited<ReturnType<typeof openTestKiosk>>) {
  const state = await kiosk.router.invoke('health.current', {}, callers.receptionist);
  if (!state.ok) throw new Error(state.error.key);
  return state.value.problems.find((problem) => problem.key === 'offlinePastDeadline') ?? null;
}

describe('a kiosk that was off past a deadline', () => {
  it('says so at start with the counts, until an admin acknowledges it (audited)', async () => {
    const dataDir = makeTempDir('offline-data-');
    const root = makeTempDir('offline-root-');
    const config = kioskConfigSchema.parse({ footage: { root } });
    const clock = manualClock('2026-05-10T10:00:00+02:00');
    let kiosk = await openTestKiosk({ clock, config, dataDir });
    for (const lastName of ['de Vries', 'Jansen'])
      expect(await kiosk.router.invoke('visits.signIn', visitor({ lastName }), callers.kiosk)).toMatchObject({
        ok: true,
      });
    // Recorded on 20 October (Frigate: UTC paths), due on 17 November.
    const file = path.join(root, 'frigate', '2026-10-20', '14', 'front_door', '00.00.mp4');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'x');
    const recorded = new Date('2026-10-20T14:00:00Z');
    fs.utimesSync(file, recorded, recorded);

    // Last seen on 1 November: the visits are due on 10 November, the file on 17 November.
    clock.set('2026-11-01T10:00:00+01:00');
    expect(await kiosk.footage.scan()).toMatchObject({ outcome: 'ok', counts: { added: 1 } });
    const lastSeen = clock.now();
    await kiosk.close();

    // Off for 40 days.
    clock.set('2026-12-11T10:00:00+01:00');
    kiosk = await openTestKiosk({ clock, config, dataDir });
    expect(await offlineProblem(kiosk)).toBeNull(); // nothing is said before the kiosk starts its jobs
    await kiosk.startBackgroundJobs();
    const problem = await offlineProblem(kiosk);
    expect(problem).toMatchObject({
      key: 'offlinePastDeadline',
      params: {
        from: lastSeen,
        to: clock.now(),
        visits: 2,
        files: 1,
        overdueMs: clock.now() - Date.parse('2026-11-10T10:00:00+01:00'),
      },
    });
    const en = describeProblem(problem!, 'en', config.timeZone).what;
    const nl = describeProblem(problem!, 'nl', config.timeZone).what;
    expect(en).toContain('off from 1 Nov 2026');
    expect(en).toContain('2 visits and 1 file outlived their deadline by up to 31 days');
    expect(nl).toContain('uit van 1 nov. 2026');
    expect(nl).toContain('2 bezoeken en 1 bestand bleven tot 31 dagen over hun termijn bewaard');

    // The command line says it too, and monitoring sees exit 3 while it is unacknowledged.
    const health = cli(['health', '--data-dir', dataDir], clock.now());
    expect(health.code).toBe(3);
    expect(health.stdout).toContain('[offlinePastDeadline] The kiosk was off from 1 Nov 2026');
    const status = cli(['retention', 'status', '--data-dir', dataDir, '--json'], clock.now());
    expect(status.code).toBe(3);
    expect(JSON.parse(status.stdout).health.problems).toContainEqual(problem);

    // Only an admin acknowledges it; it is gone then, and the audit says who.
    expect(await kiosk.router.invoke('health.acknowledgeOffline', {}, callers.receptionist)).toMatchObject({
      ok: false,
      error: { key: 'api.forbidden' },
    });
    expect(await kiosk.router.invoke('health.acknowledgeOffline', {}, callers.admin)).toEqual({
      ok: true,
      value: { acknowledged: true },
    });
    expect(await offlineProblem(kiosk)).toBeNull();
    const after = JSON.parse(cli(['health', '--data-dir', dataDir, '--json'], clock.now()).stdout);
    expect(after.problems.map((p: { key: string }) => p.key)).not.toContain('offlinePastDeadline');
    const audit = await kiosk.database.all<{ actor: string; action: string; detail: string }>(
      "SELECT actor, action, detail FROM audit_log WHERE action LIKE 'health.offline%' ORDER BY id",
    );
    expect(audit.map((row) => [row.actor, row.action])).toEqual([
      ['system', 'health.offlinePastDeadline'],
      ['Ada', 'health.offlineAcknowledged'],
    ]);
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ visits: 2, files: 1 });
  });

  it("counts a visit by the period it was shown at sign-in when that is shorter than today's", async () => {
    const dataDir = makeTempDir('offline-data-');
    const clock = manualClock('2026-05-10T10:00:00+02:00');
    const shown = kioskConfigSchema.parse({ retention: { visitMonths: 3 } });
    let kiosk = await openTestKiosk({ clock, config: shown, dataDir });
    const signedIn = await kiosk.router.invoke(
      'visits.signIn',
      visitor({ noticeVersion: noticeVersion(shown) }),
      callers.kiosk,
    );
    expect(signedIn).toMatchObject({ ok: true });
    clock.set('2026-08-01T10:00:00+02:00');
    await kiosk.retention.run(); // seen running on 1 August
    const lastSeen = clock.now();
    await kiosk.close();
    // Off until after 10 August, the visit's 3 months; the setting is 6 months by now, not for this visit.
    clock.set('2026-09-15T10:00:00+02:00');
    kiosk = await openTestKiosk({ clock, config: kioskConfigSchema.parse({}), dataDir });
    await kiosk.startBackgroundJobs();
    expect(await offlineProblem(kiosk)).toMatchObject({
      params: {
        from: lastSeen,
        visits: 1,
        files: 0,
        overdueMs: clock.now() - Date.parse('2026-08-10T10:00:00+02:00'),
      },
    });
  });

  it('says nothing after a short restart, or when no deadline fell in the gap', async () => {
    const dataDir = makeTempDir('offline-data-');
    const clock = manualClock('2026-05-10T10:00:00+02:00');
    let kiosk = await openTestKiosk({ clock, dataDir });
    await kiosk.router.invoke('visits.signIn', visitor(), callers.kiosk);
    clock.set('2026-10-01T10:00:00+02:00');
    await kiosk.retention.run();
    await kiosk.close();
    clock.advance(30 * DAY); // off a month, but the visit is due on 10 November only
    kiosk = await openTestKiosk({ clock, dataDir });
    await kiosk.startBackgroundJobs();
    expect(await offlineProblem(kiosk)).toBeNull();
    expect(await kiosk.router.invoke('health.acknowledgeOffline', {}, callers.admin)).toEqual({
      ok: true,
      value: { acknowledged: false },
    });
  });
});
